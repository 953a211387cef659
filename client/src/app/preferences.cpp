#include "preferences.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace tdkt::app {
namespace {

constexpr std::string_view LangKey = "ui_lang", ScaleKey = "ui_scale";

std::optional<float> parseScale(const std::string& text) {
    float v = 0;
    const auto* end = text.data() + text.size();
    const auto r = std::from_chars(text.data(), end, v);
    if (r.ec != std::errc() || r.ptr != end || !std::isfinite(v) || v < 1.0f || v > 2.0f) return std::nullopt;
    return v;
}

} // namespace

Preferences loadPreferences(const store::Store& store) {
    Preferences p;
    if (const auto l = store.setting(LangKey)) {
        if (*l == "en") p.lang = Lang::En;
        else if (*l == "vi") p.lang = Lang::Vi;
    }
    if (const auto s = store.setting(ScaleKey)) p.scale = parseScale(*s);
    return p;
}

void saveLanguage(store::Store& store, Lang lang) { store.setSetting(LangKey, lang == Lang::En ? "en" : "vi"); }

void saveScale(store::Store& store, std::optional<float> scale) {
    if (!scale) {
        store.setSetting(ScaleKey, "auto");
        return;
    }
    char text[16];
    std::snprintf(text, sizeof text, "%.2f", std::clamp(*scale, 1.0f, 2.0f));
    store.setSetting(ScaleKey, text);
}

const std::vector<float>& scaleSteps() {
    static const std::vector<float> steps{1.0f, 1.25f, 1.5f, 1.75f, 2.0f};
    return steps;
}

std::string scaleLabel(std::optional<float> scale, Lang lang) {
    if (!scale) return lang == Lang::Vi ? "Theo màn hình" : "Follow the screen";
    char text[16];
    std::snprintf(text, sizeof text, "%g", static_cast<double>(*scale));
    std::string out = text;
    if (lang == Lang::Vi) std::replace(out.begin(), out.end(), '.', ',');
    return out + "×";
}

} // namespace tdkt::app
