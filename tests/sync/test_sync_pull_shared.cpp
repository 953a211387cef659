// The server keeps recently read stretches of its log and serves them to every
// session that pulls the same stretch. What each session receives must still be
// exactly what its user may read, whether the stretch came from SQLite or from
// the kept copy, and the same either way.
#include "raw_session.hpp"
#include "sync_fixture.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace tdkt;
using namespace tdkt::test;
using namespace tdkt::protocol;

namespace {

struct Pulled {
    std::set<std::string> rows;
    std::size_t ops = 0;
    std::uint64_t cursor = 0;
};

// Pulls everything as `user`, `step` log positions a batch (small steps make full
// stretches, the ones the server keeps).
Pulled pullAll(int port, const std::string& user, SiteId site, std::uint32_t step) {
    Raw raw(port);
    raw.write(encodeFrame(Hello{ProtocolVersion, schemaVersion(), "test"}));
    raw.write(encodeFrame(Login{user, Password, site, "test"}));
    auto welcome = raw.readOne();
    auto ok = raw.readOne();
    REQUIRE(welcome);
    REQUIRE(ok);
    REQUIRE(std::holds_alternative<LoginOk>(*ok));
    Pulled got;
    for (int i = 0; i < 1000; ++i) {
        raw.write(encodeFrame(Pull{got.cursor, step}));
        auto m = raw.readOne();
        REQUIRE(m);
        REQUIRE(std::holds_alternative<PullBatch>(*m));
        const auto& b = std::get<PullBatch>(*m);
        for (const auto& op : b.ops) got.rows.insert(op.table + "/" + op.rowId);
        got.ops += b.ops.size();
        got.cursor = b.cursor;
        if (!b.more) return got;
    }
    FAIL("the pull did not end");
    return got;
}

} // namespace

TEST_SUITE("sync") {
TEST_CASE("sync: pulls served from the server's shared copy of the log keep to each user's rights") {
    SyncWorld w(false);
    w.addUnit("tinh-p", "tinh");
    w.addUnit("xa-a", "xa", "tinh-p");
    w.addUnit("xa-b", "xa", "tinh-p");
    w.addUser("a1", "officer", "xa-a");
    w.addUser("b1", "officer", "xa-b");
    w.addUser("rev", "reviewer", "tinh-p");
    w.start();
    w.replica("ra", "a1");
    w.replica("rb", "b1");
    for (int i = 0; i < 6; ++i) {
        w.ok("ra", {"put", "people", json{{"unit_id", "xa-a"}, {"full_name", "Nguyễn Văn " + std::to_string(i)}}.dump()});
        w.ok("rb", {"put", "people", json{{"unit_id", "xa-b"}, {"full_name", "Trần Thị " + std::to_string(i)}}.dump()});
    }
    w.sync("ra");
    w.sync("rb");

    // One big batch (nothing kept), then small steps twice (the second reads kept copies).
    const auto aWhole = pullAll(w.port(), "a1", 901, 5000);
    const auto bSteps = pullAll(w.port(), "b1", 902, 2);
    const auto aSteps = pullAll(w.port(), "a1", 903, 2);
    const auto aAgain = pullAll(w.port(), "a1", 904, 2);
    const auto revSteps = pullAll(w.port(), "rev", 905, 2);

    CHECK(aWhole.rows.size() >= 6);
    CHECK(aSteps.rows == aWhole.rows);
    CHECK(aSteps.ops == aWhole.ops);
    CHECK(aAgain.rows == aWhole.rows);
    CHECK(aAgain.cursor == aWhole.cursor);
    // b1 sees none of xa-a's people, and back (both see the units above them).
    auto people = [](const std::set<std::string>& rows) {
        std::set<std::string> out;
        for (const auto& r : rows)
            if (r.rfind("people/", 0) == 0) out.insert(r);
        return out;
    };
    CHECK(people(aSteps.rows).size() == 6);
    CHECK(people(bSteps.rows).size() == 6);
    for (const auto& r : people(aSteps.rows)) CHECK(bSteps.rows.count(r) == 0);
    // The reviewer of the province reads both communes.
    std::set<std::string> both = aWhole.rows;
    both.insert(bSteps.rows.begin(), bSteps.rows.end());
    for (const auto& r : both) CHECK(revSteps.rows.count(r) == 1);
    // And the replicas, pulling in their usual batches, agree with the server.
    w.sync("ra");
    w.sync("rb");
    CHECK(w.ok("ra", {"dump"}) == w.serverDump("a1"));
    CHECK(w.ok("rb", {"dump"}) == w.serverDump("b1"));
}

TEST_CASE("sync: a row that moves to another unit is pulled by its new unit, not its old one, kept copy or not") {
    SyncWorld w(false);
    w.addUnit("tinh-p", "tinh");
    w.addUnit("xa-a", "xa", "tinh-p");
    w.addUnit("xa-b", "xa", "tinh-p");
    w.addUser("a1", "officer", "xa-a");
    w.addUser("b1", "officer", "xa-b");
    w.addUser("insp", "inspector", "tinh-p");
    w.start();
    w.replica("ri", "insp");
    const auto plan = w.put("ri", "inspection_plans",
                            json{{"unit_id", "tinh-p"}, {"title", "Kiểm tra công tác thi đua 2025"}, {"year", 2025}});
    const auto target = w.put("ri", "inspection_targets", json{{"plan_id", plan}, {"unit_id", "xa-a"}, {"mode", "truc_tiep"}});
    // Enough other rows that the target's ops sit in full stretches the server keeps.
    for (int i = 0; i < 6; ++i)
        w.ok("ri", {"put", "inspection_plans",
                    json{{"unit_id", "tinh-p"}, {"title", "Kế hoạch " + std::to_string(i)}, {"year", 2025}}.dump()});
    w.sync("ri");
    const std::string row = "inspection_targets/" + target;
    CHECK(pullAll(w.port(), "a1", 911, 2).rows.count(row) == 1);
    CHECK(pullAll(w.port(), "b1", 912, 2).rows.count(row) == 0);

    // The inspector moves the inspection to the other commune: the kept stretches
    // that hold the target's first ops must now go to xa-b's officer, not xa-a's.
    w.ok("ri", {"put", "inspection_targets", json{{"id", target}, {"unit_id", "xa-b"}}.dump()});
    CHECK(w.sync("ri")["rejected"] == 0);
    const auto a = pullAll(w.port(), "a1", 913, 2);
    const auto b = pullAll(w.port(), "b1", 914, 2);
    CHECK(a.rows.count(row) == 0);
    CHECK(b.rows.count(row) == 1);
    CHECK(b.ops >= 4); // plan_id, unit_id, mode, and the move
}
}
