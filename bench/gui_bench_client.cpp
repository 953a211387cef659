// gui_bench's client process: the real Session and window code in an ImGui context
// without a window (gui_bench.cpp says what a frame is and why).
#include "gui_bench_client.hpp"

#include "app/session.hpp"
#include "ui/font.hpp"
#include "ui/main_window.hpp"

#include <imgui.h>
#include <imgui_internal.h> // ClearActiveID: leave the search field between two words

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace tdkt::bench {
namespace {

using Clock = std::chrono::steady_clock;
constexpr auto FramePeriod = std::chrono::microseconds(16667); // 60 Hz, as vsync paces the window
constexpr int KeyFrames = 8;                                  // a keystroke every 133 ms

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

struct Stats {
    std::vector<double> v;
    double at(double q) {
        if (v.empty()) return 0;
        std::sort(v.begin(), v.end());
        return v[std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size())))];
    }
    std::string text() {
        char b[160];
        std::snprintf(b, sizeof b, "median %.2f ms, p99 %.2f ms, max %.2f ms (%zu)", at(0.5), at(0.99), at(1.0), v.size());
        return b;
    }
};

std::string statusKiB(const char* key) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(key, 0) == 0) return line.substr(line.find_first_not_of(" \t", std::string(key).size()));
    return "?";
}

class Window {
public:
    explicit Window(const std::filesystem::path& db)
        : session({.db = db, .referenceDir = TDKT_REFERENCE_DIR, .reportDir = TDKT_REPORT_DIR, .autoSync = false}) {
        state.screen = ui::Screen::Dossiers;
    }

    /** One frame; its UI-thread CPU and wall time go to `cpu`/`wall` when given; then waits for the next tick. */
    void frame(Stats* cpu = nullptr, Stats* wall = nullptr) {
        const auto w0 = Clock::now();
        const double c0 = threadCpuMs();
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60;
        session.frame();
        ImGui::NewFrame();
        ui::drawWindow(session, state);
        ImGui::Render();
        vertices += ImGui::GetDrawData()->TotalVtxCount;
        if (cpu) cpu->v.push_back(threadCpuMs() - c0);
        if (wall) wall->v.push_back(ms(Clock::now() - w0));
        io.MouseWheel = 0;
        m_next = std::max(m_next + FramePeriod, w0);
        std::this_thread::sleep_until(m_next);
    }

    /** The list shows the result of what the search field holds, its first rows read. */
    bool shown() {
        auto& l = session.dossiers();
        return l.ready() && !l.searching() && l.shownFilter() == session.filter && (l.count() == 0 || l.row(0));
    }

    app::Session session;
    ui::WindowState state;
    long long vertices = 0;

private:
    Clock::time_point m_next = Clock::now();
};

void scroll(Window& w, float wheel, int frames, Stats& cpu, Stats& wall) {
    ImGui::GetIO().MousePos = ImVec2(640, 520); // over the table's rows
    for (int i = 0; i < frames; ++i) {
        ImGui::GetIO().MouseWheel = wheel;
        w.frame(&cpu, &wall);
    }
}

// Types `word` into the focused search field, a character every KeyFrames frames.
void typeWord(Window& w, const std::string& word, Stats& cpu, Stats& wall, Stats& latency, int& late, Stats& last) {
    ImGui::ClearActiveID();
    w.session.filter.text.clear();
    w.state.focusSearch = true;
    for (int i = 0; i < 600 && !w.shown(); ++i) w.frame();
    w.frame(); // the field takes the focus
    std::size_t i = 0;
    while (i < word.size()) {
        std::size_t n = 1;
        while (i + n < word.size() && (static_cast<unsigned char>(word[i + n]) & 0xC0) == 0x80) ++n;
        ImGui::GetIO().AddInputCharactersUTF8(word.substr(i, n).c_str());
        i += n;
        const bool final = i == word.size();
        const auto typed = Clock::now();
        bool seen = false;
        for (int f = 0; f < (final ? 600 : KeyFrames); ++f) {
            w.frame(&cpu, &wall);
            if (!seen && w.shown() && w.session.filter.text == word.substr(0, i)) {
                seen = true;
                latency.v.push_back(ms(Clock::now() - typed));
                if (final) last.v.push_back(latency.v.back());
                if (final) break;
            }
        }
        if (!seen) ++late;
        if (w.session.filter.text != word.substr(0, i))
            std::printf("gui: WRONG: the field holds '%s' after typing '%s'\n", w.session.filter.text.c_str(),
                        word.substr(0, i).c_str());
    }
}

} // namespace

int runClient(const std::filesystem::path& db, long long spawnedNs) {
    const auto start = spawnedNs ? Clock::time_point(std::chrono::nanoseconds(spawnedNs)) : Clock::now();
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 760);
    ImGui::StyleColorsLight();
    const auto font = ui::loadFont(1.0f);
    unsigned char* pixels = nullptr;
    int tw = 0, th = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &tw, &th); // what ImGui_ImplOpenGL3 does before its first frame
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(1)));
    Window w(db);
    w.frame();
    const double first = ms(Clock::now() - start);
    int frames = 1;
    while (!w.shown() && frames < 600) w.frame(), ++frames;
    const double rows = ms(Clock::now() - start);
    std::printf("gui: font %s (atlas %dx%d)\n", font.c_str(), tw, th);
    std::printf("gui: start-up to first frame %.0f ms; to the first rows of %zu dossiers %.0f ms (%d frames)\n", first,
                w.session.dossiers().count(), rows, frames);

    Stats idleCpu, idleWall, scrollCpu, scrollWall, flickCpu, flickWall, typeCpu, typeWall, latency, last;
    for (int i = 0; i < 120; ++i) w.frame(&idleCpu, &idleWall);
    scroll(w, -1.0f, 600, scrollCpu, scrollWall); // a wheel notch a frame: ~5 rows a frame
    const std::size_t wheelPages = w.session.dossiers().pagesRead();
    scroll(w, -20.0f, 120, flickCpu, flickWall); // flicks: ~100 rows a frame, a page read every frame
    std::printf("gui: scrolled %zu pages of %zu rows with the wheel, %zu in all with the flicks\n", wheelPages,
                app::DossierSearch::PageSize, w.session.dossiers().pagesRead());
    int late = 0;
    const std::vector<std::string> words{"n", "ng", "nguyen van dinh", "Nguyễn Văn Đình", "đinh", "tran thi", "le van dong",
                                         "hoang", "giang a pao", "khong co ai"};
    for (const auto& word : words) typeWord(w, word, typeCpu, typeWall, latency, late, last);

    // What "nguyen van dinh" found, for the record (the tests check it too).
    ImGui::ClearActiveID();
    w.session.filter.text = "nguyen van dinh";
    for (int i = 0; i < 600 && !w.shown(); ++i) w.frame();
    const auto* r0 = w.session.dossiers().row(0);
    std::printf("gui: 'nguyen van dinh' finds %zu dossiers, the first '%s'\n", w.session.dossiers().count(),
                r0 ? r0->nominee.c_str() : "(none)");

    std::printf("gui: idle frames       cpu %s; wall %s\n", idleCpu.text().c_str(), idleWall.text().c_str());
    std::printf("gui: scrolling frames  cpu %s; wall %s\n", scrollCpu.text().c_str(), scrollWall.text().c_str());
    std::printf("gui: flicking frames   cpu %s; wall %s\n", flickCpu.text().c_str(), flickWall.text().c_str());
    std::printf("gui: typing frames     cpu %s; wall %s\n", typeCpu.text().c_str(), typeWall.text().c_str());
    std::printf("gui: keystroke to results %s; %d of %zu not shown before the next keystroke (133 ms)\n",
                latency.text().c_str(), late, latency.v.size() + static_cast<std::size_t>(late));
    std::printf("gui: last keystroke of a word to its results %s\n", last.text().c_str());
    std::printf("gui: rss %s, peak %s\n", statusKiB("VmRSS:").c_str(), statusKiB("VmHWM:").c_str());
    std::printf("RESULT first_frame_ms=%.0f scroll_cpu_p99_ms=%.2f type_cpu_p99_ms=%.2f keystroke_p99_ms=%.1f "
                "peak_rss=%s\n",
                first, scrollCpu.at(0.99), typeCpu.at(0.99), latency.at(0.99), statusKiB("VmHWM:").c_str());
    ImGui::DestroyContext();
    return 0;
}

} // namespace tdkt::bench
