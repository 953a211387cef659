// The forwarding office records a decision taken above the tree, in the real window
// (tdkt under xvfb-run) against a real tdkt-server with the shipped reference data:
// the commune's reviewer receives a Huân chương dossier, is offered "Ghi quyết định
// của cấp trên" (not Approve), confirms without the decision number first (a
// Vietnamese sentence, nothing written), then records the Chủ tịch nước's decision
// and syncs; at 1.5× it records a ministry's refusal with the ministry's name.
#include "sync/sync_fixture.hpp"
#include "gui_run.hpp"

#include <doctest/doctest.h>

namespace tdkt::test {

TEST_CASE("app-gui-recorded: a reviewer records the higher authority's decision in the window and syncs it") {
    if (!haveXvfb()) {
        MESSAGE("skipped: no xvfb-run");
        return;
    }
    SyncWorld w;
    w.addUnit("tinh-p", "tinh");
    w.addUnit("xa-a", "xa", "tinh-p");
    w.addUser("admin", "admin", "tinh-p");
    w.addUser("a1", "officer", "xa-a");
    w.addUser("rv", "reviewer", "xa-a");
    w.start();
    w.replica("ra", "admin");
    w.ok("ra", {"reference", "load", TDKT_REFERENCE_DIR});
    REQUIRE(w.sync("ra")["rejected"] == 0);
    w.replica("r1", "a1");
    const auto dossier = [&](const std::string& name, const std::string& award, json extra) {
        const auto person = w.put("r1", "people", {{"unit_id", "xa-a"}, {"full_name", name}});
        for (int y = 2021; y <= 2025; ++y)
            w.put("r1", "evaluations", {{"unit_id", "xa-a"}, {"person_id", person}, {"year", y}, {"rank", "htxsnv"}});
        json d{{"unit_id", "xa-a"}, {"nominee_kind", "ca_nhan"}, {"person_id", person}, {"nominee_name", name},
               {"award_code", award}, {"year", 2025}, {"period_from_year", 2021}, {"status", "draft"}};
        d.update(extra);
        const auto id = w.put("r1", "dossiers", d);
        for (const char* c : {"to_trinh", "bien_ban_hop", "bao_cao_thanh_tich", "tai_lieu_kiem_chung"})
            w.put("r1", "dossier_items", {{"dossier_id", id}, {"unit_id", "xa-a"}, {"component", c}, {"present", true}});
        w.put("r1", "dossiers", {{"id", id}, {"status", "submitted"}});
        return id;
    };
    const auto hcld = dossier("Nguyễn Văn Đình", "huan_chuong_lao_dong_hang_ba", json::object());
    const auto bkb = dossier("Trần Thị Mai", "bang_khen_bo_nganh", {{"issuer_kind", "bo_nganh"}}); // the bộ it goes to
    REQUIRE(w.sync("r1")["rejected"] == 0);
    w.replica("rr", "rv");
    REQUIRE(w.sync("rr")["rejected"] == 0);

    const std::string script = "screen ho-so\n"
                               "wait 3\n"
                               "click Nguyễn Văn Đình\n"
                               "wait 3\n"
                               "click Tiếp nhận\n"
                               "wait 2\n"
                               "click Ghi quyết định của cấp trên\n"
                               "wait 2\n"
                               "type Ngày quyết định = 02/09/2026\n"
                               "click Xác nhận\n"
                               "wait 2\n"
                               "shot 01-thieu-so-quyet-dinh\n"
                               "type Số quyết định = 1520/QĐ-CTN\n"
                               "wait 2\n"
                               "shot 02-ghi-quyet-dinh\n"
                               "click Xác nhận\n"
                               "wait 2\n"
                               "click Đồng bộ\n"
                               "waitsync\n"
                               "wait 2\n"
                               "shot 03-da-ghi\n";
    {
        const auto r = runGui({.db = w.dir() / "rr.db", .dir = w.dir().path(), .name = "recorded", .script = script});
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        requireShots(w.dir() / "recorded", 3, "recorded-");
    }
    // At 1.5×: the ministry's Bằng khen, not awarded, the ministry named.
    const std::string script15 = "screen ho-so\n"
                                 "wait 3\n"
                                 "click Trần Thị Mai\n"
                                 "wait 3\n"
                                 "click Tiếp nhận\n"
                                 "wait 2\n"
                                 "click Ghi quyết định của cấp trên\n"
                                 "wait 2\n"
                                 "pick Kết quả = Không khen thưởng\n"
                                 "wait 1\n"
                                 "type Tên cơ quan tặng = Bộ Giáo dục và Đào tạo\n"
                                 "type Số quyết định = 90/BGDĐT-TĐKT\n"
                                 "type Ngày quyết định = 05/10/2026\n"
                                 "type Lý do = Chưa đủ thời gian công tác\n"
                                 "wait 2\n"
                                 "shot 04-khong-khen-1.5x\n"
                                 "click Xác nhận\n"
                                 "wait 2\n"
                                 "click Đồng bộ\n"
                                 "waitsync\n"
                                 "wait 2\n"
                                 "shot 05-da-ghi-1.5x\n";
    {
        const auto r = runGui({.db = w.dir() / "rr.db", .dir = w.dir().path(), .name = "recorded15",
                               .script = script15, .scale = "1.5"});
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        requireShots(w.dir() / "recorded15", 2, "recorded-");
    }
    CHECK(json::parse(w.ok("rr", {"rejected"})).empty());
    w.sync("r1");
    const auto d = w.rows("r1", "dossiers");
    CHECK(d.at(hcld).at("status") == "approved");
    CHECK(d.at(hcld).at("issuer_kind") == "chu_tich_nuoc");
    CHECK(d.at(hcld).at("decision_number") == "1520/QĐ-CTN");
    CHECK(d.at(hcld).at("decision_date") == "2026-09-02");
    CHECK(d.at(bkb).at("status") == "not_approved");
    CHECK(d.at(bkb).at("issuer_kind") == "bo_nganh");
    CHECK(d.at(bkb).at("issuer_name") == "Bộ Giáo dục và Đào tạo");
    CHECK(d.at(bkb).at("decision_date") == "2026-10-05");
    CHECK(d.at(bkb).at("status_reason") == "Chưa đủ thời gian công tác");
}

} // namespace tdkt::test
