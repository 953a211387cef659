// Local edits through the store API: rows, field versions and the op log move
// together, and a refused edit changes nothing.
#include "fixtures.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/json/dump.hpp"

#include <doctest/doctest.h>

using namespace tdkt;

namespace {

struct Replica {
    test::TempDir dir;
    test::ManualClock wall;
    std::unique_ptr<store::Store> s = test::openStore(dir / "r.db", false, wall.fn());
    std::string unit = test::addUnit(*s);

    std::string person(const std::string& name) {
        return s->create("people", {{"unit_id", unit}, {"full_name", name}});
    }
};

} // namespace

TEST_SUITE("store") {
    TEST_CASE("store: create, read, update, list, delete") {
        Replica r;
        const auto id = r.person("Nguyễn Thị Lan");
        CHECK(id.size() == 36);
        CHECK(id[14] == '7'); // UUIDv7
        auto row = r.s->get("people", id);
        REQUIRE(row);
        CHECK(std::get<std::string>(row->fields["full_name"]) == "Nguyễn Thị Lan");
        r.s->update("people", id, {{"is_leader", std::int64_t{1}}, {"birth_year", std::int64_t{1985}}});
        row = r.s->get("people", id);
        CHECK(std::get<std::int64_t>(row->fields["is_leader"]) == 1);
        r.s->update("people", id, {{"birth_year", Value{}}}); // null clears
        CHECK(r.s->get("people", id)->fields.count("birth_year") == 0);
        r.person("Trần Văn Bình");
        CHECK(r.s->list("people").size() == 2);
        CHECK(r.s->list("people", {{"is_leader", std::int64_t{1}}}).size() == 1);
        CHECK(r.s->list("people", {}, 1).size() == 1);
        r.s->remove("people", id);
        CHECK_FALSE(r.s->get("people", id));
        CHECK(r.s->list("people").size() == 1);
        CHECK_THROWS_AS(r.s->update("people", id, {{"position", std::string("x")}}), Error);
        CHECK_THROWS_AS(r.s->remove("people", id), Error);
    }

    TEST_CASE("store: list and count by an enum code, by a code the field lacks, by null") {
        // Enum codes are written into the SQL (for partial indexes); other values are bound.
        Replica r;
        const auto lan = r.person("Nguyễn Thị Lan");
        r.person("Trần Văn Bình");
        r.s->update("people", lan, {{"gender", std::string("nu")}});
        CHECK(r.s->count("people", {{"gender", std::string("nu")}}) == 1);
        CHECK(r.s->count("people", {{"gender", std::string("nam")}}) == 0);
        CHECK(r.s->count("people", {{"gender", std::string("nu' OR 1=1 --")}}) == 0);
        CHECK(r.s->count("people", {{"gender", Value{}}}) == 1);
        auto women = r.s->list("people", {{"gender", std::string("nu")}, {"full_name", std::string("Nguyễn Thị Lan")}});
        REQUIRE(women.size() == 1);
        CHECK(women[0].id == lan);
    }

    TEST_CASE("store: every edit records its version and appends an op, in one transaction") {
        Replica r;
        const auto before = r.s->pendingCount();
        const auto id = r.person("Lê Văn Tám");
        CHECK(r.s->pendingCount() == before + 2); // unit_id, full_name
        r.wall.advance(1);
        r.s->update("people", id, {{"position", std::string("Cán bộ văn hóa")}});
        auto ops = r.s->pendingOps(100);
        const auto& last = ops.back();
        CHECK(last.field == "position");
        CHECK(last.rowId == id);
        CHECK(hlcMillis(last.hlc) == r.wall.ms->load());
        r.s->update("people", id, {{"position", std::string("Cán bộ văn hóa")}}); // same value: no op
        CHECK(r.s->pendingOps(100).size() == ops.size());
    }

    TEST_CASE("store: a refused edit changes nothing") {
        Replica r;
        const auto id = r.person("Phạm Thị Hoa");
        const auto state = json::dumpText(*r.s);
        const auto pending = r.s->pendingCount();
        CHECK_THROWS_AS(r.s->update("people", id, {{"position", std::string("ok")}, {"gender", std::string("x")}}), Error);
        CHECK_THROWS_AS(r.s->update("people", id, {{"position", std::string("ok")}, {"nope", std::string("x")}}), Error);
        CHECK_THROWS_AS(r.s->create("people", {{"full_name", std::string("no unit")}}), Error);
        CHECK_THROWS_AS(r.s->create("people", {{"unit_id", std::string("missing-unit")}, {"full_name", std::string("x")}}), Error);
        CHECK_THROWS_AS(r.s->create("people", {{"unit_id", r.unit}, {"full_name", std::string("x")}}, id), Error);
        CHECK_THROWS_AS(r.s->create("conflicts", {{"unit_id", r.unit}}), Error);
        CHECK_THROWS_AS(r.s->update("nope", id, {}), Error);
        CHECK(json::dumpText(*r.s) == state);
        CHECK(r.s->pendingCount() == pending);
    }

    TEST_CASE("store: a batch commits all or nothing, and the seq stays gap-free") {
        Replica r;
        const auto state = json::dumpText(*r.s);
        const auto pending = r.s->pendingCount();
        {
            store::Store::Batch b{*r.s};
            r.person("Một");
            r.person("Hai");
            // no commit: rolled back
        }
        CHECK(json::dumpText(*r.s) == state);
        CHECK(r.s->pendingCount() == pending);
        try {
            store::Store::Batch b{*r.s};
            r.person("Ba");
            r.s->create("people", {{"unit_id", r.unit}, {"full_name", std::string("Bốn")}, {"gender", std::string("x")}});
            b.commit();
        } catch (const Error&) {
        }
        CHECK(json::dumpText(*r.s) == state);
        r.person("Năm");
        auto ops = r.s->pendingOps(1000);
        for (std::size_t i = 1; i < ops.size(); ++i) CHECK(ops[i].seq == ops[i - 1].seq + 1);
    }

    TEST_CASE("store: history shows what each author saw and what they wrote") {
        Replica r;
        const auto id = r.person("Đỗ Văn Hùng");
        r.wall.advance(1);
        r.s->update("people", id, {{"position", std::string("Phó trưởng thôn")}});
        r.wall.advance(1);
        r.s->update("people", id, {{"position", std::string("Trưởng thôn")}});
        auto h = r.s->history("people", id);
        REQUIRE(h.size() == 4);
        CHECK(h[2].field == "position");
        CHECK(isNull(h[2].oldValue));
        CHECK(h[3].oldValue == Value{std::string("Phó trưởng thôn")});
        CHECK(h[3].newValue == Value{std::string("Trưởng thôn")});
        CHECK(h[3].site == r.s->siteId());
        CHECK(h[3].hlc > h[2].hlc);
        CHECK_THROWS_AS(r.s->history("people", "missing"), Error);
    }

    TEST_CASE("store: site id, seq and clock survive reopening") {
        test::TempDir dir;
        SiteId site = 0;
        HlcStamp last = 0;
        std::uint64_t seq = 0;
        {
            auto s = test::openStore(dir / "r.db");
            site = s->siteId();
            test::addUnit(*s);
            last = s->pendingOps(10).back().hlc;
            seq = s->pendingOps(10).back().seq;
        }
        auto s = store::Store::open(dir / "r.db");
        CHECK(s->siteId() == site);
        s->update("units", "unit-xa-a", {{"code", std::string("XA01")}});
        CHECK(s->pendingOps(10).back().seq == seq + 1);
        CHECK(s->pendingOps(10).back().hlc > last);
    }
}
