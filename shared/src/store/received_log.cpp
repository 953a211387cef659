// What a client pulled from other replicas: kept as the batches it came in (the
// wire's op encoding, zstd), one `received` row a batch, with the (site, seq) it
// holds as ranges. Logging each pulled change as an indexed `changes` row wrote
// every value twice and cost as much as writing the row itself; a batch kept
// whole costs one row, and its bytes are already at hand (SyncClient passes them).
// History and the search catch-up read the batches back (op_log.cpp, search_index.cpp);
// history only those whose filter of row ids (`received_rows`, row_bloom.hpp) may
// name its row. A transaction reads a site's ranges only as far down as it needs.
#include "row_bloom.hpp"
#include "store_impl.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/protocol/op_batch.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace tdkt::store {
namespace {

// Batches encoded here (ops applied without their packed form, or only some of
// them) are cut to this many ops, so each decodes within the protocol's limit.
constexpr std::size_t MaxOpsPerBatch = 5000;

// The site's ranges that may hold `seq` or touch it (all with hi >= seq - 1), read
// on first need in this transaction. Ranges never overlap, so those are the ones
// from the last range starting at or before seq - 1 on.
Store::Impl::SiteRanges& rangesFor(Store::Impl& im, SiteId site, std::uint64_t seq) {
    auto& r = im.receivedRanges[site];
    const std::uint64_t want = seq == 0 ? 0 : seq - 1;
    if (want >= r.from) return r;
    auto& start = im.stmt("SELECT coalesce(max(lo), 0) FROM received_ranges WHERE site = ? AND lo <= ?");
    start.bind(1, static_cast<std::int64_t>(site)).bind(2, static_cast<std::int64_t>(want));
    const auto lo = start.step() ? static_cast<std::uint64_t>(start.integer(0)) : 0;
    start.reset();
    // Only the ranges below those read already: the ones above may have changed in memory.
    auto& st = im.stmt("SELECT lo, hi FROM received_ranges WHERE site = ? AND lo >= ? AND lo < ?");
    st.bind(1, static_cast<std::int64_t>(site)).bind(2, static_cast<std::int64_t>(lo));
    st.bind(3, r.lowestLo > static_cast<std::uint64_t>(INT64_MAX) ? INT64_MAX : static_cast<std::int64_t>(r.lowestLo));
    while (st.step()) {
        const auto a = static_cast<std::uint64_t>(st.integer(0)), b = static_cast<std::uint64_t>(st.integer(1));
        r.now.emplace(a, b);
        r.stored.emplace(a, b);
    }
    st.reset();
    r.from = want;
    r.lowestLo = std::min(r.lowestLo, lo);
    return r;
}

bool holds(const std::map<std::uint64_t, std::uint64_t>& ranges, std::uint64_t seq) {
    auto it = ranges.upper_bound(seq);
    return it != ranges.begin() && std::prev(it)->second >= seq;
}

// Adds seq (not held) and joins it with the ranges it touches.
void add(std::map<std::uint64_t, std::uint64_t>& ranges, std::uint64_t seq) {
    auto next = ranges.upper_bound(seq);
    const bool joinsNext = next != ranges.end() && next->first == seq + 1;
    if (next != ranges.begin()) {
        auto prev = std::prev(next);
        if (prev->second + 1 == seq) {
            prev->second = joinsNext ? next->second : seq;
            if (joinsNext) ranges.erase(next);
            return;
        }
    }
    std::uint64_t hi = seq;
    if (joinsNext) {
        hi = next->second;
        ranges.erase(next);
    }
    ranges.emplace(seq, hi);
}

void writeRanges(Store::Impl& im, SiteId site, Store::Impl::SiteRanges& r) {
    auto& del = im.stmt("DELETE FROM received_ranges WHERE site = ? AND lo = ?");
    for (const auto& [lo, hi] : r.stored)
        if (!r.now.contains(lo)) del.bind(1, static_cast<std::int64_t>(site)).bind(2, static_cast<std::int64_t>(lo)).run();
    auto& put = im.stmt("INSERT OR REPLACE INTO received_ranges(site, lo, hi) VALUES(?, ?, ?)");
    for (const auto& [lo, hi] : r.now) {
        auto was = r.stored.find(lo);
        if (was != r.stored.end() && was->second == hi) continue;
        put.bind(1, static_cast<std::int64_t>(site)).bind(2, static_cast<std::int64_t>(lo));
        put.bind(3, static_cast<std::int64_t>(hi)).run();
    }
    r.stored = r.now;
    r.dirty = false;
}

void insertBatch(Store::Impl& im, std::uint64_t first, std::span<const Op* const> ops,
                 std::span<const std::size_t> unapplied, std::size_t offset, std::string_view packed) {
    HlcStamp hlcMax = 0;
    for (const Op* op : ops) hlcMax = std::max(hlcMax, op->hlc);
    std::string lost;
    for (std::size_t i : unapplied) {
        if (i < offset || i >= offset + ops.size()) continue;
        if (!lost.empty()) lost += ',';
        lost += std::to_string(i - offset);
    }
    std::string encoded;
    if (packed.empty()) encoded = protocol::encodeOps(ops);
    auto& st = im.stmt("INSERT INTO received(log_seq, n, hlc_max, unapplied, ops) VALUES(?, ?, ?, ?, ?)");
    st.bind(1, static_cast<std::int64_t>(first)).bind(2, static_cast<std::int64_t>(ops.size()));
    st.bind(3, static_cast<std::int64_t>(hlcMax));
    if (lost.empty()) st.bindNull(4);
    else st.bind(4, lost);
    st.bindBlob(5, packed.empty() ? std::string_view(encoded) : packed).run();
    std::vector<std::string_view> ids;
    ids.reserve(ops.size());
    for (const Op* op : ops)
        if (ids.empty() || ids.back() != op->rowId) ids.push_back(op->rowId); // a row's ops come together
    im.stmt("INSERT INTO received_rows(log_seq, bloom) VALUES(?, ?)")
        .bind(1, static_cast<std::int64_t>(first))
        .bindBlob(2, rowBloom(ids))
        .run();
}

std::vector<std::size_t> parseOffsets(std::string_view text) {
    std::vector<std::size_t> out;
    while (!text.empty()) {
        std::size_t v = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (ec != std::errc{}) throw Error(ErrorKind::Storage, "a received batch's list of unapplied ops is damaged");
        out.push_back(v);
        text.remove_prefix(static_cast<std::size_t>(end - text.data()));
        if (!text.empty()) text.remove_prefix(1); // ','
    }
    return out;
}

} // namespace

bool Store::Impl::appendReceived(const Op& op, bool applied) {
    auto& r = rangesFor(*this, op.site, op.seq);
    if (holds(r.now, op.seq)) return false;
    if (loggedChange(op)) return false; // logged before received batches were kept, or ours under an old id
    add(r.now, op.seq);
    r.dirty = true;
    // A batch's ops hold consecutive positions: an op of ours logged in between
    // (our own op pulled back) ends it.
    if (!received.ops.empty() && received.first + received.ops.size() != nextLogSeq) {
        writeReceived({});
        received.cut = true;
    }
    if (received.ops.empty()) received.first = nextLogSeq;
    if (!applied) received.unapplied.push_back(received.ops.size());
    received.ops.push_back(&op);
    ++nextLogSeq;
    return true;
}

void Store::Impl::writeReceived(std::string_view packed) {
    auto& b = received;
    if (!packed.empty()) {
        insertBatch(*this, b.first, b.ops, b.unapplied, 0, packed);
    } else {
        for (std::size_t at = 0; at < b.ops.size(); at += MaxOpsPerBatch) {
            const auto part = std::span<const Op* const>(b.ops).subspan(at, std::min(MaxOpsPerBatch, b.ops.size() - at));
            insertBatch(*this, b.first + at, part, b.unapplied, at, {});
        }
    }
    b.ops.clear();
    b.unapplied.clear();
}

void Store::Impl::flushReceived(std::string_view packed, std::size_t total) {
    auto& b = received;
    if (!b.ops.empty()) writeReceived(!b.cut && b.ops.size() == total ? packed : std::string_view{});
    for (auto& [s, r] : receivedRanges)
        if (r.dirty) writeRanges(*this, s, r);
    b = {};
}

std::uint64_t Store::Impl::readNextReceivedSeq() {
    auto& st = stmt("SELECT log_seq + n FROM received ORDER BY log_seq DESC LIMIT 1");
    std::uint64_t next = st.step() ? static_cast<std::uint64_t>(st.integer(0)) : 1;
    st.reset();
    return next;
}

namespace {

// The batches after `after` that may hold ops of `rowId` (all of them for no row):
// their filters are read, not their ops.
std::vector<std::uint64_t> batchesNaming(Store::Impl& im, std::uint64_t after, std::string_view rowId) {
    auto& st = im.stmt("SELECT r.log_seq, b.bloom FROM received r LEFT JOIN received_rows b ON b.log_seq = r.log_seq "
                       "WHERE r.log_seq + r.n - 1 > ? ORDER BY r.log_seq");
    st.bind(1, static_cast<std::int64_t>(after));
    std::vector<std::uint64_t> out;
    while (st.step())
        if (rowId.empty() || st.isNull(1) || bloomMayHold(st.blob(1), rowId))
            out.push_back(static_cast<std::uint64_t>(st.integer(0)));
    st.reset();
    return out;
}

} // namespace

void Store::Impl::forEachReceived(std::uint64_t after, std::string_view rowId,
                                  const std::function<void(std::uint64_t, Op&&, bool)>& fn) {
    auto& st = stmt("SELECT unapplied, ops FROM received WHERE log_seq = ?");
    for (const std::uint64_t first : batchesNaming(*this, after, rowId)) {
        st.bind(1, static_cast<std::int64_t>(first));
        try {
            if (!st.step()) {
                st.reset();
                continue;
            }
            const auto lost = st.isNull(0) ? std::vector<std::size_t>{} : parseOffsets(st.text(0));
            std::vector<Op> ops;
            try {
                ops = rowId.empty() ? protocol::decodeOps(st.blob(1)) : protocol::decodeOpsNaming(st.blob(1), rowId);
            } catch (const std::runtime_error& e) {
                throw Error(ErrorKind::Storage, std::string("a received batch in the log is damaged: ") + e.what());
            }
            st.reset();
            for (std::size_t i = 0; i < ops.size(); ++i)
                if (first + i > after) fn(first + i, std::move(ops[i]), !std::ranges::binary_search(lost, i));
        } catch (...) {
            st.reset();
            throw;
        }
    }
}

} // namespace tdkt::store
