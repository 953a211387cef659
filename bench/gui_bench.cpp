// gui_bench (issue 17): the dossier list of the desktop client on a replica of
// 100,000 dossiers and 20,000 people. Goals: p99 CPU time a frame under 8 ms while
// scrolling and while typing a search, results under 50 ms after a keystroke, first
// frame under 1 s, client RSS under 200 MiB.
//
//   build/bench/gui_bench [--dossiers N] [--people P] [--dir DIR]
//
// It writes the replica (one transaction), times the store's queries alone, then runs
// the client in a fresh process (so its RSS is the client's alone): the real
// app::Session and the real ui::drawWindow (every screen's code, the list's
// ImGuiListClipper) in an ImGui context without a window, the shipped font's atlas
// built as the OpenGL backend builds it, 60 frames a second as vsync paces the
// window. A frame is Session::frame + NewFrame + drawWindow + Render (the draw lists
// made, not rasterised: the GPU's part is not the client's CPU). Its CPU time is the
// UI thread's (CLOCK_THREAD_CPUTIME_ID): the list's queries run on their own thread.
// Typing goes through ImGui's text input, a character every 8 frames (133 ms).
#include "gui_bench_client.hpp"
#include "gui_bench_data.hpp"

#include "app/dossier_list.hpp"
#include "tdkt/store/store.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// What each query costs the store alone, and what the list used to wait for on the
// UI thread at each keystroke (DossierList: count, then the first page).
void storeFigures(const std::filesystem::path& db) {
    auto s = tdkt::store::Store::open(db);
    auto t = Clock::now();
    const auto keyed = s->pageKeys(tdkt::app::dossierQuery({}));
    std::printf("store: the list's ids and search keys (pageKeys, year descending): %zu rows in %.1f ms\n", keyed.size(),
                msSince(t));
    // The worker reads the page shown by id, one row at a time (DossierSearch::Worker::page).
    t = Clock::now();
    std::size_t found = 0;
    for (std::size_t i = 0; i < 100 && i < keyed.size(); ++i) found += s->get("dossiers", keyed[i].id) ? 1 : 0;
    std::printf("store: a page of %zu rows read by id (Store::get) in %.2f ms\n", found, msSince(t));
    for (const char* text : {"", "n", "ng", "ngu", "nguyen van dinh", "đinh", "tran thi"}) {
        tdkt::app::DossierFilter f;
        f.text = text;
        t = Clock::now();
        const auto ids = s->pageIds(tdkt::app::dossierQuery(f));
        const double idsMs = msSince(t);
        t = Clock::now();
        const auto keys = *text ? s->matchingKeys(text).size() : 0;
        const double keysMs = msSince(t);
        tdkt::app::DossierList list;
        t = Clock::now();
        list.refresh(*s, f, 1);
        if (list.count()) list.row(*s, 0);
        const double syncMs = msSince(t);
        std::printf("store: text='%s' rows=%zu pageIds=%.1f ms matchingKeys=%.1f ms (%zu, people too) "
                    "count+first page (the old UI-thread path)=%.1f ms\n",
                    text, ids.size(), idsMs, keysMs, keys, syncMs);
    }
}

int spawnClient(const std::filesystem::path& db) {
    const auto spawned = std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
    std::fflush(stdout);
    const pid_t pid = fork();
    if (pid == 0) {
        const std::string at = std::to_string(spawned);
        execl("/proc/self/exe", "gui_bench", "--client", db.c_str(), "--spawned", at.c_str(), nullptr);
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 2;
}

} // namespace

int main(int argc, char** argv) try {
    std::size_t dossiers = 100000, people = 20000;
    std::filesystem::path dir, client;
    long long spawned = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--dossiers") dossiers = std::stoul(v);
        else if (k == "--people") people = std::stoul(v);
        else if (k == "--dir") dir = v;
        else if (k == "--client") client = v;
        else if (k == "--spawned") spawned = std::stoll(v);
        else throw std::runtime_error("unknown option " + k);
    }
    if (!client.empty()) return tdkt::bench::runClient(client, spawned);

    const bool temp = dir.empty();
    if (temp) dir = std::filesystem::temp_directory_path() / ("gui_bench-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    const auto db = dir / "replica.db";
    if (!std::filesystem::exists(db)) {
        const auto t = Clock::now();
        const auto n = tdkt::bench::makeReplica(db, people, dossiers);
        std::printf("replica: %zu units, %zu people, %zu dossiers written in %.1f s (%s, %.0f MB)\n", n.units, n.people,
                    n.dossiers, msSince(t) / 1000, db.c_str(),
                    static_cast<double>(std::filesystem::file_size(db)) / 1e6);
    } else {
        std::printf("replica: %s (kept from an earlier run)\n", db.c_str());
    }
    storeFigures(db);
    const int rc = spawnClient(db);
    if (temp) std::filesystem::remove_all(dir);
    return rc;
} catch (const std::exception& e) {
    std::fprintf(stderr, "gui_bench: %s\n", e.what());
    return 1;
}
