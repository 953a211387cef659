// The sync side of the store: pending log, acknowledgement, idempotent apply,
// and (server role) conflict rows that keep every competing value.
#include "fixtures.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/json/row_json.hpp"

#include <doctest/doctest.h>

using namespace tdkt;
using json::Json;

namespace {

struct World {
    test::TempDir dir;
    test::ManualClock wall;
    std::unique_ptr<store::Store> server = test::openStore(dir / "server.db", true, wall.fn());
    std::unique_ptr<store::Store> a = test::openStore(dir / "a.db", false, wall.fn());
    std::unique_ptr<store::Store> b = test::openStore(dir / "b.db", false, wall.fn());

    // A person both replicas hold, as the server has it.
    std::string seedPerson() {
        test::addUnit(*a);
        auto id = a->create("people", {{"unit_id", std::string("unit-xa-a")}, {"full_name", std::string("Hà Thị Mai")}});
        push(*a);
        pull(*b);
        return id;
    }

    std::vector<Op> received; // every op the server accepted, in order

    void push(store::Store& s) {
        auto ops = s.pendingOps(1000);
        server->applyRemote(ops);
        received.insert(received.end(), ops.begin(), ops.end());
        if (!ops.empty()) s.acknowledge(ops.back().seq);
    }

    // What a pull would bring: the ops the server accepted plus those it wrote itself.
    std::vector<Op> serverLog() const {
        auto ops = received;
        for (const auto& op : server->pendingOps(100000)) ops.push_back(op);
        return ops;
    }

    void pull(store::Store& s) { s.applyRemote(serverLog()); }
};

// An op as another replica (`site`) would send it: people.<field> of row `id`.
Op remoteOp(SiteId site, const std::string& id, const std::string& field, Value value, HlcStamp hlc) {
    Op op;
    op.site = site;
    op.seq = 1;
    op.table = "people";
    op.rowId = id;
    op.field = field;
    op.value = std::move(value);
    op.hlc = hlc;
    return op;
}

Json openConflicts(store::Store& s) {
    Json out = Json::array();
    const auto& t = schema::registry().require("conflicts");
    for (const auto& r : s.list("conflicts", {{"status", std::string("open")}})) out.push_back(json::rowToJson(t, r));
    return out;
}

} // namespace

TEST_SUITE("store-sync") {
    TEST_CASE("store-sync: pending ops carry (site, seq), base and are acknowledged in order") {
        World w;
        const auto id = w.seedPerson();
        w.wall.advance(5);
        w.a->update("people", id, {{"position", std::string("Văn thư")}});
        auto ops = w.a->pendingOps(10);
        REQUIRE(ops.size() == 1);
        CHECK(ops[0].site == w.a->siteId());
        CHECK(ops[0].field == "position");
        CHECK(ops[0].base.isNull());
        w.a->update("people", id, {{"position", std::string("Văn thư lưu trữ")}});
        ops = w.a->pendingOps(10);
        REQUIRE(ops.size() == 2);
        CHECK(ops[1].seq == ops[0].seq + 1);
        CHECK(ops[1].base == ops[0].version());
        w.a->acknowledge(ops[0].seq);
        CHECK(w.a->pendingCount() == 1);
        w.a->acknowledge(ops[1].seq);
        CHECK(w.a->pendingCount() == 0);
    }

    TEST_CASE("store-sync: applying the same ops twice changes nothing") {
        World w;
        w.seedPerson();
        auto again = w.b->applyRemote(w.serverLog());
        CHECK(again.applied == 0);
        CHECK(again.duplicates == w.serverLog().size());
        auto before = w.b->history("people", w.b->list("people")[0].id).size();
        w.pull(*w.b);
        CHECK(w.b->history("people", w.b->list("people")[0].id).size() == before);
    }

    TEST_CASE("store-sync: a received stamp moves the local clock past it") {
        World w;
        const auto id = w.seedPerson();
        Op future = remoteOp(99, id, "position", std::string("Kế toán"), makeHlc(w.wall.ms->load() + 60'000, 0));
        w.b->applyRemote(std::span<const Op>(&future, 1));
        w.b->update("people", id, {{"position", std::string("Thủ quỹ")}});
        auto mine = w.b->pendingOps(10);
        REQUIRE(!mine.empty());
        CHECK(mine.back().hlc > future.hlc);
        CHECK(mine.back().base == future.version());
    }

    TEST_CASE("store-sync: a bad received op is refused whole and changes nothing") {
        World w;
        const auto id = w.seedPerson();
        Op good = remoteOp(7, id, "position", std::string("Kế toán"), makeHlc(w.wall.ms->load() + 1, 0));
        Op bad = good;
        bad.seq = 2;
        bad.field = "no_such_field";
        std::vector<Op> batch{good, bad};
        CHECK_THROWS_AS(w.b->applyRemote(batch), Error);
        CHECK(w.b->get("people", id)->fields.count("position") == 0);
        bad.field = "gender";
        bad.value = std::string("khac");
        batch = {good, bad};
        CHECK_THROWS_AS(w.b->applyRemote(batch), Error);
        CHECK(w.b->get("people", id)->fields.count("position") == 0);
    }

    TEST_CASE("store-sync: concurrent edits of one field open one conflict keeping both values") {
        World w;
        const auto id = w.seedPerson();
        w.wall.advance(10);
        w.a->update("people", id, {{"position", std::string("Chủ tịch")}});
        w.wall.advance(10);
        w.b->update("people", id, {{"position", std::string("Phó Chủ tịch")}});
        w.push(*w.a);
        w.push(*w.b);
        auto open = openConflicts(*w.server);
        REQUIRE(open.size() == 1);
        auto c = open[0];
        CHECK(c["table_name"] == "people");
        CHECK(c["row_id"] == id);
        CHECK(c["field"] == "position");
        CHECK(c["unit_id"] == "unit-xa-a");
        REQUIRE(c["candidates"].size() == 2);
        CHECK(c["candidates"][0]["value"] == "Chủ tịch");
        CHECK(c["candidates"][1]["value"] == "Phó Chủ tịch");
        CHECK(c["winner"] == "Phó Chủ tịch"); // the later version
        CHECK(std::get<std::string>(w.server->get("people", id)->fields["position"]) == "Phó Chủ tịch");
    }

    TEST_CASE("store-sync: different fields and equal values are not conflicts") {
        World w;
        const auto id = w.seedPerson();
        w.a->update("people", id, {{"position", std::string("Kế toán")}, {"birth_year", std::int64_t{1990}}});
        w.b->update("people", id, {{"position", std::string("Kế toán")}, {"gender", std::string("nu")}});
        w.push(*w.a);
        w.push(*w.b);
        CHECK(openConflicts(*w.server).empty());
        auto row = *w.server->get("people", id);
        CHECK(std::get<std::int64_t>(row.fields["birth_year"]) == 1990);
        CHECK(std::get<std::string>(row.fields["gender"]) == "nu");
    }

    TEST_CASE("store-sync: a laptop five years ahead re-stamps its unsent edits once corrected") {
        World w;
        const auto id = w.seedPerson();
        const std::int64_t fiveYears = 5LL * 365 * 24 * 3600 * 1000;
        test::ManualClock laptop;
        *laptop.ms = w.wall.ms->load() + static_cast<std::uint64_t>(fiveYears);
        auto c = test::openStore(w.dir / "c.db", false, laptop.fn());
        c->applyRemote(w.serverLog());
        c->update("people", id, {{"position", std::string("Trưởng bản")}});
        c->update("people", id, {{"position", std::string("Trưởng bản Nà Bản")}});
        REQUIRE(hlcMillis(c->pendingOps(10).back().hlc) > w.wall.ms->load() + 1000);

        // The server says the time: the offset comes back, and so do the stamps.
        c->setSetting("clock_offset_ms", std::to_string(-fiveYears));
        CHECK(c->restampFuture() == 2);
        auto ops = c->pendingOps(10);
        REQUIRE(ops.size() == 2);
        CHECK(hlcMillis(ops[0].hlc) <= w.wall.ms->load());
        CHECK(ops[1].base == ops[0].version()); // the chain follows the new stamps
        CHECK(ops[1].hlc > ops[0].hlc);
        CHECK(c->restampFuture() == 0);

        // An edit made later in real time now wins over the laptop's.
        w.wall.advance(10);
        w.a->update("people", id, {{"position", std::string("Phó bản")}});
        w.server->applyRemote(c->pendingOps(10));
        w.push(*w.a);
        CHECK(std::get<std::string>(w.server->get("people", id)->fields["position"]) == "Phó bản");
        // The laptop's own row carries the corrected version too.
        c->applyRemote(w.serverLog());
        CHECK(std::get<std::string>(c->get("people", id)->fields["position"]) == "Phó bản");
    }

    TEST_CASE("store-sync: delete against edit is a conflict, and the row can come back") {
        World w;
        const auto id = w.seedPerson();
        w.wall.advance(10);
        w.a->update("people", id, {{"position", std::string("Thủ quỹ")}});
        w.wall.advance(10);
        w.b->remove("people", id);
        w.push(*w.a);
        w.push(*w.b);
        CHECK_FALSE(w.server->get("people", id).has_value());
        // The delete touched _deleted, the edit position: different fields, so no conflict on the field...
        // ...but a second replica that edits _deleted concurrently (undelete) does conflict.
        Op undelete = remoteOp(4242, id, "_deleted", std::int64_t{0}, makeHlc(w.wall.ms->load() + 100, 0));
        w.server->applyRemote(std::span<const Op>(&undelete, 1));
        REQUIRE(w.server->get("people", id).has_value());
        CHECK(std::get<std::string>(w.server->get("people", id)->fields["position"]) == "Thủ quỹ");
        auto open = openConflicts(*w.server);
        REQUIRE(open.size() == 1);
        CHECK(open[0]["field"] == "_deleted");
    }

    TEST_CASE("store-sync: a delete after an undelete still meets an edit its author had not pulled") {
        World w;
        const auto id = w.seedPerson();
        const auto at = [&](int ms) { return makeHlc(w.wall.ms->load() + ms, 0); };
        Op del = remoteOp(100, id, "_deleted", std::int64_t{1}, at(10));
        del.seen = 1000;
        w.server->applyRemote(std::span<const Op>(&del, 1));
        Op undel = remoteOp(200, id, "_deleted", std::int64_t{0}, at(20));
        undel.base = del.version();
        undel.seen = 1000; // it had pulled the delete
        w.server->applyRemote(std::span<const Op>(&undel, 1));
        REQUIRE(openConflicts(*w.server).empty());
        const auto beforeEdit = w.server->lastLogSeq();
        Op edit = remoteOp(300, id, "position", std::string("Thủ quỹ"), at(30));
        edit.seen = 1000;
        w.server->applyRemote(std::span<const Op>(&edit, 1));
        Op again = remoteOp(200, id, "_deleted", std::int64_t{1}, at(40));
        again.seq = 2;
        again.base = undel.version();
        again.seen = beforeEdit; // it had not pulled the edit
        w.server->applyRemote(std::span<const Op>(&again, 1));
        auto open = openConflicts(*w.server);
        REQUIRE(open.size() == 1);
        CHECK(open[0]["field"] == "_deleted");
    }

    TEST_CASE("store-sync: a delete settling an open deletion conflict brings the edit it had not pulled") {
        // Property-test seed 187: a deletion conflict stays open; a third officer edits the
        // undeleted row; the author of the undelete then deletes again without having
        // pulled that edit. Its delete replaces every line it saw, but not the new edit.
        World w;
        const auto id = w.seedPerson();
        const auto at = [&](int ms) { return makeHlc(w.wall.ms->load() + ms, 0); };
        const auto beforeDelete = w.server->lastLogSeq();
        Op del = remoteOp(100, id, "_deleted", std::int64_t{1}, at(10));
        del.seen = beforeDelete;
        w.server->applyRemote(std::span<const Op>(&del, 1));
        Op blind = remoteOp(300, id, "position", std::string("Văn thư"), at(15));
        blind.seen = beforeDelete; // had not pulled the delete: the conflict opens
        w.server->applyRemote(std::span<const Op>(&blind, 1));
        REQUIRE(openConflicts(*w.server).size() == 1);
        const auto afterBlind = w.server->lastLogSeq();
        Op del2 = remoteOp(600, id, "_deleted", std::int64_t{1}, at(12)); // a second, concurrent delete
        del2.seen = beforeDelete;
        w.server->applyRemote(std::span<const Op>(&del2, 1));
        Op undel = remoteOp(200, id, "_deleted", std::int64_t{0}, at(20));
        undel.base = del.version();
        undel.seen = afterBlind; // keeps the row, not having pulled the second delete: still open
        w.server->applyRemote(std::span<const Op>(&undel, 1));
        REQUIRE(openConflicts(*w.server).size() == 1);
        const auto beforeEdit = w.server->lastLogSeq();
        Op edit = remoteOp(400, id, "position", std::string("Thủ quỹ"), at(30));
        edit.base = blind.version();
        edit.seen = beforeEdit;
        w.server->applyRemote(std::span<const Op>(&edit, 1));
        Op again = remoteOp(200, id, "_deleted", std::int64_t{1}, at(25)); // an older clock than the edit
        again.seq = 2;
        again.base = undel.version();
        again.seen = beforeEdit; // saw the conflict's lines, not the edit
        w.server->applyRemote(std::span<const Op>(&again, 1));
        auto open = openConflicts(*w.server);
        REQUIRE(open.size() == 1);
        CHECK(open[0]["field"] == "_deleted");
        bool keepsEdit = false;
        for (const auto& c : open[0]["candidates"])
            keepsEdit = keepsEdit || (c["value"] == 0 && c["hlc"] == edit.hlc);
        CHECK(keepsEdit);
    }

    TEST_CASE("store-sync: a third concurrent value joins the open conflict, a resolving edit closes it") {
        World w;
        const auto id = w.seedPerson();
        w.wall.advance(10);
        w.a->update("people", id, {{"position", std::string("A")}});
        w.b->update("people", id, {{"position", std::string("B")}});
        const std::string quoted = "C \"trích\"\n\tdòng 2";
        Op third = remoteOp(77, id, "position", quoted, makeHlc(w.wall.ms->load() - 5, 0));
        w.push(*w.a);
        w.push(*w.b);
        w.server->applyRemote(std::span<const Op>(&third, 1));
        auto open = openConflicts(*w.server);
        REQUIRE(open.size() == 1);
        CHECK(open[0]["candidates"].size() == 3);
        CHECK(open[0]["candidates"][2]["value"] == quoted);
        // The stored text is what nlohmann writes for it (the server builds it without a document).
        const auto raw = std::get<std::string>(w.server->list("conflicts")[0].fields["candidates"]);
        CHECK(raw == Json::parse(raw).dump());

        // Someone who pulled only up to before the conflict edits on top of the winner: stays open.
        auto winner = *w.server->get("people", id);
        Op blind = third;
        blind.site = 78;
        blind.value = std::string("D");
        blind.hlc = makeHlc(w.wall.ms->load() + 50, 0);
        blind.base = {};
        for (const auto& h : w.server->history("people", id))
            if (h.field == "position" && h.applied && h.newValue == winner.fields["position"]) blind.base = {h.hlc, h.site};
        blind.seen = 0;
        w.server->applyRemote(std::span<const Op>(&blind, 1));
        CHECK(openConflicts(*w.server).size() == 1);

        // One who saw the conflict resolves on top of the current winner: closed, with the chosen value.
        Op resolve = blind;
        resolve.site = 79;
        resolve.value = std::string("B");
        resolve.base = blind.version();
        resolve.hlc = makeHlc(w.wall.ms->load() + 60, 0);
        resolve.seen = 1'000'000;
        resolve.author = "truong.phong";
        w.server->applyRemote(std::span<const Op>(&resolve, 1));
        CHECK(openConflicts(*w.server).empty());
        auto all = w.server->list("conflicts");
        REQUIRE(all.size() == 1);
        CHECK(std::get<std::string>(all[0].fields["status"]) == "resolved");
        CHECK(std::get<std::string>(all[0].fields["resolved_by"]) == "truong.phong");
    }
}

TEST_SUITE("store-sync") {
    TEST_CASE("store-sync: pulled rows are found by search, their edits and deletes too") {
        World w;
        const auto id = w.seedPerson(); // b holds it from a pull, not from its own edit
        auto names = [&](const std::string& q) {
            std::vector<std::string> ids;
            for (const auto& hit : w.b->search(q)) ids.push_back(hit.id);
            return ids;
        };
        CHECK(names("ha thi mai") == std::vector<std::string>{id});
        w.a->update("people", id, {{"full_name", std::string("Nguyễn Văn Đức")}});
        w.push(*w.a);
        w.pull(*w.b);
        CHECK(names("mai").empty());
        CHECK(names("duc") == std::vector<std::string>{id});
        w.a->remove("people", id);
        w.push(*w.a);
        w.pull(*w.b);
        CHECK(names("duc").empty());
    }

    TEST_CASE("store-sync: a search finds rows another connection of the replica pulled") {
        World w;
        // The desktop client's window reads through its own connection while the sync
        // worker's (w.b) pulls: it has searched before, so it holds a log position.
        auto window = test::openStore(w.dir / "b.db", false, w.wall.fn());
        CHECK(window->search("ha thi mai").empty());
        const auto id = w.seedPerson();
        std::vector<std::string> ids;
        for (const auto& hit : window->search("ha thi mai")) ids.push_back(hit.id);
        CHECK(ids == std::vector<std::string>{id});
    }
}
