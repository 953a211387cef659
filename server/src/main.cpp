// tdkt-server: the sync server and its administrative commands.
//   tdkt-server --data DIR serve --listen ADDR:PORT (--cert F --key F | --plain)
//   tdkt-server --data DIR unit add JSON | unit import FILE.csv
//   tdkt-server --data DIR user add NAME --role ROLE --unit UNIT_ID   (password in TDKT_PASSWORD)
//   tdkt-server --data DIR user list | disable | enable | passwd | set …, device list | revoke, audit
//   tdkt-server --data DIR dump [--as USER]
#include "admin/commands.hpp"

#include "tdkt/core/error.hpp"

#include <iostream>

namespace {

constexpr const char* Usage =
    "usage: tdkt-server --data DIR COMMAND\n"
    "  serve --listen ADDR:PORT (--cert F --key F | --plain)\n"
    "        [--delay-after N] [--delay-ms MS] [--lock-after N] [--lock-ms MS] [--session-idle-ms MS]\n"
    "        [--test-clock-file F] (tests only: F holds milliseconds added to the accounts' clock)\n"
    "  unit add JSON | unit import FILE.csv\n"
    "  user add NAME --role officer|reviewer|inspector|admin --unit UNIT_ID [--generate]\n"
    "        (else the password in TDKT_PASSWORD: 10 characters or more, not a common one)\n"
    "  user list | user disable NAME | user enable NAME | user passwd NAME [--generate]\n"
    "  user set NAME [--role ROLE] [--unit UNIT_ID]\n"
    "  device list [--user NAME] | device revoke ID\n"
    "  audit [--limit N]\n"
    "  dump [--as USER]\n";

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    tdkt::server::DataDir data;
    if (args.size() >= 2 && args[0] == "--data") {
        data.dir = args[1];
        args.erase(args.begin(), args.begin() + 2);
    }
    if (data.dir.empty() || args.empty()) {
        std::cerr << Usage;
        return 2;
    }
    const std::string command = args.front();
    args.erase(args.begin());
    try {
        if (command == "serve") return tdkt::server::runServe(data, args);
        if (command == "unit") return tdkt::server::runUnit(data, args);
        if (command == "user") return tdkt::server::runUser(data, args);
        if (command == "device") return tdkt::server::runDevice(data, args);
        if (command == "audit") return tdkt::server::runAudit(data, args);
        if (command == "dump") return tdkt::server::runDump(data, args);
        std::cerr << "unknown command '" << command << "'\n" << Usage;
        return 2;
    } catch (const tdkt::Error& e) {
        std::cerr << "tdkt-server: " << e.what() << "\n";
        return e.kind() == tdkt::ErrorKind::Invalid ? 2 : 1;
    } catch (const std::exception& e) {
        std::cerr << "tdkt-server: " << e.what() << "\n";
        return 1;
    }
}
