// The decision recorded by the forwarding office (app/recorded_decision.hpp) is what
// the real tdkt-server accepts (award_authority.hpp): the commune's reviewer records
// the Chủ tịch nước's Huân chương through the session the window uses, and a
// ministry's refusal through `tdkt-cli dossier step`; both sync with nothing refused
// and the officer's replica then holds them. The step is not offered for the
// province's Bằng khen tỉnh, which the server would refuse to take as recorded.
#include "sync/sync_fixture.hpp"

#include "app/session.hpp"

#include <doctest/doctest.h>

#include <algorithm>

namespace tdkt::test {
namespace {

bool offered(const std::vector<app::Step>& steps, app::Step st) {
    return std::find(steps.begin(), steps.end(), st) != steps.end();
}

} // namespace

TEST_CASE("app-recorded-sync: the real server accepts the decision the forwarding office records") {
    SyncWorld w(false);
    w.addUnit("tinh-p", "tinh");
    w.addUnit("xa-k", "xa", "tinh-p");
    w.addUnit("truong-k", "co_quan", "xa-k");
    w.addUser("admin", "admin", "tinh-p");
    w.addUser("o1", "officer", "truong-k");
    w.addUser("rvx", "reviewer", "xa-k");
    w.start();
    for (auto [r, u] : {std::pair{"ra", "admin"}, {"ro", "o1"}, {"rx", "rvx"}}) w.replica(r, u);
    w.ok("ra", {"reference", "load", TDKT_REFERENCE_DIR});
    REQUIRE(w.sync("ra")["rejected"] == 0);
    w.sync("ro");
    const auto person = w.put("ro", "people", {{"unit_id", "truong-k"}, {"full_name", "Nguyễn Văn Đình"}});
    for (int y = 2021; y <= 2025; ++y)
        w.put("ro", "evaluations", {{"unit_id", "truong-k"}, {"person_id", person}, {"year", y}, {"rank", "htxsnv"}});
    const auto dossier = [&](const std::string& award, json extra) {
        json d{{"unit_id", "truong-k"}, {"nominee_kind", "ca_nhan"}, {"person_id", person},
               {"nominee_name", "Nguyễn Văn Đình"}, {"award_code", award}, {"year", 2025},
               {"period_from_year", 2021}, {"status", "draft"}};
        d.update(extra);
        const auto id = w.put("ro", "dossiers", d);
        for (const char* c : {"to_trinh", "bao_cao_thanh_tich", "bien_ban_hop", "tai_lieu_kiem_chung"})
            w.put("ro", "dossier_items",
                  {{"dossier_id", id}, {"unit_id", "truong-k"}, {"component", c}, {"present", true}});
        w.ok("ro", {"dossier", "step", id, "submit"}); // the officer's step, from the command line
        return id;
    };
    const auto hcld = dossier("huan_chuong_lao_dong_hang_ba", json::object());
    const auto bkb = dossier("bang_khen_bo_nganh", {{"issuer_kind", "bo_nganh"}, {"issuer_name", "Bộ Giáo dục và Đào tạo"}});
    const auto bkt = dossier("bang_khen_tinh", json::object());
    REQUIRE(w.sync("ro")["rejected"] == 0);
    REQUIRE(w.sync("rx")["rejected"] == 0);

    {
        app::Session s({.db = w.dir() / "rx.db", .referenceDir = TDKT_REFERENCE_DIR, .autoSync = false});
        s.open(hcld);
        REQUIRE(s.takeStep(app::Step::Receive, {}).empty());
        REQUIRE(offered(s.steps(), app::Step::RecordDecision));
        CHECK_FALSE(offered(s.steps(), app::Step::Approve));
        auto in = app::recordForm(s.store(), s.catalog(), hcld, app::Lang::Vi).input;
        CHECK(in.issuerKind == "chu_tich_nuoc");
        in.decisionNumber = "1520/QĐ-CTN";
        in.decisionDate = "02/09/2026";
        const auto why = s.takeStep(app::Step::RecordDecision, in);
        REQUIRE_MESSAGE(why.empty(), why);

        s.open(bkt);
        REQUIRE(s.takeStep(app::Step::Receive, {}).empty());
        CHECK(s.steps() == std::vector<app::Step>{app::Step::Return, app::Step::RecordVote});
    }
    // The same step from the command line: the ministry did not award its Bằng khen.
    w.ok("rx", {"dossier", "step", bkb, "receive"});
    const auto steps = json::parse(w.ok("rx", {"dossier", "steps", bkb}));
    CHECK(steps["steps"].back()["step"] == "record");
    CHECK(steps["record"]["issuer"] == "bo_nganh");
    const auto missing = w.cli("rx", {"dossier", "step", bkb, "record", "--outcome", "not_approved"});
    CHECK(missing.exitCode == 2);
    CHECK(missing.err.find("Cần ghi lý do.") != std::string::npos);
    const auto recorded = json::parse(w.ok("rx", {"dossier", "step", bkb, "record", "--outcome", "not_approved",
                                                  "--reason", "Chưa đủ thời gian công tác", "--number", "90/BGDĐT-TĐKT",
                                                  "--date", "05/10/2026"}));
    CHECK(recorded["status"] == "not_approved");
    CHECK(recorded["decision_date"] == "2026-10-05");

    const auto pushed = w.sync("rx");
    CHECK_MESSAGE(pushed["rejected"] == 0, w.ok("rx", {"rejected"}));
    w.sync("ro");
    const auto d = w.rows("ro", "dossiers");
    CHECK(d.at(hcld).at("status") == "approved");
    CHECK(d.at(hcld).at("issuer_kind") == "chu_tich_nuoc");
    CHECK(d.at(hcld).at("decision_number") == "1520/QĐ-CTN");
    CHECK(d.at(hcld).at("decision_date") == "2026-09-02");
    CHECK((!d.at(hcld).contains("deciding_unit_id") || d.at(hcld).at("deciding_unit_id").is_null()));
    CHECK(d.at(bkb).at("status") == "not_approved");
    CHECK(d.at(bkb).at("issuer_name") == "Bộ Giáo dục và Đào tạo");
    CHECK(d.at(bkb).at("status_reason") == "Chưa đủ thời gian công tác");
    CHECK(d.at(bkt).at("status") == "under_review");
    CHECK(w.ok("rx", {"dump"}) == w.serverDump("rvx"));
    w.stop();
}

} // namespace tdkt::test
