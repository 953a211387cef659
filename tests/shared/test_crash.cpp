// kill -9 in the middle of writing never leaves half an edit and loses nothing
// that was committed.
#include "fixtures.hpp"
#include "process.hpp"

#include "tdkt/store/sqlite.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <random>
#include <thread>

using namespace tdkt;
using namespace std::chrono_literals;

TEST_SUITE("store") {
    TEST_CASE("store: kill -9 mid-write keeps every committed batch whole and nothing half-done") {
        test::TempDir dir;
        std::mt19937 rng(42);
        int committed = 0;
        for (int round = 0; round < 6; ++round) {
            test::Child writer({TDKT_CRASH_WRITER, (dir / "r.db").string()});
            // Let it commit a few batches, then kill it at a random moment.
            std::string line;
            for (int i = 0; i < 3 + round; ++i) {
                line = writer.readLine(20s);
                REQUIRE_FALSE(line.empty());
            }
            std::this_thread::sleep_for(std::chrono::microseconds(rng() % 20000));
            writer.kill(SIGKILL);
            writer.wait(10s);
            while (!(line = writer.readLine(100ms)).empty()) {
            }

            auto db = store::Db::open(dir / "r.db", false);
            auto check = db.prepare("PRAGMA integrity_check");
            REQUIRE(check.step());
            CHECK(check.text(0) == "ok");
            // Every batch is all there or not there: 20 people, each with all 4 fields and 4 ops.
            const auto people = db.scalar("SELECT count(*) FROM people");
            CHECK(people % 20 == 0);
            CHECK(db.scalar("SELECT count(*) FROM people WHERE position IS NULL OR birth_year IS NULL") == 0);
            CHECK(db.scalar("SELECT count(*) FROM ops WHERE tbl = 'people'") == people * 4);
            CHECK(people / 20 >= committed + 3 + round); // nothing reported committed was lost
            committed = static_cast<int>(people / 20);
            // The op seq has no gap and no duplicate.
            CHECK(db.scalar("SELECT max(seq) - min(seq) + 1 - count(*) FROM ops") == 0);
        }
        // The replica still opens and takes edits.
        auto s = store::Store::open(dir / "r.db");
        s->update("units", "crash-unit", {{"code", std::string("T1")}});
        CHECK(s->pendingCount() > 0);
    }
}
