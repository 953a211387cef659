// The movements screens in the real window (issue 17), under xvfb-run against a
// real tdkt-server: a commune officer creates a movement with Ctrl+N, types its
// plan number and date (a date that does not exist is refused in Vietnamese and
// stays typed), period, method and status, adds a target and a result by their
// labels, an idle second commits a cell, syncs, and the server holds them all;
// then the list and editor again at 1.5×, with a province movement read-only.
#include "sync/sync_fixture.hpp"
#include "gui_run.hpp"

#include "app/labels.hpp"
#include "app/session.hpp"

#include "tdkt/store/row_values.hpp"

#include <doctest/doctest.h>

namespace tdkt::test {
namespace {

constexpr const char* Title = "Cán bộ, công chức xã thi đua thực hiện văn hóa công sở, cải cách hành chính và chuyển "
                              "đổi số giai đoạn 2025 - 2030";

std::string field(const store::Row& r, const char* f) {
    auto it = r.fields.find(f);
    return it == r.fields.end() ? std::string() : app::valueText(it->second);
}

} // namespace

TEST_CASE("app-gui-movements: an officer creates a movement, types its plan, adds a target and a result, syncs") {
    if (!haveXvfb()) {
        MESSAGE("skipped: no xvfb-run");
        return;
    }
    SyncWorld w;
    w.addUnit("tinh-p", "tinh");
    w.addUnit("xa-a", "xa", "tinh-p");
    w.addUser("p1", "officer", "tinh-p");
    w.addUser("a1", "officer", "xa-a");
    w.start();
    w.replica("r2", "p1");
    const auto ntm = w.put("r2", "movements", {{"unit_id", "tinh-p"},
                                               {"title", "Tỉnh chung sức xây dựng nông thôn mới giai đoạn 2021 - 2025"},
                                               {"launch_level", "tinh"}, {"plan_number", "1663/KH-UBND"},
                                               {"plan_date", "2021-06-04"}, {"period_from", "2021-06-04"},
                                               {"period_to", "2025-12-31"}, {"method", "thuong_xuyen"},
                                               {"status", "dang_trien_khai"}});
    w.sync("r2");
    w.ok("r1", {"init", "--site-name", "r1"});

    const std::string script = signInScript(w.port(), w.dir() / "cert.pem", "a1", Password) +
                               "screen phong-trao\n"
                               "wait 3\n"
                               "shot 01-danh-sach\n"
                               "key ctrl+n\n"
                               "type Tên phong trào mới = " + std::string(Title) + "\n"
                               "click Tạo phong trào\n"
                               "wait 3\n"
                               "type Kế hoạch số = 12/KH-UBND\n"
                               "type Ngày kế hoạch = 31/02/2025\n"
                               "wait 3\n"
                               "shot 02-ngay-sai\n"
                               "type Ngày kế hoạch = 5/8/2025\n"
                               "type Từ ngày = 05/08/2025\n"
                               "type Đến ngày = 31/12/2030\n"
                               "pick Hình thức = Theo chuyên đề\n"
                               "pick Trạng thái = Đang triển khai\n"
                               "type Chỉ tiêu mới = Tỷ lệ cán bộ, công chức hoàn thành tốt nhiệm vụ trở lên\n"
                               "type Mức chỉ tiêu mới = 95\n"
                               "type Đơn vị tính mới = %\n"
                               "type Hạn hoàn thành mới = 31/12/2025\n"
                               "click Thêm chỉ tiêu\n"
                               "wait 3\n"
                               "typing Mức chỉ tiêu 1 = 96\n"
                               "wait 150\n" // more than the idle second: committed without leaving the cell
                               "type Năm kết quả mới = 2025\n"
                               "type Kết quả đạt được mới = 97,5\n"
                               "type Ngày báo cáo mới = 30/11/2025\n"
                               "click Thêm kết quả\n"
                               "wait 3\n"
                               "type Ghi chú 1 = Vượt chỉ tiêu giao\n"
                               "type Tên điển hình mới = Bộ phận Một cửa xã\n"
                               "type Năm điển hình mới = 2025\n"
                               "click Thêm điển hình\n"
                               "wait 3\n"
                               "shot 03-phong-trao\n"
                               "click Đồng bộ\n"
                               "waitsync\n"
                               "key esc\n"
                               "wait 2\n"
                               "type Tìm phong trào = van hoa cong so\n"
                               "wait 3\n"
                               "shot 04-tim-kiem\n";
    auto r = runGui({.db = w.dir() / "r1.db", .dir = w.dir().path(), .name = "movements", .script = script, .scale = "1"});
    keepShots(w.dir() / "movements", "movements-");
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    requireShots(w.dir() / "movements", 4, "movements-");

    std::string id;
    {
        auto s = store::Store::open(w.dir() / "r1.db");
        CHECK(s->pendingCount() == 0);
        CHECK(s->rejectedChanges().empty());
        CHECK(s->exists("movements", ntm)); // the province's, read down the tree
        auto mine = s->list("movements", {{"unit_id", std::string("xa-a")}});
        REQUIRE(mine.size() == 1);
        const auto& m = mine[0];
        id = m.id;
        CHECK(field(m, "title") == Title);
        CHECK(field(m, "plan_number") == "12/KH-UBND");
        CHECK(field(m, "plan_date") == "2025-08-05");
        CHECK(field(m, "period_from") == "2025-08-05");
        CHECK(field(m, "period_to") == "2030-12-31");
        CHECK(field(m, "launch_level") == "xa");
        CHECK(field(m, "method") == "chuyen_de");
        CHECK(field(m, "status") == "dang_trien_khai");
        auto targets = s->list("movement_targets", {{"movement_id", id}});
        REQUIRE(targets.size() == 1);
        CHECK(field(targets[0], "indicator") == "Tỷ lệ cán bộ, công chức hoàn thành tốt nhiệm vụ trở lên");
        CHECK(field(targets[0], "unit_id") == "xa-a");
        CHECK(std::get<double>(targets[0].fields.at("target_value")) == doctest::Approx(96)); // the idle commit
        CHECK(field(targets[0], "due_date") == "2025-12-31");
        auto results = s->list("movement_results", {{"movement_id", id}});
        REQUIRE(results.size() == 1);
        CHECK(field(results[0], "target_id") == targets[0].id);
        CHECK(std::get<double>(results[0].fields.at("achieved_value")) == doctest::Approx(97.5));
        CHECK(field(results[0], "year") == "2025");
        CHECK(field(results[0], "reported_on") == "2025-11-30");
        CHECK(field(results[0], "note") == "Vượt chỉ tiêu giao");
        auto examples = s->list("model_examples", {{"movement_id", id}});
        REQUIRE(examples.size() == 1);
        CHECK(field(examples[0], "name") == "Bộ phận Một cửa xã");
    }
    const auto server = w.serverDump("a1"); // the server holds what was typed
    for (const char* text : {"12/KH-UBND", "2025-08-05", "2030-12-31", "Tỷ lệ cán bộ, công chức hoàn thành tốt nhiệm vụ",
                             "Vượt chỉ tiêu giao", "2025-11-30", "Bộ phận Một cửa xã", Title})
        CHECK_MESSAGE(server.find(text) != std::string::npos, std::string(text));
    CHECK(server.find(id) != std::string::npos);

    // At 1.5×: the list, the commune's movement, the province's read-only.
    const std::string again = "screen phong-trao\n"
                              "wait 3\n"
                              "shot 05-danh-sach\n"
                              "click " + std::string(Title) + "\n"
                              "wait 3\n"
                              "shot 06-phong-trao\n"
                              "key esc\n"
                              "wait 2\n"
                              "click Tỉnh chung sức xây dựng nông thôn mới giai đoạn 2021 - 2025\n"
                              "wait 3\n"
                              "shot 07-phong-trao-cua-tinh\n";
    r = runGui({.db = w.dir() / "r1.db", .dir = w.dir().path(), .name = "movements15", .script = again, .scale = "1.5"});
    keepShots(w.dir() / "movements15", "movements15-");
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    requireShots(w.dir() / "movements15", 3, "movements15-");
}

TEST_CASE("app-cli-movements: tdkt-cli lists movements as the screen does and refuses a bad typed value") {
    SyncWorld w; // the server is not started: the replica alone
    w.ok("r1", {"init", "--site-name", "r1"});
    const auto unit = w.put("r1", "units", {{"name", "Xã Khánh Hòa"}, {"level", "xa"}});
    const auto mv = w.put("r1", "movements", {{"unit_id", unit}, {"title", "Thi đua thực hiện văn hóa công sở"},
                                              {"period_from", "2025-08-05"}, {"period_to", "2025-12-31"}});
    const auto target = w.put("r1", "movement_targets", {{"movement_id", mv}, {"unit_id", unit},
                                                         {"indicator", "Tỷ lệ hồ sơ giải quyết đúng hạn"}});
    auto listed = json::parse(w.ok("r1", {"movement", "list", "--year", "2025", "--text", "van hoa cong so"}));
    CHECK(listed["count"] == 1);
    CHECK(listed["rows"][0]["id"] == mv);
    CHECK(listed["rows"][0]["period"] == "05/08/2025 – 31/12/2025");
    CHECK(json::parse(w.ok("r1", {"movement", "list", "--year", "2024"}))["count"] == 0);

    auto set = json::parse(w.ok("r1", {"movement", "set", "movement_targets", target, "target_value", "98,5"}));
    CHECK(set["target_value"].get<double>() == doctest::Approx(98.5));
    set = json::parse(w.ok("r1", {"movement", "set", "movements", mv, "plan_date", "5/8/2025"}));
    CHECK(set["plan_date"] == "2025-08-05");
    auto bad = w.cli("r1", {"movement", "set", "movement_targets", target, "target_value", "-3"});
    CHECK(bad.exitCode != 0);
    CHECK(bad.err.find("“Mức chỉ tiêu” không được là số âm.") != std::string::npos);
    bad = w.cli("r1", {"movement", "set", "movements", mv, "period_to", "01/01/2025", "--lang", "en"});
    CHECK(bad.exitCode != 0);
    CHECK_MESSAGE(bad.err.find("” may not be before “") != std::string::npos, bad.err);
    CHECK_MESSAGE(bad.err.find("Đến ngày") == std::string::npos, bad.err); // the field named in English
    CHECK(json::parse(w.ok("r1", {"get", "movements", mv}))["period_to"] == "2025-12-31"); // nothing lost
}

} // namespace tdkt::test
