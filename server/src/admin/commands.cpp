// Administrative commands: unit add/import, user add, dump [--as USER], serve.
#include "commands.hpp"

#include "../net/server.hpp"
#include "../sync/rights.hpp"
#include "../sync/service.hpp"
#include "csv_rows.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/json/dump.hpp"
#include "tdkt/store/sqlite.hpp"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <malloc.h>
#include <sstream>

namespace tdkt::server {
namespace {

std::unique_ptr<store::Store> openStore(const DataDir& data) {
    std::filesystem::create_directories(data.dir);
    store::OpenOptions o;
    o.create = true;
    o.siteName = "server";
    o.serverRole = true;
    return store::Store::open(data.storeFile(), o);
}

std::string option(const std::vector<std::string>& args, std::string_view name, bool required = true) {
    for (std::size_t i = 0; i + 1 < args.size(); ++i)
        if (args[i] == name) return args[i + 1];
    if (required) throw Error(ErrorKind::Invalid, std::string(name) + " is required");
    return {};
}

bool flag(const std::vector<std::string>& args, std::string_view name) {
    for (const auto& a : args)
        if (a == name) return true;
    return false;
}

} // namespace

int runUnit(const DataDir& data, const std::vector<std::string>& args) {
    if (args.size() != 2 || (args[0] != "add" && args[0] != "import"))
        throw Error(ErrorKind::Invalid, "usage: unit add JSON | unit import FILE.csv");
    auto store = openStore(data);
    const auto& t = schema::registry().require("units");
    std::vector<json::Json> rows;
    if (args[0] == "add") {
        rows.push_back(json::parse(args[1], "the unit"));
    } else {
        std::ifstream in(args[1], std::ios::binary);
        if (!in) throw Error(ErrorKind::NotFound, "cannot read " + args[1]);
        std::stringstream ss;
        ss << in.rdbuf();
        rows = csvToJsonRows(t, ss.str());
    }
    store::Store::Batch batch{*store};
    for (const auto& row : rows) {
        if (!row.is_object()) throw Error(ErrorKind::Invalid, "a unit is a JSON object");
        std::string id = row.contains("id") && row["id"].is_string() ? row["id"].get<std::string>() : "";
        std::cout << store->create("units", json::fieldsFromJson(t, row), id) << "\n";
    }
    batch.commit();
    return 0;
}

int runUser(const DataDir& data, const std::vector<std::string>& args) {
    if (args.size() < 2 || args[0] != "add")
        throw Error(ErrorKind::Invalid, "usage: user add NAME --role ROLE --unit UNIT_ID (password in TDKT_PASSWORD)");
    User u{args[1], option(args, "--role"), option(args, "--unit")};
    const char* pw = std::getenv("TDKT_PASSWORD");
    if (!pw || !*pw) throw Error(ErrorKind::Invalid, "set the password in TDKT_PASSWORD");
    auto store = openStore(data);
    if (!store->exists("units", u.unit)) throw Error(ErrorKind::NotFound, "no unit with id " + u.unit);
    Accounts accounts(data.accountsFile());
    accounts.addUser(u, pw);
    std::cout << "user " << u.name << " (" << u.role << ", unit " << u.unit << ") saved\n";
    return 0;
}

int runDump(const DataDir& data, const std::vector<std::string>& args) {
    if (!std::filesystem::exists(data.storeFile()))
        throw Error(ErrorKind::NotFound, "no server data in " + data.dir.string());
    auto store = openStore(data);
    const std::string as = option(args, "--as", false);
    std::optional<Rights> rights;
    if (!as.empty()) {
        Accounts accounts(data.accountsFile());
        auto user = accounts.findUser(as);
        if (!user) throw Error(ErrorKind::NotFound, "no user named " + as);
        rights.emplace(*store, *user, UnitTree(*store));
    }
    store::Store::ReadSnapshot snapshot{*store};
    json::RowFilter filter;
    if (rights) filter = [&](const schema::TableDef& t, const store::Row& r) { return rights->canRead(t, r); };
    std::cout << json::dumpText(*store, filter) << "\n";
    return 0;
}

int runServe(const DataDir& data, const std::vector<std::string>& args) {
    ServeOptions o;
    o.listen = option(args, "--listen");
    o.plain = flag(args, "--plain");
    o.cert = option(args, "--cert", !o.plain);
    o.key = option(args, "--key", !o.plain);
    // Frames, batches and their decoded ops (hundreds of KiB each) go to mmap and back
    // to the system when freed: with two threads' malloc arenas keeping them, the
    // peak RSS of sync_bench C=8 N=5000 was 101-106 MiB; with this, 88-90.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    auto store = openStore(data);
    Accounts accounts(data.accountsFile());
    Service service(*store, accounts, [](const std::string& line) { std::cerr << ("tdkt-server: " + line + "\n"); });
    return serve(o, service);
}

} // namespace tdkt::server
