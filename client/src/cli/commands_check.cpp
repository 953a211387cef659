// Rules commands: check dossiers / check unit, and reference load.
#include "commands_check.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/rules/engine.hpp"
#include "tdkt/inspection/checklist_template.hpp"
#include "tdkt/rules/reference_io.hpp"

#include <charconv>
#include <cstdlib>

namespace tdkt::cli {
namespace {

[[noreturn]] void usageError(const std::string& what) { throw Error(ErrorKind::Invalid, what); }

// Checks need the reference tables; an empty replica would report every dossier
// as "no rule in force", which hides the real cause.
rules::Catalog loadCatalog(const store::Store& store) {
    auto catalog = rules::catalogFromStore(store);
    if (catalog.rules().empty())
        throw Error(ErrorKind::NotFound, "no reference data in this database: run 'tdkt-cli --db PATH reference load'");
    return catalog;
}

int parseYear(const std::string& text) {
    int year = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
    if (ec != std::errc{} || p != text.data() + text.size() || year < 1900 || year > 9999)
        usageError("--year expects a year such as 2025, got \"" + text + "\"");
    return year;
}

int checkDossiers(store::Store& store, const std::vector<std::string>& ids, std::ostream& out) {
    if (ids.empty()) usageError("usage: check dossiers ID [ID...]");
    const auto catalog = loadCatalog(store);
    rules::Findings all;
    for (const auto& id : ids) {
        auto fs = rules::checkDossier(store, id, catalog);
        // With several dossiers each finding says which one it is about.
        if (ids.size() > 1)
            for (auto& f : fs) f.dossierId = id;
        all.insert(all.end(), fs.begin(), fs.end());
    }
    out << rules::toJson(all).dump() << "\n";
    return 0;
}

int checkUnit(store::Store& store, const Args& args, std::ostream& out) {
    if (args.positional.size() < 2) usageError("usage: check unit UNIT_ID --year Y");
    const auto year = args.option("--year");
    if (!year) usageError("check unit needs --year Y");
    const auto& unit = args.positional[1];
    if (!store.exists("units", unit)) throw Error(ErrorKind::NotFound, "no units row with id " + unit);
    out << rules::toJson(rules::checkUnit(store, unit, parseYear(*year), loadCatalog(store))).dump() << "\n";
    return 0;
}

std::filesystem::path defaultReferenceDir() {
    if (const char* env = std::getenv("TDKT_REFERENCE_DIR")) return env;
    return TDKT_REFERENCE_DIR;
}

} // namespace

int runCheck(store::Store& store, const std::vector<std::string>& words, std::ostream& out) {
    const Args args = parseArgs(words, {});
    if (args.positional.empty()) usageError("usage: check dossiers ID [ID...] | check unit UNIT_ID --year Y");
    const auto& what = args.positional[0];
    if (what == "dossiers" || what == "dossier")
        return checkDossiers(store, {args.positional.begin() + 1, args.positional.end()}, out);
    if (what == "unit") return checkUnit(store, args, out);
    usageError("check: unknown target '" + what + "' (dossiers, unit)");
}

int runReference(store::Store& store, const std::vector<std::string>& words, std::ostream& out) {
    const Args args = parseArgs(words, {});
    if (args.positional.empty() || args.positional[0] != "load") usageError("usage: reference load [DIR]");
    const auto dir = args.positional.size() > 1 ? std::filesystem::path(args.positional[1]) : defaultReferenceDir();
    inspection::templatesFromDirectory(dir); // a broken checklist template is refused before anything is written
    const auto r = rules::seedReference(store, dir);
    out << nlohmann::json{{"created", r.created}, {"updated", r.updated}, {"unchanged", r.unchanged}}.dump() << "\n";
    return 0;
}

int runCheckCommand(Context& ctx) { return runCheck(ctx.store(), ctx.words, ctx.out); }

int runReferenceCommand(Context& ctx) { return runReference(ctx.store(), ctx.words, ctx.out); }

} // namespace tdkt::cli
