// A decision taken above the unit tree (the Chủ tịch nước's Huân chương, a bộ's Bằng
// khen) comes back to the office that forwarded the dossier, which records it: the
// issuer set to that authority, its decision number. That office still may not decide
// such an award itself, nor record as "outside" a decision of a unit the tree holds
// (the province's Bằng khen tỉnh is its own reviewer's to record). Real tdkt-server,
// tdkt-cli replicas, the shipped reference data (award_authority.hpp).
#include "sync_fixture.hpp"

#include <doctest/doctest.h>

using namespace tdkt;
using namespace tdkt::test;

namespace {

void edit(SyncWorld& w, const std::string& replica, const std::string& id, json fields) {
    fields["id"] = id;
    w.ok(replica, {"put", "dossiers", fields.dump()});
}

// The reasons of the replica's refused changes of `field`, in order.
std::vector<std::string> refused(SyncWorld& w, const std::string& replica, const std::string& field) {
    std::vector<std::string> out;
    for (const auto& r : json::parse(w.ok(replica, {"rejected"})))
        if (r["field"] == field) out.push_back(r["reason"].get<std::string>());
    return out;
}

bool has(const std::string& reason, const std::string& text) { return reason.find(text) != std::string::npos; }

// A submitted dossier of the school for a person ranked HTXSNV in 2021–2025.
std::string submitted(SyncWorld& w, const std::string& award, json extra = json::object()) {
    const auto person = w.put("ro", "people", {{"unit_id", "truong-k"}, {"full_name", "Người " + award}});
    for (int y = 2021; y <= 2025; ++y)
        w.put("ro", "evaluations", {{"unit_id", "truong-k"}, {"person_id", person}, {"year", y}, {"rank", "htxsnv"}});
    json d{{"unit_id", "truong-k"}, {"nominee_kind", "ca_nhan"},  {"person_id", person},
           {"nominee_name", "Người " + award}, {"award_code", award}, {"year", 2025},
           {"period_from_year", 2021},        {"status", "draft"}};
    d.update(extra);
    const auto id = w.put("ro", "dossiers", d);
    for (const char* c : {"to_trinh", "bao_cao_thanh_tich", "bien_ban_hop", "tai_lieu_kiem_chung"})
        w.put("ro", "dossier_items", {{"dossier_id", id}, {"unit_id", "truong-k"}, {"component", c}, {"present", true}});
    edit(w, "ro", id, {{"status", "submitted"}});
    return id;
}

} // namespace

TEST_SUITE("sync") {
TEST_CASE("sync: the forwarding office records a decision taken above the tree, never decides it itself") {
    SyncWorld w(false);
    w.addUnit("tinh-p", "tinh");
    w.addUnit("xa-k", "xa", "tinh-p");
    w.addUnit("truong-k", "co_quan", "xa-k");
    w.addUser("admin", "admin", "tinh-p");
    w.addUser("o1", "officer", "truong-k");
    w.addUser("rvx", "reviewer", "xa-k");
    w.addUser("rvp", "reviewer", "tinh-p");
    w.start();
    for (auto [r, u] : {std::pair{"ra", "admin"}, {"ro", "o1"}, {"rx", "rvx"}, {"rp", "rvp"}}) w.replica(r, u);
    w.ok("ra", {"reference", "load", TDKT_REFERENCE_DIR});
    REQUIRE(w.sync("ra")["rejected"] == 0);
    w.sync("ro");

    const auto hcld = submitted(w, "huan_chuong_lao_dong_hang_ba");
    const auto hcld2 = submitted(w, "huan_chuong_lao_dong_hang_ba");
    // The proposing unit names the ministry it proposes to (issuer.required).
    const auto bkb = submitted(w, "bang_khen_bo_nganh",
                               {{"issuer_kind", "bo_nganh"}, {"issuer_name", "Bộ Giáo dục và Đào tạo"}});
    const auto bkt = submitted(w, "bang_khen_tinh");
    REQUIRE(w.sync("ro")["rejected"] == 0);
    w.sync("rx");
    w.sync("rp");

    // The commune may not decide a Huân chương: no issuer, no authority of its own.
    edit(w, "rx", hcld, {{"status", "approved"}});
    CHECK(w.sync("rx")["rejected"] == 1);
    CHECK(has(refused(w, "rx", "status").at(0), "không có thẩm quyền quyết định «Huân chương Lao động hạng Ba»"));
    CHECK(has(refused(w, "rx", "status").at(0), "record its issuer and decision number"));

    // The Chủ tịch nước's decision came back: the commune records it, with its number.
    edit(w, "rx", hcld,
         {{"status", "approved"}, {"issuer_kind", "chu_tich_nuoc"}, {"decision_number", "1520/QĐ-CTN"},
          {"decision_date", "2026-09-02"}});
    CHECK(w.sync("rx")["rejected"] == 0);
    auto server = json::parse(w.serverDump("rvx"));
    CHECK(server["dossiers"][hcld]["status"] == "approved");
    CHECK(server["dossiers"][hcld]["issuer_kind"] == "chu_tich_nuoc");
    CHECK(server["dossiers"][hcld]["decision_number"] == "1520/QĐ-CTN");
    CHECK(server["dossiers"][hcld]["deciding_unit_id"].is_null());

    // But not as its own decision: its unit as the deciding unit is refused.
    edit(w, "rx", hcld, {{"deciding_unit_id", "xa-k"}});
    CHECK(w.sync("rx")["rejected"] == 1);
    CHECK(has(refused(w, "rx", "deciding_unit_id").at(0), "không có thẩm quyền"));
    CHECK(json::parse(w.ok("rx", {"get", "dossiers", hcld}))["deciding_unit_id"].is_null());

    // An approval recorded without the decision number is refused, then goes with it.
    edit(w, "rx", hcld2, {{"status", "approved"}, {"issuer_kind", "chu_tich_nuoc"}});
    CHECK(w.sync("rx")["rejected"] == 1);
    CHECK(has(refused(w, "rx", "status").back(), "needs its decision number"));
    CHECK(json::parse(w.ok("rx", {"get", "dossiers", hcld2}))["status"] == "submitted");
    edit(w, "rx", hcld2, {{"status", "approved"}, {"decision_number", "1521/QĐ-CTN"}});
    CHECK(w.sync("rx")["rejected"] == 0);
    CHECK(json::parse(w.serverDump("o1"))["dossiers"][hcld2]["status"] == "approved");
    // A recording made by mistake is taken back by the same office.
    edit(w, "rx", hcld2, {{"status", "under_review"}});
    CHECK(w.sync("rx")["rejected"] == 0);
    CHECK(json::parse(w.serverDump("o1"))["dossiers"][hcld2]["status"] == "under_review");

    // An issuer whose level has no power over the form is no authority to record.
    edit(w, "rx", hcld2, {{"status", "approved"}, {"issuer_kind", "tinh"}, {"issuer_name", "Tỉnh P"}});
    CHECK(w.sync("rx")["rejected"] == 1); // the issuer is a review step, the approval is refused
    CHECK(has(refused(w, "rx", "status").back(), "không có thẩm quyền quyết định «Huân chương Lao động hạng Ba»"));
    CHECK(json::parse(w.serverDump("rvx"))["dossiers"][hcld2]["status"] == "under_review");

    // The ministry's Bằng khen, named by the school: recorded with its number; then the
    // issuer of the decided dossier keeps its name, and the school may not change it.
    edit(w, "rx", bkb, {{"status", "approved"}, {"decision_number", "88/QĐ-BGDĐT"}, {"decision_date", "2026-10-01"}});
    CHECK(w.sync("rx")["rejected"] == 0);
    CHECK(json::parse(w.serverDump("o1"))["dossiers"][bkb]["status"] == "approved");
    edit(w, "rx", bkb, {{"issuer_name", nullptr}});
    CHECK(w.sync("rx")["rejected"] == 1);
    CHECK(has(refused(w, "rx", "issuer_name").at(0), "name the issuer"));
    w.sync("ro");
    edit(w, "ro", bkb, {{"issuer_kind", "doan_the_tw"}});
    CHECK(w.sync("ro")["rejected"] == 1);
    CHECK(has(refused(w, "ro", "issuer_kind").at(0), "cannot review or decide its own dossier"));
    CHECK(json::parse(w.serverDump("o1"))["dossiers"][bkb]["issuer_kind"] == "bo_nganh");

    // The province is in the tree: the commune may not record its Bằng khen as an outside
    // issuer's; the province's reviewer records its own decision.
    edit(w, "rx", bkt,
         {{"status", "approved"}, {"issuer_kind", "tinh"}, {"issuer_name", "Tỉnh P"}, {"decision_number", "9/QĐ-UBND"}});
    CHECK(w.sync("rx")["rejected"] == 2); // the approval and its number
    const auto inTree = refused(w, "rx", "status").back();
    MESSAGE("reason shown by `tdkt-cli rejected`: " << inTree);
    CHECK(has(inTree, "is decided by"));
    CHECK(has(inTree, "tinh-p"));
    CHECK(json::parse(w.serverDump("rvx"))["dossiers"][bkt]["status"] == "submitted");
    w.sync("rp");
    edit(w, "rp", bkt, {{"status", "approved"}, {"decision_number", "2040/QĐ-UBND"}, {"deciding_unit_id", "tinh-p"}});
    CHECK(w.sync("rp")["rejected"] == 0);
    CHECK(json::parse(w.serverDump("rvp"))["dossiers"][bkt]["status"] == "approved");

    for (auto [r, u] : {std::pair{"ro", "o1"}, {"rx", "rvx"}, {"rp", "rvp"}}) {
        w.sync(r);
        CHECK_MESSAGE(w.ok(r, {"dump"}) == w.serverDump(u), r << " differs");
    }
    w.stop();
}
}
