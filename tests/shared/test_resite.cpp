// Store::resite: a replica whose id was used by other changes too moves its
// unconfirmed ops to a new id, renumbered, with their stamps, values and bases,
// and the rows' versions follow. The server side: settledOps, what a re-sent
// push is compared with.
#include "fixtures.hpp"

#include <doctest/doctest.h>

using namespace tdkt;

TEST_SUITE("store-sync") {
TEST_CASE("store-sync: a re-sited replica moves its unconfirmed ops to a new id") {
    test::TempDir dir;
    test::ManualClock wall;
    auto a = test::openStore(dir / "a.db", false, wall.fn());
    test::addUnit(*a);
    // One change (one row's fields, one transaction) that the server confirmed only in part.
    const auto id = a->create("people", {{"unit_id", std::string("unit-xa-a")},
                                         {"full_name", std::string("Hà Thị Mai")},
                                         {"position", std::string("Văn thư")}});
    const auto before = a->pendingOps(100);
    const SiteId old = a->siteId();
    const std::uint64_t acked = before.back().seq - 1;
    a->acknowledge(acked);
    a->revertRefused(1, "từ chối trước", true, before[0].value, before[0].version());
    wall.advance(5);
    a->update("people", id, {{"position", std::string("Kế toán")}}); // its base is the moving op's version
    a->setSetting("pull_cursor", "42");
    REQUIRE(a->fieldValue("people", id, "full_name")->version.site == old);

    const auto r = a->resite();
    CHECK(r.from == old);
    CHECK(r.to == a->siteId());
    CHECK(r.to != old);
    CHECK(r.moved == 2);
    CHECK(a->nextSeq() == 3);
    CHECK(a->setting("acked_seq") == "0");
    CHECK(a->setting("pull_cursor") == "0");
    CHECK(a->pendingCount() == 2);
    auto ops = a->pendingOps(100);
    REQUIRE(ops.size() == 2);
    CHECK(ops[0].site == r.to);
    CHECK(ops[0].seq == 1);
    CHECK(ops[0].field == "position");
    CHECK(ops[0].hlc == before.back().hlc);
    CHECK(ops[0].value == before.back().value);
    CHECK(ops[0].base == before.back().base);
    CHECK(ops[1].seq == 2);
    CHECK(ops[1].base == ops[0].version()); // the chain follows the new id
    // Rows point at the new versions; what the server confirmed stays the old id's.
    CHECK(a->fieldValue("people", id, "position")->version == ops[1].version());
    CHECK(a->fieldValue("people", id, "full_name")->version.site == old);

    // The old id's ops the server holds come back like anyone's: the confirmed ones
    // are held already, the one that moved is the old id's no more.
    auto result = a->applyRemote(before);
    CHECK(result.duplicates == before.size() - 1);
    CHECK(result.applied == 0); // older than the edit made on top of it here
    CHECK(a->get("people", id)->fields["position"] == Value{std::string("Kế toán")});

    // New edits go on under the new id; a refusal of its seq 1 replaces nothing.
    a->update("people", id, {{"position", std::string("Trưởng phòng")}});
    auto more = a->pendingOps(100);
    CHECK(more.back().seq == 3);
    CHECK(more.back().site == r.to);
    a->revertRefused(1, "từ chối sau", true, before.back().value, before.back().version());
    CHECK(a->rejectedChanges().size() == 2);

    // A server holding the old id's confirmed ops gives them back by (site, seq).
    auto server = test::openStore(dir / "server.db", true, wall.fn());
    server->applyRemote(before);
    auto settled = server->settledOps(old, 2, before.back().seq);
    REQUIRE(settled.size() == before.size() - 1);
    CHECK(settled.at(before.back().seq).value == before.back().value);
    CHECK(settled.at(before.back().seq).hlc == before.back().hlc);
    CHECK(settled.at(2).field == before[1].field);
}
}
