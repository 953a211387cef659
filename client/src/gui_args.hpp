#pragma once
// tdkt's command line: which replica (--db PATH or --demo), the sign-in form's
// server, certificate and user, the UI scale and language, and the scripted
// headless run (--script FILE --screenshot DIR). GuiUsage says it to a person.
#include <filesystem>
#include <string>

namespace tdkt {

struct GuiArgs {
    std::filesystem::path db;     // the replica (made when missing)
    bool demo = false;            // --demo: the demo officer's replica (app/demo_replica.hpp)
    std::string server, user;     // pre-filled on the sign-in form (host:port, user name)
    std::filesystem::path ca;     // the server's certificate (PEM), pre-filled too
    float scale = 0.0f;           // 0: the monitor's content scale
    std::string lang;             // "": the replica's last choice, else Vietnamese
    std::filesystem::path script, shots;
    bool help = false;
};

extern const char* const GuiUsage;

/** Parses argv; throws std::invalid_argument with a one-line reason on a wrong command line. */
GuiArgs parseGuiArgs(int argc, char** argv);

} // namespace tdkt
