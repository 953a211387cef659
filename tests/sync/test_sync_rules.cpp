// The rules engine at the server: the same checks the client runs while typing
// refuse a dossier's move to "submitted" while a block-level finding stands.
#include "sync_fixture.hpp"

#include <doctest/doctest.h>

using namespace tdkt::test;

TEST_SUITE("sync") {
TEST_CASE("sync: the server refuses submitting a dossier that a block-level finding forbids") {
    SyncWorld w(false);
    w.addUnit("tinh-p", "tinh");
    w.addUnit("xa-a", "xa", "tinh-p");
    w.addUser("admin", "admin", "tinh-p");
    w.addUser("a1", "officer", "xa-a");
    w.start();
    w.replica("ra", "admin");
    w.replica("r1", "a1");

    // Reference data reaches the server like any data: an admin loads it and syncs.
    w.ok("ra", {"reference", "load", TDKT_REFERENCE_DIR});
    auto pushed = w.sync("ra");
    CHECK(pushed["rejected"] == 0);
    CHECK(pushed["pushed"].get<int>() > 100);
    w.sync("r1");
    CHECK_FALSE(json::parse(w.ok("r1", {"list", "award_rules", "--limit", "1"})).empty());

    // A Giấy khen dossier with no components at all: incomplete, a block.
    json d{{"unit_id", "xa-a"}, {"nominee_kind", "ca_nhan"}, {"nominee_name", "Lò Văn Pấng"},
           {"award_code", "giay_khen"}, {"year", 2025}, {"status", "draft"}};
    auto id = w.ok("r1", {"put", "dossiers", d.dump()});
    id = id.substr(0, id.find('\n'));
    auto local = json::parse(w.ok("r1", {"check", "dossiers", id}));
    bool block = false;
    for (const auto& f : local) block = block || f["severity"] == "block";
    REQUIRE(block); // the client already says so while drafting
    w.ok("r1", {"put", "dossiers", json{{"id", id}, {"status", "submitted"}}.dump()});
    auto s = w.sync("r1");
    CHECK(s["rejected"] == 1);
    auto rejected = json::parse(w.ok("r1", {"rejected"}));
    REQUIRE(rejected.size() == 1);
    CHECK(rejected[0]["reason"].get<std::string>().find("does not qualify") != std::string::npos);
    CHECK(rejected[0]["reason_kind"] == "rules.blocked");
    CHECK(json::parse(w.serverDump("a1"))["dossiers"][id]["status"] == "draft");
    CHECK(json::parse(w.ok("r1", {"get", "dossiers", id}))["status"] == "draft"); // reverted locally
    w.stop();
}
}
