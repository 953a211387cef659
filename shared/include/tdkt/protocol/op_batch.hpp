#pragma once
/**
 * @brief Compact encoding of op batches: dictionaries for tables, fields, sites,
 *        authors and row ids; 16-byte UUIDs; varint deltas for seqs and clocks;
 *        the whole batch zstd-compressed. A changed field costs a few bytes.
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

} // namespace tdkt::protocol
