#pragma once
// Running the real tdkt window in tests: under xvfb-run, with a script of UI actions
// (open a screen, type into a field by its label, click a button, wait, shot NAME),
// writing a PNG a `shot`. Shared by every GUI scenario test.
#include "process.hpp"

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace tdkt::test {

/** Whether xvfb-run exists (GUI tests skip, saying so, where it does not). */
bool haveXvfb();

struct GuiRun {
    std::filesystem::path db;      // the replica tdkt opens (--db)
    std::filesystem::path dir;     // where the script file and the shots folder go
    std::string name;              // the script's file name and its shots' folder name
    std::string script;            // the scripted actions, one a line
    std::string scale = "1";       // "": the monitor's content scale
    std::vector<std::string> extra = {}; // more arguments (--lang en, --server ...)
};

/** Runs tdkt on `g`'s replica under a 1366×768 Xvfb screen; the shots go to dir/name/. */
RunResult runGui(const GuiRun& g);

/**
 * The sign-in form typed for `user` against 127.0.0.1:`port` with the test's certificate,
 * signed in, then a second sync (the first brings the account, the second its rows).
 */
std::string signInScript(unsigned port, const std::filesystem::path& cert, const std::string& user,
                         const std::string& password);

/** Copies dir's PNGs to TDKT_SCREENS_OUT when it is set (to look at them), prefixed. */
void keepShots(const std::filesystem::path& dir, const std::string& prefix = {});

/** Checks that dir holds exactly n PNGs, each big enough to show a drawn window; keeps them. */
void requireShots(const std::filesystem::path& dir, std::size_t n, const std::string& prefix = {});

} // namespace tdkt::test
