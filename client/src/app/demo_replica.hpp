#pragma once
// `tdkt --demo`: the demo officer's replica (Xã Bình Lư, binhlu.hoa). The one
// scripts/demo.sh made and synced (out/demo/xa-binh-lu.db) when the demo has run;
// otherwise one built offline from assets/demo the way demo.sh builds a unit's
// replica (the unit tree, the reference data, the unit's own records in demo.sh's
// order: dossiers drafted, items attached, then submitted), never signed in.
#include <filesystem>
#include <string>

namespace tdkt::app {

struct DemoPaths {
    std::filesystem::path runDir;    // out/demo: what scripts/demo.sh leaves
    std::filesystem::path offlineDir; // out/demo-offline: the replica built here when the demo has not run
    std::filesystem::path assets;    // assets/demo
    std::filesystem::path reference; // assets/reference
};

/** The demo unit, its officer and the replica's file name. */
inline constexpr const char* DemoUnit = "u-xa-binh-lu";
inline constexpr const char* DemoReplicaFile = "xa-binh-lu.db";

/** The replica to open: demo.sh's when there, else the offline one (built on first use, kept after). */
std::filesystem::path demoReplica(const DemoPaths& paths);

/**
 * Builds `db` (which must not exist) from `assets` for `unit`: all or nothing (a
 * failure leaves no file). Throws tdkt::Error naming the file and line at fault.
 */
void buildDemoReplica(const std::filesystem::path& db, const DemoPaths& paths, const std::string& unit);

} // namespace tdkt::app
