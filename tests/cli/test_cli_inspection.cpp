// tdkt-cli inspection … (issue 18) on a local replica: a plan from the shipped
// template, a target's checklist, an item's result, finding, recommendation,
// conclusion, publication, follow-up; and the errors a script sees.
#include "cli_fixture.hpp"

#include <doctest/doctest.h>

namespace tdkt::test {

TEST_CASE("cli: inspection plan, checklist, item, finding, recommendation, publish, follow-up") {
    Cli cli;
    cli.ok("reference", "load", TDKT_REFERENCE_DIR);
    const auto province = cli.unit("UBND tỉnh Điện Biên");
    const auto commune = cli.unit("UBND xã Ẳng Nưa");
    const auto plan = cli.json("inspection", "plan", "--unit", province, "--title", "Kiểm tra TĐKT 2024", "--year",
                               "2024", "--number", "1181/KH-HĐTĐKT");
    CHECK(plan["template_version"] == 1);
    cli.ok("inspection", "team", plan["id"].get<std::string>(), "lead", "truong_doan");
    const auto target = cli.json("inspection", "target", plan["id"].get<std::string>(), commune, "truc_tiep", "--on",
                                 "2024-05-16");
    CHECK(target["notice_by"] == "2024-04-22");
    const std::string t = target["id"];
    auto list = cli.json("inspection", "checklist", t);
    CHECK(list["total"] == 27);
    CHECK(list["done"] == 0);
    const std::string item = list["items"][0]["id"];
    CHECK(list["items"][0]["number"] == "1.1");
    CHECK(cli.json("inspection", "item", item, "dat", "--evidence", "QĐ 45/QĐ-UBND")["result"] == "dat");
    CHECK(cli.json("inspection", "checklist", t)["done"] == 1);
    CHECK(cli.json("inspection", "finding", t, "Lưu trữ hồ sơ chưa đầy đủ", "--severity", "han_che")["unit_id"] ==
          commune);
    const std::string rec = cli.json("inspection", "recommend", t, "Bổ sung hồ sơ lưu trữ", "--due", "2024-08-30")["id"];
    // Publishing needs a conclusion.
    CHECK(cli.refused(4, "inspection", "publish", t, "--by", "lead").find("no conclusion") != std::string::npos);
    cli.ok("inspection", "conclude", t, "Thực hiện cơ bản đúng quy định");
    CHECK(cli.json("inspection", "publish", t, "--by", "lead", "--on", "2024-05-20")["conclusion_status"] == "da_cong_bo");
    CHECK(cli.json("inspection", "follow-up", rec, "da_thuc_hien", "--done-on", "2024-08-01")["follow_up"] ==
          "da_thuc_hien");
    // Errors: a result outside the list, an unknown item or subcommand, a direct target submitted.
    cli.refused(2, "inspection", "item", item, "tot");
    cli.refused(3, "inspection", "item", "khong-co", "dat");
    cli.refused(2, "inspection", "checklist-x", t);
    cli.refused(4, "inspection", "submit", t);
}

} // namespace tdkt::test
