#include "sync_steps.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/protocol/version.hpp"

#include <cstdlib>
#include <deque>
#include <optional>

namespace tdkt::sync {
namespace {

constexpr std::size_t PushBatchOps = 5000;
constexpr std::uint32_t PullBatchOps = 5000;

// A full batch ends at a row boundary, so a new row's fields (and its unit)
// reach the server together.
void trimToRow(std::vector<Op>& ops) {
    if (ops.size() < PushBatchOps) return;
    std::size_t end = ops.size();
    while (end > 1 && ops[end - 1].rowId == ops.back().rowId) --end;
    if (end > 1 || ops.front().rowId != ops.back().rowId) ops.resize(end);
}

} // namespace

std::uint32_t hello(Channel& ch, store::Store& store) {
    const std::uint64_t sent = systemMillis();
    ch.send(protocol::Hello{protocol::ProtocolVersion, store.schemaVersion(), "tdkt-cli"});
    auto w = expect<protocol::Welcome>(ch.receive());
    const std::uint64_t got = systemMillis();
    const auto offset = static_cast<std::int64_t>(w.serverTimeMs) - static_cast<std::int64_t>((sent + got) / 2);
    const auto saved = std::stoll(store.setting("clock_offset_ms").value_or("0"));
    // Small differences are network jitter; a real skew is corrected. (Pending edits
    // are re-stamped after login, once the server has said which of them it holds.)
    if (std::llabs(offset - saved) > 1000) store.setSetting("clock_offset_ms", std::to_string(offset));
    return w.protocol;
}

void pushAll(Channel& ch, store::Store& store, SyncCounts& counts, const std::function<void()>& batchDone) {
    // Two pushes in flight: the next batch is read and sent while the server
    // applies the one before. Acks come back in order; an unacknowledged batch is
    // sent again next time and settled once (the server's high-water mark).
    std::deque<std::uint64_t> inFlight; // the last seq of each batch sent, oldest first
    std::optional<std::uint64_t> sent;
    auto sendNext = [&] {
        auto ops = sent ? store.pendingOpsAfter(*sent, PushBatchOps) : store.pendingOps(PushBatchOps);
        if (ops.empty()) return false;
        trimToRow(ops);
        sent = ops.back().seq;
        inFlight.push_back(*sent);
        ch.send(protocol::Push{std::move(ops)});
        return true;
    };
    sendNext();
    while (!inFlight.empty()) {
        if (inFlight.size() < 2) sendNext();
        auto ack = expect<protocol::PushAck>(ch.receive());
        const std::uint64_t last = inFlight.front();
        inFlight.pop_front();
        if (ack.highWater < last)
            throw SyncError(SyncErrorKind::Protocol, "the server did not settle the pushed changes");
        store::Store::Batch b{store};
        for (const auto& r : ack.rejected) store.revertRefused(r.seq, r.reason, r.rowExists, r.serverValue, r.serverVersion);
        // Confirmed to this copy: what it sent. Past that, the server's mark may be
        // another copy's ops (pushed again below, and compared) or ours, ack lost.
        store.acknowledge(last);
        b.commit();
        counts.pushed += ack.accepted;
        counts.rejected += ack.rejected.size();
        if (batchDone) batchDone();
        // Seqs this replica never made: its id was used by other changes too.
        if (ack.highWater >= store.nextSeq())
            throw SyncError(SyncErrorKind::ReplicaForked, "the server holds changes of this replica's id that it never made");
    }
}

void pullAll(Channel& ch, store::Store& store, SyncCounts& counts, const std::function<void()>& batchDone) {
    std::uint64_t cursor = std::stoull(store.setting("pull_cursor").value_or("0"));
    // The scope (what the user may read) the cursor was reached under.
    std::string scope = store.setting("pull_scope").value_or("");
    // Sweeping: pulling everything the user may read (its own ops too) after its
    // rights changed, noting each row named, to drop at the end the rows it may no
    // longer read. A sweep broken off goes on where it stopped.
    bool sweeping = store.setting("pull_sweep").value_or("0") == "1";
    bool starting = false; // a sweep's first batch: rows noted by an earlier one are forgotten
    int restarts = 0;
    ch.send(protocol::Pull{cursor, PullBatchOps, sweeping});
    for (;;) {
        auto batch = expect<protocol::PullBatch>(ch.receive());
        // What the user may read changed (an inspection target made or removed, a unit
        // added below a reviewer or moved away): rows logged before the cursor may be
        // readable now, rows held may not be. Pull again from the start, sweeping
        // (held ops are skipped). Checked before the next batch is asked for, so
        // nothing else is in flight. Should the scope keep changing, the old one is
        // kept and the next sync starts over.
        const std::string now = std::to_string(batch.scope);
        const bool changed = cursor > 0 && !scope.empty() && scope != now;
        if (changed && restarts < 2) {
            ++restarts;
            cursor = 0;
            sweeping = starting = true;
            ch.send(protocol::Pull{cursor, PullBatchOps, true});
            continue;
        }
        if (!changed) scope = now;
        if (batch.cursor < cursor) throw SyncError(SyncErrorKind::Protocol, "the server moved the cursor backwards");
        // Ask for the next batch before applying this one: the server reads it while
        // we write. If applying fails, the connection goes and the cursor stays.
        if (batch.more) ch.send(protocol::Pull{batch.cursor, PullBatchOps, sweeping});
        store::Store::Batch b{store};
        if (starting) {
            store.forgetSeen();
            store.setSetting("pull_sweep", "1");
            starting = false;
        }
        store.applyRemote(batch.ops, store::Store::Checked::No, batch.packed);
        for (const auto& row : batch.gone) store.dropRow(row.table, row.rowId);
        if (sweeping) store.noteSeen(batch.ops);
        store.setSetting("pull_cursor", std::to_string(batch.cursor));
        store.setSetting("pull_scope", scope);
        if (sweeping && !batch.more) {
            store.dropUnseen();
            store.setSetting("pull_sweep", "0");
            sweeping = false;
        }
        b.commit();
        counts.pulled += batch.ops.size();
        cursor = batch.cursor;
        if (batchDone) batchDone();
        if (!batch.more) return;
    }
}

} // namespace tdkt::sync
