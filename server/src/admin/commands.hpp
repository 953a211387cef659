#pragma once
// tdkt-server's administrative commands (no network): units, users, dump.
#include <filesystem>
#include <string>
#include <vector>

namespace tdkt::server {

struct DataDir {
    std::filesystem::path dir;
    std::filesystem::path storeFile() const { return dir / "server.tdkt"; }
    std::filesystem::path accountsFile() const { return dir / "accounts.sqlite"; }
};

int runUnit(const DataDir& data, const std::vector<std::string>& args);
int runUser(const DataDir& data, const std::vector<std::string>& args);
int runDevice(const DataDir& data, const std::vector<std::string>& args);
int runAudit(const DataDir& data, const std::vector<std::string>& args);
int runDump(const DataDir& data, const std::vector<std::string>& args);
int runServe(const DataDir& data, const std::vector<std::string>& args);

} // namespace tdkt::server
