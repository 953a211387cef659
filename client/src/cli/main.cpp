// tdkt-cli: the application's logic, scriptable. Wires the commands together and
// is the one error boundary: every failure becomes one line on stderr and a
// non-zero exit, so scripts can rely on both.
#include "commands.hpp"
#include "commands_check.hpp"
#include "commands_report.hpp"
#include "commands_inspection.hpp"
#include "commands_movement.hpp" // movements (issue 17)
#include "commands_sync.hpp"
#include "commands_records.hpp" // records (issue 17)
#include "commands_dossier.hpp" // higher (issue 17)
#include "context.hpp"

#include "tdkt/core/error.hpp"

#include <cstring>
#include <iostream>
#include <string_view>

namespace {

using namespace tdkt::cli;

struct Command {
    std::string_view name;
    CommandFn run;
    std::string_view usage;
};

// The contract scripts and outside test suites rely on (README, issue 2).
constexpr Command Commands[] = {
    {"init", runInit, "init [--site-name NAME]"},
    {"schema", runSchema, "schema"},
    {"put", runPut, "put TABLE JSON"},
    {"get", runGet, "get TABLE ID"},
    {"list", runList, "list TABLE [--where FIELD=VALUE]... [--limit N]"},
    {"delete", runDelete, "delete TABLE ID"},
    {"search", runSearch, "search TEXT"},
    {"history", runHistory, "history TABLE ID"},
    {"import", runImport, "import TABLE FILE"},
    {"export", runExport, "export TABLE [--format csv|jsonl]"},
    {"dump", runDump, "dump"},
    {"login", runLogin, "login --server HOST:PORT --user NAME [--ca-file F | --plain] [--device-name NAME]"},
    {"passwd", runPasswd,
     "passwd [--server HOST:PORT --user NAME [--ca-file F | --plain]] [--device-name NAME] "
     "(current password in TDKT_PASSWORD, new one in TDKT_NEW_PASSWORD, else asked)"},
    {"sync", runSync, "sync"},
    {"verify", runVerify, "verify [--repair]"},
    {"conflicts", runConflicts, "conflicts"},
    {"resolve", runResolve, "resolve CONFLICT_ID (--keep winner|loser | --value JSON)"},
    {"rejected", runRejected, "rejected"},
    {"check", runCheckCommand, "check dossiers ID [ID...] | check unit UNIT_ID --year Y"},
    {"reference", runReferenceCommand, "reference load [DIR]"},
    {"report", runReportCommand,
     "report annual --unit UNIT_ID --year Y --out FILE.docx|.xlsx|.csv [--outline lai_chau|lang_son|FILE] "
     "[--stale-since YYYY-MM-DD] | report section --unit UNIT_ID --year Y --outline ID --key KEY --text TEXT"},
    {"inspection", runInspectionCommand,
     "inspection templates|plan|team|target|checklist|item|finding|recommend|conclude|publish|follow-up|submit|report ..."},
    // records (issue 17): what the people, units, reference and history screens show
    {"records", runRecordsCommand,
     "records people [--unit U] [--search TEXT] [--by-given-name] [--sort FIELD[:desc]] [--limit N] | records person ID | records units | "
     "records reference | records history TABLE ID"},
    // movements (issue 17)
    {"movement", runMovementCommand,
     "movement list [--year Y] [--unit U] [--status S] [--text WORDS] [--sort FIELD[:desc]] | movement set TABLE ID FIELD TEXT [--lang vi|en]"},
    // higher (issue 17): the dossier editor's status steps
    {"dossier", runDossierCommand,
     "dossier list [--year Y] [--unit U] [--status S] [--award CODE] [--text WORDS] [--sort FIELD[:desc]] "
     "[--limit N] | dossier steps ID | dossier step ID submit|receive|return|vote|approve|not-approve|record [--reason T] "
     "[--members N --votes N] [--number N] [--date dd/mm/yyyy] [--amount D] [--issuer KIND] [--issuer-name NAME] "
     "[--outcome approved|not_approved] [--lang vi|en]"},
};

// Options that take no value, for every command.
const std::vector<std::string> Valueless{"--plain", "--help", "--repair", "--by-given-name"};

int usage(std::ostream& os) {
    os << "usage: tdkt-cli --db PATH COMMAND ...\ncommands:\n";
    for (const auto& c : Commands) os << "  " << c.usage << "\n";
    return 1;
}

int exitCode(tdkt::ErrorKind kind) {
    switch (kind) {
    case tdkt::ErrorKind::Invalid: return 2;
    case tdkt::ErrorKind::NotFound: return 3;
    case tdkt::ErrorKind::Conflict: return 4;
    case tdkt::ErrorKind::Storage: return 5;
    case tdkt::ErrorKind::Forbidden: return 6;
    }
    return 1;
}

} // namespace

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    std::vector<std::string> words(argv + 1, argv + argc);
    std::filesystem::path db;
    if (words.size() >= 2 && words[0] == "--db") {
        db = words[1];
        words.erase(words.begin(), words.begin() + 2);
    } else if (const char* env = std::getenv("TDKT_DB")) {
        db = env;
    }
    if (words.empty() || words[0] == "--help" || words[0] == "help") return usage(words.empty() ? std::cerr : std::cout);
    const std::string name = words[0];
    words.erase(words.begin());
    for (const auto& c : Commands) {
        if (c.name != name) continue;
        if (db.empty()) {
            std::cerr << "tdkt-cli: error: --db PATH is required\n";
            return 1;
        }
        try {
            Context ctx{db, words, parseArgs(words, Valueless), std::cout, nullptr};
            int rc = c.run(ctx);
            std::cout.flush();
            return rc;
        } catch (const tdkt::Error& e) {
            std::cerr << "tdkt-cli: error: " << e.what() << "\n";
            return exitCode(e.kind());
        } catch (const std::exception& e) {
            std::cerr << "tdkt-cli: error: " << e.what() << "\n";
            return 1;
        }
    }
    std::cerr << "tdkt-cli: error: unknown command '" << name << "'\n";
    return usage(std::cerr);
}
