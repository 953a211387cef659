// Administrative commands: unit add/import, user add, dump [--as USER], serve.
#include "commands.hpp"

#include "../net/server.hpp"
#include "../sync/password_policy.hpp"
#include "../sync/rights.hpp"
#include "../sync/service.hpp"
#include "csv_rows.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/core/hlc.hpp"
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

namespace {

// A device id as `device list` prints it (siteToHex): 16 hex digits.
std::optional<SiteId> parseSiteHex(const std::string& s) {
    if (s.empty() || s.size() > 16 || s.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
        return std::nullopt;
    return static_cast<SiteId>(std::stoull(s, nullptr, 16));
}

// The password of `user add` / `user passwd`: generated (and printed), or from TDKT_PASSWORD.
std::string newPassword(const std::vector<std::string>& args, const std::string& user) {
    if (flag(args, "--generate")) {
        std::string pw = PasswordPolicy::generate();
        std::cout << "password: " << pw << "\n";
        return pw;
    }
    const char* pw = std::getenv("TDKT_PASSWORD");
    if (!pw || !*pw) throw Error(ErrorKind::Invalid, "set the password in TDKT_PASSWORD, or pass --generate");
    if (auto why = PasswordPolicy::check(user, pw)) {
        switch (*why) {
        case PasswordRefusal::TooShort:
            throw Error(ErrorKind::Invalid, "password refused: it needs at least " +
                                                std::to_string(PasswordPolicy::MinLength) + " characters");
        case PasswordRefusal::IsUserName: throw Error(ErrorKind::Invalid, "password refused: it contains the user name");
        case PasswordRefusal::Common:
            throw Error(ErrorKind::Invalid, "password refused: it is one of the common passwords guessed first");
        }
    }
    return pw;
}

json::Json userJson(const UserInfo& u) {
    return {{"name", u.user.name}, {"role", u.user.role}, {"unit", u.user.unit}, {"disabled", u.disabled},
            {"must_change_password", u.mustChangePassword}, {"created", u.created}};
}

void requireUnit(const DataDir& data, const std::string& unit) {
    auto store = openStore(data);
    if (!store->exists("units", unit)) throw Error(ErrorKind::NotFound, "no unit with id " + unit);
}

} // namespace

int runUser(const DataDir& data, const std::vector<std::string>& args) {
    const std::string sub = args.empty() ? "" : args[0];
    if (sub == "list" && args.size() == 1) {
        Accounts accounts(data.accountsFile());
        json::Json out = json::Json::array();
        for (const auto& u : accounts.users()) out.push_back(userJson(u));
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    if (args.size() < 2 || (sub != "add" && sub != "disable" && sub != "enable" && sub != "passwd" && sub != "set"))
        throw Error(ErrorKind::Invalid,
                    "usage: user add NAME --role ROLE --unit UNIT_ID [--generate] | user list | user disable NAME | "
                    "user enable NAME | user passwd NAME [--generate] | user set NAME [--role ROLE] [--unit UNIT_ID]");
    const std::string& name = args[1];
    if (sub == "add") {
        User u{name, option(args, "--role"), option(args, "--unit")};
        if (!isRole(u.role))
            throw Error(ErrorKind::Invalid, "unknown role '" + u.role + "' (officer, reviewer, inspector, admin)");
        requireUnit(data, u.unit);
        const std::string pw = newPassword(args, u.name);
        Accounts accounts(data.accountsFile());
        accounts.addUser(u, pw);
        std::cout << "user " << u.name << " (" << u.role << ", unit " << u.unit << ") saved\n";
        return 0;
    }
    Accounts accounts(data.accountsFile());
    if (!accounts.userInfo(name)) throw Error(ErrorKind::NotFound, "no user named " + name);
    if (sub == "disable" || sub == "enable") {
        accounts.setDisabled(name, sub == "disable");
        std::cout << "user " << name << (sub == "disable" ? " disabled\n" : " enabled\n");
    } else if (sub == "passwd") {
        const std::string pw = newPassword(args, name);
        // A reset by an administrator: the user chooses its own at the next login.
        accounts.resetPassword(name, pw, !flag(args, "--keep"));
        std::cout << "password of " << name << " reset\n";
    } else {
        std::optional<std::string> role, unit;
        if (auto r = option(args, "--role", false); !r.empty()) role = r;
        if (auto un = option(args, "--unit", false); !un.empty()) unit = un;
        if (!role && !unit) throw Error(ErrorKind::Invalid, "user set NAME needs --role ROLE and/or --unit UNIT_ID");
        if (unit) requireUnit(data, *unit);
        accounts.setRoleUnit(name, role, unit);
        auto info = accounts.userInfo(name);
        std::cout << userJson(*info).dump() << "\n";
    }
    return 0;
}

int runDevice(const DataDir& data, const std::vector<std::string>& args) {
    Accounts accounts(data.accountsFile());
    if (!args.empty() && args[0] == "list") {
        const std::string user = option(args, "--user", false);
        json::Json out = json::Json::array();
        for (const auto& d : accounts.devices(user.empty() ? std::nullopt : std::optional<std::string>(user)))
            out.push_back({{"id", siteToHex(d.site)}, {"name", d.name}, {"user", d.user}, {"address", d.address},
                           {"first_seen", d.firstSeen}, {"last_seen", d.lastSeen}, {"revoked", d.revoked}});
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    if (args.size() != 2 || args[0] != "revoke")
        throw Error(ErrorKind::Invalid, "usage: device list [--user NAME] | device revoke ID");
    const auto site = parseSiteHex(args[1]);
    if (!site || !accounts.revokeDevice(*site)) throw Error(ErrorKind::NotFound, "no device with id " + args[1]);
    std::cout << "device " << args[1] << " revoked\n";
    return 0;
}

int runAudit(const DataDir& data, const std::vector<std::string>& args) {
    const std::string limit = option(args, "--limit", false);
    Accounts accounts(data.accountsFile());
    json::Json out = json::Json::array();
    for (const auto& e : accounts.auditLog(limit.empty() ? 1000 : std::stoul(limit)))
        out.push_back({{"at", e.at}, {"event", e.event}, {"user", e.user}, {"address", e.address},
                       {"device", e.site ? siteToHex(e.site) : std::string()}, {"device_name", e.device}});
    std::cout << out.dump(2) << "\n";
    return 0;
}

int runDump(const DataDir& data, const std::vector<std::string>& args) {
    if (!std::filesystem::exists(data.storeFile()))
        throw Error(ErrorKind::NotFound, "no server data in " + data.dir.string());
    auto store = openStore(data);
    const std::string as = option(args, "--as", false);
    std::optional<UnitTree> tree; // Rights keeps a reference to it
    std::optional<Rights> rights;
    if (!as.empty()) {
        Accounts accounts(data.accountsFile());
        auto user = accounts.userInfo(as); // a disabled user's reach too
        if (!user) throw Error(ErrorKind::NotFound, "no user named " + as);
        rights.emplace(*store, user->user, tree.emplace(*store));
    }
    store::Store::ReadSnapshot snapshot{*store};
    json::RowFilter filter;
    if (rights) filter = [&](const schema::TableDef& t, const store::Row& r) { return rights->canRead(t, r); };
    std::cout << json::dumpText(*store, filter) << "\n";
    return 0;
}

namespace {

// For tests of throttling, locks and idle sessions without sleeping: the accounts'
// clock is the system's plus the milliseconds written in FILE, read at every use, so
// a test moves the server's time forward by rewriting it (a running server and a
// restarted one alike). A file, not an environment variable or a config value: those
// are read once at start, and the time must move while the server runs.
Accounts::Clock testClock(const std::string& file) {
    if (file.empty()) return {};
    return [file] {
        std::int64_t offset = 0;
        std::ifstream in(file);
        if (in) in >> offset;
        return static_cast<std::int64_t>(systemMillis()) + offset;
    };
}

} // namespace

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
    Accounts accounts(data.accountsFile(), testClock(option(args, "--test-clock-file", false)));
    // The throttle's numbers: sane defaults, each one a flag (tests make them short).
    ThrottlePolicy throttle;
    const auto number = [&](std::string_view name, std::int64_t& into) {
        if (auto v = option(args, name, false); !v.empty()) into = std::stoll(v);
    };
    number("--delay-after", throttle.delayAfter);
    number("--delay-ms", throttle.delayMs);
    number("--lock-after", throttle.lockAfter);
    number("--lock-ms", throttle.lockMs);
    accounts.setThrottle(throttle);
    std::int64_t idleMs = 90LL * 24 * 3600 * 1000;
    number("--session-idle-ms", idleMs);
    accounts.setSessionIdleMs(idleMs);
    Service service(*store, accounts, [](const std::string& line) { std::cerr << ("tdkt-server: " + line + "\n"); });
    return serve(o, service);
}

} // namespace tdkt::server
