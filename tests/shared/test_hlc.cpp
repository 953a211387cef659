#include "fixtures.hpp"

#include "tdkt/core/hlc.hpp"

#include <doctest/doctest.h>

using namespace tdkt;

TEST_SUITE("hlc") {
    TEST_CASE("hlc: stamps carry the wall clock and a counter within one millisecond") {
        test::ManualClock wall;
        HybridClock clock(wall.fn());
        auto a = clock.now();
        auto b = clock.now();
        CHECK(hlcMillis(a) == wall.ms->load());
        CHECK(hlcCounter(a) == 0);
        CHECK(hlcCounter(b) == 1);
        wall.advance(5);
        auto c = clock.now();
        CHECK(hlcMillis(c) == wall.ms->load());
        CHECK(hlcCounter(c) == 0);
    }

    TEST_CASE("hlc: never goes backwards when the wall clock does") {
        test::ManualClock wall;
        HybridClock clock(wall.fn());
        auto a = clock.now();
        *wall.ms -= 60'000;
        auto b = clock.now();
        CHECK(b > a);
        CHECK(hlcMillis(b) == hlcMillis(a));
    }

    TEST_CASE("hlc: observing a later stamp moves the clock past it") {
        test::ManualClock wall;
        HybridClock clock(wall.fn());
        const auto remote = makeHlc(wall.ms->load() + 10'000, 7);
        clock.observe(remote);
        CHECK(clock.now() > remote);
        clock.observe(makeHlc(1, 0)); // an old stamp changes nothing
        CHECK(clock.now() > remote);
    }

    TEST_CASE("hlc: the counter overflows into the next millisecond") {
        test::ManualClock wall;
        HybridClock clock(wall.fn(), makeHlc(wall.ms->load(), 0xFFFF));
        auto next = clock.now();
        CHECK(hlcMillis(next) == wall.ms->load() + 1);
        CHECK(hlcCounter(next) == 0);
    }

    TEST_CASE("hlc: the server's offset corrects a wrong laptop clock") {
        test::ManualClock wall; // the laptop thinks it is 5 years ahead
        *wall.ms += 5ULL * 365 * 24 * 3600 * 1000;
        HybridClock clock(wall.fn());
        clock.setOffset(-static_cast<std::int64_t>(5ULL * 365 * 24 * 3600 * 1000));
        CHECK(hlcMillis(clock.now()) == 1'764'000'000'000ULL);
    }
}
