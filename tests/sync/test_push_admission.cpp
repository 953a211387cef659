// The push admission gate (GroupCommit::admit/release): at most so many pushes are
// decoded and waiting for the store's writer; sessions beyond that wait, without
// holding a thread, and each gets its turn. Sessions on two io threads, as in serve.
#include "../../server/src/net/session.hpp"

#include "temp_dir.hpp"

#include "tdkt/store/store.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

using namespace tdkt;
using namespace tdkt::server;
using namespace tdkt::server::net;

TEST_CASE("at most the admitted number of pushes are decoded at once, the others wait their turn") {
    test::TempDir dir;
    store::OpenOptions oo;
    oo.create = true;
    oo.serverRole = true;
    auto store = store::Store::open(dir / "server.sqlite", oo);
    Accounts accounts(dir / "accounts.sqlite");
    Service service(*store, accounts, [](const std::string&) {});

    asio::io_context io{2};
    constexpr std::size_t Limit = 2;
    constexpr int Sessions = 12;
    GroupCommit commits(asio::make_strand(io), service, Limit);
    std::atomic<int> inside{0}, most{0}, done{0};
    for (int i = 0; i < Sessions; ++i) {
        asio::co_spawn(
            asio::make_strand(io),
            [&]() -> asio::awaitable<void> {
                co_await commits.admit();
                Admission admission(commits);
                const int now = ++inside;
                int seen = most.load();
                while (now > seen && !most.compare_exchange_weak(seen, now)) {
                }
                // Holds its admission a while, as a push waiting for a group commit does.
                asio::steady_timer hold(co_await asio::this_coro::executor, std::chrono::milliseconds(5));
                co_await hold.async_wait(asio::use_awaitable);
                --inside;
                ++done;
            },
            asio::detached);
    }
    std::thread second([&] { io.run_for(std::chrono::seconds(20)); });
    io.run_for(std::chrono::seconds(20));
    second.join();

    CHECK(done == Sessions);           // every waiting session got its turn
    CHECK(most == static_cast<int>(Limit)); // never more than the limit, and the limit was reached
    CHECK(inside == 0);

    // Every admission was given back: the limit's worth can be taken again at once.
    io.restart();
    std::atomic<int> again{0};
    for (std::size_t i = 0; i < Limit; ++i)
        asio::co_spawn(
            io,
            [&]() -> asio::awaitable<void> {
                co_await commits.admit();
                ++again;
                commits.release();
            },
            asio::detached);
    io.run_for(std::chrono::seconds(5));
    CHECK(again == static_cast<int>(Limit));
}
