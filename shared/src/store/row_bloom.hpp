#pragma once
// Which rows a received batch names, as a Bloom filter of their ids (about ten bits
// a row, 1% false positives): a row's history decompresses only the batches that may
// hold it, not every batch the replica ever pulled. Stored with each batch; the
// bytes must stay readable by later versions. Internal to the store.
#include <span>
#include <string>
#include <string_view>

namespace tdkt::store {

/** The filter of these row ids (repeats allowed): one byte of hash count, then the bits. */
std::string rowBloom(std::span<const std::string_view> ids);

/** False only when `id` is surely not among the filter's rows; true for a filter it cannot read. */
bool bloomMayHold(std::string_view bloom, std::string_view id);

} // namespace tdkt::store
