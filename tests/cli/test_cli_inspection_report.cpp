// tdkt-cli inspection report (issue 18): the báo cáo kết quả kiểm tra as DOCX, a
// valid zip whose parts are well-formed XML holding every section, item, result,
// finding, conclusion and recommendation; a path that cannot be written is a clear
// error that leaves no file behind; LibreOffice reads it when it is installed.
#include "cli_fixture.hpp"
#include "zip_part.hpp"

#include "tdkt/report/xml_text.hpp"

#include <doctest/doctest.h>

namespace tdkt::test {
namespace {

struct Inspected {
    std::string plan, target, commune;
    Json items;
};

// A plan of the province, one commune inspected directly: every item given a result
// (each of the three, and a few left unassessed), two findings, two recommendations,
// the conclusion published.
Inspected inspected(Cli& cli) {
    cli.ok("reference", "load", TDKT_REFERENCE_DIR);
    const auto province = cli.unit("UBND tỉnh Điện Biên");
    Inspected w;
    w.commune = cli.unit("UBND xã Ẳng Nưa");
    w.plan = cli.json("inspection", "plan", "--unit", province, "--title", "kiểm tra công tác thi đua, khen thưởng năm 2024",
                      "--year", "2024", "--number", "1181/KH-HĐTĐKT", "--date", "2024-03-19")["id"];
    cli.ok("inspection", "team", w.plan, "lead", "truong_doan");
    cli.ok("inspection", "team", w.plan, "mem", "thanh_vien");
    w.target = cli.json("inspection", "target", w.plan, w.commune, "truc_tiep", "--on", "2024-05-16")["id"];
    w.items = cli.json("inspection", "checklist", w.target)["items"];
    const char* results[] = {"dat", "chua_dat", "khong_ap_dung"};
    for (std::size_t i = 0; i + 3 < w.items.size(); ++i)
        cli.ok("inspection", "item", w.items[i]["id"].get<std::string>(), results[i % 3], "--notes",
               "Ghi chú mục " + w.items[i]["number"].get<std::string>(), "--evidence", "QĐ " + std::to_string(i + 1) + "/QĐ-UBND");
    cli.ok("inspection", "finding", w.target, "Chậm ban hành kế hoạch phát động thi đua", "--severity", "han_che", "--item",
           w.items[1]["id"].get<std::string>());
    cli.ok("inspection", "finding", w.target, "Tổ chức tốt phong trào Nông thôn mới", "--severity", "uu_diem");
    cli.ok("inspection", "recommend", w.target, "Ban hành kế hoạch thi đua trước 30/6", "--due", "2024-06-30");
    const std::string rec = cli.json("inspection", "recommend", w.target, "Bổ sung hồ sơ lưu trữ khen thưởng", "--due",
                                     "2024-08-30")["id"];
    cli.ok("inspection", "follow-up", rec, "da_thuc_hien", "--done-on", "2024-08-01", "--note", "Đã bổ sung 12 hồ sơ");
    cli.ok("inspection", "conclude", w.target, "Đơn vị thực hiện cơ bản đúng quy định về thi đua, khen thưởng", "--on",
           "2024-05-17");
    cli.ok("inspection", "publish", w.target, "--by", "lead", "--on", "2024-05-20");
    return w;
}

} // namespace

TEST_CASE("cli: inspection report writes a DOCX holding every item, finding and recommendation") {
    Cli cli;
    const auto w = inspected(cli);
    const auto file = cli.path("bao-cao-kiem-tra.docx");
    const auto out = cli.json("inspection", "report", "--plan", w.plan, "--target", w.commune, "--out", file.string());
    CHECK(out["findings"] == 2);
    CHECK(out["recommendations"] == 2);
    REQUIRE(out["targets"].size() == 1);
    CHECK(out["targets"][0]["assessed"] == w.items.size() - 3);
    for (const char* part : {"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/styles.xml"})
        CHECK_MESSAGE(report::wellFormedXml(unzipped(file, part)), std::string(part));
    CHECK(unzipped(file, "word/styles.xml").find("Times New Roman") != std::string::npos);
    const auto doc = unzipped(file, "word/document.xml");
    REQUIRE(report::wellFormedXml(doc));
    for (const char* text :
         {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "UBND tỉnh Điện Biên", "ĐOÀN KIỂM TRA",
          "Số:       /BC-ĐKT", "……, ngày 17 tháng 5 năm 2024", "BÁO CÁO",
          "Kết quả kiểm tra công tác thi đua, khen thưởng năm 2024", "Kế hoạch số 1181/KH-HĐTĐKT ngày 19/03/2024",
          "lead: Trưởng đoàn", "mem: Thành viên", "ĐƠN VỊ ĐƯỢC KIỂM TRA: UBND xã Ẳng Nưa", "I. Đặc điểm tình hình",
          "II. Kết quả thực hiện", "4. Chất lượng công tác khen thưởng", "6. Công tác khác", "III. Nhận xét, đánh giá chung", "1. Kết quả đạt được",
          "2. Tồn tại, hạn chế, nguyên nhân", "3. Kiến nghị, đề xuất", "IV. Kết luận của Đoàn kiểm tra",
          "Đạt", "Chưa đạt", "Không áp dụng", "Chưa đánh giá", "Đã đánh giá 24/27 mục",
          "Chậm ban hành kế hoạch phát động thi đua (mục 1.2)", "Tổ chức tốt phong trào Nông thôn mới",
          "Ban hành kế hoạch thi đua trước 30/6", "30/06/2024", "Bổ sung hồ sơ lưu trữ khen thưởng", "30/08/2024",
          "Đã thực hiện (01/08/2024)", "Đã bổ sung 12 hồ sơ", "Chưa thực hiện",
          "Đơn vị thực hiện cơ bản đúng quy định về thi đua, khen thưởng", "Kết luận đã được công bố ngày 20/05/2024",
          "TM. ĐOÀN KIỂM TRA", "TRƯỞNG ĐOÀN"})
        CHECK_MESSAGE(doc.find(report::xmlEscape(text)) != std::string::npos, std::string(text));
    // Every item: its number, its content and its notes.
    for (const auto& item : w.items) {
        CHECK_MESSAGE(doc.find(report::xmlEscape(item["content"].get<std::string>())) != std::string::npos, item["number"]);
        CHECK(doc.find(">" + item["number"].get<std::string>() + "<") != std::string::npos);
    }
    CHECK(doc.find("Ghi chú mục " + w.items[0]["number"].get<std::string>()) != std::string::npos);
    // Tables at 13 pt (TableHead / TableCell), the body at 14.
    CHECK(doc.find("w:pStyle w:val=\"TableCell\"") != std::string::npos);
    const auto styles = unzipped(file, "word/styles.xml");
    CHECK(styles.find("w:styleId=\"TableCell\"") != std::string::npos);
    CHECK(styles.find("<w:sz w:val=\"28\"/>") != std::string::npos);

    // The whole plan (no --target) holds the same target.
    const auto all = cli.json("inspection", "report", "--plan", w.plan, "--out", cli.path("ca-ke-hoach.docx").string());
    CHECK(all["targets"].size() == 1);
}

TEST_CASE("cli: inspection report refuses a path it cannot write, an unknown plan or target, and leaves no file") {
    Cli cli;
    const auto w = inspected(cli);
    const auto missing = cli.path("khong-co-thu-muc") / "bc.docx";
    const auto err = cli.refused(5, "inspection", "report", "--plan", w.plan, "--out", missing.string());
    CHECK(err.find("khong-co-thu-muc") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(missing.parent_path()));
    const auto dir = cli.path("bc.docx");
    std::filesystem::create_directory(dir); // a folder where the file should go
    CHECK(cli.refused(5, "inspection", "report", "--plan", w.plan, "--out", dir.string()).find("is a folder") !=
          std::string::npos);
    CHECK(cli.refused(3, "inspection", "report", "--plan", "khong-co", "--out", cli.path("a.docx").string())
              .find("khong-co") != std::string::npos);
    CHECK(cli.refused(3, "inspection", "report", "--plan", w.plan, "--target", "xa-khac", "--out",
                      cli.path("a.docx").string())
              .find("xa-khac") != std::string::npos);
    cli.refused(2, "inspection", "report", "--plan", w.plan, "--out", cli.path("a.pdf").string());
    cli.refused(2, "inspection", "report", "--plan", w.plan);
    // Nothing left behind: no report, no temporary part.
    std::size_t files = 0;
    for (const auto& e : std::filesystem::directory_iterator(cli.path("")))
        files += e.path().extension() == ".docx" || e.path().filename().string().find(".part-") != std::string::npos;
    CHECK(files == 1); // the folder named bc.docx
}

TEST_CASE("cli: LibreOffice converts the inspection report, its text holding the headings (when installed)") {
    std::filesystem::path office;
    for (const char* p : {"/usr/bin/soffice", "/usr/bin/libreoffice"})
        if (std::filesystem::exists(p)) office = p;
    if (office.empty()) {
        MESSAGE("skipped: LibreOffice (libreoffice-writer-nogui) is not installed");
        return;
    }
    Cli cli;
    const auto w = inspected(cli);
    const auto file = cli.path("bc.docx");
    cli.ok("inspection", "report", "--plan", w.plan, "--out", file.string());
    RunOptions o;
    o.timeout = std::chrono::milliseconds(120000);
    o.env["HOME"] = cli.path("").string();
    const auto r = run({office.string(), "--headless", "-env:UserInstallation=file://" + cli.path("lo").string(),
                        "--convert-to", "txt:Text", "--outdir", cli.path("").string(), file.string()},
                       o);
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    const auto text = readBytes(cli.path("bc.txt"));
    for (const char* s : {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "II. Kết quả thực hiện", "3. Kiến nghị, đề xuất",
                          "Bổ sung hồ sơ lưu trữ khen thưởng"})
        CHECK_MESSAGE(text.find(s) != std::string::npos, std::string(s));
}

} // namespace tdkt::test
