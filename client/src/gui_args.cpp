#include "gui_args.hpp"

#include "ui/font.hpp"

#include <stdexcept>

namespace tdkt {

const char* const GuiUsage =
    "usage: tdkt (--db PATH | --demo) [--server HOST:PORT] [--ca FILE] [--user NAME]\n"
    "            [--scale 1..2] [--lang vi|en] [--script FILE --screenshot DIR]\n"
    "  --db PATH           the replica to open (created when missing)\n"
    "  --demo              the demo officer's replica (Xã Bình Lư, user binhlu.hoa): out/demo/xa-binh-lu.db\n"
    "                      when scripts/demo.sh has run (signed in to the demo server: it syncs while the\n"
    "                      demo runs, works offline after), otherwise out/demo-offline/xa-binh-lu.db, built\n"
    "                      from assets/demo on first use and kept (delete it to start again)\n"
    "  --server HOST:PORT  the sync server on the sign-in form (default: the replica's last one)\n"
    "  --ca FILE           the server's certificate (PEM) on the sign-in form\n"
    "  --user NAME         the user name on the sign-in form\n"
    "  --scale S           UI scale, 1 to 2 (default: the monitor's content scale)\n"
    "  --lang vi|en        interface language (default vi)\n"
    "  --script FILE --screenshot DIR\n"
    "                      run scripted UI actions (one a frame) and write DIR/NAME.png at each `shot NAME`\n";

GuiArgs parseGuiArgs(int argc, char** argv) {
    GuiArgs a;
    for (int i = 1; i < argc; ++i) {
        const std::string k = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) throw std::invalid_argument("missing value after " + k);
            return argv[++i];
        };
        if (k == "--db") a.db = next();
        else if (k == "--demo") a.demo = true;
        else if (k == "--server") a.server = next();
        else if (k == "--ca" || k == "--ca-file") a.ca = next();
        else if (k == "--user") a.user = next();
        else if (k == "--scale") {
            const auto v = next();
            try {
                a.scale = std::stof(v);
            } catch (const std::exception&) {
                throw std::invalid_argument("--scale takes a number from 1 to 2, not '" + v + "'");
            }
        } else if (k == "--lang") a.lang = next();
        else if (k == "--script") a.script = next();
        else if (k == "--screenshot") a.shots = next();
        else if (k == "--help" || k == "-h") a.help = true;
        else throw std::invalid_argument("unknown option " + k);
    }
    if (a.help) return a;
    if (a.demo && !a.db.empty()) throw std::invalid_argument("--db and --demo: choose one");
    if (!a.demo && a.db.empty()) throw std::invalid_argument("--db PATH or --demo is needed");
    if (!a.lang.empty() && a.lang != "vi" && a.lang != "en") throw std::invalid_argument("--lang is vi or en, not '" + a.lang + "'");
    if (a.server.find(':') == std::string::npos && !a.server.empty())
        throw std::invalid_argument("--server is HOST:PORT, not '" + a.server + "'");
    if (a.script.empty() && !a.shots.empty()) throw std::invalid_argument("--screenshot needs --script");
    if (a.scale != 0.0f) a.scale = ui::clampScale(a.scale);
    return a;
}

} // namespace tdkt
