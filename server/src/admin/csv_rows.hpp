#pragma once
// CSV (RFC 4180, header row of field names) into JSON objects typed by the schema.
#include "tdkt/json/row_json.hpp"

#include <string>
#include <vector>

namespace tdkt::server {

std::vector<json::Json> csvToJsonRows(const schema::TableDef& t, const std::string& text);

} // namespace tdkt::server
