#pragma once
// Internal: the steps of a sync session over a Channel (no Asio here).
#include "channel.hpp"

#include <functional>

namespace tdkt::sync {

/** Hello → Welcome; keeps the server's clock offset in the replica. */
void hello(Channel& ch, store::Store& store);

/**
 * Pushes every pending op, batch by batch, applying the server's refusals. Throws
 * SyncError(ReplicaForked) when the server refuses a re-sent op as different, or
 * acknowledges seqs this replica never made.
 */
void pushAll(Channel& ch, store::Store& store, SyncCounts& counts, const std::function<void()>& batchDone = {});

/** Both call batchDone after each committed batch (progress; it may throw to stop). */
/** Pulls until the server has nothing more, committing the cursor with each batch. */
void pullAll(Channel& ch, store::Store& store, SyncCounts& counts, const std::function<void()>& batchDone = {});

/** Compares the replica with the server by digests and, when `repair`, refetches what differs (verify_steps.cpp). */
void verifyReplica(Channel& ch, store::Store& store, bool repair, VerifyReport& report);

} // namespace tdkt::sync
