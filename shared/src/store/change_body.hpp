#pragma once
// The body of one op-log row (a "change": consecutive ops of one replica on one
// row): a JSON array of [field, value, hlc, base_hlc, base_site, applied], so SQL
// can still read each op (the `ops` view, json_each) while the log keeps one row
// per changed row instead of one per field. Internal to the store.
#include "tdkt/core/op.hpp"
#include "tdkt/core/value.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace tdkt::store {

struct LogOp {
    std::string field;
    Value value;
    HlcStamp hlc = 0;
    Version base;
    bool applied = true;
};

/** Appends one op to a body under construction ("[" then ops separated by ","; no closing "]"). */
void appendLogOp(std::string& body, std::string_view field, const Value& value, HlcStamp hlc, Version base,
                 bool applied);

std::string encodeBody(const std::vector<LogOp>& ops);

/** Throws Error(Storage) when the body is not one this store wrote. */
std::vector<LogOp> decodeBody(std::string_view body);

} // namespace tdkt::store
