// The records screens in the real window under xvfb-run against a real tdkt-server
// (issue 17, records): an officer finds a person without diacritics, opens their
// page (awards, evaluations), an idle second commits a typed position, the history
// shows it; a dossier's history from the editor; the unit tree; the reference data.
// At 1× and 1.5×.
#include "sync/sync_fixture.hpp"
#include "gui_run.hpp"

#include "app/labels.hpp"
#include "app/session.hpp"

#include <doctest/doctest.h>

namespace tdkt::test {

TEST_CASE("app-gui-records: people, a person's page and history, units and reference data in the window") {
    if (!haveXvfb()) {
        MESSAGE("skipped: no xvfb-run");
        return;
    }
    SyncWorld w;
    w.addUnit("tinh-p", "tinh");
    w.addUnit("xa-a", "xa", "tinh-p");
    w.addUser("ad", "admin", "tinh-p");
    w.addUser("a1", "officer", "xa-a");
    w.addUser("a2", "officer", "xa-a");
    w.start();
    w.replica("ra", "ad"); // the reference data comes from the administrator
    w.ok("ra", {"reference", "load", TDKT_REFERENCE_DIR});
    w.sync("ra");
    w.replica("r2", "a2");
    const auto dinh = w.put("r2", "people", {{"unit_id", "xa-a"}, {"full_name", "Nguyễn Văn Đình"},
                                             {"position", "Công chức Văn phòng - Thống kê"}, {"is_leader", false}});
    w.put("r2", "people", {{"unit_id", "xa-a"}, {"full_name", "Đặng Thị Hoa"}, {"position", "Phó Chủ tịch UBND xã"}});
    w.put("r2", "people", {{"unit_id", "xa-a"}, {"full_name", "Nguyễn Văn Dũng"}});
    w.put("r2", "award_history", {{"unit_id", "xa-a"}, {"person_id", dinh}, {"award_code", "lao_dong_tien_tien"},
                                  {"year", 2024}, {"decision_number", "45/QĐ-UBND"}, {"decision_date", "2025-01-15"},
                                  {"issuer_name", "Ủy ban nhân dân xã Khánh Hòa"}});
    w.put("r2", "award_history", {{"unit_id", "xa-a"}, {"person_id", dinh}, {"award_code", "chien_si_thi_dua_co_so"},
                                  {"year", 2025}, {"decision_number", "12/QĐ-UBND"}, {"decision_date", "2026-01-10"}});
    w.put("r2", "evaluations", {{"unit_id", "xa-a"}, {"person_id", dinh}, {"year", 2024}, {"rank", "httnv"}});
    w.put("r2", "evaluations", {{"unit_id", "xa-a"}, {"person_id", dinh}, {"year", 2025}, {"rank", "htxsnv"}});
    const auto dossier = w.put("r2", "dossiers", {{"unit_id", "xa-a"}, {"nominee_kind", "ca_nhan"}, {"person_id", dinh},
                                                   {"nominee_name", "Nguyễn Văn Đình"}, {"award_code", "lao_dong_tien_tien"},
                                                   {"year", 2026}, {"status", "draft"}});
    w.put("r2", "dossiers", {{"id", dossier}, {"summary", "Hoàn thành xuất sắc nhiệm vụ được giao"}});
    w.sync("r2");
    w.ok("r1", {"init", "--site-name", "r1"});

    const std::string script = signInScript(w.port(), w.dir() / "cert.pem", "a1", Password) +
                               "click Cá nhân\n"
                               "wait 3\n"
                               "shot 01-danh-sach-ca-nhan\n"
                               "key ctrl+f\n"
                               "type Tìm cá nhân = nguyen van dinh\n"
                               "wait 3\n"
                               "shot 02-tim-ca-nhan\n"
                               "click Nguyễn Văn Đình\n"
                               "wait 3\n"
                               "shot 03-trang-ca-nhan\n"
                               "typing Chức vụ = Chủ tịch Ủy ban nhân dân xã\n"
                               "wait 150\n" // the idle second commits it
                               "click Lịch sử\n"
                               "wait 3\n"
                               "shot 04-lich-su-ca-nhan\n"
                               "click < Quay lại\n"
                               "wait 2\n"
                               "click Đơn vị\n"
                               "wait 2\n"
                               "click Đơn vị xa-a\n"
                               "wait 3\n"
                               "shot 05-don-vi\n"
                               "click Tham chiếu\n"
                               "wait 3\n"
                               "shot 06-tham-chieu\n"
                               // the catalog sorted by a header, twice: Z to A
                               "click Danh hiệu / hình thức\n"
                               "wait 2\n"
                               "click Danh hiệu / hình thức\n"
                               "wait 2\n"
                               "order Xã, phường, đặc khu tiêu biểu < Thôn, tổ dân phố văn hóa\n"
                               "shot 06-tham-chieu-z-a\n"
                               "click Mức lương cơ sở\n"
                               "wait 3\n"
                               "shot 07-luong-co-so\n"
                               "click Hồ sơ\n"
                               "wait 2\n"
                               "click Nguyễn Văn Đình\n"
                               "wait 3\n"
                               "click Lịch sử\n"
                               "wait 3\n"
                               "shot 08-lich-su-ho-so\n"
                               "click Đồng bộ\n"
                               "waitsync\n";
    auto r = runGui({.db = w.dir() / std::string("r1.db"), .dir = w.dir().path(), .name = "records", .script = script, .scale = "1"});
    keepShots(w.dir() / "records");
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    requireShots(w.dir() / "records", 9);

    {
        app::Session s({.db = w.dir() / "r1.db", .referenceDir = TDKT_REFERENCE_DIR, .autoSync = false});
        CHECK(app::valueText(s.store().get("people", dinh)->fields.at("position")) == "Chủ tịch Ủy ban nhân dân xã");
        CHECK(s.store().pendingCount() == 0);
        CHECK(s.refused().empty());
        REQUIRE(s.records.openHistory(s, "people", dinh).empty());
        const auto& lines = s.records.history.lines;
        REQUIRE_FALSE(lines.empty());
        CHECK(lines.back().after == "Chủ tịch Ủy ban nhân dân xã");
        CHECK(lines.back().before == "Công chức Văn phòng - Thống kê");
        CHECK(lines.back().thisDevice);
    }
    w.sync("r2"); // the other officer sees the edit
    CHECK(w.rows("r2", "people")[dinh]["position"] == "Chủ tịch Ủy ban nhân dân xã");

    const std::string again = "screen ca-nhan\n"
                              "wait 2\n"
                              "shot 01-danh-sach\n"
                              "click Nguyễn Văn Đình\n"
                              "wait 3\n"
                              "shot 02-trang-ca-nhan\n"
                              "click Lịch sử\n"
                              "wait 3\n"
                              "shot 03-lich-su\n"
                              "screen don-vi\n"
                              "click Đơn vị xa-a\n"
                              "wait 3\n"
                              "shot 04-don-vi\n"
                              "screen tham-chieu\n"
                              "wait 3\n"
                              "shot 05-tham-chieu\n";
    r = runGui({.db = w.dir() / std::string("r1.db"), .dir = w.dir().path(), .name = "records15", .script = again, .scale = "1.5"});
    keepShots(w.dir() / "records15");
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    requireShots(w.dir() / "records15", 5);
}

} // namespace tdkt::test
