// An officer's day in the real window (tdkt under xvfb-run, scripted by label)
// against a real tdkt-server: sign in, draft a dossier, see a finding, submit,
// sync; a second replica's edit makes a conflict that is resolved in the inbox.
// The replica and the server are checked afterwards, and every PNG is non-empty.
#include "sync/sync_fixture.hpp"
#include "gui_run.hpp"

#include "app/conflicts.hpp"
#include "app/labels.hpp"

#include "tdkt/store/store.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

namespace tdkt::test {
namespace {

RunResult gui(SyncWorld& w, const std::string& replica, const std::string& script, const std::string& shots,
              const std::string& scale = "1") {
    return runGui({.db = w.dir() / (replica + ".db"), .dir = w.dir().path(), .name = shots, .script = script, .scale = scale});
}

} // namespace

TEST_CASE("app-gui: an officer signs in, drafts, sees findings, submits, syncs and resolves a conflict") {
    if (!haveXvfb()) {
        MESSAGE("skipped: no xvfb-run");
        return;
    }
    SyncWorld w;
    w.addUnit("tinh-p", "tinh");
    w.addUnit("xa-a", "xa", "tinh-p");
    w.addUser("a1", "officer", "xa-a");
    w.addUser("a2", "officer", "xa-a");
    w.start();
    w.ok("r1", {"init", "--site-name", "r1"});
    w.replica("r2", "a2");

    const std::string day1 = "screen dang-nhap\n"
                             "type Máy chủ (host:cổng) = 127.0.0.1:" + std::to_string(w.port()) + "\n"
                             "type Tên đăng nhập = a1\n"
                             "type Mật khẩu = " + std::string(Password) + "\n"
                             "type Tệp chứng chỉ = " + (w.dir() / "cert.pem").string() + "\n"
                             "shot 01-dang-nhap\n"
                             "click Đăng nhập\n"
                             "waitsync\n"
                             "type Tên người được đề nghị = Nguyễn Văn Đình\n"
                             "type Năm thành tích = 2026\n"
                             "click Tạo hồ sơ\n"
                             "wait 2\n"
                             "type Số thành viên Hội đồng = mười\n"
                             "type Tóm tắt thành tích = Hoàn thành xuất sắc nhiệm vụ\n"
                             "wait 2\n"
                             "shot 02-ho-so-phat-hien\n"
                             "click Trình hồ sơ\n"
                             "wait 2\n"
                             "shot 03-trinh-bi-chan\n"
                             "click Đồng bộ\n"
                             "waitsync\n"
                             "click < Danh sách\n"
                             "type Tìm kiếm = nguyen van dinh\n"
                             "wait 3\n"
                             "shot 04-danh-sach\n";
    auto r = gui(w, "r1", day1, "day1");
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    requireShots(w.dir() / "day1", 4);

    std::string dossier;
    {
        auto s = store::Store::open(w.dir() / "r1.db");
        CHECK(s->setting("user") == "a1");
        auto rows = s->list("dossiers");
        REQUIRE(rows.size() == 1);
        dossier = rows[0].id;
        CHECK(app::valueText(rows[0].fields.at("nominee_name")) == "Nguyễn Văn Đình");
        CHECK(app::valueText(rows[0].fields.at("summary")) == "Hoàn thành xuất sắc nhiệm vụ");
        CHECK(app::valueText(rows[0].fields.at("status")) == "draft"); // submit blocked: components missing
        CHECK((!rows[0].fields.contains("council_members") || isNull(rows[0].fields.at("council_members")))); // "mười" refused
        CHECK(s->pendingCount() == 0);                                 // synced
    }
    CHECK(w.serverDump("a1").find("Nguyễn Văn Đình") != std::string::npos);

    // A colleague edits the same summary; both sync: one open conflict, pulled by r1.
    w.sync("r2");
    w.put("r2", "dossiers", {{"id", dossier}, {"summary", "Bản của đồng chí Hai"}});
    w.put("r1", "dossiers", {{"id", dossier}, {"summary", "Bản của đồng chí Một"}});
    w.sync("r2");
    w.sync("r1");
    w.sync("r1");
    {
        auto s = store::Store::open(w.dir() / "r1.db");
        REQUIRE(app::openConflicts(*s).size() == 1);
    }

    const std::string day2 = "screen xung-dot\n"
                             "wait 2\n"
                             "shot 05-xung-dot\n"
                             "click Giữ Bản của đồng chí Hai\n"
                             "click Đồng bộ\n"
                             "waitsync\n"
                             "wait 2\n"
                             "shot 06-da-xu-ly\n";
    r = gui(w, "r1", day2, "day2", "1.5");
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    requireShots(w.dir() / "day2", 2);
    {
        auto s = store::Store::open(w.dir() / "r1.db");
        CHECK(app::openConflicts(*s).empty());
        CHECK(app::valueText(s->get("dossiers", dossier)->fields.at("summary")) == "Bản của đồng chí Hai");
        CHECK(s->pendingCount() == 0);
    }
    w.sync("r2");
    auto s2 = store::Store::open(w.dir() / "r2.db");
    CHECK(app::openConflicts(*s2).empty());
}

TEST_CASE("app-gui: after a reset the sign-in asks for a new password, and what was pending goes up") {
    if (!haveXvfb()) {
        MESSAGE("skipped: no xvfb-run");
        return;
    }
    SyncWorld w;
    w.addUnit("tinh-p", "tinh");
    w.addUnit("xa-a", "xa", "tinh-p");
    w.addUser("a1", "officer", "xa-a");
    w.start();
    w.replica("r1", "a1");
    const auto pending = w.newDossier("r1", "xa-a", "Nguyễn Văn Một");
    const std::string reset = "Dat-lai-boi-quan-tri-2026";
    REQUIRE(w.server({"user", "passwd", "a1"}, {{"TDKT_PASSWORD", reset}}).exitCode == 0);

    // The sync at start is refused: the sign-in opens with the new-password fields.
    const std::string script = "type Mật khẩu = " + reset + "\n"
                               "type Mật khẩu mới = Rung-tre-ben-song-26\n"
                               "type Nhập lại mật khẩu mới = Rung-tre-ben-song-26\n"
                               "shot 01-doi-mat-khau\n"
                               "click Đổi mật khẩu\n"
                               "waitsync\n"
                               "wait 2\n";
    auto r = gui(w, "r1", script, "passwd");
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    requireShots(w.dir() / "passwd", 1);
    CHECK(json::parse(w.serverDump("a1"))["dossiers"].contains(pending));
    CHECK(json::parse(w.server({"user", "list"}).out)[0]["must_change_password"] == false);
    CHECK(store::Store::open(w.dir() / "r1.db")->pendingCount() == 0);
}

} // namespace tdkt::test
