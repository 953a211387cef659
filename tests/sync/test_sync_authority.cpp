// Who may decide (DOMAIN.md "Who decides"): a reviewer moves any dossier of its
// subtree through review, but the server takes its decision only for the award forms
// its level may decide per `authority.deciders` in force, and only with its own unit
// as the deciding unit. Real tdkt-server, tdkt-cli replicas, the shipped reference data.
#include "raw_session.hpp"
#include "sync_fixture.hpp"

#include <doctest/doctest.h>

using namespace tdkt;
using namespace tdkt::test;

namespace {

std::string put(SyncWorld& w, const std::string& replica, const std::string& table, const json& row) {
    auto out = w.ok(replica, {"put", table, row.dump()});
    return out.substr(0, out.find('\n'));
}

void edit(SyncWorld& w, const std::string& replica, const std::string& id, json fields) {
    fields["id"] = id;
    w.ok(replica, {"put", "dossiers", fields.dump()});
}

// A person of the school with the evaluation (and awards) of 2025, and a complete dossier.
std::string dossierFor(SyncWorld& w, const std::string& award, const std::string& rank,
                       bool holdsLdtt = false, const std::string& ro = "ro", const std::string& unit = "truong-k") {
    const auto person = put(w, ro, "people", {{"unit_id", unit}, {"full_name", "Người " + award}});
    put(w, ro, "evaluations", {{"unit_id", unit}, {"person_id", person}, {"year", 2025}, {"rank", rank}});
    if (holdsLdtt)
        put(w, ro, "award_history",
            {{"unit_id", unit}, {"person_id", person}, {"year", 2025}, {"award_code", "lao_dong_tien_tien"}});
    const auto d = put(w, ro, "dossiers",
                       {{"unit_id", unit},
                        {"nominee_kind", "ca_nhan"},
                        {"person_id", person},
                        {"nominee_name", "Người " + award},
                        {"award_code", award},
                        {"year", 2025},
                        {"period_from_year", award == "bang_khen_tinh" ? 2024 : 2025},
                        {"status", "draft"}});
    for (const char* c : {"to_trinh", "bao_cao_thanh_tich", "bien_ban_hop", "tai_lieu_kiem_chung"})
        put(w, ro, "dossier_items",
            {{"dossier_id", d}, {"unit_id", unit}, {"component", c}, {"present", true}});
    edit(w, ro, d, {{"status", "submitted"}});
    return d;
}

// The rejected list of a replica, by field.
json rejectedOf(SyncWorld& w, const std::string& replica, const std::string& field) {
    json out = json::array();
    for (const auto& r : json::parse(w.ok(replica, {"rejected"})))
        if (r["field"] == field) out.push_back(r);
    return out;
}

bool says(const json& rejection, const std::string& text) {
    return rejection["reason"].get<std::string>().find(text) != std::string::npos;
}

// Province → commune → a school under the commune; a reviewer at each of the first two.
void twoReviewers(SyncWorld& w) {
    w.addUnit("tinh-p", "tinh");
    w.addUnit("xa-k", "xa", "tinh-p");
    w.addUnit("truong-k", "co_quan", "xa-k");
    w.addUser("admin", "admin", "tinh-p");
    w.addUser("o1", "officer", "truong-k");
    w.addUser("rvx", "reviewer", "xa-k");
    w.addUser("rvp", "reviewer", "tinh-p");
    w.start();
    for (auto [r, u] : {std::pair{"ra", "admin"}, {"ro", "o1"}, {"rx", "rvx"}, {"rp", "rvp"}})
        w.replica(r, u);
}

} // namespace

TEST_SUITE("sync") {
TEST_CASE("sync: a reviewer decides only the award forms its level may decide") {
    SyncWorld w(false);
    twoReviewers(w);
    w.ok("ra", {"reference", "load", TDKT_REFERENCE_DIR});
    REQUIRE(w.sync("ra")["rejected"] == 0);
    w.sync("ro");

    const auto ldtt = dossierFor(w, "lao_dong_tien_tien", "httnv");
    const auto cstd = dossierFor(w, "chien_si_thi_dua_co_so", "htxsnv", true);
    const auto bkt = dossierFor(w, "bang_khen_tinh", "htxsnv");
    REQUIRE(w.sync("ro")["rejected"] == 0);
    w.sync("rx");
    w.sync("rp");

    // Since 1/7/2025 the commune decides LĐTT: its reviewer approves one of the school below.
    edit(w, "rx", ldtt,
         {{"status", "approved"}, {"decision_number", "15/QĐ-UBND"}, {"decision_date", "2026-11-30"},
          {"deciding_unit_id", "xa-k"}, {"amount", 710000}});
    CHECK(w.sync("rx")["rejected"] == 0);
    CHECK(json::parse(w.ok("rx", {"rejected"})).empty());
    auto server = json::parse(w.serverDump("rvx"));
    CHECK(server["dossiers"][ldtt]["status"] == "approved");
    CHECK(server["dossiers"][ldtt]["decision_number"] == "15/QĐ-UBND");

    // It reviews the Bằng khen tỉnh dossier (steps below the decision are for any office
    // above the unit) but may not decide it: refused with the reason, reverted locally.
    edit(w, "rx", bkt, {{"status", "under_review"}, {"council_members", 9}, {"council_votes_for", 9}});
    CHECK(w.sync("rx")["rejected"] == 0);
    edit(w, "rx", bkt, {{"status", "approved"}, {"decision_number", "16/QĐ-UBND"}});
    CHECK(w.sync("rx")["rejected"] == 2);
    auto refused = rejectedOf(w, "rx", "status");
    REQUIRE(refused.size() == 1);
    MESSAGE("reason shown by `tdkt-cli rejected`: " << refused[0]["reason"].get<std::string>());
    CHECK(refused[0]["row_id"] == bkt);
    CHECK(refused[0]["value"] == "approved");
    CHECK(says(refused[0], "không có thẩm quyền quyết định «Bằng khen của Chủ tịch UBND tỉnh»"));
    CHECK(says(refused[0], "Tỉnh, thành phố"));
    CHECK(says(refused[0], "Điều 79"));
    CHECK(rejectedOf(w, "rx", "decision_number").size() == 1);
    auto local = json::parse(w.ok("rx", {"get", "dossiers", bkt}));
    CHECK(local["status"] == "under_review");
    CHECK(local["decision_number"].is_null());
    CHECK(json::parse(w.serverDump("rvx"))["dossiers"][bkt]["status"] == "under_review");

    // The province decides it.
    w.sync("rp");
    edit(w, "rp", bkt,
         {{"status", "approved"}, {"decision_number", "2031/QĐ-UBND"}, {"decision_date", "2026-11-30"},
          {"deciding_unit_id", "tinh-p"}});
    CHECK(w.sync("rp")["rejected"] == 0);
    server = json::parse(w.serverDump("rvp"));
    CHECK(server["dossiers"][bkt]["status"] == "approved");
    CHECK(server["dossiers"][bkt]["deciding_unit_id"] == "tinh-p");

    // A decision is not undone by a level without authority: the commune may not take the
    // province's approval back to review.
    w.sync("rx");
    edit(w, "rx", bkt, {{"status", "under_review"}});
    CHECK(w.sync("rx")["rejected"] == 1);
    CHECK(says(rejectedOf(w, "rx", "status").back(), "không có thẩm quyền"));
    CHECK(json::parse(w.ok("rx", {"get", "dossiers", bkt}))["status"] == "approved");

    // A reviewer records only its own unit as the deciding one.
    edit(w, "rx", ldtt, {{"deciding_unit_id", "tinh-p"}});
    CHECK(w.sync("rx")["rejected"] == 1);
    refused = rejectedOf(w, "rx", "deciding_unit_id");
    REQUIRE(refused.size() == 1);
    CHECK(says(refused[0], "records only its own unit (xa-k)"));
    CHECK(json::parse(w.ok("rx", {"get", "dossiers", ldtt}))["deciding_unit_id"] == "xa-k");

    // Authority is judged by the dossier's date (received_on): CSTĐ cơ sở was the
    // district's before 1/7/2025 and is the commune's since.
    edit(w, "rx", cstd,
         {{"status", "under_review"},
          {"received_on", "2025-03-01"},
          {"council_members", 9},
          {"council_votes_for", 9}});
    CHECK(w.sync("rx")["rejected"] == 0);
    edit(w, "rx", cstd, {{"status", "approved"}});
    CHECK(w.sync("rx")["rejected"] == 1);
    refused = rejectedOf(w, "rx", "status");
    REQUIRE(refused.size() == 3);
    CHECK(refused.back()["row_id"] == cstd);
    CHECK(says(refused.back(), "tiếp nhận ngày 01/03/2025"));
    CHECK(says(refused.back(), "Huyện, quận"));
    edit(w, "rx", cstd, {{"received_on", "2025-08-01"}});
    edit(w, "rx", cstd, {{"status", "approved"}});
    CHECK(w.sync("rx")["rejected"] == 0);
    CHECK(json::parse(w.serverDump("rvx"))["dossiers"][cstd]["status"] == "approved");

    // The province may not decide LĐTT since 1/7/2025.
    w.sync("rp");
    edit(w, "rp", ldtt, {{"amount", 720000}});
    CHECK(w.sync("rp")["rejected"] == 1);
    CHECK(says(rejectedOf(w, "rp", "amount").at(0), "không có thẩm quyền"));

    // A push creating a row names its award form after the status: still judged by it.
    Raw raw(w.port());
    using protocol::encodeFrame;
    raw.write(encodeFrame(protocol::Hello{protocol::ProtocolVersion, protocol::schemaVersion(), "test"}));
    raw.write(encodeFrame(protocol::Login{"rvx", Password, 4242, "test"}));
    std::vector<Op> ops;
    for (auto [field, value] : {std::pair<std::string, Value>{"status", std::string("approved")},
                                {"award_code", std::string("bang_khen_tinh")},
                                {"unit_id", std::string("truong-k")}}) {
        Op op;
        op.site = 4242;
        op.seq = ops.size() + 1;
        op.table = "dossiers";
        op.rowId = "raw-4242";
        op.field = field;
        op.value = value;
        op.hlc = makeHlc(systemMillis(), static_cast<std::uint16_t>(ops.size()));
        ops.push_back(op);
    }
    raw.write(encodeFrame(protocol::Push{ops}));
    std::string statusReason;
    for (const auto& m : raw.readAll())
        if (const auto* ack = std::get_if<protocol::PushAck>(&m))
            for (const auto& r : ack->rejected)
                if (r.seq == 1) statusReason = r.reason;
    CHECK(statusReason.find("không có thẩm quyền quyết định «Bằng khen") != std::string::npos);
    w.stop();
}

TEST_CASE("sync: a commune's reviewer decides its own staff's LĐTT, not itself, its officers may not approve") {
    SyncWorld w(false);
    twoReviewers(w);
    w.addUser("ox", "officer", "xa-k"); // the commune's own staff are proposed by its office
    w.replica("rox", "ox");
    w.ok("ra", {"reference", "load", TDKT_REFERENCE_DIR});
    REQUIRE(w.sync("ra")["rejected"] == 0);
    w.sync("rox");
    const auto ldtt = dossierFor(w, "lao_dong_tien_tien", "httnv", false, "rox", "xa-k");
    const auto bkt = dossierFor(w, "bang_khen_tinh", "htxsnv", false, "rox", "xa-k");
    REQUIRE(w.sync("rox")["rejected"] == 0);

    edit(w, "rox", ldtt, {{"status", "approved"}});
    CHECK(w.sync("rox")["rejected"] == 1);
    CHECK(says(rejectedOf(w, "rox", "status").at(0), "own dossier"));

    w.sync("rx");
    edit(w, "rx", ldtt,
         {{"status", "approved"}, {"decision_number", "21/QĐ-UBND"}, {"decision_date", "2026-11-30"},
          {"deciding_unit_id", "xa-k"}, {"amount", 710000}});
    CHECK(w.sync("rx")["rejected"] == 0);
    CHECK(json::parse(w.serverDump("ox"))["dossiers"][ldtt]["status"] == "approved");
    // Its level still decides only what it may: the province decides Bằng khen tỉnh.
    edit(w, "rx", bkt, {{"status", "approved"}});
    CHECK(w.sync("rx")["rejected"] == 1);
    CHECK(says(rejectedOf(w, "rx", "status").at(0), "không có thẩm quyền"));
    w.sync("rp");
    edit(w, "rp", bkt, {{"status", "approved"}, {"deciding_unit_id", "tinh-p"}});
    CHECK(w.sync("rp")["rejected"] == 0);
    // The commune as a collective is not its own to approve, even for a form its level decides.
    const auto self = put(w, "rox", "dossiers",
                          {{"unit_id", "xa-k"}, {"nominee_kind", "tap_the"}, {"collective_unit_id", "xa-k"},
                           {"nominee_name", "UBND xã K"}, {"award_code", "tap_the_lao_dong_tien_tien"},
                           {"year", 2025}, {"status", "draft"}});
    REQUIRE(w.sync("rox")["rejected"] == 0);
    w.sync("rx");
    edit(w, "rx", self, {{"status", "approved"}});
    CHECK(w.sync("rx")["rejected"] == 1);
    CHECK(says(rejectedOf(w, "rx", "status").back(), "its own dossier as a collective"));
    for (auto [r, u] : {std::pair{"rox", "ox"}, {"rx", "rvx"}, {"rp", "rvp"}}) {
        w.sync(r);
        CHECK_MESSAGE(w.ok(r, {"dump"}) == w.serverDump(u), r << " differs");
    }
    w.stop();
}

TEST_CASE("sync: without reference data on the server a reviewer's decision goes ahead") {
    SyncWorld w(false);
    twoReviewers(w);
    // No `reference load`: the server holds no authority.deciders, so nothing is judged
    // (the behaviour before reference data existed), except the deciding unit.
    const auto d = put(w, "ro", "dossiers",
                       {{"unit_id", "truong-k"}, {"nominee_kind", "ca_nhan"}, {"nominee_name", "Hà Văn Bảy"},
                        {"award_code", "bang_khen_tinh"}, {"year", 2025}, {"status", "submitted"}});
    REQUIRE(w.sync("ro")["rejected"] == 0);
    w.sync("rx");
    edit(w, "rx", d, {{"status", "approved"}, {"decision_number", "17/QĐ-UBND"}, {"deciding_unit_id", "xa-k"}});
    CHECK(w.sync("rx")["rejected"] == 0);
    CHECK(json::parse(w.serverDump("rvx"))["dossiers"][d]["status"] == "approved");
    edit(w, "rx", d, {{"deciding_unit_id", "tinh-p"}});
    CHECK(w.sync("rx")["rejected"] == 1);
    CHECK(says(rejectedOf(w, "rx", "deciding_unit_id").at(0), "records only its own unit"));
    w.stop();
}
}
