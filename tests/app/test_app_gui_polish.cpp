// Defects a person would stumble on (polish, issue 17), in the real window under
// xvfb-run against a real tdkt-server: an administrator changes a unit's level and
// types its address, leaving the Units screen the very next frame (nothing lost);
// an officer types a long achievements summary (wrapped in its field, stored as
// typed), switches screen at once, and filters the people list by a unit picked by
// name. The screens at 1× and 1.5×.
#include "sync/sync_fixture.hpp"
#include "gui_run.hpp"

#include "app/labels.hpp"
#include "app/session.hpp"

#include <doctest/doctest.h>

namespace tdkt::test {
namespace {

constexpr const char* Summary = "Hoàn thành xuất sắc nhiệm vụ được giao, dẫn đầu phong trào thi đua của xã về cải "
                                "cách hành chính và chuyển đổi số, được Nhân dân và cán bộ, công chức tín nhiệm "
                                "trong hai năm liền 2024 và 2025";

std::string field(app::Session& s, const std::string& table, const std::string& id, const char* f) {
    auto row = s.store().get(table, id);
    REQUIRE(row);
    auto it = row->fields.find(f);
    return it == row->fields.end() ? std::string() : app::valueText(it->second);
}

std::string signIn(SyncWorld& w, const std::string& user) {
    return "screen dang-nhap\n"
           "type Máy chủ (host:cổng) = 127.0.0.1:" + std::to_string(w.port()) + "\n"
           "type Tên đăng nhập = " + user + "\n"
           "type Mật khẩu = " + std::string(Password) + "\n"
           "type Tệp chứng chỉ = " + (w.dir() / "cert.pem").string() + "\n"
           "click Đăng nhập\n"
           "waitsync\n"
           "click Đồng bộ\n"
           "waitsync\n";
}

} // namespace

TEST_CASE("app-gui-polish: a unit's level and a value typed just before leaving a screen are kept") {
    if (!haveXvfb()) {
        MESSAGE("skipped: no xvfb-run");
        return;
    }
    SyncWorld w;
    w.addUnit("tinh-p", "tinh");
    w.addUnit("xa-a", "xa", "tinh-p");
    w.addUnit("xa-b", "xa", "tinh-p");
    w.addUser("ad", "admin", "tinh-p");
    w.addUser("a1", "officer", "xa-a");
    w.addUser("a2", "officer", "xa-a");
    w.start();
    w.replica("r2", "a2");
    const auto dinh = w.put("r2", "people", {{"unit_id", "xa-a"}, {"full_name", "Nguyễn Văn Đình"}, {"position", "Công chức"}});
    w.put("r2", "people", {{"unit_id", "xa-a"}, {"full_name", "Đặng Thị Hoa"}});
    const auto dossier = w.put("r2", "dossiers", {{"unit_id", "xa-a"}, {"nominee_kind", "ca_nhan"}, {"person_id", dinh},
                                                   {"nominee_name", "Nguyễn Văn Đình"}, {"award_code", "lao_dong_tien_tien"},
                                                   {"year", 2026}, {"status", "draft"}});
    w.sync("r2");

    SUBCASE("an administrator") {
        w.ok("ra", {"init", "--site-name", "ra"});
        const std::string script = signIn(w, "ad") +
                                   "click Đơn vị\n"
                                   "wait 2\n"
                                   "click Đơn vị xa-a\n"
                                   "wait 2\n"
                                   "pick Cấp = Huyện, quận\n"
                                   "wait 2\n"
                                   "typing Địa chỉ = Số 1 đường Trần Phú\n"
                                   "screen ho-so\n" // the very next frame: the idle second has not passed
                                   "wait 2\n"
                                   "screen don-vi\n"
                                   "wait 3\n"
                                   "shot 01-don-vi\n"
                                   "typing Mã đơn vị = XA-A\n"; // the window closes the next frame
        auto r = runGui({.db = w.dir() / std::string("ra.db"), .dir = w.dir().path(), .name = "units", .script = script});
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        requireShots(w.dir() / "units", 1, "polish-units-");
        app::Session s({.db = w.dir() / "ra.db", .referenceDir = TDKT_REFERENCE_DIR, .autoSync = false});
        CHECK(field(s, "units", "xa-a", "level") == "huyen");
        CHECK(field(s, "units", "xa-a", "address") == "Số 1 đường Trần Phú");
        CHECK(field(s, "units", "xa-a", "code") == "XA-A");
    }
    SUBCASE("an officer") {
        w.ok("r1", {"init", "--site-name", "r1"});
        const std::string script = signIn(w, "a1") +
                                   "click Hồ sơ\n"
                                   "wait 2\n"
                                   "click Nguyễn Văn Đình\n"
                                   "wait 2\n"
                                   "typing Tóm tắt thành tích = " + std::string(Summary) + "\n"
                                   "screen ca-nhan\n" // the very next frame
                                   "wait 2\n"
                                   "pick Thuộc đơn vị = Đơn vị xa-a\n"
                                   "wait 3\n"
                                   "shot 01-ca-nhan-loc-don-vi\n"
                                   "screen sua-ho-so\n"
                                   "wait 3\n"
                                   "shot 02-tom-tat\n"
                                   // the dossier list filtered by award form and unit, picked by name
                                   "screen ho-so\n"
                                   "wait 2\n"
                                   "pick Loại khen thưởng = Lao động tiên tiến\n"
                                   "pick Thuộc đơn vị = Đơn vị xa-a\n"
                                   "wait 3\n"
                                   "shot 03-ho-so-loc\n"
                                   "click Nguyễn Văn Đình\n"
                                   "wait 2\n";
        auto r = runGui({.db = w.dir() / std::string("r1.db"), .dir = w.dir().path(), .name = "officer", .script = script});
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        requireShots(w.dir() / "officer", 3, "polish-officer-");
        {
            app::Session s({.db = w.dir() / "r1.db", .referenceDir = TDKT_REFERENCE_DIR, .autoSync = false});
            CHECK(field(s, "dossiers", dossier, "summary") == Summary); // the user's text: no soft breaks stored
        }
        const std::string again = "screen ca-nhan\n"
                                  "wait 2\n"
                                  "pick Thuộc đơn vị = Đơn vị xa-a\n"
                                  "wait 3\n"
                                  "shot 01-ca-nhan\n"
                                  "screen ho-so\n"
                                  "wait 2\n"
                                  "pick Loại khen thưởng = Lao động tiên tiến\n"
                                  "wait 3\n"
                                  "shot 02-ho-so-loc\n"
                                  "click Nguyễn Văn Đình\n"
                                  "wait 3\n"
                                  "shot 03-tom-tat\n";
        r = runGui({.db = w.dir() / std::string("r1.db"), .dir = w.dir().path(), .name = "officer15", .script = again,
                    .scale = "1.5"});
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        requireShots(w.dir() / "officer15", 3, "polish-officer15-");
    }
}

} // namespace tdkt::test
