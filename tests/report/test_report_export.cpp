// The annual report written out (issue 19): DOCX and XLSX opened again with libzip
// and their XML checked for the figures; CSV read back; bad input refused with no
// file left behind; the prose sections as synced rows, a concurrent edit a conflict.
#include "fixtures.hpp"
#include "zip_part.hpp"
#include "process.hpp"
#include "temp_dir.hpp"

#include "tdkt/catalog/statistics_columns.hpp"
#include "tdkt/core/error.hpp"
#include "tdkt/report/export.hpp"
#include "tdkt/report/facts_load.hpp"
#include "tdkt/report/sections.hpp"
#include "tdkt/report/xml_text.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include <unistd.h>

namespace tdkt::test {
namespace {
using namespace tdkt::report;

const std::filesystem::path Assets = TDKT_REPORT_DIR;

std::string slurp(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

struct World {
    TempDir dir;
    std::unique_ptr<store::Store> s;
    std::string district, commune;
};

void world(World& w) {
    w.s = openStore(w.dir / "r.db");
    auto& s = *w.s;
    w.district = s.create("units", {{"name", std::string("Huyện Yên Khánh")}, {"level", std::string("huyen")}});
    w.commune = s.create("units", {{"name", std::string("Xã Khánh Hòa")}, {"level", std::string("xa")}, {"parent_id", w.district}});
    auto dossier = [&](const std::string& unit, const std::string& kind, const std::string& code, int year) {
        s.create("dossiers", {{"unit_id", unit}, {"nominee_kind", kind}, {"nominee_name", std::string("Đối tượng")},
                              {"award_code", code}, {"year", std::int64_t{year}}, {"status", std::string("approved")},
                              {"method", std::string("thuong_xuyen")}});
    };
    for (int i = 0; i < 3; ++i) dossier(w.commune, "tap_the", "bang_khen_thu_tuong", 2023);
    for (int i = 0; i < 7; ++i) dossier(w.commune, "ca_nhan", "giay_khen", 2023);
    dossier(w.district, "tap_the", "giay_khen", 2022);
    s.create("movements", {{"unit_id", w.district}, {"title", std::string("Thi đua thực hiện thắng lợi nhiệm vụ năm 2023")},
                           {"launch_level", std::string("huyen")}, {"period_from", std::string("2023-01-01")},
                           {"period_to", std::string("2023-12-31")}, {"method", std::string("thuong_xuyen")}});
    // deciders as the shipped catalog says, without loading it all
    s.create("parameters", {{"key", std::string("authority.deciders")}, {"award_code", std::string("bang_khen_thu_tuong")},
                            {"text_value", std::string("trung_uong")}, {"source_document", std::string("Luật 06/2022/QH15")}});
    writeSection(s, w.district, 2023, "lai_chau", "p1.1.1", "Huyện Yên Khánh có 19 xã, thị trấn.\nDân số 140.000 người.");
}

const catalog::StatColumns& columns() {
    static const auto c = catalog::loadStatColumns(std::filesystem::path(TDKT_REFERENCE_DIR) / "statistics" /
                                                   "columns_tt02_2023.json");
    return c;
}

AnnualReport build(World& w) {
    const auto outline = loadOutline(Assets / "outline_lai_chau.json");
    return buildAnnualReport(loadFacts(*w.s), outline, {w.district, 2023, "2023-12-01", &columns()},
                             readSections(*w.s, w.district, 2023, "lai_chau"));
}

TEST_CASE("report export: the DOCX is a zip of well-formed parts holding the header, prose and figures") {
    World w;
    world(w);
    const auto r = build(w);
    const auto file = w.dir / "bao-cao.docx";
    writeDocx(r, file, Assets / "docx");
    const auto doc = unzipped(file, "word/document.xml");
    REQUIRE_FALSE(doc.empty());
    CHECK(wellFormedXml(doc));
    for (const char* part : {"[Content_Types].xml", "_rels/.rels", "word/styles.xml", "word/_rels/document.xml.rels"})
        CHECK(wellFormedXml(unzipped(file, part)));
    CHECK(unzipped(file, "word/styles.xml").find("Times New Roman") != std::string::npos);
    for (const char* text : {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Huyện Yên Khánh",
                             "Tổng kết công tác thi đua, khen thưởng năm 2023", "phương hướng, nhiệm vụ năm 2024",
                             "3. Công tác khen thưởng", "Dân số 140.000 người.",
                             "Khen thưởng cấp Nhà nước: trình 03 tập thể, 00 cá nhân; được khen thưởng 03 tập thể",
                             "Khen thưởng thuộc thẩm quyền của đơn vị: trình 00 tập thể, 07 cá nhân; được khen thưởng 00 tập thể, 07 cá nhân",
                             "giảm 1 tập thể", "Biểu 0601.N/BNV-TĐKT", "Trong năm 2023 có 1 phong trào",
                             "Biểu 0602.N/BNV-TĐKT: Số lượng khen thưởng cấp Nhà nước năm 2023",
                             "Biểu 0603.N/BNV-TĐKT: Số lượng khen thưởng cấp bộ, ngành, tỉnh năm 2023",
                             "Chỉ ghi các cột có số liệu", "Bằng khen của Thủ tướng Chính phủ"})
        CHECK_MESSAGE(doc.find(text) != std::string::npos, text);
    CHECK(doc.find("w:gridSpan w:val=\"2\"") != std::string::npos); // merged header cells
    CHECK(doc.find("w:vMerge w:val=\"restart\"") != std::string::npos);
    CHECK(doc.find("<w:gridCol/>") == std::string::npos); // sized: LibreOffice merges vertically only then
    // 0602.N in the DOCX keeps only the columns with figures: no Huân chương Sao vàng column.
    const auto n0602 = doc.find("Biểu 0602.N/BNV-TĐKT");
    const auto n0603 = doc.find("Biểu 0603.N/BNV-TĐKT");
    REQUIRE(n0602 != std::string::npos);
    CHECK(doc.substr(n0602, n0603 - n0602).find("Huân chương Sao vàng") == std::string::npos);
}

TEST_CASE("report export: LibreOffice converts the DOCX to PDF and reads it as text holding the headings and figures (when installed)") {
    std::filesystem::path office;
    for (const char* p : {"/usr/bin/soffice", "/usr/bin/libreoffice"})
        if (std::filesystem::exists(p)) office = p;
    if (office.empty()) {
        MESSAGE("skipped: LibreOffice (libreoffice-writer-nogui) is not installed");
        return;
    }
    World w;
    world(w);
    const auto file = w.dir / "bc.docx";
    writeDocx(build(w), file, Assets / "docx");
    RunOptions o;
    o.timeout = std::chrono::milliseconds(120000);
    o.env["HOME"] = w.dir.path().string();
    const auto r = run({office.string(), "--headless", "--convert-to", "txt:Text", "--outdir", w.dir.path().string(),
                        file.string()}, o);
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    const auto pdf = run({office.string(), "--headless", "--convert-to", "pdf", "--outdir", w.dir.path().string(),
                          file.string()}, o);
    REQUIRE_MESSAGE(pdf.exitCode == 0, pdf.err);
    CHECK(slurp(w.dir / "bc.pdf").rfind("%PDF-", 0) == 0);
    const auto text = slurp(w.dir / "bc.txt");
    for (const char* s : {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "3. Công tác khen thưởng", "được khen thưởng 03 tập thể",
                          "Biểu 0602.N/BNV-TĐKT", "Bằng khen của Thủ tướng Chính phủ"})
        CHECK_MESSAGE(text.find(s) != std::string::npos, s);
}

std::filesystem::path office() {
    for (const char* p : {"/usr/bin/soffice", "/usr/bin/libreoffice"})
        if (std::filesystem::exists(p)) return p;
    return {};
}

TEST_CASE("report export: LibreOffice reads the XLSX, every sheet's cells equal the figures (when installed)") {
    const auto soffice = office();
    if (soffice.empty()) {
        MESSAGE("skipped: LibreOffice (libreoffice-calc-nogui) is not installed");
        return;
    }
    World w;
    world(w);
    const auto r = build(w);
    const auto file = w.dir / "bieu.xlsx";
    writeXlsx(r, file);
    RunOptions o;
    o.timeout = std::chrono::milliseconds(120000);
    o.env["HOME"] = w.dir.path().string();
    // Filter options: comma, quote, UTF-8, from row 1, ..., the 12th token -1: each sheet to its own file.
    const auto out = w.dir / "csv";
    std::filesystem::create_directories(out);
    const auto run1 = run({soffice.string(), "--headless", "--convert-to",
                           "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir",
                           out.string(), file.string()}, o);
    REQUIRE_MESSAGE(run1.exitCode == 0, run1.err);
    // The reader's text of each sheet is the CSV writer's table, cell for cell (numbers as numbers).
    std::size_t sheets = 0;
    for (const auto& t : r.tables) {
        const auto sheetFile = out / ("bieu-" + t.sheet + ".csv");
        REQUIRE_MESSAGE(std::filesystem::exists(sheetFile), sheetFile.string());
        ++sheets;
        const auto text = slurp(sheetFile);
        CHECK_MESSAGE(text.find(t.title) != std::string::npos, t.title);
        for (const auto& row : t.rows) {
            std::string line;
            for (std::size_t i = 0; i < row.size(); ++i) {
                const auto& c = row[i].text;
                line += (i ? "," : "") + (c.find(',') != std::string::npos ? "\"" + c + "\"" : c);
            }
            CHECK_MESSAGE(text.find(line) != std::string::npos, t.sheet, ": ", line);
        }
    }
    CHECK(sheets == r.tables.size());
    const auto state = slurp(out / "bieu-Biểu 0602.N.csv");
    CHECK(state.find("Tổng số,01,3,0,0,") != std::string::npos);
}

TEST_CASE("report export: the XLSX has a sheet a table whose cells are the figures") {
    World w;
    world(w);
    const auto r = build(w);
    const auto file = w.dir / "bieu.xlsx";
    writeXlsx(r, file);
    const auto book = unzipped(file, "xl/workbook.xml");
    CHECK(wellFormedXml(book));
    for (const char* sheet : {"Biểu 1", "Biểu 2", "Biểu 3", "Theo đơn vị", "0601.N", "Biểu 0602.N", "Biểu 0603.N", "Điển hình", "Đồng bộ"})
        CHECK_MESSAGE(book.find(std::string("name=\"") + sheet + "\"") != std::string::npos, sheet);
    const auto strings = unzipped(file, "xl/sharedStrings.xml");
    CHECK(strings.find("Biểu số 1: Khen thưởng cấp Nhà nước năm 2023") != std::string::npos);
    CHECK(strings.find("Bằng khen của Thủ tướng Chính phủ") != std::string::npos);
    // Biểu 1's rows: Bằng khen TTg, then the total; granted collectives (column D) = 3.
    const auto sheet1 = unzipped(file, "xl/worksheets/sheet1.xml");
    CHECK(wellFormedXml(sheet1));
    CHECK(sheet1.find("<c r=\"D5\" s=\"") != std::string::npos);
    CHECK(sheet1.find("<v>3</v>") != std::string::npos);
    CHECK(sheet1.find("<mergeCell ref=\"B3:C3\"/>") != std::string::npos);
    const auto sheet3 = unzipped(file, "xl/worksheets/sheet3.xml");
    CHECK(sheet3.find("<v>7</v>") != std::string::npos);
    // 0602.N: every column; Bằng khen TTg's Tập thể is column BS (the 71st), row 01 is row 5.
    const auto sheet6 = unzipped(file, "xl/worksheets/sheet6.xml");
    CHECK(wellFormedXml(sheet6));
    CHECK(sheet6.find("<mergeCell ref=\"A3:A4\"/>") != std::string::npos);
    CHECK(sheet6.find("<mergeCell ref=\"D3:E3\"/>") != std::string::npos); // Huân chương Sao vàng
    CHECK(sheet6.find("<mergeCell ref=\"BS3:BT3\"/>") != std::string::npos);
    const auto bs5 = sheet6.find("<c r=\"BS5\"");
    REQUIRE(bs5 != std::string::npos);
    CHECK(sheet6.substr(bs5, 40).find("<v>3</v>") != std::string::npos);
    CHECK(strings.find("Huân chương Sao vàng") != std::string::npos);
}

TEST_CASE("report export: CSV holds every table, quoted where needed") {
    World w;
    world(w);
    const auto file = w.dir / "bieu.csv";
    writeReport(build(w), file, Assets / "docx");
    const auto csv = slurp(file);
    CHECK(csv.find("Biểu số 1: Khen thưởng cấp Nhà nước năm 2023\r\n") == 0);
    CHECK(csv.find("Bằng khen của Thủ tướng Chính phủ,,,3,0,,,0,0,3,0\r\n") != std::string::npos);
    CHECK(csv.find("Tổng số,3,0,3,0,0,0,0,0,3,0\r\n") != std::string::npos);
    CHECK(csv.find("\"Danh hiệu, hình thức\"") != std::string::npos);
    CHECK(csv.find("Tổng số,01,1,0,0,1\r\n") != std::string::npos); // 0601.N row 01
    CHECK(csv.find("Biểu 0602.N/BNV-TĐKT: Số lượng khen thưởng cấp Nhà nước năm 2023\r\n") != std::string::npos);
    CHECK(csv.find("\r\nTổng số,01,0,0,0,0,0,0,0\r\n") != std::string::npos); // 0603.N row 01: all zero
}

TEST_CASE("report export: a broken template or an unwritable path is refused, no half file left") {
    World w;
    world(w);
    const auto r = build(w);
    // A broken template: styles.xml cut short. The DOCX already there stays as it was.
    const auto tpl = w.dir / "tpl";
    std::filesystem::copy(Assets / "docx", tpl, std::filesystem::copy_options::recursive);
    {
        std::ofstream(tpl / "word" / "styles.xml", std::ios::trunc) << "<?xml version=\"1.0\"?><w:styles><w:style>";
    }
    const auto file = w.dir / "bao-cao.docx";
    std::ofstream(file) << "old";
    try {
        writeDocx(r, file, tpl);
        FAIL("a broken template was accepted");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::Invalid);
        CHECK(std::string(e.what()).find("styles.xml") != std::string::npos);
    }
    CHECK(slurp(file) == "old");
    std::filesystem::remove(tpl / "word" / "styles.xml");
    CHECK_THROWS_AS(writeDocx(r, file, tpl), Error);
    // Unwritable: a folder that does not exist, a read-only folder, a folder as the target.
    for (const auto& bad : {w.dir / "no-such" / "r.docx", w.dir / "no-such" / "r.xlsx", w.dir / "no-such" / "r.csv"}) {
        try {
            writeReport(r, bad, Assets / "docx");
            FAIL("wrote to ", bad.string());
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::Storage);
            CHECK(std::string(e.what()).find(bad.string()) != std::string::npos);
        }
        CHECK_FALSE(std::filesystem::exists(bad));
    }
    std::filesystem::create_directory(w.dir / "ro");
    std::filesystem::permissions(w.dir / "ro", std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    if (::geteuid() != 0) { // root writes anywhere
        CHECK_THROWS_AS(writeXlsx(r, w.dir / "ro" / "r.xlsx"), Error);
        CHECK(std::filesystem::is_empty(w.dir / "ro"));
    }
    CHECK_THROWS_AS(writeCsv(r, w.dir.path()), Error);
    CHECK_THROWS_AS(writeReport(r, w.dir / "r.pdf", Assets / "docx"), Error);
    // Nothing but the databases, the old file and the template copy is left in the folder.
    for (const auto& e : std::filesystem::directory_iterator(w.dir.path()))
        CHECK_MESSAGE(e.path().filename().string().find(".part-") == std::string::npos, e.path().string());
    // A broken outline names what is wrong.
    CHECK_THROWS_WITH_AS(outlineFromJson("{\"id\":\"x\",\"name\":\"x\",\"title\":\"x\",\"sections\":[{\"key\":\"a\"}]}"),
                         doctest::Contains("heading"), Error);
    CHECK_THROWS_AS(outlineFromJson("not json"), Error);
    CHECK_THROWS_AS(loadOutline(w.dir / "missing.json"), Error);
}

TEST_CASE("report: both shipped outlines load, and every section key is distinct") {
    for (const char* name : {"outline_lai_chau.json", "outline_lang_son.json"}) {
        const auto o = loadOutline(Assets / name);
        CHECK(o.sections.size() > 15);
        int figures = 0;
        for (const auto& s : o.sections) figures += s.figures.empty() ? 0 : 1;
        CHECK(figures >= 5);
    }
    CHECK(fillYear("năm {year}, {prev} và {next}", 2023) == "năm 2023, 2022 và 2024");
}

TEST_CASE("report: two officers write one section offline: the server keeps both as a conflict") {
    TempDir dir;
    ManualClock clock;
    auto server = openStore(dir / "srv.db", true, clock.fn());
    auto a = openStore(dir / "a.db", false, clock.fn());
    auto b = openStore(dir / "b.db", false, clock.fn());
    for (auto* s : {server.get(), a.get(), b.get()}) addUnit(*s, "unit-huyen", "Huyện Yên Khánh");
    writeSection(*a, "unit-huyen", 2023, "lai_chau", "p1.3.1", "Ưu điểm theo A");
    clock.advance(1000);
    writeSection(*b, "unit-huyen", 2023, "lai_chau", "p1.3.1", "Ưu điểm theo B");
    const auto id = reportSectionId("unit-huyen", 2023, "lai_chau", "p1.3.1");
    CHECK(id == reportSectionId("unit-huyen", 2023, "lai_chau", "p1.3.1"));
    CHECK(id != reportSectionId("unit-huyen", 2024, "lai_chau", "p1.3.1"));
    auto opsA = a->pendingOps(100);
    auto opsB = b->pendingOps(100);
    server->applyRemote(opsA);
    const auto result = server->applyRemote(opsB);
    CHECK(result.conflicts >= 1);
    bool bodyConflict = false;
    for (const auto& c : server->list("conflicts"))
        bodyConflict = bodyConflict || (c.fields.at("row_id") == Value{id} && c.fields.at("field") == Value{std::string("body")});
    CHECK(bodyConflict);
    CHECK(readSections(*server, "unit-huyen", 2023, "lai_chau").at("p1.3.1") == "Ưu điểm theo B");
    // The same body written again changes nothing.
    const auto before = a->pendingCount();
    writeSection(*a, "unit-huyen", 2023, "lai_chau", "p1.3.1", "Ưu điểm theo A");
    CHECK(a->pendingCount() == before);
}

} // namespace
} // namespace tdkt::test
