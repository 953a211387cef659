#pragma once
/**
 * @brief The messages of the sync protocol, one struct per frame type.
 *
 * Session: Hello → Welcome, then Login, ChangePassword or Auth → LoginOk, then any number of
 * Push → PushAck and Pull → PullBatch. Any failure is an Error (the server may
 * close the session after it). A replica whose id turned out to be shared (a
 * restored backup, a copied database) logs in with Resite instead of Auth, once,
 * under its new id. A replica check (tdkt-cli verify) sends Verify → Digests,
 * level by level, then FetchRows → RowImages for the rows that differ.
 * Serialization is in codec.cpp.
 */
#include "tdkt/core/op.hpp"
#include "tdkt/protocol/version.hpp"

#include <string>
#include <variant>
#include <vector>

namespace tdkt::protocol {

struct Hello {
    std::uint32_t protocol = ProtocolVersion;
    std::uint32_t schema = 0;
    std::string client; // program and version, for the log
};

struct Welcome {
    std::uint32_t protocol = ProtocolVersion;
    std::uint32_t schema = 0;
    std::uint64_t serverTimeMs = 0; // lets the client correct its clock
    std::string server;
};

struct Login {
    std::string user;
    std::string password;
    SiteId site = 0;
    std::string device; // protocol 4: the replica's name for administrators (a host name); last on the wire
};

/**
 * Protocol 4: a login that also sets a new password, for a user whose password an
 * administrator reset (PasswordChangeRequired). `password` is the current one; the
 * new one must pass the server's policy (else PasswordRefused). Answered by LoginOk
 * with a token, as a Login is.
 */
struct ChangePassword {
    std::string user;
    std::string password;
    std::string newPassword;
    SiteId site = 0;
    std::string device;
};

struct Auth {
    std::string token;
    SiteId site = 0;
};

struct LoginOk {
    std::string token;
    std::string user;
    std::string role;
    std::string unit;
    std::uint64_t highWater = 0; // the last seq of this site the server holds
};

struct Push {
    std::vector<Op> ops; // this site's ops, in seq order
};

struct Rejection {
    std::uint64_t seq = 0;
    std::string reason;
    bool rowExists = false; // false: the server holds no such row that the user may read
    Value serverValue;      // what the field is on the server (when rowExists)
    Version serverVersion;
};

struct PushAck {
    std::uint64_t highWater = 0; // every seq ≤ this is settled (applied or refused)
    std::uint32_t accepted = 0;
    std::vector<Rejection> rejected;
};

struct Pull {
    std::uint64_t cursor = 0;
    std::uint32_t maxOps = 0;
    // Every readable op, the replica's own too: it is sweeping (dropping what it may
    // no longer read), so it must hear of every row it may keep.
    bool whole = false;
};

/** A row named by table and id. */
struct RowRef {
    std::string table;
    std::string rowId;
    bool operator==(const RowRef&) const = default;
};

struct PullBatch {
    std::vector<Op> ops;
    std::uint64_t cursor = 0; // commit it with the ops
    bool more = false;
    // The ops encoded (encodeOps): a sender that has them so sends them instead of
    // `ops`; a receiver gets them as they came, with `ops` decoded from them.
    std::string packed;
    // What the user may read now, as a fingerprint. When it differs from the one the
    // replica's cursor was reached under (a new inspection target, a unit added
    // below a reviewer), rows logged before the cursor may have become readable:
    // the replica pulls again from the start (what it holds is skipped).
    std::uint64_t scope = 0;
    // Rows the user read until an op of this batch moved them to a unit it may not
    // read: the replica drops its copy (they are not deleted, only out of reach).
    std::vector<RowRef> gone;
};

struct ErrorMsg {
    ErrorCode code = ErrorCode::Malformed;
    std::string message;
};

/**
 * Auth for a replica that took a new id (`to`) because its old one (`from`) had
 * been used by other changes: the token of `from` proves the user, and the
 * LoginOk answering it carries a new token bound to `to`. `to` must be unused.
 */
struct Resite {
    std::string token;
    SiteId from = 0;
    SiteId to = 0;
};

/** A bucket of a table's rows (replica_digest.hpp). */
struct TableBucket {
    std::string table;
    std::uint32_t bucket = 0;
};

/**
 * Asks for digests of the rows the user may read: level 0, one per table; level 1,
 * one per non-empty bucket of `tables`; level 2, one per row of `buckets`.
 */
struct Verify {
    std::uint8_t level = 0;
    std::vector<std::string> tables;
    std::vector<TableBucket> buckets;
};

struct DigestEntry {
    std::string table;
    std::uint32_t bucket = 0; // levels 1 and 2
    std::string rowId;        // level 2
    std::uint64_t count = 0;  // rows summed (1 for a row)
    std::uint64_t sum = 0;    // the sum of their hashes (the row's hash)
};

struct Digests {
    std::vector<DigestEntry> entries;
};

/** The server's copies of rows, to repair a replica. */
struct FetchRows {
    std::vector<RowRef> rows;
};

struct FieldImage {
    std::string field; // "_deleted" or a field of the table
    Value value;
    Version version;
};

struct RowImage {
    std::string table;
    std::string rowId;
    std::vector<FieldImage> fields; // those ever set
};

struct RowImages {
    std::vector<RowImage> rows;
    std::vector<RowRef> absent; // no such row the user may read
};

using Message = std::variant<Hello, Welcome, Login, Auth, LoginOk, Push, PushAck, Pull, PullBatch, ErrorMsg, Resite,
                             Verify, Digests, FetchRows, RowImages, ChangePassword>;

MessageType typeOf(const Message& m);

} // namespace tdkt::protocol
