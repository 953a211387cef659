// Store::dropRow / noteSeen / dropUnseen: a replica lets go of rows its user may no
// longer read, without an op, and keeps what it has not yet pushed. A dropped row
// that comes back (its ops sent again, held in the log) is whole again.
#include "fixtures.hpp"

#include <doctest/doctest.h>

using namespace tdkt;

TEST_SUITE("store-sync") {
TEST_CASE("store-sync: a dropped row goes without an op, comes back whole, and unpushed rows stay") {
    test::TempDir dir;
    test::ManualClock wall;
    auto source = test::openStore(dir / "source.db", false, wall.fn());
    auto replica = test::openStore(dir / "replica.db", false, wall.fn());
    test::addUnit(*source);
    const auto id = source->create("people", {{"unit_id", std::string("unit-xa-a")},
                                              {"full_name", std::string("Đặng Văn Lâm")},
                                              {"position", std::string("Văn thư")}});
    const auto ops = source->pendingOps(100);
    replica->applyRemote(ops);
    REQUIRE(replica->get("people", id));
    REQUIRE(replica->search("dang van lam").size() == 1);
    const auto ownPending = replica->pendingCount();

    CHECK(replica->dropRow("people", id));
    CHECK_FALSE(replica->get("people", id));
    CHECK(replica->pendingCount() == ownPending); // no op was made
    CHECK(replica->search("dang van lam").empty());

    // Sent again (the row moved back into reach): held in the log, merged anyway.
    const auto again = replica->applyRemote(ops);
    CHECK(again.duplicates == ops.size());
    const auto row = replica->get("people", id);
    REQUIRE(row);
    CHECK(row->fields.at("position") == Value{std::string("Văn thư")});
    for (const auto& op : ops)
        if (op.rowId == id && op.field == "full_name") CHECK(replica->fieldValue("people", id, "full_name")->version == op.version());
    CHECK(replica->search("dang van lam").size() == 1);

    // A row with changes the server has not confirmed stays.
    const auto mine = replica->create("people", {{"unit_id", std::string("unit-xa-a")}, {"full_name", std::string("Lý Thị Thu")}});
    CHECK_FALSE(replica->dropRow("people", mine));
    CHECK(replica->get("people", mine));
    replica->acknowledge(replica->nextSeq() - 1);
    CHECK(replica->dropRow("people", mine));
}

TEST_CASE("store-sync: at the end of a sweep every row not heard of goes") {
    test::TempDir dir;
    test::ManualClock wall;
    auto source = test::openStore(dir / "source.db", false, wall.fn());
    auto replica = test::openStore(dir / "replica.db", false, wall.fn());
    test::addUnit(*source);
    const auto kept = source->create("people", {{"unit_id", std::string("unit-xa-a")}, {"full_name", std::string("Giữ Lại")}});
    const auto keptOps = source->pendingOps(100);
    source->acknowledge(source->nextSeq() - 1);
    const auto gone = source->create("people", {{"unit_id", std::string("unit-xa-a")}, {"full_name", std::string("Bỏ Đi")}});
    replica->applyRemote(keptOps);
    replica->applyRemote(source->pendingOps(100));
    const auto unpushed = replica->create("people", {{"unit_id", std::string("unit-xa-a")}, {"full_name", std::string("Chưa Gửi")}});

    std::vector<Op> heard;
    for (const auto& op : keptOps)
        if (op.table != "people" || op.rowId == kept) heard.push_back(op);
    replica->noteSeen(heard);
    CHECK(replica->dropUnseen() == 1);
    CHECK(replica->get("people", kept));
    CHECK_FALSE(replica->get("people", gone));
    CHECK(replica->get("people", unpushed));
    CHECK(replica->get("units", "unit-xa-a")); // heard of: its ops were in the batch
    // The notes are forgotten: a sweep with nothing heard drops all it may.
    replica->acknowledge(replica->nextSeq() - 1);
    CHECK(replica->dropUnseen() == 3);
}
}
