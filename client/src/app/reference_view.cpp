#include "reference_view.hpp"

#include "labels.hpp"

#include "tdkt/core/vi_collate.hpp"

#include <algorithm>
#include <cmath>

namespace tdkt::app {
namespace {

SourceText sourceText(const rules::Source& s) {
    return {s.article.empty() ? s.document : s.document + ", " + s.article, s.verified};
}

std::vector<std::string> split(const std::string& list) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i <= list.size()) {
        auto comma = list.find(',', i);
        if (comma == std::string::npos) comma = list.size();
        if (auto item = list.substr(i, comma - i); !item.empty()) out.push_back(item);
        i = comma + 1;
    }
    return out;
}

std::string joined(const std::vector<std::string>& items, const char* sep) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
    return out;
}

std::string procedureLabel(const std::string& p, Lang lang) {
    if (p == "thong_thuong") return lang == Lang::Vi ? "Thủ tục thông thường" : "Regular procedure";
    if (p == "don_gian") return lang == Lang::Vi ? "Thủ tục đơn giản" : "Simplified procedure";
    return p;
}

// Two date ranges ("" open) share a day.
bool overlaps(const rules::Validity& a, const rules::Validity& b) {
    const bool aEndsBefore = !a.effectiveTo.empty() && !b.effectiveFrom.empty() && a.effectiveTo < b.effectiveFrom;
    const bool bEndsBefore = !b.effectiveTo.empty() && !a.effectiveFrom.empty() && b.effectiveTo < a.effectiveFrom;
    return !aEndsBefore && !bEndsBefore;
}

std::string unitName(const store::Store& store, const std::string& id) {
    if (id.empty()) return {};
    if (auto row = store.get("units", id))
        if (auto n = row->fields.find("name"); n != row->fields.end()) return valueText(n->second);
    return id;
}

} // namespace

std::vector<std::size_t> awardRuleOrder(const std::vector<AwardRuleLine>& lines, int column, bool descending) {
    std::vector<std::size_t> order(lines.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (column < 0 || column > 2) return order;
    auto compare = [&](const AwardRuleLine& a, const AwardRuleLine& b) {
        if (column == 0) return compareVietnamese(a.award, b.award);
        if (column == 1) return compareVietnamese(a.nominees, b.nominees);
        return a.from.compare(b.from); // "" (since always) before every day
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        const int c = compare(lines[x], lines[y]);
        return descending ? c > 0 : c < 0;
    });
    return order;
}

std::string dong(double amount) {
    auto n = static_cast<long long>(std::llround(amount));
    std::string digits = std::to_string(n < 0 ? -n : n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

std::vector<AwardRuleLine> awardRuleLines(const rules::Catalog& catalog, const store::Store& store, Lang lang) {
    std::vector<AwardRuleLine> out;
    for (const auto& r : catalog.rules()) {
        AwardRuleLine l;
        l.id = r.id;
        l.code = r.awardCode;
        l.award = enumLabel("award_rules", "award_code", r.awardCode, lang);
        l.category = enumLabel("award_rules", "category", r.category, lang);
        std::vector<std::string> kinds;
        for (const auto& k : r.nomineeKinds) kinds.push_back(enumLabel("dossiers", "nominee_kind", k, lang));
        l.nominees = joined(kinds, ", ");
        l.scope = unitName(store, r.validity.unitId);
        l.periodYears = r.periodYears;
        l.from = r.validity.effectiveFrom;
        l.to = r.validity.effectiveTo;
        for (const auto& [procedure, codes] : r.components) {
            std::vector<std::string> names;
            for (const auto& c : codes) names.push_back(enumLabel("dossier_items", "component", c, lang));
            l.components.push_back(procedureLabel(procedure, lang) + ": " + joined(names, ", "));
        }
        l.componentsKnown = r.componentsKnown;
        l.componentsSource = sourceText(r.componentsSource);
        l.source = sourceText(r.source);
        for (const auto& p : catalog.params()) {
            if (p.key != "authority.deciders" || p.awardCode != r.awardCode || !overlaps(p.validity, r.validity)) continue;
            std::vector<std::string> levels;
            for (const auto& lv : split(p.text)) levels.push_back(enumLabel("units", "level", lv, lang));
            l.deciders.push_back({joined(levels, "; "), p.validity.effectiveFrom, p.validity.effectiveTo, sourceText(p.source)});
        }
        std::sort(l.deciders.begin(), l.deciders.end(), [](const auto& a, const auto& b) { return a.from < b.from; });
        out.push_back(std::move(l));
    }
    std::sort(out.begin(), out.end(), [](const AwardRuleLine& a, const AwardRuleLine& b) {
        if (const int c = compareVietnamese(a.award, b.award)) return c < 0;
        return a.from > b.from; // the rule in force now before the ones it replaced
    });
    return out;
}

std::vector<SalaryLine> baseSalaryLines(const rules::Catalog& catalog, const store::Store& store) {
    std::vector<SalaryLine> out;
    for (const auto& p : catalog.params()) {
        if (p.key != "money.base_salary") continue;
        SalaryLine l;
        l.id = p.id;
        l.amount = p.value ? dong(*p.value) : p.text;
        if (auto row = store.get("parameters", p.id))
            if (auto n = row->fields.find("note"); n != row->fields.end()) l.note = valueText(n->second);
        l.from = p.validity.effectiveFrom;
        l.to = p.validity.effectiveTo;
        l.source = sourceText(p.source);
        out.push_back(std::move(l));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.from < b.from; });
    return out;
}

} // namespace tdkt::app
