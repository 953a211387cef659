// A reviewer's part of a dossier's life in the real window (tdkt under xvfb-run)
// against a real tdkt-server: the commune's reviewer opens a submitted dossier, is
// offered exactly its steps, receives it, records the council's ballot (a wrong one
// first: a Vietnamese sentence, nothing written), decides it and syncs; the officer's
// replica then holds the decision.
#include "sync/sync_fixture.hpp"
#include "gui_run.hpp"

#include <doctest/doctest.h>

namespace tdkt::test {

TEST_CASE("app-gui-workflow: a reviewer receives, balloting, decides a dossier in the window and syncs it") {
    if (!haveXvfb()) {
        MESSAGE("skipped: no xvfb-run");
        return;
    }
    SyncWorld w;
    w.addUnit("tinh-p", "tinh");
    w.addUnit("xa-a", "xa", "tinh-p");
    w.addUser("a1", "officer", "xa-a");
    w.addUser("rv", "reviewer", "xa-a");
    w.start();
    w.replica("r1", "a1");
    const auto person = w.put("r1", "people", {{"unit_id", "xa-a"}, {"full_name", "Nguyễn Văn Đình"}});
    w.put("r1", "evaluations", {{"unit_id", "xa-a"}, {"person_id", person}, {"year", 2026}, {"rank", "htxsnv"}});
    w.put("r1", "award_history",
          {{"unit_id", "xa-a"}, {"person_id", person}, {"year", 2026}, {"award_code", "lao_dong_tien_tien"}});
    const auto id = w.put("r1", "dossiers", {{"unit_id", "xa-a"}, {"nominee_kind", "ca_nhan"}, {"person_id", person},
                                             {"nominee_name", "Nguyễn Văn Đình"}, {"award_code", "chien_si_thi_dua_co_so"},
                                             {"year", 2026}, {"status", "submitted"}});
    for (const char* c : {"to_trinh", "bien_ban_hop", "bao_cao_thanh_tich", "tai_lieu_kiem_chung"})
        w.put("r1", "dossier_items", {{"dossier_id", id}, {"unit_id", "xa-a"}, {"component", c}, {"present", true}});
    w.sync("r1");
    w.replica("rr", "rv");

    const std::string script = "screen ho-so\n"
                               "wait 3\n"
                               "click Nguyễn Văn Đình\n"
                               "wait 3\n"
                               "shot 01-tham-dinh-nhan\n"
                               "click Tiếp nhận\n"
                               "wait 2\n"
                               "click Ghi kết quả bỏ phiếu\n"
                               "type Số thành viên Hội đồng = 9\n"
                               "type Số phiếu đồng ý = 12\n"
                               "click Xác nhận\n"
                               "wait 2\n"
                               "shot 02-phieu-sai\n"
                               "type Số phiếu đồng ý = 9\n"
                               "click Xác nhận\n"
                               "wait 2\n"
                               "click Quyết định khen thưởng\n"
                               "type Số quyết định = 15/QĐ-UBND\n"
                               "type Ngày quyết định = 2026-12-05\n"
                               "wait 2\n"
                               "shot 03-quyet-dinh\n"
                               "click Xác nhận\n"
                               "wait 2\n"
                               "click Đồng bộ\n"
                               "waitsync\n"
                               "wait 2\n"
                               "shot 04-da-khen-thuong\n";
    {
        const auto r = runGui({.db = w.dir() / "rr.db", .dir = w.dir().path(), .name = "review", .script = script});
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        requireShots(w.dir() / "review", 4, "review-");
    }
    w.sync("r1");
    const auto d = w.rows("r1", "dossiers").at(id);
    CHECK(d.at("status") == "approved");
    CHECK(d.at("received_on").is_string());
    CHECK(d.at("council_members") == 9);
    CHECK(d.at("council_votes_for") == 9);
    CHECK(d.at("decision_number") == "15/QĐ-UBND");
    CHECK(d.at("deciding_unit_id") == "xa-a");

    // At 1.5×: the decided dossier offers no step any more; the fields read back.
    const auto r = runGui({.db = w.dir() / "rr.db", .dir = w.dir().path(), .name = "review15",
                           .script = "screen ho-so\nwait 3\nclick Nguyễn Văn Đình\nwait 3\nshot 05-da-quyet-dinh\n",
                           .scale = "1.5"});
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    requireShots(w.dir() / "review15", 1, "review-");
}

} // namespace tdkt::test
