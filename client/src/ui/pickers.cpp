#include "pickers.hpp"

#include "widgets.hpp"
#include "app/labels.hpp"

#include <imgui.h>

#include <algorithm>

namespace tdkt::ui {
namespace {

std::optional<app::Choice> choiceCombo(const std::string& label, const std::vector<app::Choice>& choices,
                                       const std::string& selectedId, const std::string& emptyPreview) {
    std::vector<std::string> items;
    std::size_t selected = choices.size();
    std::string preview = emptyPreview;
    for (std::size_t i = 0; i < choices.size(); ++i) {
        items.push_back(std::string(static_cast<std::size_t>(choices[i].depth) * 3, ' ') + choices[i].label);
        if (choices[i].id == selectedId) {
            selected = i;
            preview = choices[i].label;
        }
    }
    if (auto i = combo(label, preview, items, selected)) return choices[*i];
    return std::nullopt;
}

// `choices` under a first item meaning "no filter"; the id picked ("" for that item).
std::optional<std::string> filterCombo(const std::string& label, const std::vector<app::Choice>& choices,
                                       const std::string& selectedId, const std::string& everything) {
    std::vector<std::string> items{everything};
    std::size_t selected = 0;
    std::string preview = everything;
    for (std::size_t i = 0; i < choices.size(); ++i) {
        items.push_back(std::string(static_cast<std::size_t>(choices[i].depth) * 3, ' ') + choices[i].label);
        if (!selectedId.empty() && choices[i].id == selectedId) {
            selected = i + 1;
            preview = choices[i].label;
        }
    }
    if (!selectedId.empty() && selected == 0) preview = selectedId; // not offered any more: its code
    if (auto i = combo(label, preview, items, selected)) return *i == 0 ? std::string() : choices[*i - 1].id;
    return std::nullopt;
}

} // namespace

std::optional<std::string> nomineeKindCombo(const std::string& label, const std::string& kind, app::Lang lang) {
    static constexpr const char* Kinds[] = {"ca_nhan", "tap_the", "ho_gia_dinh"};
    std::vector<std::string> items;
    std::size_t selected = 0;
    for (std::size_t i = 0; i < std::size(Kinds); ++i) {
        items.push_back(app::enumLabel("dossiers", "nominee_kind", Kinds[i], lang));
        if (kind == Kinds[i]) selected = i;
    }
    if (auto i = combo(label, items[selected], items, selected)) return std::string(Kinds[*i]);
    return std::nullopt;
}

std::optional<app::Choice> personPicker(app::Session& s, const std::string& label, std::string& text) {
    input(label, text);
    if (text.empty()) return std::nullopt;
    const auto matches = s.people(text);
    if (matches.empty()) return std::nullopt;
    if (matches.size() == 1 && matches[0].name == text) return std::nullopt; // the name is the person's already
    std::optional<app::Choice> out;
    const float rows = static_cast<float>(std::min<std::size_t>(matches.size(), 5));
    float width = ImGui::CalcItemWidth(); // as wide as the longest match, so none is cut
    for (const auto& m : matches) width = std::max(width, ImGui::CalcTextSize(m.label.c_str()).x);
    width = std::min(width + ImGui::GetStyle().FramePadding.x * 4 + ImGui::GetStyle().ScrollbarSize,
                     ImGui::GetContentRegionAvail().x);
    ImGui::PushID(label.c_str());
    if (ImGui::BeginListBox("##matches", ImVec2(width,
                                                rows * ImGui::GetTextLineHeightWithSpacing() +
                                                    ImGui::GetStyle().FramePadding.y * 2))) {
        for (const auto& m : matches)
            if (selectable(m.label + "##" + m.id, false)) out = m;
        ImGui::EndListBox();
    }
    ImGui::PopID();
    if (out) text = out->name;
    return out;
}

std::optional<app::Choice> unitCombo(app::Session& s, const std::string& label, const std::string& selectedId) {
    return choiceCombo(label, s.unitChoices(), selectedId, "—");
}

std::optional<std::string> unitFilter(app::Session& s, const std::string& label, const std::string& selectedId) {
    return filterCombo(label, s.unitChoices(), selectedId, s.lang == app::Lang::Vi ? "Tất cả đơn vị" : "All units");
}

std::optional<std::string> awardFilter(app::Session& s, const std::string& label, const std::string& selectedCode) {
    auto choices = s.awardChoices("");
    for (auto& c : choices) c.label = app::labelIn(c.label, s.lang);
    return filterCombo(label, choices, selectedCode,
                       s.lang == app::Lang::Vi ? "Tất cả danh hiệu, hình thức" : "Every award");
}

std::optional<app::Choice> awardCombo(app::Session& s, const std::string& label, const std::string& kind,
                                      const std::string& selectedCode) {
    auto choices = s.awardChoices(kind);
    for (auto& c : choices) c.label = app::labelIn(c.label, s.lang);
    std::string preview = selectedCode.empty() ? "—" : app::enumLabel("dossiers", "award_code", selectedCode, s.lang);
    return choiceCombo(label, choices, selectedCode, preview);
}

} // namespace tdkt::ui
