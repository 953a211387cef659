#pragma once
/**
 * @brief The sync service: one session's protocol state machine, and the merge
 *        of pushed ops under the rights rules (DESIGN.md §4–5). No sockets: the
 *        net layer feeds decoded messages in and writes the replies out.
 * Thread safety: none; the server calls it from one strand only (it owns the
 *        store's connection), while sessions do their I/O on other threads.
 */
#include "accounts.hpp"
#include "pull_cache.hpp"
#include "sync_marks.hpp"
#include "unit_tree.hpp"

#include "tdkt/protocol/messages.hpp"
#include "tdkt/schema/schema.hpp"
#include "tdkt/store/store.hpp"

#include <functional>
#include <optional>
#include <span>
#include <string>

namespace tdkt::server {

struct SessionState {
    bool welcomed = false;
    std::optional<User> user;
    SiteId site = 0;
    std::uint32_t schema = 0; // the client's (Hello): it is sent, and may send, only what that schema has
    std::uint32_t protocol = 0; // the client's (Hello): MinClientProtocol to ProtocolVersion
    std::string peer; // for the log
    // Protocol 5: the account was disabled; the replica only settles what it holds
    // pending (every op refused), then lets go of its rows. Nothing is read.
    bool disabled = false;
};

struct Reply {
    protocol::Message message;
    bool close = false; // the session ends after this reply
};

/** What an op is, as far as it can be told without the store. */
struct OpCheck {
    const schema::TableDef* table = nullptr; // null when its shape is refused
    std::optional<std::string> refusal;      // why its shape is refused
    bool readByRights = false; // a field the rights read: the row's unit, a target or plan, an award's facts
};

/** A push waiting for the next group commit. */
struct PushJob {
    SessionState* session = nullptr;
    protocol::Push push;
    std::vector<OpCheck> checks; // one per op, from checkOps()
    Reply reply;

    /**
     * Checks each op's table, row id, field and value. Needs no store, so a session
     * runs it on its own thread, before the push waits for the store's writer;
     * applyPushes runs it for a job that did not.
     */
    void checkOps();
};

class Service {
public:
    using Log = std::function<void(const std::string&)>;

    /** Ops stamped further ahead of the server clock than this are refused. */
    static constexpr std::uint64_t MaxFutureMs = 5 * 60 * 1000;

    Service(store::Store& store, Accounts& accounts, Log log);

    /**
     * Whether a Login on this session goes on to its password check. The net layer
     * then reads the hash here (passwordHash), checks it off the store's strand
     * (Accounts::verifyPassword: a login's argon2id would hold up every push) and
     * ends the login with login(s, m, ok). handle() does all three itself.
     */
    bool checksPassword(const SessionState& s, const protocol::Login& m) const;
    /** Before the password check: a refusal when the account or address is barred, else the hash. */
    struct LoginGate {
        std::optional<Reply> refusal;
        std::optional<std::string> hash;
    };
    LoginGate loginGate(const SessionState& s, const protocol::Login& m);
    Reply login(SessionState& s, const protocol::Login& m, bool passwordOk);

    /**
     * A ChangePassword goes the same way: checksPassword, then changeGate (barred, or
     * the new password against the policy: else the current hash), the current
     * password checked and the new one hashed off the store's strand, then
     * changePassword with the new hash (empty when the current password was wrong).
     */
    bool checksPassword(const SessionState& s, const protocol::ChangePassword& m) const;
    LoginGate changeGate(const SessionState& s, const protocol::ChangePassword& m);
    Reply changePassword(SessionState& s, const protocol::ChangePassword& m, bool passwordOk,
                         const std::string& newHash);

    /** Every message except Push; the reply to send. */
    Reply handle(SessionState& s, const protocol::Message& m);

    /** True when `m` is a Push the session may send now (else handle() answers it). */
    bool isPushReady(const SessionState& s, const protocol::Message& m) const;

    /** Applies many sessions' pushes in one transaction (group commit). */
    void applyPushes(std::span<PushJob* const> jobs);

    store::Store& store() { return m_store; }

private:
    Reply hello(SessionState& s, const protocol::Hello& m);
    Reply resite(SessionState& s, const protocol::Resite& m);
    Reply auth(SessionState& s, const protocol::Auth& m);
    Reply pull(SessionState& s, const protocol::Pull& m);
    /** A replica check: digests of what the user may read (verify.cpp). */
    Reply verify(SessionState& s, const protocol::Verify& m);
    /** The server's copies of rows the replica found different (verify.cpp). */
    Reply fetchRows(SessionState& s, const protocol::FetchRows& m);
    /** Fills `stretch.runs` with each row's unit as of `epoch` (Store::unitEpoch), unless done. */
    void resolveUnits(PulledStretch& stretch, std::uint64_t epoch) const;
    void applyPush(PushJob& job);
    Reply loggedIn(SessionState& s, const User& u, std::string token);
    Reply tokenRefused(const SessionState& s, TokenRefusal why);
    /** A disabled account's live token: a session that may only have its pushes refused (protocol 5). */
    Reply disabledSession(SessionState& s, const User& u, SiteId site);
    /** The password was reset: the client must change it (or be updated to). */
    Reply mustChange(const SessionState& s);

    store::Store& m_store;
    Accounts& m_accounts;
    Log m_log;
    PullCache m_pullCache;
    UnitTreeCache m_unitTrees;
    SyncMarks m_syncMarks; // when each unit last synced (issue 19)
};

} // namespace tdkt::server
