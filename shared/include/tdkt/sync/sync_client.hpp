#pragma once
/**
 * @brief The client side of sync: log in once, then push pending ops and pull
 *        what the server has for this user (DESIGN.md §4–5).
 *
 * Blocking calls with a stall timeout; each SyncClient owns its own I/O, so a
 * worker thread (or a benchmark with many clients) runs one per thread. The
 * server address, user and token are kept in the replica's local settings, so
 * sync() needs no arguments after login().
 * Thread safety: one SyncClient per thread, used with that thread's Store.
 */
#include "tdkt/store/store.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

namespace tdkt::sync {

struct Endpoint {
    std::string host;
    std::uint16_t port = 0;
    bool plain = false;       // no TLS (loopback tests only)
    std::string caFile;       // trusted CA / self-signed certificate (PEM); empty: system CAs
    std::chrono::milliseconds timeout{30000}; // no progress for this long: give up
};

/** "HOST:PORT" → Endpoint; throws Error(Invalid). */
Endpoint parseEndpoint(std::string_view hostPort);

enum class SyncErrorKind {
    Unreachable,
    Tls,
    Timeout,
    UpdateRequired,
    BadCredentials,
    BadToken,
    Protocol,
    NotLoggedIn,
    ReplicaForked, // this replica's id was used by other changes too (handled inside: it takes a new one)
    AccountLocked,   // failed logins: logins wait until untilMs() (server time)
    AccountDisabled, // an administrator disabled the account
    DeviceRevoked,   // an administrator revoked this replica: a password login brings it back
    PasswordChangeRequired, // an administrator reset the password: changePassword() before anything else
    PasswordRefused, // changePassword(): the new password breaks the server's policy (reason(), minLength())
};

class SyncError : public std::runtime_error {
public:
    SyncError(SyncErrorKind kind, const std::string& message, std::int64_t untilMs = 0)
        : std::runtime_error(message), m_kind(kind), m_untilMs(untilMs) {}
    /** PasswordRefused: why ("too_short", "user_name", "common"), and the length required. */
    SyncError(SyncErrorKind kind, const std::string& message, std::string reason, std::int64_t minLength)
        : std::runtime_error(message), m_kind(kind), m_reason(std::move(reason)), m_minLength(minLength) {}
    SyncErrorKind kind() const noexcept { return m_kind; }
    /** AccountLocked: the server time (ms since the epoch) the lock ends. */
    std::int64_t untilMs() const noexcept { return m_untilMs; }
    const std::string& reason() const noexcept { return m_reason; }
    std::int64_t minLength() const noexcept { return m_minLength; }

private:
    SyncErrorKind m_kind;
    std::int64_t m_untilMs = 0;
    std::string m_reason;
    std::int64_t m_minLength = 0;
};

/** This machine's name (its host name), the default name of a replica's device. */
std::string defaultDeviceName();

struct LoginInfo {
    std::string user, role, unit;
    std::int64_t clockOffsetMs = 0; // server time minus ours
    std::optional<store::Resited> resited; // the replica took a new id (a restored backup, a copied database)
};

struct SyncCounts {
    std::size_t pushed = 0;    // ops the server accepted
    std::size_t pulled = 0;    // ops received
    std::size_t conflicts = 0; // open conflicts visible here after the sync
    std::size_t rejected = 0;  // ops the server refused in this sync
    std::uint64_t bytesSent = 0, bytesReceived = 0; // frames, before TLS
    std::optional<store::Resited> resited; // the replica took a new id during this sync
};

/** A row where the replica and the server differ (verify). */
struct RowDiff {
    enum class Kind { MissingHere, NotOnServer, Differs };
    std::string table, rowId;
    Kind kind = Kind::Differs;
};

struct VerifyReport {
    SyncCounts sync;                   // the sync that came first (pending changes pushed, news pulled)
    std::size_t tablesDiffering = 0;
    std::vector<RowDiff> differences;  // found before any repair
    std::size_t repaired = 0;          // rows written or dropped by the repair
    bool clean = false;                // after the check (and the repair): every table's digest agrees
    std::uint64_t bytesSent = 0, bytesReceived = 0; // the check's own frames
};

/** Where a sync is, reported after each batch: what a progress bar shows. */
enum class SyncPhase { Connecting, Pushing, Pulling };
struct SyncProgress {
    SyncPhase phase = SyncPhase::Connecting;
    std::size_t records = 0;    // ops pushed + pulled so far
    std::uint64_t bytes = 0;    // frames sent + received so far
};
/** Returns false to stop the sync at this point (sync() then throws SyncCancelled). */
using ProgressFn = std::function<bool(const SyncProgress&)>;

/** A sync stopped by its ProgressFn: every batch before it is committed, nothing after. */
class SyncCancelled : public std::runtime_error {
public:
    SyncCancelled() : std::runtime_error("sync cancelled") {}
};

class SyncClient {
public:
    /** Uses the endpoint saved by the last login. */
    explicit SyncClient(store::Store& store);
    SyncClient(store::Store& store, Endpoint endpoint);
    ~SyncClient();
    SyncClient(const SyncClient&) = delete;
    SyncClient& operator=(const SyncClient&) = delete;

    /**
     * Logs in, saves server, user and token in the replica; throws SyncError
     * (PasswordChangeRequired after an administrator's reset: call changePassword).
     * `device` names this replica in the server's device list (empty: the host name).
     */
    LoginInfo login(const std::string& user, const std::string& password, const std::string& device = {});
    /**
     * Logs in with the current password and sets a new one (the server's policy
     * applies: SyncError PasswordRefused); then as login(). Pending changes stay.
     */
    LoginInfo changePassword(const std::string& user, const std::string& password, const std::string& newPassword,
                             const std::string& device = {});

    /**
     * Push, then pull until up to date; throws SyncError (local data stays intact).
     * When the server shows that this replica's id was used by other changes too (a
     * restored backup, a copied database), the replica takes a new id
     * (Store::resite) and the sync goes on under it: SyncCounts::resited says so.
     */
    SyncCounts sync();

    /** Called as sync(), push() and pull() go (one thread: the caller's). */
    void setProgress(ProgressFn fn);
    /** Only the push half of sync() (benchmarks time the halves apart). */
    SyncCounts push();

    /** Only the pull half of sync(). */
    SyncCounts pull();

    /**
     * Syncs, then compares this replica with the server's rows for its user by
     * digests (per table, per bucket of ids, per row: verify_steps.cpp) and, when
     * `repair`, refetches exactly the rows that differ. Pending changes are pushed
     * before anything is compared, and a row still holding one is never replaced.
     */
    VerifyReport verify(bool repair);

    struct Impl;

private:
    SyncCounts run(bool doPush, bool doPull);
    LoginInfo signIn(const std::string& user, const std::string& password, const std::string* newPassword,
                     const std::string& device);
    std::unique_ptr<Impl> m_impl;
};

} // namespace tdkt::sync
