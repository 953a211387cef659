#include "gui_run.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <fstream>

namespace tdkt::test {

bool haveXvfb() { return std::filesystem::exists("/usr/bin/xvfb-run"); }

RunResult runGui(const GuiRun& g) {
    const auto file = g.dir / (g.name + ".txt");
    std::ofstream(file) << g.script;
    std::vector<std::string> args{"/usr/bin/xvfb-run", "-a", "-s", "-screen 0 1366x768x24", TDKT_GUI,
                                  "--db", g.db.string(), "--script", file.string(), "--screenshot",
                                  (g.dir / g.name).string()};
    if (!g.scale.empty()) args.insert(args.end(), {"--scale", g.scale});
    args.insert(args.end(), g.extra.begin(), g.extra.end());
    RunOptions o;
    o.timeout = std::chrono::milliseconds(120000);
    return run(args, o);
}

std::string signInScript(unsigned port, const std::filesystem::path& cert, const std::string& user,
                         const std::string& password) {
    return "screen dang-nhap\n"
           "type Máy chủ (host:cổng) = 127.0.0.1:" + std::to_string(port) + "\n"
           "type Tên đăng nhập = " + user + "\n"
           "type Mật khẩu = " + password + "\n"
           "type Tệp chứng chỉ = " + cert.string() + "\n"
           "click Đăng nhập\n"
           "waitsync\n"
           "click Đồng bộ\n"
           "waitsync\n";
}

void keepShots(const std::filesystem::path& dir, const std::string& prefix) {
    const char* keep = std::getenv("TDKT_SCREENS_OUT");
    if (!keep || !std::filesystem::exists(dir)) return;
    std::filesystem::create_directories(keep);
    for (const auto& e : std::filesystem::directory_iterator(dir))
        std::filesystem::copy_file(e.path(), std::filesystem::path(keep) / (prefix + e.path().filename().string()),
                                   std::filesystem::copy_options::overwrite_existing);
}

void requireShots(const std::filesystem::path& dir, std::size_t n, const std::string& prefix) {
    keepShots(dir, prefix);
    std::size_t found = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        CHECK(e.path().extension() == ".png");
        CHECK(std::filesystem::file_size(e.path()) > 10000);
        ++found;
    }
    CHECK(found == n);
}

} // namespace tdkt::test
