// An inspector's field day in the real window (tdkt under xvfb-run, scripted by
// label and key) against a real tdkt-server (issue 18): the plan arrives by sync;
// with the server down the inspector opens it, sets results with keys 1/2/3 and
// clicks, types notes and evidence, adds a finding, a recommendation and the
// conclusion, writes the report (DOCX); back online it syncs, and the replica and
// the server hold the results. Screens at 1×, 1.25× (a 1366×768 laptop) and 1.5×.
#include "sync/sync_fixture.hpp"
#include "gui_run.hpp"

#include "app/inspection_view.hpp"

#include "tdkt/inspection/ids.hpp"
#include "tdkt/store/row_values.hpp"
#include "tdkt/store/store.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

namespace tdkt::test {
namespace {

RunResult gui(SyncWorld& w, const std::string& replica, const std::string& script, const std::string& shots,
              const std::string& scale) {
    return runGui({.db = w.dir() / (replica + ".db"), .dir = w.dir().path(), .name = shots, .script = script, .scale = scale});
}

std::string field(const store::Store& s, const char* table, const std::string& id, const char* name) {
    const auto row = s.get(table, id);
    return row ? store::textField(*row, name) : std::string();
}

} // namespace

TEST_CASE("app-gui: an inspector fills a checklist offline with keys and clicks, exports the report, then syncs") {
    if (!haveXvfb()) {
        MESSAGE("skipped: no xvfb-run");
        return;
    }
    SyncWorld w;
    w.addUnit("tinh-p", "tinh");
    w.addUnit("xa-a", "xa", "tinh-p");
    w.addUser("admin", "admin", "tinh-p");
    w.addUser("lead", "inspector", "tinh-p");
    w.start();
    w.replica("ra", "admin");
    w.ok("ra", {"reference", "load", TDKT_REFERENCE_DIR});
    w.put("ra", "units", {{"id", "xa-a"}, {"name", "UBND xã Ẳng Nưa"}});
    w.put("ra", "units", {{"id", "tinh-p"}, {"name", "UBND tỉnh Điện Biên"}});
    REQUIRE(w.sync("ra")["rejected"] == 0);
    w.replica("rl", "lead");
    const std::string plan = json::parse(w.ok("rl", {"inspection", "plan", "--unit", "tinh-p", "--title", "Kiểm tra TĐKT 2024",
                                                     "--year", "2024", "--number", "1181/KH-HĐTĐKT", "--date", "2024-03-19"}))["id"];
    w.ok("rl", {"inspection", "team", plan, "lead", "truong_doan"});
    const std::string target =
        json::parse(w.ok("rl", {"inspection", "target", plan, "xa-a", "truc_tiep", "--on", "2024-05-16"}))["id"];
    w.ok("rl", {"inspection", "recommend", target, "Kiện toàn Hội đồng Thi đua - Khen thưởng", "--due", "2024-07-15"});
    REQUIRE(w.sync("rl")["rejected"] == 0);
    const auto items = json::parse(w.ok("rl", {"inspection", "checklist", target}))["items"];
    REQUIRE(items.size() == 27);

    // In the field: no connection.
    w.stop();
    const auto report = w.dir() / "bao-cao-kiem-tra.docx";
    const std::string field1 = "screen kiem-tra\n"
                               "wait 2\n"
                               "shot 10-kiem-tra-ke-hoach\n"
                               "click Kiểm tra TĐKT 2024\n"
                               "wait 2\n"
                               "shot 11-kiem-tra-doan-va-don-vi\n"
                               "click Danh mục\n"
                               "wait 2\n"
                               "key 1\n"
                               "key 2\n"
                               "key 3\n"
                               "key 1\n"
                               "type Ghi chú = Chưa ban hành kế hoạch phát động\n"
                               "type Tài liệu kiểm chứng = KH 12/KH-UBND\n"
                               "click 2  Chưa đạt\n"
                               "wait 3\n"
                               "shot 12-kiem-tra-danh-muc\n"
                               "click Cả danh sách\n"
                               "click Không áp dụng\n"
                               "wait 3\n"
                               "shot 13-kiem-tra-ca-danh-sach\n"
                               "typing Ghi chú = Đã có dự thảo kế hoạch\n" // left the very next frame: kept
                               "click Phát hiện, kết luận >\n"
                               "type Nội dung phát hiện = Chậm ban hành kế hoạch phát động thi đua\n"
                               "click Thêm phát hiện\n"
                               "type Nội dung kiến nghị = Ban hành kế hoạch thi đua trước 30/6\n"
                               "type Hạn thực hiện = 2024-06-30\n"
                               "click Thêm kiến nghị\n"
                               "type Kết luận = Đơn vị thực hiện cơ bản đúng quy định\n"
                               "type Ngày kết luận = 2024-05-17\n"
                               "click Lưu kết luận\n"
                               "wait 3\n"
                               "shot 14-kiem-tra-ket-luan\n"
                               "click Kế hoạch\n"
                               "type Tệp báo cáo = " + report.string() + "\n"
                               "click Xuất báo cáo\n"
                               "wait 3\n"
                               "shot 15-kiem-tra-xuat-bao-cao\n"
                               "screen theo-doi\n"
                               "wait 3\n"
                               "shot 16-theo-doi-kien-nghi\n";
    auto r = gui(w, "rl", field1, "field", "1");
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    requireShots(w.dir() / "field", 7);
    auto id = [&](std::size_t i) { return items[i]["id"].get<std::string>(); };
    {
        auto s = store::Store::open(w.dir() / "rl.db");
        CHECK(field(*s, "checklist_items", id(0), "result") == "khong_ap_dung"); // key 1, then a click in the list
        CHECK(field(*s, "checklist_items", id(0), "notes") == "Đã có dự thảo kế hoạch");
        CHECK(field(*s, "checklist_items", id(1), "result") == "chua_dat");      // key 2
        CHECK(field(*s, "checklist_items", id(2), "result") == "khong_ap_dung"); // key 3
        CHECK(field(*s, "checklist_items", id(3), "result") == "dat");           // key 1
        CHECK(field(*s, "checklist_items", id(4), "result") == "chua_dat");      // a click
        CHECK(field(*s, "checklist_items", id(4), "notes") == "Chưa ban hành kế hoạch phát động");
        CHECK(field(*s, "checklist_items", id(4), "evidence") == "KH 12/KH-UBND");
        CHECK(field(*s, "checklist_items", id(5), "result").empty());
        CHECK(s->count("findings", {{"target_id", target}}) == 1);
        CHECK(s->count("recommendations", {{"target_id", target}}) == 2);
        CHECK(field(*s, "inspection_conclusions", inspection::conclusionId(target), "content") ==
              "Đơn vị thực hiện cơ bản đúng quy định");
        CHECK(s->pendingCount() > 0); // nothing went out: the server is down
    }
    REQUIRE(std::filesystem::exists(report));
    {
        std::ifstream in(report, std::ios::binary);
        char magic[2] = {};
        in.read(magic, 2);
        CHECK(std::string(magic, 2) == "PK");
    }

    // Back online: the laptop at 1.25× syncs from the checklist; at 1.5× the board.
    w.start();
    const std::string field2 = "screen kiem-tra\n"
                               "click Kiểm tra TĐKT 2024\n"
                               "click Danh mục\n"
                               "wait 2\n"
                               "shot 17-kiem-tra-danh-muc-125\n"
                               "click Đồng bộ\n"
                               "waitsync\n"
                               "wait 3\n"
                               "shot 18-kiem-tra-da-dong-bo-125\n";
    r = gui(w, "rl", field2, "online", "1.25");
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    requireShots(w.dir() / "online", 2);
    const std::string field3 = "screen kiem-tra\n"
                               "click Kiểm tra TĐKT 2024\n"
                               "click Danh mục\n"
                               "click Cả danh sách\n"
                               "wait 2\n"
                               "shot 19-kiem-tra-ca-danh-sach-150\n"
                               "click Phát hiện, kết luận >\n"
                               "wait 2\n"
                               "shot 20-kiem-tra-ket-luan-150\n"
                               "screen theo-doi\n"
                               "wait 2\n"
                               "shot 21-theo-doi-kien-nghi-150\n";
    r = gui(w, "rl", field3, "large", "1.5");
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    requireShots(w.dir() / "large", 3);
    {
        auto s = store::Store::open(w.dir() / "rl.db");
        CHECK(s->pendingCount() == 0);
        CHECK(s->rejectedChanges().empty());
    }
    const auto server = w.serverDump("lead");
    for (const char* text : {"Chưa ban hành kế hoạch phát động", "KH 12/KH-UBND", "Chậm ban hành kế hoạch phát động thi đua",
                             "Ban hành kế hoạch thi đua trước 30/6", "Đơn vị thực hiện cơ bản đúng quy định"})
        CHECK_MESSAGE(server.find(text) != std::string::npos, std::string(text));
    w.sync("rl");
    CHECK(json::parse(w.ok("rl", {"inspection", "checklist", target}))["done"] == 5);
}

} // namespace tdkt::test
