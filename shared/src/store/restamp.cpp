// Re-stamping a replica's own unsent ops after its clock was found wrong
// (DESIGN.md §4 "Clocks").
#include "store_impl.hpp"

#include <algorithm>
#include <map>

namespace tdkt::store {
namespace {

// The newest stamp that is not ours to move: ops from elsewhere, and our own
// ops that already left (acknowledged).
HlcStamp floorStamp(Store::Impl& im, std::uint64_t ackedSeq, const std::vector<Store::Impl::StoredChange>& pending) {
    auto& st = im.stmt("SELECT max(hlc_max) FROM changes WHERE site != ? OR seq + n - 1 <= ?");
    st.bind(1, static_cast<std::int64_t>(im.site)).bind(2, static_cast<std::int64_t>(ackedSeq));
    HlcStamp floor = st.step() ? static_cast<HlcStamp>(st.integer(0)) : 0;
    st.reset();
    auto& pulled = im.stmt("SELECT max(hlc_max) FROM received");
    if (pulled.step()) floor = std::max(floor, static_cast<HlcStamp>(pulled.integer(0)));
    pulled.reset();
    for (const auto& c : pending) // a change may hold both acknowledged and pending ops
        for (std::size_t i = 0; i < c.ops.size() && c.seq + i <= ackedSeq; ++i) floor = std::max(floor, c.ops[i].hlc);
    return floor;
}

} // namespace

std::size_t Store::restampFuture(std::uint64_t sentThrough) {
    auto& im = *m_impl;
    const HlcStamp now = makeHlc(im.clock.wallMillis(), 0);
    // A second of slack: offsets under that are network jitter (sync_steps.cpp).
    if (im.clock.last() <= makeHlc(im.clock.wallMillis() + 1000, 0)) return 0;
    Batch b{*this};
    // Back to the present, never below a stamp that came from elsewhere or left.
    // Every pending op above that point gets a fresh stamp, in seq order, so a
    // later edit of ours still has the greater version.
    // Ops sent before may be held by the server as they are: a new stamp would make
    // the re-sent op differ from it, which the server takes for another replica's.
    const std::uint64_t acked = std::max(im.ackedSeq(), sentThrough);
    auto pending = im.ownChangesAfter(acked, std::size_t(1) << 40);
    const HlcStamp back = std::max(floorStamp(im, acked, pending), now);
    im.clock.rewind(back);
    std::map<Version, Version> moved;
    std::size_t count = 0;
    for (auto& c : pending) {
        bool changed = false;
        for (std::size_t i = 0; i < c.ops.size(); ++i) {
            if (c.seq + i <= acked) continue;
            auto& op = c.ops[i];
            Version base = op.base;
            if (auto it = moved.find(base); it != moved.end()) base = it->second;
            HlcStamp hlc = op.hlc;
            if (op.hlc > back) {
                hlc = im.clock.now();
                const Version fresh{hlc, im.site};
                moved[{op.hlc, im.site}] = fresh;
                const auto& t = im.reg.require(c.table);
                const auto state = im.fieldState(t, c.rowId, op.field);
                if (state.version == Version{op.hlc, im.site}) im.writeField(t, c.rowId, op.field, state.value, fresh);
                ++count;
            }
            if (hlc == op.hlc && base == op.base) continue;
            op.hlc = hlc;
            op.base = base;
            changed = true;
        }
        if (changed) im.rewriteChange(c);
    }
    b.commit();
    return count;
}

} // namespace tdkt::store
