#pragma once
/**
 * @brief The schema registry: every replicated table, its fields, their types and
 *        allowed values. Store, CLI, protocol, GUI forms and reports all read it.
 *
 * Field names are snake_case ASCII; values are Vietnamese NFC UTF-8. Each field
 * records the migration that introduced it (`since`), so the store derives its
 * numbered migrations from this registry and never rewrites an old one.
 */
#include "tdkt/core/value.hpp"

#include <atomic>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tdkt::schema {

enum class FieldType { Text, Integer, Real, Boolean, Date, Enum, Ref, Json };

std::string_view typeName(FieldType t);

struct EnumValue {
    std::string code;  // stored value, ASCII snake_case
    std::string label; // Vietnamese label for the UI
    int since = 1;     // migration that added the value
};

struct FieldDef {
    std::string name;
    FieldType type = FieldType::Text;
    std::string label;              // Vietnamese label
    bool required = false;
    std::vector<EnumValue> values;  // allowed values, for Enum
    std::string refTable;           // referenced table, for Ref
    bool searchable = false;        // indexed by full-text search
    int since = 1;                  // migration that added the field
    // An open enumeration (award_code) grows by later migrations: a value received
    // from a newer replica that this build does not know is kept as its code (a
    // local write still takes only the known values).
    bool open = false;

    bool allows(std::string_view code) const;
};

struct TableDef {
    std::string name;
    std::string label;         // Vietnamese label
    std::string unitField;     // the field that gives a row its unit ("id" for units)
    std::string titleField;    // what a list or a search hit shows
    std::vector<FieldDef> fields;
    bool serverWritten = false; // rows only the server creates (conflicts)
    int since = 1;

    const FieldDef* field(std::string_view name) const;
    bool searchable() const;
};

/** The registry (built once, immutable). */
class Registry {
public:
    const std::vector<TableDef>& tables() const { return m_tables; }

    const TableDef* table(std::string_view name) const;

    /** Like table(), but throws Error(Invalid) naming the known tables. */
    const TableDef& require(std::string_view name) const;

    /** The newest migration any field or table names. */
    int latestVersion() const;

    explicit Registry(std::vector<TableDef> tables) : m_tables(std::move(tables)) {}

private:
    std::vector<TableDef> m_tables;
    // The table found last: a push's or a pull's ops name the same table again and
    // again. Any thread may read or replace it; it only ever points into m_tables.
    mutable std::atomic<const TableDef*> m_last{nullptr};
};

const Registry& registry();

/**
 * The registry as the build of schema `version` knew it (tables, fields, enumeration
 * values with `since` <= version); registry() itself for the latest or later.
 */
const Registry& registryAt(int version);

/** Whether a build of schema `version` knows this field (or _deleted) of `table`. */
bool knownAt(const TableDef& table, std::string_view field, int version);

/**
 * Checks a value against its field: type, enumeration, date shape, UTF-8; text
 * comes back in NFC, booleans as 0/1. Throws Error(Invalid) with a message that
 * names the table and field.
 */
Value validate(const TableDef& table, const FieldDef& field, Value value);

/**
 * The same checks without making the normalised value (no copy, no NFC): for
 * values that are only checked, such as changes received from other replicas.
 * An open enumeration takes here any well-formed code (a newer replica's value).
 */
void check(const TableDef& table, const FieldDef& field, const Value& value);

/** Pseudo-field of every replicated row: 1 when the row is deleted. */
inline constexpr std::string_view DeletedField = "_deleted";

} // namespace tdkt::schema
