#include "font.hpp"

#include <imgui.h>

#include <filesystem>

namespace tdkt::ui {

bool loadFont(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    static ImVector<ImWchar> ranges; // the atlas keeps a pointer to it
    ImFontGlyphRangesBuilder b;
    b.AddRanges(io.Fonts->GetGlyphRangesVietnamese());
    static const ImWchar extra[] = {0x00A0, 0x00FF, 0x2000, 0x206F, 0};
    b.AddRanges(extra);
    ranges.clear();
    b.BuildRanges(&ranges);
    ImGui::GetStyle().ScaleAllSizes(scale);
    for (const char* path : {"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
                             "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"})
        if (std::filesystem::exists(path) && io.Fonts->AddFontFromFileTTF(path, 17.0f * scale, nullptr, ranges.Data))
            return true;
    return false;
}

} // namespace tdkt::ui
