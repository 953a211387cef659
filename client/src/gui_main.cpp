// tdkt: the desktop client. Dear ImGui 1.86 over GLFW 3.3 and OpenGL 3.
//   tdkt (--db PATH | --demo) [--server HOST:PORT] [--ca FILE] ... (gui_args.cpp: GuiUsage)
// With --script, the scripted actions run one per frame and `shot NAME` writes
// DIR/NAME.png from the framebuffer; the window closes when the script ends.
#include "gui_args.hpp"

#include "app/demo_replica.hpp"
#include "app/session.hpp"
#include "ui/font.hpp"
#include "ui/script.hpp"
#include "ui/main_window.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace {

void screenshot(GLFWwindow* win, const std::filesystem::path& file) {
    int w = 0, h = 0;
    glfwGetFramebufferSize(win, &w, &h);
    std::vector<unsigned char> px(static_cast<std::size_t>(w) * h * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGB, GL_UNSIGNED_BYTE, px.data());
    stbi_flip_vertically_on_write(1);
    if (!stbi_write_png(file.c_str(), w, h, 3, px.data(), w * 3))
        throw std::runtime_error("cannot write " + file.string());
}

// The demo's folders: beside the sources (scripts/demo.sh writes out/demo there), or
// under TDKT_DEMO_OUT when set (tests build their demo replica in a temp folder).
tdkt::app::DemoPaths demoPaths() {
    const char* out = std::getenv("TDKT_DEMO_OUT");
    const std::filesystem::path root = out ? out : TDKT_OUT_DIR;
    return {.runDir = root / "demo", .offlineDir = root / "demo-offline", .assets = TDKT_DEMO_DIR,
            .reference = TDKT_REFERENCE_DIR};
}

// The font and the style at `scale`, rebuilt between two frames (ImGui 1.86 keeps one
// atlas: cleared, refilled, its texture made again).
void rebuildFont(float scale) {
    ImGui::GetStyle() = ImGuiStyle();
    ImGui::StyleColorsLight();
    ImGui::GetIO().Fonts->Clear();
    tdkt::ui::loadFont(scale);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

// The scale the window shows: the one chosen (--scale, else the replica's), else the
// content scale of the monitor the window is on.
float shownScale(GLFWwindow* win, std::optional<float> chosen) {
    if (chosen) return tdkt::ui::clampScale(*chosen);
    float sx = 1.0f, sy = 1.0f;
    glfwGetWindowContentScale(win, &sx, &sy);
    return tdkt::ui::clampScale(sx);
}

} // namespace

int main(int argc, char** argv) try {
    using namespace tdkt;
    GuiArgs args;
    try {
        args = parseGuiArgs(argc, argv);
    } catch (const std::invalid_argument& e) {
        std::cerr << "tdkt: " << e.what() << "\n" << GuiUsage;
        return 2;
    }
    if (args.help) {
        std::cout << GuiUsage;
        return 0;
    }
    if (args.demo) {
        args.db = app::demoReplica(demoPaths());
        std::cerr << "tdkt: demo replica " << args.db.string() << "\n";
    }
    if (!args.script.empty()) ui::script() = ui::Script::load(args.script);
    if (!args.shots.empty()) std::filesystem::create_directories(args.shots);

    const char* reports = std::getenv("TDKT_REPORT_DIR");
    app::Session session({.db = args.db, .referenceDir = TDKT_REFERENCE_DIR, .reportDir = reports ? reports : TDKT_REPORT_DIR});
    const auto prefs = session.preferences(); // the language and scale the officer left (preferences.hpp)
    session.lang = args.lang == "en" ? app::Lang::En
                 : args.lang == "vi" ? app::Lang::Vi
                                     : prefs.lang.value_or(app::Lang::Vi);
    const std::optional<float> chosen = args.scale != 0.0f ? std::optional<float>(args.scale) : prefs.scale;

    if (!glfwInit()) throw std::runtime_error("no display: glfwInit failed");
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    float scale = chosen.value_or(0.0f);
    if (scale == 0.0f) { // the UI follows the monitor's content scale unless --scale is given
        float sx = 1.0f, sy = 1.0f;
        if (GLFWmonitor* m = glfwGetPrimaryMonitor()) glfwGetMonitorContentScale(m, &sx, &sy);
        scale = ui::clampScale(sx);
    }
    GLFWwindow* win = glfwCreateWindow(static_cast<int>(1280 * std::min(scale, 1.05f)),
                                       static_cast<int>(760 * std::min(scale, 1.0f)), "TĐKT", nullptr, nullptr);
    if (!win) throw std::runtime_error("cannot open a window");
    glfwMakeContextCurrent(win);
    glfwSwapInterval(ui::script().active() ? 0 : 1);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::StyleColorsLight();
    scale = shownScale(win, chosen); // the monitor the window opened on, unless chosen
    const auto font = ui::loadFont(scale);
    if (font.empty()) std::cerr << "tdkt: no font file found: ImGui's own (no Vietnamese marks)\n";
    else if (ui::script().active()) std::cerr << "tdkt: font " << font << ", scale " << scale << "\n"; // for tests
    ImGui_ImplGlfw_InitForOpenGL(win, true);
    ImGui_ImplOpenGL3_Init("#version 130");

    ui::WindowState state;
    state.screen = session.bar().signedIn || args.demo ? ui::Screen::Dossiers : ui::Screen::SignIn;
    // The sign-in form: what the command line says, else the replica's last sign-in.
    state.server = args.server.empty() ? session.bar().server : args.server;
    state.user = args.user.empty() ? session.bar().user : args.user;
    state.caFile = args.ca.string();
    if (args.demo && state.user.empty()) state.user = "binhlu.hoa";
    if (args.demo && state.caFile.empty() && std::filesystem::exists(demoPaths().runDir / "tls" / "cert.pem"))
        state.caFile = (demoPaths().runDir / "tls" / "cert.pem").string();

    int waitFrames = 0, exitCode = 0;
    while (!glfwWindowShouldClose(win)) {
        if (ui::script().active()) glfwWaitEventsTimeout(0.01); // scripted: ~100 frames a second, the worker gets the CPU
        glfwPollEvents();
        if (state.rescale) { // a scale chosen on the account screen: applied before this frame
            state.rescale = false;
            scale = shownScale(win, session.preferences().scale);
            rebuildFont(scale);
            if (ui::script().active()) std::cerr << "tdkt: scale " << scale << "\n"; // for tests
        }
        session.frame();
        auto& sc = ui::script();
        if (auto* a = sc.current(); a && waitFrames == 0) {
            if (a->verb == "screen") {
                if (!ui::screenByName(a->label, state.screen)) throw std::runtime_error("no screen " + a->label);
                sc.done();
            } else if (a->verb == "wait") {
                waitFrames = a->frames;
                sc.done();
            } else if (a->verb == "waitsync") { // until the sync or login asked for has finished
                if (!session.bar().syncing) sc.done();
            } else if (a->verb == "waitreport") { // until the report's build or export has finished
                if (!session.reportView().busy()) sc.done();
            }
        }
        if (waitFrames > 0) --waitFrames;

        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        const auto before = sc.current();
        ui::drawWindow(session, state);
        sc.endFrame(); // an `order A < B` checked against the rows just drawn
        ImGui::Render();
        int w = 0, h = 0;
        glfwGetFramebufferSize(win, &w, &h);
        glViewport(0, 0, w, h);
        glClearColor(0.94f, 0.94f, 0.94f, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

        if (auto* a = sc.current(); a && a->verb == "shot" && waitFrames == 0 && a == before) { // drawn once since the last action
            screenshot(win, args.shots / (a->label + ".png"));
            sc.done();
        } else if (a && a == before && waitFrames == 0) {
            if (++sc.stalled > 1500) { // ~15 s at most frames: a control that is not there, a sync that never ends
                std::cerr << "tdkt: script: stuck at '" << a->verb << " " << a->label << "'\n";
                exitCode = 3;
                break;
            }
        } else {
            sc.stalled = 0;
        }
        glfwSwapBuffers(win);
        if (sc.finished()) break;
    }
    ui::leaveScreen(session, state); // closing the window loses nothing typed (polish, issue 17)
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(win);
    glfwTerminate();
    return exitCode;
} catch (const std::exception& e) {
    std::cerr << "tdkt: error: " << e.what() << "\n";
    return 1;
}
