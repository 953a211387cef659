// The merge rule of DESIGN.md §4: the pure decision, then whole replicas
// receiving the same ops in every order.
#include "fixtures.hpp"

#include "tdkt/json/dump.hpp"
#include "tdkt/merge/merge_rule.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>

using namespace tdkt;

namespace {

Op opAt(HlcStamp hlc, SiteId site, Value v, Version base = {}) {
    Op op;
    op.site = site;
    op.seq = 1;
    op.table = "people";
    op.rowId = "p1";
    op.field = "position";
    op.value = std::move(v);
    op.hlc = hlc;
    op.base = base;
    return op;
}

} // namespace

TEST_SUITE("merge") {
    TEST_CASE("merge: a sequential edit applies and is not a conflict") {
        merge::FieldState cur{std::string("a"), {100, 1}};
        auto d = merge::decide(cur, opAt(200, 2, std::string("b"), {100, 1}));
        CHECK(d.apply);
        CHECK_FALSE(d.concurrent);
        CHECK_FALSE(d.duplicate);
    }

    TEST_CASE("merge: concurrent edits — the greater version wins, both sides see a conflict") {
        merge::FieldState cur{std::string("a"), {300, 1}};
        auto later = merge::decide(cur, opAt(400, 2, std::string("b"), {100, 9}));
        CHECK(later.apply);
        CHECK(later.concurrent);
        auto earlier = merge::decide(cur, opAt(200, 2, std::string("b"), {100, 9}));
        CHECK_FALSE(earlier.apply);
        CHECK(earlier.concurrent);
    }

    TEST_CASE("merge: ties on hlc are broken by site id") {
        merge::FieldState cur{std::string("a"), {300, 5}};
        CHECK(merge::decide(cur, opAt(300, 6, std::string("b"))).apply);
        CHECK_FALSE(merge::decide(cur, opAt(300, 4, std::string("b"))).apply);
    }

    TEST_CASE("merge: equal values are not conflicts, the same version is a duplicate") {
        merge::FieldState cur{std::string("a"), {300, 1}};
        CHECK_FALSE(merge::decide(cur, opAt(400, 2, std::string("a"), {100, 9})).concurrent);
        CHECK(merge::decide(cur, opAt(300, 1, std::string("a"))).duplicate);
    }

    TEST_CASE("merge: the first value of a field never conflicts") {
        merge::FieldState empty{};
        auto d = merge::decide(empty, opAt(100, 1, std::string("a")));
        CHECK(d.apply);
        CHECK_FALSE(d.concurrent);
    }
}

TEST_SUITE("merge") {
    TEST_CASE("merge: every order of the same ops gives the same state") {
        // Three replicas edit shared rows offline: same field, different fields, delete vs edit.
        test::TempDir dir;
        test::ManualClock wall;
        auto a = test::openStore(dir / "a.db", false, wall.fn());
        auto b = test::openStore(dir / "b.db", false, wall.fn());
        auto c = test::openStore(dir / "c.db", false, wall.fn());
        test::addUnit(*a);
        const auto person = a->create("people", {{"unit_id", std::string("unit-xa-a")}, {"full_name", std::string("Lò Văn Pấng")}}, "p1");
        for (auto* s : {b.get(), c.get()}) s->applyRemote(a->pendingOps(100));
        wall.advance(10);
        a->update("people", person, {{"position", std::string("Chủ tịch")}});
        b->update("people", person, {{"position", std::string("Phó Chủ tịch")}, {"birth_year", std::int64_t{1975}}});
        wall.advance(3);
        c->remove("people", person);
        c->update("units", "unit-xa-a", {{"name", std::string("Xã A mới")}});

        std::vector<Op> all;
        for (auto* s : {a.get(), b.get(), c.get()})
            for (auto& op : s->pendingOps(1000)) all.push_back(op);
        REQUIRE(all.size() == 9);

        // 9 ops have 362,880 orders: replay a fixed-seed sample of them, plus the
        // reversed order, each into a fresh replica.
        std::mt19937 rng(20261125);
        std::string expected;
        for (int round = 0; round < 150; ++round) {
            if (round == 1) std::reverse(all.begin(), all.end());
            else if (round > 1) std::shuffle(all.begin(), all.end(), rng);
            test::TempDir d2;
            auto r = test::openStore(d2 / "r.db");
            for (const auto& op : all) r->applyRemote(std::span<const Op>(&op, 1));
            const auto state = json::dumpText(*r);
            if (expected.empty()) expected = state;
            REQUIRE(state == expected);
        }
        CHECK(expected.find("Xã A mới") != std::string::npos);
        CHECK(expected.find("Lò Văn Pấng") == std::string::npos); // the later delete wins
    }
}
