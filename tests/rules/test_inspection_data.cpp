// Inspections (issue 18), the data: the shipped checklist template, a broken one
// refused, the notice dates on the engine's working days, and a plan made on a
// real replica keeping its template's version.
#include "temp_dir.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/inspection/checklist_template.hpp"
#include "tdkt/inspection/ids.hpp"
#include "tdkt/inspection/notice_dates.hpp"
#include "tdkt/inspection/plan.hpp"
#include "tdkt/rules/reference_io.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <set>

namespace tdkt::test {
namespace {
using namespace tdkt::inspection;

std::string text(const store::Row& row, const char* f) {
    auto it = row.fields.find(f);
    return it == row.fields.end() ? std::string() : std::get<std::string>(it->second);
}

void writeFile(const std::filesystem::path& p, const std::string& body) {
    std::ofstream out(p, std::ios::binary);
    out << body;
}

std::string errorOf(const std::filesystem::path& dir) {
    try {
        templatesFromDirectory(dir);
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::Invalid);
        return e.what();
    }
    return {};
}

} // namespace

TEST_SUITE("inspection") {
    TEST_CASE("inspection: the shipped template is section II of Kế hoạch 1181 with every item numbered") {
        const auto all = templatesFromDirectory(TDKT_REFERENCE_DIR);
        REQUIRE(all.size() == 1);
        const auto& t = all.front();
        CHECK(t.code == "kiem_tra_tdkt");
        CHECK(t.version == 1);
        CHECK(t.items.size() == 27);
        std::set<std::string> sections;
        for (const auto& i : t.items) {
            sections.insert(i.section);
            CHECK_FALSE(i.number.empty());
            CHECK_FALSE(i.sectionTitle.empty());
            CHECK(i.key == i.section.substr(0, i.section.find('.') + 1) + i.number);
        }
        // Leadership and documents; the movements; model examples; commendations; the fund; the rest.
        CHECK(sections == std::set<std::string>{"II.1", "II.2", "II.3", "II.4", "II.5", "II.6"});
        CHECK(t.items[14].content.find("kiểm tra xác suất") != std::string::npos); // sample dossiers
    }

    TEST_CASE("inspection: a broken template is refused naming the file and the item") {
        TempDir dir;
        const std::string head = R"({"table": "checklist_templates", "rows": [{"id": "m1", "code": "k", "version": 1,
                                     "title": "T", "source_document": "KH", "items": )";
        writeFile(dir.path() / "checklist_templates.json",
                  head + R"([{"key": "a", "section": "II.1", "number": "1.1", "content": "x"},
                             {"key": "a", "section": "II.1", "number": "1.2", "content": "y"}]}]})");
        auto why = errorOf(dir.path());
        CHECK(why.find("checklist_templates.json (m1)") != std::string::npos);
        CHECK(why.find("item 2 repeats the key \"a\"") != std::string::npos);

        writeFile(dir.path() / "checklist_templates.json",
                  head + R"([{"key": "a", "section": "II.1", "content": "x"}]}]})");
        CHECK(errorOf(dir.path()).find("item 1 has no \"number\"") != std::string::npos);

        writeFile(dir.path() / "checklist_templates.json", head + R"([]}]})");
        CHECK(errorOf(dir.path()).find("non-empty array") != std::string::npos);
    }

    TEST_CASE("inspection: notice dates skip weekends and the engine's holidays") {
        // Thu 16/05/2024: back over 1/5, 30/4 and the swapped 29/4 to Mon 22/04.
        const std::vector<std::string> holidays{"01-01", "04-30", "05-01", "09-02", "2024-04-29"};
        auto d = noticeDates("2024-05-16", {}, holidays);
        CHECK(d.noticeBy == "2024-04-22");
        CHECK(d.reportDue == "2024-05-10"); // Sat 11/05 is a day off: the Friday before
        // Without the holidays: three working days later.
        CHECK(noticeDates("2024-05-16", {}, {}).noticeBy == "2024-04-25");
        // Weekends only: Mon 16/06/2025 → Mon 26/05; report Wed 11/06.
        d = noticeDates("2025-06-16", {}, holidays);
        CHECK(d.noticeBy == "2025-05-26");
        CHECK(d.reportDue == "2025-06-11");
        // The plan's own rules.
        CHECK(noticeDates("2025-06-16", {.noticeWorkingDays = 5, .reportDaysBefore = 3}, holidays).noticeBy ==
              "2025-06-09");
        CHECK_THROWS_AS(noticeDates("16/05/2024", {}, holidays), Error);
    }

    TEST_CASE("inspection: a plan keeps its template's version, targets get notice dates and the checklist") {
        TempDir dir;
        auto s = store::Store::open(dir.path() / "t.db", {.create = true, .siteName = "test"});
        rules::seedReference(*s, TDKT_REFERENCE_DIR);
        const auto holidays = holidaysFromStore(*s);
        CHECK(std::count(holidays.begin(), holidays.end(), "2024-04-29") == 1); // calendar.json, 2024
        CHECK(std::count(holidays.begin(), holidays.end(), "05-01") == 1);

        const auto province = s->create("units", {{"name", std::string("Tỉnh Điện Biên")}, {"level", std::string("tinh")}});
        const auto district = s->create("units", {{"name", std::string("Huyện Mường Ảng")}, {"level", std::string("huyen")},
                                                  {"parent_id", province}});
        PlanInput in;
        in.unitId = province;
        in.title = "Kiểm tra công tác TĐKT năm 2024";
        in.number = "1181/KH-HĐTĐKT";
        in.year = 2024;
        in.templateId = "mau-kiem-tra-tdkt-v1";
        const auto plan = createPlan(*s, in);
        // An administrator's copy is version 2; the plan keeps version 1.
        const auto copy = copyTemplate(*s, "mau-kiem-tra-tdkt-v1", "Mẫu sửa 2025");
        CHECK(templateFromStore(*s, copy).version == 2);
        const auto p = s->get("inspection_plans", plan);
        CHECK(std::get<std::int64_t>(p->fields.at("template_version")) == 1);

        addTeamMember(*s, plan, "truongdoan", "truong_doan");
        CHECK(s->exists("inspection_team", teamMemberId(plan, "truongdoan")));

        const auto target = addTarget(*s, plan, district, "truc_tiep", "2024-05-16");
        const auto t = s->get("inspection_targets", target);
        CHECK(text(*t, "notice_by") == "2024-04-22");
        CHECK(text(*t, "report_due") == "2024-05-10");
        const auto items = checklist(*s, target);
        REQUIRE(items.size() == 27);
        CHECK(items.front().id == checklistItemId(target, "II.1.1"));
        CHECK(text(items.front(), "number") == "1.1");
        CHECK(text(items.back(), "section") == "II.6");
        CHECK(text(items.back(), "unit_id") == district);
    }
}

} // namespace tdkt::test
