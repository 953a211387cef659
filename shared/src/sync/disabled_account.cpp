// The replica of an account an administrator disabled (protocol 5). The officer left
// or was taken off the unit's work: the laptop stops holding the unit's records at
// its next sync, and nothing typed is lost. What was pending is pushed and refused
// by the server (account.disabled), so each change is settled there under its seq
// and kept here as a refused change with its value (Store::rejectedChanges); the
// server keeps everything it accepted before. Unlike a revoked device (a stolen
// laptop: its pending changes stay pending, for a password sign-in to send them),
// a disabled account's changes can never be sent as its own.
#include "sync_steps.hpp"

#include "tdkt/core/error.hpp"

namespace tdkt::sync {

void letGoDisabled(Channel& ch, store::Store& store) {
    SyncCounts counts;
    pushAll(ch, store, counts);
    store::Store::Batch b{store};
    // A disabled user may read nothing: no row is noted, every one goes (its log stays).
    store.forgetSeen();
    const std::size_t dropped = store.dropUnseen();
    // Signed in again once enabled, the replica pulls all it may read then, its own
    // changes too (it dropped their rows), and drops what it may not.
    store.setSetting("pull_cursor", "0");
    store.setSetting("pull_scope", "");
    store.setSetting("pull_sweep", "1");
    store.setSetting("token", "");
    b.commit();
    throw SyncError(SyncErrorKind::AccountDisabled, "account disabled: " + std::to_string(counts.rejected) +
                                                        " pending change(s) refused, " + std::to_string(dropped) +
                                                        " row(s) dropped");
}

} // namespace tdkt::sync
