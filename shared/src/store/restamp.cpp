// Re-stamping a replica's own unsent ops after its clock was found wrong
// (DESIGN.md §4 "Clocks").
#include "store_impl.hpp"

#include <map>

namespace tdkt::store {
namespace {

std::uint64_t acked(Store::Impl& im) {
    auto& st = im.stmt("SELECT value FROM meta WHERE key = 'acked_seq'");
    std::uint64_t seq = st.step() ? std::stoull(st.text(0)) : 0;
    st.reset();
    return seq;
}

// The newest stamp that is not ours to move: ops from elsewhere, and our own
// ops that already left (acknowledged).
HlcStamp floorStamp(Store::Impl& im, std::uint64_t ackedSeq) {
    auto& st = im.stmt("SELECT max(hlc) FROM ops WHERE site != ? OR seq <= ?");
    st.bind(1, static_cast<std::int64_t>(im.site)).bind(2, static_cast<std::int64_t>(ackedSeq));
    HlcStamp floor = st.step() ? static_cast<HlcStamp>(st.integer(0)) : 0;
    st.reset();
    return floor;
}

} // namespace

std::size_t Store::restampFuture() {
    auto& im = *m_impl;
    const HlcStamp now = makeHlc(im.clock.wallMillis(), 0);
    // A second of slack: offsets under that are network jitter (sync_steps.cpp).
    if (im.clock.last() <= makeHlc(im.clock.wallMillis() + 1000, 0)) return 0;
    Batch b{*this};
    // Back to the present, never below a stamp that came from elsewhere or left.
    // Every pending op above that point gets a fresh stamp, in seq order, so a
    // later edit of ours still has the greater version.
    const HlcStamp back = std::max(floorStamp(im, acked(im)), now);
    im.clock.rewind(back);
    std::map<Version, Version> moved;
    std::size_t count = 0;
    auto& rewrite = im.stmt("UPDATE ops SET hlc = ?, base_hlc = ?, base_site = ? WHERE site = ? AND seq = ?");
    for (const Op& op : pendingOps(std::size_t(1) << 40)) {
        Version base = op.base;
        if (auto it = moved.find(base); it != moved.end()) base = it->second;
        HlcStamp hlc = op.hlc;
        if (op.hlc > back) {
            hlc = im.clock.now();
            const Version fresh{hlc, im.site};
            moved[op.version()] = fresh;
            const auto& t = im.reg.require(op.table);
            const auto state = im.fieldState(t, op.rowId, op.field);
            if (state.version == op.version()) im.writeField(t, op.rowId, op.field, state.value, fresh);
            ++count;
        }
        if (hlc == op.hlc && base == op.base) continue;
        rewrite.bind(1, static_cast<std::int64_t>(hlc)).bind(2, static_cast<std::int64_t>(base.hlc));
        rewrite.bind(3, static_cast<std::int64_t>(base.site)).bind(4, static_cast<std::int64_t>(op.site));
        rewrite.bind(5, static_cast<std::int64_t>(op.seq)).run();
    }
    b.commit();
    return count;
}

} // namespace tdkt::store
