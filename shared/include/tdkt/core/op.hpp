#pragma once
/**
 * @brief One field edit as it travels between replicas (DESIGN.md §4).
 *
 * op = { op_id = (site, seq), table, row_id, field, value, hlc, base }.
 * A version is (hlc, site); versions are totally ordered. `base` is the version
 * of the field the author saw when editing (null for a new field).
 */
#include "tdkt/core/hlc.hpp"
#include "tdkt/core/ids.hpp"
#include "tdkt/core/value.hpp"

#include <compare>
#include <string>

namespace tdkt {

struct Version {
    HlcStamp hlc = 0;
    SiteId site = 0;

    bool isNull() const { return hlc == 0 && site == 0; }

    friend auto operator<=>(const Version&, const Version&) = default;
};

struct Op {
    SiteId site = 0;        // op_id part 1: the replica that made the edit
    std::uint64_t seq = 0;  // op_id part 2: that replica's counter, from 1, in order
    std::string table;
    std::string rowId;
    std::string field;      // a schema field, or "_deleted"
    Value value;
    HlcStamp hlc = 0;
    Version base;           // what the author saw; null for a new field
    std::uint64_t seen = 0; // the last server_seq the author had pulled when editing
    std::string author;     // user name; the server sets it from the session

    Version version() const { return {hlc, site}; }
};

} // namespace tdkt
