#include "person_page.hpp"

#include "labels.hpp"

#include <algorithm>

namespace tdkt::app {
namespace {

std::string field(const store::Row& r, const char* name) {
    auto it = r.fields.find(name);
    return it == r.fields.end() ? std::string() : valueText(it->second);
}

std::int64_t number(const store::Row& r, const char* name) {
    auto it = r.fields.find(name);
    const auto* v = it == r.fields.end() ? nullptr : std::get_if<std::int64_t>(&it->second);
    return v ? *v : 0;
}

// Who issued an award as a person reads it: the body's name, else its kind, else the level written.
std::string issuer(const store::Row& r, Lang lang) {
    if (auto name = field(r, "issuer_name"); !name.empty()) return name;
    if (auto kind = field(r, "issuer_kind"); !kind.empty()) return enumLabel("award_history", "issuer_kind", kind, lang);
    return field(r, "decided_by");
}

} // namespace

std::vector<AwardLine> awardHistory(const store::Store& store, const std::string& personId, Lang lang) {
    std::vector<AwardLine> out;
    for (const auto& r : store.list("award_history", {{"person_id", personId}})) {
        AwardLine a;
        a.id = r.id;
        a.award = enumLabel("award_history", "award_code", field(r, "award_code"), lang);
        a.method = enumLabel("award_history", "method", field(r, "method"), lang);
        a.year = number(r, "year");
        a.decisionNumber = field(r, "decision_number");
        a.decisionDate = field(r, "decision_date");
        a.issuer = issuer(r, lang);
        out.push_back(std::move(a));
    }
    std::sort(out.begin(), out.end(), [](const AwardLine& a, const AwardLine& b) {
        return std::tie(b.year, b.decisionDate, a.id) < std::tie(a.year, a.decisionDate, b.id);
    });
    return out;
}

std::vector<EvaluationLine> evaluations(const store::Store& store, const std::string& personId, Lang lang) {
    std::vector<EvaluationLine> out;
    for (const auto& r : store.list("evaluations", {{"person_id", personId}})) {
        EvaluationLine e;
        e.id = r.id;
        e.year = number(r, "year");
        e.rankCode = field(r, "rank");
        e.rank = enumLabel("evaluations", "rank", e.rankCode, lang);
        e.note = field(r, "note");
        e.maternityLeave = number(r, "maternity_leave") != 0;
        out.push_back(std::move(e));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return std::tie(b.year, a.id) < std::tie(a.year, b.id); });
    return out;
}

std::vector<PersonDossierLine> personDossiers(const store::Store& store, const std::string& personId, Lang lang) {
    std::vector<PersonDossierLine> out;
    for (const auto& r : store.list("dossiers", {{"person_id", personId}})) {
        out.push_back({r.id, enumLabel("dossiers", "award_code", field(r, "award_code"), lang),
                       enumLabel("dossiers", "status", field(r, "status"), lang), number(r, "year")});
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return std::tie(b.year, a.id) < std::tie(a.year, b.id); });
    return out;
}

void PersonPage::load(const store::Store& store, const std::string& id, Lang lang) {
    form.load(store, "people", id);
    m_epoch = 0;
    refresh(store, 1, lang);
}

void PersonPage::refresh(const store::Store& store, std::uint64_t epoch, Lang lang) {
    if (!open() || (epoch == m_epoch && lang == m_lang)) return;
    m_epoch = epoch;
    m_lang = lang;
    m_awards = awardHistory(store, form.id(), lang);
    m_evaluations = app::evaluations(store, form.id(), lang);
    m_dossiers = personDossiers(store, form.id(), lang);
}

} // namespace tdkt::app
