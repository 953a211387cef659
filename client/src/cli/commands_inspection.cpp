// tdkt-cli inspection …: argument parsing over tdkt/inspection/plan.hpp.
#include "commands_inspection.hpp"
#include "commands_report.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/inspection/checklist_template.hpp"
#include "tdkt/inspection/plan.hpp"
#include "tdkt/inspection/report_docx.hpp"
#include "tdkt/json/row_json.hpp"
#include "tdkt/schema/schema.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <climits>
#include <chrono>
#include <ostream>

namespace tdkt::cli {
namespace {
using Json = nlohmann::json;
namespace insp = tdkt::inspection;

[[noreturn]] void usageError(const std::string& what) { throw Error(ErrorKind::Invalid, what); }

std::string opt(const Args& a, const std::string& name) { return a.option(name).value_or(""); }

int number(const Args& a, const std::string& name, int otherwise) {
    const auto n = a.whole(name, otherwise);
    if (n > INT_MAX) usageError(name + " expects a whole number, got \"" + *a.option(name) + "\"");
    return static_cast<int>(n);
}

std::string today() {
    const auto ymd = std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buf;
}

Json row(const store::Store& s, const char* table, const std::string& id) {
    const auto r = s.get(table, id);
    if (!r) throw Error(ErrorKind::NotFound, std::string("no ") + table + " row " + id);
    Json j = tdkt::json::rowToJson(schema::registry().require(table), *r);
    j["id"] = id;
    return j;
}

int plan(store::Store& s, const Args& a, std::ostream& out) {
    insp::PlanInput in;
    in.unitId = opt(a, "--unit");
    in.title = opt(a, "--title");
    in.year = number(a, "--year", 0);
    if (in.unitId.empty() || in.title.empty() || in.year == 0)
        usageError("usage: inspection plan --unit U --title T --year Y [--template ID] ...");
    in.templateId = a.option("--template").value_or("mau-kiem-tra-tdkt-v1");
    in.number = opt(a, "--number");
    in.planDate = opt(a, "--date");
    in.purpose = opt(a, "--purpose");
    in.contents = opt(a, "--contents");
    in.notice.noticeWorkingDays = number(a, "--notice-days", in.notice.noticeWorkingDays);
    in.notice.reportDaysBefore = number(a, "--report-days", in.notice.reportDaysBefore);
    out << row(s, "inspection_plans", insp::createPlan(s, in)).dump() << "\n";
    return 0;
}

int checklist(const store::Store& s, const Args& a, std::ostream& out) {
    const auto& t = schema::registry().require("checklist_items");
    Json items = Json::array();
    for (const auto& r : insp::checklist(s, a.need(1, "TARGET"))) {
        Json j = tdkt::json::rowToJson(t, r);
        j["id"] = r.id;
        items.push_back(std::move(j));
    }
    std::size_t done = 0;
    for (const auto& i : items) done += i.contains("result") && !i["result"].is_null();
    out << Json{{"done", done}, {"total", items.size()}, {"items", items}}.dump() << "\n";
    return 0;
}

// The báo cáo kết quả kiểm tra of a plan (every target, or one) as DOCX.
int report(const store::Store& s, const Args& a, std::ostream& out) {
    const auto plan = opt(a, "--plan");
    const auto file = std::filesystem::path(opt(a, "--out"));
    if (plan.empty() || file.empty()) usageError("usage: inspection report --plan PLAN [--target TARGET|UNIT] --out FILE.docx");
    if (file.extension() != ".docx") usageError("inspection report writes DOCX: --out must end in .docx, got " + file.string());
    const auto r = insp::buildInspectionReport(s, plan, opt(a, "--target"));
    insp::writeReportDocx(r, file, reportDir() / "docx");
    Json targets = Json::array();
    std::size_t findings = 0, recs = 0;
    for (const auto& t : r.targets) {
        targets.push_back({{"id", t.id}, {"unit_id", t.unitId}, {"assessed", t.assessed}, {"total", t.total}});
        findings += t.findings.size();
        recs += t.recommendations.size();
    }
    out << Json{{"file", file.string()}, {"targets", targets}, {"findings", findings}, {"recommendations", recs}}.dump()
        << "\n";
    return 0;
}

} // namespace

int runInspectionCommand(Context& ctx) {
    const Args& a = ctx.args;
    if (a.positional.empty())
        usageError("usage: inspection templates|plan|team|target|checklist|item|finding|recommend|conclude|publish|"
                   "follow-up|submit|report ...");
    const std::string& what = a.positional[0];
    auto& s = ctx.store();
    auto& out = ctx.out;
    if (what == "templates") {
        Json list = Json::array();
        for (const auto& t : insp::listTemplates(s))
            list.push_back({{"id", t.id}, {"code", t.code}, {"version", t.version}, {"title", t.title},
                            {"items", t.items.size()}});
        out << list.dump() << "\n";
        return 0;
    }
    if (what == "plan") return plan(s, a, out);
    if (what == "report") return report(s, a, out);
    if (what == "team") {
        const auto id = insp::addTeamMember(s, a.need(1, "PLAN"), a.need(2, "USER"), a.need(3, "ROLE"));
        out << row(s, "inspection_team", id).dump() << "\n";
        return 0;
    }
    if (what == "target") {
        const auto id = insp::addTarget(s, a.need(1, "PLAN"), a.need(2, "UNIT"), a.need(3, "MODE"), opt(a, "--on"));
        auto j = row(s, "inspection_targets", id);
        j["items"] = insp::checklist(s, id).size();
        out << j.dump() << "\n";
        return 0;
    }
    if (what == "checklist") return checklist(s, a, out);
    if (what == "item") {
        const auto& id = a.need(1, "ITEM");
        insp::setItemResult(s, id, a.need(2, "RESULT"), opt(a, "--notes"), opt(a, "--evidence"));
        out << row(s, "checklist_items", id).dump() << "\n";
        return 0;
    }
    if (what == "finding") {
        const auto id = insp::addFinding(s, a.need(1, "TARGET"), a.need(2, "CONTENT"), opt(a, "--severity"),
                                         opt(a, "--item"));
        out << row(s, "findings", id).dump() << "\n";
        return 0;
    }
    if (what == "recommend") {
        const auto id = insp::addRecommendation(s, a.need(1, "TARGET"), a.need(2, "CONTENT"), opt(a, "--unit"),
                                                opt(a, "--due"));
        out << row(s, "recommendations", id).dump() << "\n";
        return 0;
    }
    if (what == "conclude") {
        const auto id = insp::setConclusion(s, a.need(1, "TARGET"), a.need(2, "CONTENT"), opt(a, "--on"));
        out << row(s, "inspection_conclusions", id).dump() << "\n";
        return 0;
    }
    if (what == "publish") {
        const auto& target = a.need(1, "TARGET");
        const auto by = opt(a, "--by");
        if (by.empty()) usageError("usage: inspection publish TARGET --by USER [--on DATE]");
        insp::publish(s, target, by, a.option("--on").value_or(today()));
        out << row(s, "inspection_targets", target).dump() << "\n";
        return 0;
    }
    if (what == "follow-up") {
        const auto& id = a.need(1, "REC");
        insp::followUp(s, id, a.need(2, "STATUS"), opt(a, "--note"), opt(a, "--done-on"));
        out << row(s, "recommendations", id).dump() << "\n";
        return 0;
    }
    if (what == "submit") {
        const auto& target = a.need(1, "TARGET");
        insp::submitSelfInspection(s, target, a.option("--on").value_or(today()));
        out << row(s, "inspection_targets", target).dump() << "\n";
        return 0;
    }
    usageError("inspection: unknown subcommand '" + what + "'");
}

} // namespace tdkt::cli
