// Sync commands. Failures of the network are one clear line and a non-zero exit;
// the replica and its pending changes stay as they were.
#include "commands_sync.hpp"

#include "app/conflicts.hpp"
#include "app/messages.hpp"
#include "app/refusals.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/json/row_json.hpp"
#include "tdkt/sync/sync_client.hpp"

#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <iostream>

namespace tdkt::cli {
namespace {

using json::Json;

std::string readPassword(const char* env = "TDKT_PASSWORD", const char* prompt = "password: ") {
    if (const char* value = std::getenv(env)) return value;
    const bool tty = isatty(STDIN_FILENO);
    termios old{};
    if (tty) {
        std::cerr << prompt << std::flush;
        tcgetattr(STDIN_FILENO, &old);
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string pw;
    std::getline(std::cin, pw);
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &old);
        std::cerr << "\n";
    }
    return pw;
}

// Network failures exit 7 with their message (not a storage error); refused
// logins and sessions exit 6, worded here (the kinds carry no sentences).
int syncFailed(const sync::SyncError& e) {
    using K = sync::SyncErrorKind;
    switch (e.kind()) {
    case K::AccountLocked:
        std::cerr << "tdkt-cli: error: tài khoản tạm khóa đến " << app::clockTime(e.untilMs())
                  << " (too many failed logins: try again then)\n";
        return 6;
    case K::AccountDisabled:
        // A protocol-5 server had the pending changes refused and the rows dropped (what() counts them).
        std::cerr << "tdkt-cli: error: tài khoản đã bị vô hiệu hóa (" << e.what()
                  << ": an administrator disabled it; 'tdkt-cli rejected' lists refused changes)\n";
        return 6;
    case K::DeviceRevoked:
        std::cerr << "tdkt-cli: error: thiết bị này đã bị thu hồi quyền đồng bộ (device revoked by an "
                     "administrator): log in again with a password; pending changes stay on this machine\n";
        return 6;
    case K::PasswordChangeRequired:
        std::cerr << "tdkt-cli: error: phải đổi mật khẩu (password_change_required: an administrator reset it; "
                     "run tdkt-cli passwd); pending changes stay on this machine\n";
        return 6;
    case K::PasswordRefused:
        std::cerr << "tdkt-cli: error: mật khẩu mới không được chấp nhận (password_refused: " << e.reason();
        if (e.minLength() > 0) std::cerr << ", at least " << e.minLength() << " characters";
        std::cerr << ")\n";
        return 6;
    default: break;
    }
    std::cerr << "tdkt-cli: error: " << e.what() << "\n";
    return e.kind() == K::BadCredentials || e.kind() == K::BadToken ? 6 : 7;
}

// One line on stderr when the replica took a new id; stdout keeps its JSON.
void noteResite(const std::optional<store::Resited>& r) {
    if (!r) return;
    std::cerr << "tdkt-cli: this replica's id had already been used by other changes (a restored backup or a "
                 "copied database): it now syncs as "
              << siteToHex(r->to) << " (was " << siteToHex(r->from) << "), and its " << r->moved
              << " unconfirmed change(s) went with it; nothing was lost\n";
}

// JSON fields (candidates, winner) come out parsed.
Json conflictJson(const store::Row& row) { return json::rowToJson(schema::registry().require("conflicts"), row); }

sync::Endpoint endpointOf(const Context& ctx, const std::string& server) {
    sync::Endpoint ep = sync::parseEndpoint(server);
    ep.plain = ctx.args.flag("--plain");
    if (auto ca = ctx.args.option("--ca-file")) ep.caFile = std::filesystem::absolute(*ca).string();
    if (ep.plain && !ep.caFile.empty()) throw Error(ErrorKind::Invalid, "--plain and --ca-file exclude each other");
    return ep;
}

int loggedIn(Context& ctx, const sync::LoginInfo& info) {
    noteResite(info.resited);
    ctx.out << Json{{"user", info.user}, {"role", info.role}, {"unit", info.unit},
                    {"clock_offset_ms", info.clockOffsetMs}}
                   .dump()
            << "\n";
    return 0;
}

} // namespace

int runLogin(Context& ctx) {
    auto server = ctx.args.option("--server");
    auto user = ctx.args.option("--user");
    if (!server || !user)
        throw Error(ErrorKind::Invalid,
                    "usage: login --server HOST:PORT --user NAME [--ca-file F | --plain] [--device-name NAME]");
    const sync::Endpoint ep = endpointOf(ctx, *server);
    const std::string password = readPassword();
    try {
        sync::SyncClient client(ctx.store(), ep);
        return loggedIn(ctx, client.login(*user, password, ctx.args.option("--device-name").value_or("")));
    } catch (const sync::SyncError& e) {
        return syncFailed(e);
    }
}

// A new password, chosen by the user (after an administrator's reset, or any time):
// the server and user of the last login unless named here. It logs in too.
int runPasswd(Context& ctx) {
    auto& store = ctx.store();
    auto server = ctx.args.option("--server");
    auto user = ctx.args.option("--user");
    if (!user) user = store.setting("user");
    if (!user || user->empty()) throw Error(ErrorKind::Invalid, "usage: passwd [--server HOST:PORT] --user NAME");
    const std::string password = readPassword("TDKT_PASSWORD", "current password: ");
    const std::string newPassword = readPassword("TDKT_NEW_PASSWORD", "new password: ");
    try {
        auto client = server ? std::make_unique<sync::SyncClient>(store, endpointOf(ctx, *server))
                             : std::make_unique<sync::SyncClient>(store);
        return loggedIn(ctx, client->changePassword(*user, password, newPassword,
                                                    ctx.args.option("--device-name").value_or("")));
    } catch (const sync::SyncError& e) {
        return syncFailed(e);
    }
}

int runSync(Context& ctx) {
    try {
        sync::SyncClient client(ctx.store());
        auto c = client.sync();
        noteResite(c.resited);
        ctx.out << Json{{"pushed", c.pushed}, {"pulled", c.pulled}, {"conflicts", c.conflicts}, {"rejected", c.rejected}}
                       .dump()
                << "\n";
        return 0;
    } catch (const sync::SyncError& e) {
        return syncFailed(e);
    }
}

namespace {

std::string_view diffKind(sync::RowDiff::Kind k) {
    switch (k) {
    case sync::RowDiff::Kind::MissingHere: return "missing_here";
    case sync::RowDiff::Kind::NotOnServer: return "not_on_server";
    case sync::RowDiff::Kind::Differs: return "differs";
    }
    return "differs";
}

} // namespace

int runVerify(Context& ctx) {
    try {
        sync::SyncClient client(ctx.store());
        const bool repair = ctx.args.flag("--repair");
        auto r = client.verify(repair);
        noteResite(r.sync.resited);
        Json diffs = Json::array();
        for (const auto& d : r.differences)
            diffs.push_back(Json{{"table", d.table}, {"row_id", d.rowId}, {"kind", diffKind(d.kind)}});
        ctx.out << Json{{"pushed", r.sync.pushed},
                        {"pulled", r.sync.pulled},
                        {"tables_differing", r.tablesDiffering},
                        {"differences", diffs},
                        {"repaired", r.repaired},
                        {"clean", r.clean},
                        {"bytes_sent", r.bytesSent},
                        {"bytes_received", r.bytesReceived}}
                       .dump()
                << "\n";
        // A difference found and left (no --repair, or not all mended) is a failure for scripts.
        return r.clean ? 0 : 8;
    } catch (const sync::SyncError& e) {
        return syncFailed(e);
    }
}

int runConflicts(Context& ctx) {
    Json out = Json::array();
    for (const auto& row : ctx.store().list("conflicts", {{"status", std::string("open")}}))
        out.push_back(conflictJson(row));
    ctx.out << out.dump(-1, ' ', false, Json::error_handler_t::strict) << "\n";
    return 0;
}

int runResolve(Context& ctx) {
    const std::string& id = ctx.args.need(0, "CONFLICT_ID");
    auto& store = ctx.store();
    Json c = app::openConflictJson(store, id);
    Json chosen;
    if (auto v = ctx.args.option("--value")) {
        chosen = json::parse(*v, "--value");
    } else if (auto keep = ctx.args.option("--keep"); keep == "winner") {
        chosen = c["winner"];
    } else if (keep == "loser") {
        chosen = app::losingValue(c, id);
    } else {
        throw Error(ErrorKind::Invalid, "usage: resolve CONFLICT_ID (--keep winner|loser | --value JSON)");
    }
    app::resolveConflict(store, c, chosen);
    ctx.out << Json{{"resolved", id}, {"value", chosen}}.dump() << "\n";
    return 0;
}

int runRejected(Context& ctx) {
    Json out = Json::array();
    for (const auto& r : ctx.store().rejectedChanges()) {
        const auto* t = schema::registry().table(r.table);
        out.push_back(Json{{"table", r.table},
                           {"row_id", r.rowId},
                           {"field", r.field},
                           {"value", json::valueToJson(t ? t->field(r.field) : nullptr, r.value)},
                           {"reason", app::refusalSentence(r.reason, app::Lang::En)},
                           {"reason_kind", app::refusalCodeOf(r.reason)},
                           {"at", json::isoTime(r.atMs << 16)}});
    }
    ctx.out << out.dump(-1, ' ', false, Json::error_handler_t::strict) << "\n";
    return 0;
}

} // namespace tdkt::cli
