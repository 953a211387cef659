#include "sync_worker.hpp"

#include <algorithm>
#include <iostream>
#include <string>

namespace tdkt::app {
namespace {

using Clock = std::chrono::steady_clock;

// Failures the next attempt may not meet: the network, the server busy or away.
bool retryable(const std::exception_ptr& e) {
    try {
        std::rethrow_exception(e);
    } catch (const sync::SyncError& err) {
        using K = sync::SyncErrorKind;
        return err.kind() == K::Unreachable || err.kind() == K::Timeout || err.kind() == K::Protocol ||
               err.kind() == K::ReplicaForked || err.kind() == K::AccountLocked;
    } catch (...) {
        return true; // storage: a full disk may be freed
    }
}

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// A replica check is due when none was made for `every` (kept in the replica).
bool checkDue(const store::Store& store, std::chrono::milliseconds every) {
    if (every.count() <= 0) return false;
    std::int64_t last = 0;
    try {
        last = std::stoll(store.setting("last_check_ms").value_or("0"));
    } catch (const std::exception&) {
        last = 0; // an unreadable note: check now
    }
    return nowMs() - last >= every.count() || nowMs() < last; // a clock set back counts as due
}

} // namespace

SyncWorker::SyncWorker(Options options, RunQueue& ui, Listener listener)
    : m_options(std::move(options)), m_ui(ui), m_listener(std::move(listener)), m_now(m_options.autoStart),
      m_thread([this] { loop(); }) {}

SyncWorker::~SyncWorker() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cancel = true;
    m_wake.notify_all();
    m_thread.join();
}

void SyncWorker::syncNow() {
    {
        std::lock_guard lock(m_mutex);
        m_now = true;
        m_busy = true;
    }
    m_wake.notify_all();
}

void SyncWorker::login(sync::Endpoint endpoint, std::string user, std::string password) {
    {
        std::lock_guard lock(m_mutex);
        m_login = LoginJob{std::move(endpoint), std::move(user), std::move(password), std::nullopt};
        m_busy = true;
    }
    m_wake.notify_all();
}

void SyncWorker::changePassword(sync::Endpoint endpoint, std::string user, std::string password,
                                std::string newPassword) {
    {
        std::lock_guard lock(m_mutex);
        m_login = LoginJob{std::move(endpoint), std::move(user), std::move(password), std::move(newPassword)};
        m_busy = true;
    }
    m_wake.notify_all();
}

void SyncWorker::cancel() {
    std::lock_guard lock(m_mutex);
    m_now = false;
    m_cancel = true;
}

SyncResult SyncWorker::runSync(store::Store& store) {
    SyncResult r;
    try {
        sync::SyncClient client(store);
        client.setProgress([this](const sync::SyncProgress& p) {
            if (m_listener.progress) m_ui.post([fn = m_listener.progress, p] { fn(p); });
            return !m_cancel.load();
        });
        if (checkDue(store, m_options.checkEvery)) {
            auto v = client.verify(true);
            r.counts = v.sync;
            store.setSetting("last_check_ms", std::to_string(nowMs()));
            if (!v.differences.empty())
                std::clog << "tdkt: replica check: " << v.differences.size() << " row(s) differed from the server, "
                          << v.repaired << " repaired" << (v.clean ? "" : ", some still differ") << "\n";
            r.check = std::move(v);
        } else {
            r.counts = client.sync();
        }
    } catch (const sync::SyncCancelled&) {
        r.outcome = SyncResult::Outcome::Cancelled;
    } catch (...) {
        r.outcome = SyncResult::Outcome::Failed;
        r.error = std::current_exception();
    }
    return r;
}

SyncResult SyncWorker::runLogin(store::Store& store, const LoginJob& job) {
    SyncResult r;
    try {
        sync::SyncClient client(store, job.endpoint);
        r.login = job.newPassword ? client.changePassword(job.user, job.password, *job.newPassword)
                                  : client.login(job.user, job.password);
    } catch (...) {
        r.outcome = SyncResult::Outcome::Failed;
        r.error = std::current_exception();
    }
    return r;
}

void SyncWorker::schedule(const SyncResult& r) {
    using std::chrono::milliseconds;
    if (r.outcome == SyncResult::Outcome::Failed) {
        if (!retryable(r.error)) {
            m_due.reset();
            return;
        }
        m_backoff = m_backoff.count() == 0 ? m_options.backoffFirst : std::min(m_backoff * 2, m_options.backoffMax);
        m_due = Clock::now() + m_backoff;
        return;
    }
    m_backoff = milliseconds(0);
    if (m_options.period.count() > 0) m_due = Clock::now() + m_options.period;
    else m_due.reset();
}

void SyncWorker::loop() {
    std::unique_ptr<store::Store> store; // this thread's own connection
    std::unique_lock lock(m_mutex);
    for (;;) {
        auto ready = [&] { return m_stop || m_now || m_login.has_value(); };
        if (m_due) m_wake.wait_until(lock, *m_due, ready);
        else m_wake.wait(lock, ready);
        if (m_stop) return;
        const bool timed = m_due && Clock::now() >= *m_due;
        if (!ready() && !timed) continue;

        std::optional<LoginJob> job = std::move(m_login);
        m_login.reset();
        m_now = false;
        m_cancel = false;
        m_busy = true;
        lock.unlock();

        SyncResult r;
        try {
            if (!store) store = store::Store::open(m_options.db);
            if (job) {
                r = runLogin(*store, *job);
                if (r.outcome == SyncResult::Outcome::Done) {
                    auto s = runSync(*store);
                    s.login = std::move(r.login);
                    r = std::move(s);
                }
            } else if (store->setting("token").value_or("").empty()) {
                r.outcome = SyncResult::Outcome::Failed; // offline on a replica never signed in
                r.error = std::make_exception_ptr(
                    sync::SyncError(sync::SyncErrorKind::NotLoggedIn, "this replica has not signed in"));
            } else {
                r = runSync(*store);
            }
        } catch (...) {
            r.outcome = SyncResult::Outcome::Failed;
            r.error = std::current_exception();
        }
        r.at = std::chrono::system_clock::now();

        lock.lock();
        schedule(r);
        if (m_due) r.retryIn = std::chrono::duration_cast<std::chrono::milliseconds>(*m_due - Clock::now());
        m_busy = m_now || m_login.has_value();
        if (m_listener.done) m_ui.post([fn = m_listener.done, r] { fn(r); });
    }
}

} // namespace tdkt::app
