#pragma once
/**
 * @brief JSON as people and other programs read and write it (nlohmann-json):
 *        rows, field values typed by the schema, and values typed from text (CSV,
 *        --where). Errors throw tdkt::Error(Invalid) naming the field.
 */
#include "tdkt/core/hlc.hpp"
#include "tdkt/schema/schema.hpp"
#include "tdkt/store/row.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace tdkt::json {

using Json = nlohmann::json;

/** A value as JSON: booleans as true/false, Json fields parsed, others as is. */
Json valueToJson(const schema::FieldDef* field, const Value& v);

/** A JSON value for a field (type-checked later by schema::validate). */
Value valueFromJson(const schema::TableDef& t, const schema::FieldDef& field, const Json& j);

/** A value written as text (a CSV cell, a --where value); empty text is null. */
Value valueFromText(const schema::TableDef& t, const schema::FieldDef& field, std::string_view text);

/** {"id": ..., "field": value, ...}; null fields are left out. */
Json rowToJson(const schema::TableDef& t, const store::Row& row);

/** The fields of a JSON object (every key but "id"); unknown fields throw. */
store::Fields fieldsFromJson(const schema::TableDef& t, const Json& object);

/** ISO 8601 UTC time of a stamp's milliseconds: 2026-11-25T12:40:41.123Z. */
std::string isoTime(HlcStamp stamp);

/** Parses text as JSON, with a clear error ("malformed JSON at byte N: ..."). */
Json parse(std::string_view text, std::string_view what);

} // namespace tdkt::json
