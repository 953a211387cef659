// The annual report from the command line (issue 19).
#include "commands_report.hpp"

#include "tdkt/catalog/statistics_columns.hpp"
#include "tdkt/core/error.hpp"
#include "tdkt/report/export.hpp"
#include "tdkt/report/facts_load.hpp"
#include "tdkt/report/sections.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdlib>

namespace tdkt::cli {
namespace {

[[noreturn]] void usageError(const std::string& what) { throw Error(ErrorKind::Invalid, what); }

std::filesystem::path referenceDir() {
    if (const char* env = std::getenv("TDKT_REFERENCE_DIR")) return env;
    return TDKT_REFERENCE_DIR;
}

std::string need(const Args& args, const std::string& name) {
    auto v = args.option(name);
    if (!v || v->empty()) usageError("report needs " + name);
    return *v;
}

int year(const Args& args) {
    const auto text = need(args, "--year");
    int y = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), y);
    if (ec != std::errc{} || p != text.data() + text.size() || y < 1900 || y > 9999)
        usageError("--year expects a year such as 2025, got \"" + text + "\"");
    return y;
}

report::Outline outline(const Args& args) {
    const std::string name = args.option("--outline").value_or("lai_chau");
    if (name.find('/') != std::string::npos || name.ends_with(".json")) return report::loadOutline(name);
    return report::loadOutline(reportDir() / ("outline_" + name + ".json"));
}

int annual(Context& ctx) {
    const auto& args = ctx.args;
    const auto unit = need(args, "--unit");
    const auto out = std::filesystem::path(need(args, "--out"));
    report::formatOf(out); // an unknown format is refused before any work
    const auto o = outline(args);
    auto& store = ctx.store();
    if (!store.exists("units", unit)) throw Error(ErrorKind::NotFound, "no units row with id " + unit);
    const int y = year(args);
    const auto facts = report::loadFacts(store);
    const auto columns = catalog::loadStatColumns(referenceDir() / "statistics" / "columns_tt02_2023.json");
    const auto r = report::buildAnnualReport(facts, o, {unit, y, args.option("--stale-since").value_or(""), &columns},
                                             report::readSections(store, unit, y, o.id));
    report::writeReport(r, out, reportDir() / "docx");
    nlohmann::json stale = nlohmann::json::array();
    for (const auto& s : r.stale.notSynced) stale.push_back({{"unit_id", s.unitId}, {"name", s.name}, {"last_sync", s.lastSync}});
    ctx.out << nlohmann::json{{"file", out.string()},
                              {"units", r.byUnit.size()},
                              {"granted", r.now.all().granted.total()},
                              {"model_examples", r.models.total.total()},
                              {"not_synced", stale},
                              {"no_data", r.stale.noData}}
                   .dump()
            << "\n";
    return 0;
}

int section(Context& ctx) {
    const auto& args = ctx.args;
    const auto unit = need(args, "--unit");
    const auto o = outline(args);
    const auto key = need(args, "--key");
    bool known = false;
    for (const auto& s : o.sections) known = known || (s.key == key && s.prose);
    if (!known) usageError("outline " + o.id + " has no prose section '" + key + "'");
    const int y = year(args);
    report::writeSection(ctx.store(), unit, y, o.id, key, args.option("--text").value_or(""));
    ctx.out << report::reportSectionId(unit, y, o.id, key) << "\n";
    return 0;
}

} // namespace

std::filesystem::path reportDir() {
    if (const char* env = std::getenv("TDKT_REPORT_DIR")) return env;
    return TDKT_REPORT_DIR;
}

int runReportCommand(Context& ctx) {
    const auto what = ctx.args.positional.empty() ? std::string() : ctx.args.positional[0];
    if (what == "annual") return annual(ctx);
    if (what == "section") return section(ctx);
    usageError("usage: report annual --unit UNIT_ID --year Y --out FILE.docx|.xlsx|.csv | report section ...");
}

} // namespace tdkt::cli
