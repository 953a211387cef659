#pragma once
/**
 * @brief Compact encoding of op batches: dictionaries for tables, fields, sites,
 *        authors and row ids; 16-byte UUIDs; varint deltas for seqs and clocks;
 *        the whole batch zstd-compressed. A changed field costs a few bytes.
 *
 * Replicas keep the batches they pulled in this encoding (the store's `received`
 * table): a change to it must keep decoding what was written before.
 */
#include "tdkt/core/op.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace tdkt::protocol {

/** Encodes and compresses; never fails. */
std::string encodeOps(std::span<const Op> ops);
/** The same for ops held elsewhere (a server's shared copy of the log). */
std::string encodeOps(std::span<const Op* const> ops);

/** Decompresses (capped at MaxBatchBytes) and decodes; throws std::runtime_error on bad input. */
std::vector<Op> decodeOps(std::string_view blob);
/**
 * decodeOps, or nothing when the batch holds no op of row `rowId`: that is told
 * from its bytes, without decoding (a replica's history reads every batch it kept).
 */
std::vector<Op> decodeOpsNaming(std::string_view blob, std::string_view rowId);

} // namespace tdkt::protocol
