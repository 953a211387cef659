#pragma once
/**
 * @brief Wire protocol constants (DESIGN.md §5): versions, frame limits, message types.
 *
 * A frame is a 4-byte big-endian length (of type byte + payload), a 1-byte type,
 * and a cereal portable-binary payload. Op batches inside are zstd-compressed.
 */
#include <cstdint>

namespace tdkt::protocol {

/** Bumped on any incompatible change of frames or messages. */
constexpr std::uint32_t ProtocolVersion = 5; // 2: Resite, ReplicaForked; 3: Pull.whole, PullBatch.gone (moved rows, lost rights);
                                             // 4: Login.device, ChangePassword, PasswordChangeRequired/PasswordRefused;
                                             // 5: a disabled account's Auth is answered AccountDisabled, not closed (below)

/**
 * The oldest client protocol a server still talks to: a protocol-3 client sends a
 * Login without a device name (read as empty), and is told UpdateRequired where a
 * newer one would be asked to change its password (it has no ChangePassword).
 */
constexpr std::uint32_t MinClientProtocol = 3;

/** Hard upper bound of one frame (type + payload). Larger frames close the session. */
constexpr std::uint32_t MaxFrameBytes = 16u << 20;

/** Upper bound of a decompressed op batch. */
constexpr std::uint32_t MaxBatchBytes = 64u << 20;

constexpr std::size_t FrameHeaderBytes = 5;

enum class MessageType : std::uint8_t {
    Hello = 1,
    Welcome = 2,
    Login = 3,
    Auth = 4,
    LoginOk = 5,
    Push = 6,
    PushAck = 7,
    Pull = 8,
    PullBatch = 9,
    Error = 10,
    Resite = 11,
    Verify = 12,    // a replica check; an older server closes the session on it
    Digests = 13,
    FetchRows = 14,
    RowImages = 15,
    ChangePassword = 16, // protocol 4
};

/** Why a request failed; the message text is for people. */
enum class ErrorCode : std::uint8_t {
    Malformed = 1,      // undecodable frame, wrong type for the state
    UpdateRequired = 2, // protocol or schema version the peer does not speak
    BadCredentials = 3, // wrong user or password
    BadToken = 4,       // unknown, expired, or bound to another replica
    OutOfOrder = 5,     // a push that skips seqs
    Internal = 6,       // the server failed; retry later
    ReplicaForked = 7,  // a re-sent seq differs from what the server holds: the replica id is shared
    AccountLocked = 8,  // too many failed logins: message is the server time (ms) logins wait until
    // An administrator disabled the account. Protocol 5, answering an Auth: the session
    // stays open and its message is the replica's high-water mark; the replica may push
    // what is pending (every op refused, account.disabled) before it lets go of its rows.
    // Otherwise (a Login, an older client) the session closes.
    AccountDisabled = 9,
    DeviceRevoked = 10, // an administrator revoked this replica: log in again with a password
    // Protocol 4. The password was reset by an administrator: the user must choose its
    // own (ChangePassword) before it logs in or syncs again; message is empty.
    PasswordChangeRequired = 11,
    // A ChangePassword's new password breaks the policy; message is the reason as data:
    // "too_short MIN" (MIN: code points required), "user_name" or "common".
    PasswordRefused = 12,
};

/** The schema version this build speaks: the newest store migration. */
std::uint32_t schemaVersion();

/**
 * The oldest client schema a server still syncs: the one before award_code grew to
 * the whole catalog (migration 17). Such a client gets only the tables and fields
 * its schema has (schema::knownAt) and keeps a code it does not know as it is.
 */
constexpr std::uint32_t MinClientSchema = 16;

} // namespace tdkt::protocol
