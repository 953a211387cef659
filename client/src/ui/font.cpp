#include "font.hpp"

#include <imgui.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace tdkt::ui {
namespace {

// The shipped font first (assets/fonts, or TDKT_FONT_DIR), then the system's.
std::vector<std::filesystem::path> candidates() {
    std::vector<std::filesystem::path> out;
    if (const char* dir = std::getenv("TDKT_FONT_DIR")) out.push_back(std::filesystem::path(dir) / "NotoSans-Regular.ttf");
    out.push_back(std::filesystem::path(TDKT_FONT_DIR) / "NotoSans-Regular.ttf");
    out.push_back("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf");
    out.push_back("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    return out;
}

} // namespace

std::string loadFont(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    static ImVector<ImWchar> ranges; // the atlas keeps a pointer to it for the program's life
    ImFontGlyphRangesBuilder b;
    b.AddRanges(io.Fonts->GetGlyphRangesVietnamese());
    static const ImWchar extra[] = {0x00A0, 0x00FF, 0x2000, 0x206F, 0x20AB, 0x20AB, 0}; // ₫ too
    b.AddRanges(extra);
    ranges.clear();
    b.BuildRanges(&ranges);
    ImGui::GetStyle().ScaleAllSizes(scale);
    for (const auto& path : candidates())
        if (std::filesystem::exists(path) &&
            io.Fonts->AddFontFromFileTTF(path.c_str(), 17.0f * scale, nullptr, ranges.Data))
            return path.string();
    return {};
}

float clampScale(float s) { return s < 1.0f ? 1.0f : s > 2.0f ? 2.0f : s; }

} // namespace tdkt::ui
