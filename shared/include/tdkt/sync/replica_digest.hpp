#pragma once
/**
 * @brief Digests of a replica's rows, to find where a replica and the server differ
 *        without sending every row (tdkt-cli verify).
 *
 * A row's hash covers its id and every field's value and version (deleted rows
 * too); a set of rows is summed (count, and the sum of hashes mod 2^64), so the
 * order rows are read in does not matter and a sum can be split into buckets of
 * ids. Both sides compute the same digests from the same rows: the server over
 * what the user may read, the replica over all it holds.
 */
#include "tdkt/schema/schema.hpp"
#include "tdkt/store/store.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>

namespace tdkt::sync {

/** Rows are split into this many buckets by a hash of their id. */
constexpr std::uint32_t DigestBuckets = 256;

std::uint32_t bucketOf(std::string_view rowId);

/**
 * The hash of a stored row: id, then each field's name, value and version. With a
 * `version` (an older client's schema), only the fields that schema has count: the
 * server hashes what such a replica can hold.
 */
std::uint64_t rowHash(const schema::TableDef& t, const store::RowState& row, int version = 0);

struct Digest {
    std::uint64_t count = 0;
    std::uint64_t sum = 0;
    void add(std::uint64_t rowHash) {
        ++count;
        sum += rowHash;
    }
    bool operator==(const Digest&) const = default;
};

/** Which rows count (the server: those the user may read); empty: every row. */
using RowKeep = std::function<bool(const schema::TableDef&, const store::RowState&)>;

Digest tableDigest(const store::Store& store, const schema::TableDef& t, const RowKeep& keep = {}, int version = 0);

/** Non-empty buckets of the table, by bucket number. */
std::map<std::uint32_t, Digest> bucketDigests(const store::Store& store, const schema::TableDef& t,
                                              const RowKeep& keep = {}, int version = 0);

/** Each row's hash in the given buckets, by row id. */
std::map<std::string, std::uint64_t> rowHashes(const store::Store& store, const schema::TableDef& t,
                                               const std::set<std::uint32_t>& buckets, const RowKeep& keep = {},
                                               int version = 0);

} // namespace tdkt::sync
