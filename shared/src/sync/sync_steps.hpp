#pragma once
// Internal: the steps of a sync session over a Channel (no Asio here).
#include "channel.hpp"

#include <functional>

namespace tdkt::sync {

/** Hello → Welcome; keeps the server's clock offset in the replica; returns the server's protocol. */
std::uint32_t hello(Channel& ch, store::Store& store);

/**
 * Pushes every pending op, batch by batch, applying the server's refusals. Throws
 * SyncError(ReplicaForked) when the server refuses a re-sent op as different, or
 * acknowledges seqs this replica never made.
 */
void pushAll(Channel& ch, store::Store& store, SyncCounts& counts, const std::function<void()>& batchDone = {});

/** Both call batchDone after each committed batch (progress; it may throw to stop). */
/** Pulls until the server has nothing more, committing the cursor with each batch. */
void pullAll(Channel& ch, store::Store& store, SyncCounts& counts, const std::function<void()>& batchDone = {});

/**
 * The server said the account is disabled (protocol 5; the replica's seqs settled
 * already): pushes what is pending, every op refused and kept as a refused change
 * with its value, then drops every row (a disabled user may read none), forgets the
 * session and pulls everything again at the next sign-in. Throws
 * SyncError(AccountDisabled) when done (disabled_account.cpp).
 */
[[noreturn]] void letGoDisabled(Channel& ch, store::Store& store);

/** Compares the replica with the server by digests and, when `repair`, refetches what differs (verify_steps.cpp). */
void verifyReplica(Channel& ch, store::Store& store, bool repair, VerifyReport& report);

} // namespace tdkt::sync
