// The conflicts inbox over real replicas and a server-role store (ops carried in
// process, as the sync tests' store world does): listing with labels, who and when,
// keeping the losing value, typing a merged one, and the inbox emptied after sync.
#include "fixtures.hpp"

#include "app/conflicts.hpp"
#include "app/labels.hpp"

#include "tdkt/core/error.hpp"

#include <doctest/doctest.h>

namespace tdkt::test {
namespace {

struct Replicas {
    TempDir dir;
    ManualClock wall;
    std::unique_ptr<store::Store> server = openStore(dir / "server.db", true, wall.fn());
    std::unique_ptr<store::Store> a = openStore(dir / "a.db", false, wall.fn());
    std::unique_ptr<store::Store> b = openStore(dir / "b.db", false, wall.fn());

    void push(store::Store& s) {
        auto ops = s.pendingOps(1000);
        server->applyRemote(ops);
        if (!ops.empty()) s.acknowledge(ops.back().seq);
    }
    // The server's log after nothing, and the cursor a pull leaves (the `seen` of later edits).
    void pull(store::Store& s) {
        std::vector<Op> ops;
        for (const auto& l : server->opsAfter(0, 100000)) ops.push_back(l.op);
        s.applyRemote(ops);
        s.setSetting("pull_cursor", std::to_string(server->lastLogSeq()));
    }

    // Both replicas edit the same person's position: one open conflict everywhere.
    std::string conflicted() {
        addUnit(*a);
        auto id = a->create("people", {{"unit_id", std::string("unit-xa-a")}, {"full_name", std::string("Hà Thị Mai")},
                                       {"gender", std::string("nu")}});
        push(*a);
        pull(*b);
        wall.advance(10);
        a->update("people", id, {{"position", std::string("Phó Chủ tịch")}});
        wall.advance(1);
        b->update("people", id, {{"position", std::string("Chủ tịch")}});
        push(*a);
        push(*b);
        pull(*a);
        pull(*b);
        return id;
    }
};

} // namespace

TEST_CASE("app-conflicts: the inbox shows both values with labels, author and time") {
    Replicas r;
    const auto person = r.conflicted();
    auto open = app::openConflicts(*r.a);
    REQUIRE(open.size() == 1);
    const auto& c = open[0];
    CHECK(c.table == "people");
    CHECK(c.tableLabel != "people");
    CHECK(c.rowId == person);
    CHECK(c.rowTitle == "Hà Thị Mai");
    CHECK(c.field == "position");
    CHECK(c.fieldLabel != "position");
    REQUIRE(c.candidates.size() == 2);
    int winners = 0;
    for (const auto& cand : c.candidates) {
        CHECK(cand.at.size() == 16); // local time "HH:MM dd/mm/yyyy", not ISO UTC
        CHECK(cand.at[2] == ':');
        CHECK(cand.at.substr(8, 1) == "/");
        CHECK(cand.at.find('T') == std::string::npos);
        winners += cand.winner;
    }
    CHECK(winners == 1);
    CHECK(app::openConflicts(*r.b).size() == 1);
}

TEST_CASE("app-conflicts: keeping the losing value resolves it on every replica after sync") {
    Replicas r;
    const auto person = r.conflicted();
    const auto id = app::openConflicts(*r.a).at(0).id;
    const auto c = app::openConflictJson(*r.a, id);
    const auto loser = app::losingValue(c, id);
    CHECK(loser != c["winner"]);
    app::resolveConflict(*r.a, c, loser);
    CHECK(app::valueText(r.a->get("people", person)->fields.at("position")) == loser.get<std::string>());

    r.wall.advance(10);
    r.push(*r.a);
    CHECK(app::openConflicts(*r.server).empty());
    r.pull(*r.a);
    r.pull(*r.b);
    CHECK(app::openConflicts(*r.a).empty());
    CHECK(app::openConflicts(*r.b).empty());
    CHECK(app::valueText(r.b->get("people", person)->fields.at("position")) == loser.get<std::string>());
    CHECK_THROWS_AS(app::openConflictJson(*r.b, id), Error); // already resolved
}

TEST_CASE("app-conflicts: a typed merged value is parsed for the field and written") {
    Replicas r;
    const auto person = r.conflicted();
    const auto id = app::openConflicts(*r.b).at(0).id;
    const auto c = app::openConflictJson(*r.b, id);
    const auto merged = app::typedValue(c, "Chủ tịch kiêm Bí thư");
    CHECK(merged == "Chủ tịch kiêm Bí thư");
    app::resolveConflict(*r.b, c, merged);
    r.wall.advance(10);
    r.push(*r.b);
    CHECK(app::openConflicts(*r.server).empty());
    r.pull(*r.a);
    CHECK(app::openConflicts(*r.a).empty());
    CHECK(app::valueText(r.a->get("people", person)->fields.at("position")) == "Chủ tịch kiêm Bí thư");
    CHECK_THROWS_AS(app::openConflictJson(*r.a, "no-such-conflict"), Error);
}

} // namespace tdkt::test
