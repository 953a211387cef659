// The report screen in the real window (issue 19): a district reviewer, signed in
// against a real tdkt-server, opens the report, picks the unit and year, types a
// section, exports DOCX and XLSX (on the report worker, with a progress bar) and
// syncs; the files hold the figures and the typed text, the server the section.
#include "sync/sync_fixture.hpp"
#include "zip_part.hpp"
#include "gui_run.hpp"
#include "temp_dir.hpp"

#include "app/calendar.hpp"
#include "app/conflicts.hpp"
#include "app/labels.hpp"
#include "app/report_view.hpp"

#include "tdkt/report/sections.hpp"
#include "tdkt/store/store.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <thread>

namespace tdkt::test {
namespace {

} // namespace

TEST_CASE("app-gui: a reviewer opens the report, writes a section, exports DOCX and XLSX, a colleague edit conflicts") {
    if (!haveXvfb()) {
        MESSAGE("skipped: no xvfb-run");
        return;
    }
    SyncWorld w;
    w.addUnit("tinh-p", "tinh");
    w.addUnit("huyen-yk", "huyen", "tinh-p");
    w.addUnit("xa-a", "xa", "huyen-yk");
    w.addUnit("xa-b", "xa", "huyen-yk");
    w.addUser("rev", "reviewer", "huyen-yk");
    w.addUser("rev2", "reviewer", "huyen-yk");
    w.addUser("a1", "officer", "xa-a");
    w.start();
    w.replica("ra", "a1");
    for (const char* name : {"Nguyễn Văn An", "Lò Thị Bình", "Vàng A Chử"}) {
        const auto id = w.newDossier("ra", "xa-a", name);
        w.put("ra", "dossiers", {{"id", id}, {"status", "submitted"}});
    }
    w.put("ra", "model_examples", {{"unit_id", "xa-a"}, {"year", 2025}, {"nominee_kind", "tap_the"},
                                   {"name", "Hợp tác xã chè Tà Phìn"}, {"publicized", true}});
    w.sync("ra");
    w.replica("rr", "rev");
    // A colleague writes the same section offline, before the GUI's edit reaches the server.
    w.replica("rr2", "rev2");
    w.ok("rr2", {"report", "section", "--unit", "huyen-yk", "--year", "2025", "--outline", "lai_chau", "--key", "p1.1.1",
                 "--text", "Bản của đồng chí Hai."});

    const auto out = w.dir() / "xuat";
    std::filesystem::create_directories(out);
    const std::string section = "Huyện có 2 xã; năm 2025 tập trung phong trào Nông thôn mới.";
    const std::string hardship = "Thuận lợi: cấp ủy quan tâm; khó khăn: địa bàn rộng.";
    const std::string script = "screen bao-cao\n"
                               "wait 2\n"
                               "click Đơn vị huyen-yk\n"
                               "type Năm báo cáo = 2025\n"
                               "waitreport\n"
                               "wait 3\n"
                               "shot 20-bao-cao\n"
                               "click Nội dung\n"
                               "wait 2\n"
                               "type 1. Khái quát đặc điểm, tình hình chung của cơ quan, đơn vị = " + section + "\n"
                               "wait 2\n"
                               "shot 21-bao-cao-noi-dung\n"
                               // typed, and the screen left the very next frame: the draft goes in
                               "typing 2. Những thuận lợi, khó khăn có liên quan đến công tác thi đua, khen thưởng = " +
                               hardship + "\n"
                               "screen ho-so\n"
                               "wait 2\n"
                               "screen bao-cao\n"
                               "click Biểu thống kê\n"
                               "wait 3\n"
                               "shot 22-bao-cao-bieu\n"
                               "click Đồng bộ, dữ liệu\n"
                               "click Chọn ngày…\n"
                               "wait 2\n"
                               "shot 23-bao-cao-chon-ngay\n"
                               "click 15\n"
                               "waitreport\n"
                               "type Thư mục lưu = " + out.string() + "\n"
                               "click Xuất DOCX\n"
                               "waitreport\n"
                               "click Xuất XLSX\n"
                               "waitreport\n"
                               "wait 2\n"
                               "shot 24-bao-cao-xuat\n"
                               "click Đồng bộ\n"
                               "waitsync\n";
    for (const char* scale : {"1", "1.5"}) {
        const std::string shots = std::string("report-") + scale;
        const auto r = runGui({.db = w.dir() / "rr.db", .dir = w.dir().path(), .name = shots, .script = script, .scale = scale});
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        requireShots(w.dir() / shots, 5, shots + "-");
    }

    const auto docx = out / "bao-cao-huyen-yk-2025.docx";
    const auto xlsx = out / "bao-cao-huyen-yk-2025.xlsx";
    REQUIRE(std::filesystem::exists(docx));
    REQUIRE(std::filesystem::exists(xlsx));
    const auto doc = unzipped(docx, "word/document.xml");
    for (const std::string& text : {std::string("Đơn vị huyen-yk"), section,
                                   std::string("Khen thưởng thuộc thẩm quyền của đơn vị: trình 00 tập thể, 03 cá nhân"),
                                   std::string("Hợp tác xã chè Tà Phìn"), std::string("Biểu 0603.N/BNV-TĐKT"),
                                   std::string("Đơn vị chưa đồng bộ từ ngày 2025-12-15")})
        CHECK_MESSAGE(doc.find(text) != std::string::npos, text);
    const auto book = unzipped(xlsx, "xl/workbook.xml");
    for (const char* sheet : {"Biểu 3", "Biểu 0602.N", "Biểu 0603.N", "Điển hình", "Đồng bộ"})
        CHECK_MESSAGE(book.find(std::string("name=\"") + sheet + "\"") != std::string::npos, sheet);
    CHECK(unzipped(xlsx, "xl/sharedStrings.xml").find("Hợp tác xã chè Tà Phìn") != std::string::npos);
    // Biểu 3's total row: 3 individuals proposed (column C of row 5, after its award row).
    CHECK(unzipped(xlsx, "xl/worksheets/sheet3.xml").find("<v>3</v>") != std::string::npos);

    // The section is a synced row: the GUI's sync took it to the server.
    auto s = store::Store::open(w.dir() / "rr.db");
    CHECK(s->pendingCount() == 0);
    const auto id = report::reportSectionId("huyen-yk", 2025, "lai_chau", "p1.1.1");
    CHECK(w.serverDump("rev").find(section) != std::string::npos);
    CHECK(s->exists("report_sections", id));
    const auto second = s->get("report_sections", report::reportSectionId("huyen-yk", 2025, "lai_chau", "p1.1.2"));
    REQUIRE(second);
    CHECK(app::valueText(second->fields.at("body")) == hardship);

    // The colleague syncs: one conflict on the section's body, which the GUI's inbox shows.
    w.sync("rr2");
    w.sync("rr");
    s.reset();
    {
        auto again = store::Store::open(w.dir() / "rr.db");
        const auto open = app::openConflicts(*again);
        REQUIRE(open.size() == 1);
        CHECK(open[0].rowTitle == "p1.1.1"); // no outlines at hand: the key
        // With the outlines the window has, the inbox names the section by its heading.
        const auto titled = app::openConflicts(*again, TDKT_REPORT_DIR);
        REQUIRE(titled.size() == 1);
        CHECK(titled[0].rowTitle == "1. Khái quát đặc điểm, tình hình chung của cơ quan, đơn vị");
    }
    const auto r = runGui({.db = w.dir() / "rr.db", .dir = w.dir().path(), .name = "conflict",
                           .script = "screen xung-dot\nwait 2\nshot 25-bao-cao-xung-dot\n", .scale = ""});
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    requireShots(w.dir() / "conflict", 1);
}

} // namespace tdkt::test

namespace tdkt::test {

TEST_CASE("app: the report's date picker lays out a month, Monday first") {
    const auto dec = app::monthOf(2025, 12);
    CHECK(dec.firstWeekday == 0); // 1/12/2025 is a Monday
    CHECK(dec.days == 31);
    const auto feb = app::monthOf(2024, 2);
    CHECK(feb.firstWeekday == 3); // a Thursday
    CHECK(feb.days == 29);
    CHECK(app::monthOf(2025, 2).days == 28);
    CHECK(app::nextMonth(dec).year == 2026);
    CHECK(app::nextMonth(dec).month == 1);
    CHECK(app::previousMonth(app::monthOf(2025, 1)).month == 12);
    CHECK(app::isoDay(dec, 5) == "2025-12-05");
    CHECK(app::monthOfDay("2024-02-10", 2025).month == 2);
    CHECK(app::monthOfDay("", 2025).month == 12);
    CHECK(app::monthOfDay("", 2025).year == 2025);
}

TEST_CASE("app: the report view builds and exports on its worker, results through the run queue") {
    TempDir dir;
    std::string district, commune;
    {
        auto s = store::Store::open(dir / "r.db", [] {
            store::OpenOptions o;
            o.create = true;
            return o;
        }());
        district = s->create("units", {{"name", std::string("Huyện Mường Tè")}, {"level", std::string("huyen")}});
        commune = s->create("units", {{"name", std::string("Xã Bum Nưa")}, {"level", std::string("xa")}, {"parent_id", district}});
        s->create("units", {{"name", std::string("Huyện khác")}, {"level", std::string("huyen")}});
        for (int i = 0; i < 2; ++i)
            s->create("dossiers", {{"unit_id", commune}, {"nominee_kind", std::string("tap_the")},
                                   {"nominee_name", std::string("Bản ") + std::to_string(i)},
                                   {"award_code", std::string("co_thi_dua_tinh")}, {"year", std::int64_t{2025}},
                                   {"status", std::string("approved")}});
    }
    CHECK(app::ReportView::validDay("2024-02-29"));
    CHECK_FALSE(app::ReportView::validDay("2025-02-29"));
    CHECK_FALSE(app::ReportView::validDay("2025-1-01"));

    auto s = store::Store::open(dir / "r.db");
    CHECK(app::ReportView::units(*s, district) ==
          std::vector<std::pair<std::string, std::string>>{{district, "Huyện Mường Tè"}, {commune, "Xã Bum Nưa"}});
    CHECK(app::ReportView::units(*s, "").size() == 3);

    app::RunQueue queue;
    app::ReportView view({.db = dir / "r.db", .reportDir = TDKT_REPORT_DIR, .referenceDir = TDKT_REFERENCE_DIR}, queue);
    CHECK(view.outlines().size() == 2);
    auto drain = [&] {
        for (int i = 0; i < 2000 && view.busy(); ++i) {
            queue.run();
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        queue.run();
    };
    view.choice = {district, 2025, "lang_son", ""};
    view.build();
    CHECK(view.busy());
    CHECK(view.building().running);
    drain();
    REQUIRE(view.report());
    CHECK_FALSE(view.buildError);
    CHECK(view.report()->national.at(1).rows.at(0).total().collective == 2); // 0603.N: 2 Cờ thi đua tỉnh
    CHECK(view.report()->staleSince == "2025-12-01");

    // A section typed and saved is in the next build and the next export.
    view.draft("intro") = "Huyện có 14 xã, thị trấn.";
    view.save(*s, "intro");
    view.exportTo(dir / "bc.csv");
    drain();
    CHECK_FALSE(view.exportError);
    REQUIRE(view.exported);
    CHECK(std::filesystem::file_size(dir / "bc.csv") > 0);
    CHECK(view.exporting().step == app::ReportStep::Done);
    view.build();
    drain();
    CHECK(view.report()->prose.at("intro") == "Huyện có 14 xã, thị trấn.");

    // A draft typed and not saved is listed (the screen saves it when left); saved, it
    // goes to the report shown even once another year is chosen and not built yet.
    CHECK(view.unsaved().empty());
    view.draft("intro") = "Huyện có 15 xã, thị trấn.";
    CHECK(view.unsaved() == std::vector<std::string>{"intro"});
    view.choice.year = 2024;
    view.save(*s, "intro");
    CHECK(view.unsaved().empty());
    view.choice.year = 2025;
    view.build();
    drain();
    CHECK(view.report()->prose.at("intro") == "Huyện có 15 xã, thị trấn.");

    // A bad path comes back as an error, the UI thread never throws.
    view.exportTo(dir / "no" / "such" / "bc.xlsx");
    drain();
    CHECK(view.exportError);
    CHECK_FALSE(view.exported);
    view.choice.staleSince = "2025-13-01";
    view.build();
    drain();
    CHECK(view.buildError);
}

} // namespace tdkt::test
