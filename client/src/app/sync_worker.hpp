#pragma once
// The sync worker: a thread with its own Store connection and its own SyncClient,
// so the UI thread never waits on the network. It syncs at once on demand, on its
// own every `period` while the server answers, and retries with a growing backoff
// while it does not. Progress and results reach the UI through the RunQueue,
// drained once a frame.
#include "run_queue.hpp"

#include "tdkt/store/store.hpp"
#include "tdkt/sync/sync_client.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace tdkt::app {

/** One finished attempt (a sync or a login), as the UI thread receives it. */
struct SyncResult {
    enum class Outcome { Done, Failed, Cancelled };
    Outcome outcome = Outcome::Done;
    sync::SyncCounts counts;                // Done: what moved
    std::optional<sync::LoginInfo> login;   // a login's answer
    std::exception_ptr error;               // Failed: word it with describeError
    std::chrono::system_clock::time_point at;
    /** The replica check that came with this sync, when one was due (verify --repair). */
    std::optional<sync::VerifyReport> check;
    /** When the worker tries again on its own; nullopt: only on demand (e.g. sign in again). */
    std::optional<std::chrono::milliseconds> retryIn;
};

class SyncWorker {
public:
    struct Options {
        std::filesystem::path db;
        std::chrono::milliseconds period{std::chrono::minutes(5)}; // 0: no periodic sync
        std::chrono::milliseconds backoffFirst{std::chrono::seconds(5)};
        std::chrono::milliseconds backoffMax{std::chrono::minutes(5)};
        bool autoStart = true; // sync once at start when the replica is signed in
        // Now and then a sync is a replica check that mends what differs from the
        // server (SyncClient::verify(true)), with a line in the log; 0: never.
        std::chrono::milliseconds checkEvery{std::chrono::hours(24)};
    };
    /** Both run on the UI thread (through the queue). */
    struct Listener {
        std::function<void(const sync::SyncProgress&)> progress;
        std::function<void(const SyncResult&)> done;
    };

    SyncWorker(Options options, RunQueue& ui, Listener listener);
    /** Cancels what runs and joins the thread. */
    ~SyncWorker();
    SyncWorker(const SyncWorker&) = delete;
    SyncWorker& operator=(const SyncWorker&) = delete;

    /** Syncs as soon as the thread is free (any thread). */
    void syncNow();
    /** Signs in on the worker (saves server, user and token in the replica), then syncs. */
    void login(sync::Endpoint endpoint, std::string user, std::string password);
    /** The same with a new password (after an administrator's reset), then syncs. */
    void changePassword(sync::Endpoint endpoint, std::string user, std::string password, std::string newPassword);
    /** The sync under way stops after its current batch (committed); a requested one is dropped. */
    void cancel();
    /** A sync or login is under way or asked for. */
    bool busy() const { return m_busy.load(); }

private:
    struct LoginJob {
        sync::Endpoint endpoint;
        std::string user, password;
        std::optional<std::string> newPassword; // a ChangePassword
    };

    void loop();
    SyncResult runSync(store::Store& store);
    SyncResult runLogin(store::Store& store, const LoginJob& job);
    void schedule(const SyncResult& r); // under m_mutex

    Options m_options;
    RunQueue& m_ui;
    Listener m_listener;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false, m_now = false;
    std::optional<LoginJob> m_login;
    std::optional<std::chrono::steady_clock::time_point> m_due;
    std::chrono::milliseconds m_backoff{0};
    std::atomic<bool> m_cancel{false}, m_busy{false};
    std::thread m_thread; // last: starts once everything above exists
};

} // namespace tdkt::app
