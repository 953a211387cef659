#include "records_view.hpp"

#include "labels.hpp"
#include "refusals.hpp"
#include "session.hpp"

#include "tdkt/protocol/refusal.hpp"
#include "tdkt/rules/reference_io.hpp"
#include "tdkt/schema/schema.hpp"

namespace tdkt::app {
namespace {

using protocol::Refusal;
using K = protocol::RefusalKind;

std::string role(Session& s) { return s.store().setting("role").value_or(""); }

std::string worded(Session& s, const Refusal& r) {
    return refusalSentence(r.encode(), s.lang, [&s](const std::string& id) -> std::string {
        auto row = s.store().get("units", id);
        if (!row) return {};
        auto it = row->fields.find("name");
        return it == row->fields.end() ? std::string() : valueText(it->second);
    });
}

} // namespace

PeopleList& RecordsView::people(Session& s) {
    peopleList.refresh(s.store(), peopleFilter, std::max(s.epoch("people"), s.epoch("units")));
    return peopleList;
}

std::string RecordsView::openPerson(Session& s, const std::string& id) {
    try {
        person.load(s.store(), id, s.lang);
        person.refresh(s.store(), s.epoch("award_history") + s.epoch("evaluations") + s.epoch("dossiers"), s.lang);
        return {};
    } catch (...) {
        return describeError(std::current_exception(), s.lang).sentence;
    }
}

// The server's rule (rights.cpp): a unit's records are written by its own staff,
// not by staff of other units nor by administrators. Never signed in: a local
// replica, written freely (the server judges it at the first sync).
std::string RecordsView::personLocked(Session& s) const {
    if (!person.open()) return {};
    const auto r = role(s);
    if (r.empty()) return {};
    if (r == "admin") return worded(s, Refusal(K::AdminNoUnitRecords, {{"table", "people"}}));
    const auto unit = person.form.saved("unit_id");
    if (unit != s.homeUnit())
        return worded(s, Refusal(K::ForeignUnit, {{"table", "people"}, {"unit", unit}, {"role", r}, {"home", s.homeUnit()}}));
    return {};
}

std::string RecordsView::commit(Session& s, RowForm& form, const std::string& field, const std::string& locked) {
    if (!form.loaded()) return {};
    if (form.text(field) == form.saved(field)) return {};
    if (!locked.empty()) {
        form.refuse(field, locked); // what was typed stays, with why it is not written
        return locked;
    }
    try {
        if (form.commit(s.store(), field, s.lang)) s.noteLocal(form.table());
        const auto* err = form.error(field);
        return err ? *err : std::string();
    } catch (...) {
        return describeError(std::current_exception(), s.lang).sentence;
    }
}

std::string RecordsView::commitPerson(Session& s, const std::string& field) {
    return commit(s, person.form, field, personLocked(s));
}

std::string RecordsView::setPerson(Session& s, const store::Fields& fields) {
    if (!person.open()) return {};
    if (auto locked = personLocked(s); !locked.empty()) return locked;
    try {
        person.form.set(s.store(), fields);
        s.noteLocal("people");
        return {};
    } catch (...) {
        return describeError(std::current_exception(), s.lang).sentence;
    }
}

const std::vector<UnitLine>& RecordsView::unitLines(Session& s) {
    return units.lines(s.store(), std::max(s.epoch("units"), s.epoch("people")), s.lang);
}

std::string RecordsView::openUnit(Session& s, const std::string& id) {
    try {
        units.open(s.store(), id);
        return {};
    } catch (...) {
        return describeError(std::current_exception(), s.lang).sentence;
    }
}

std::string RecordsView::unitsLocked(Session& s) const {
    return role(s) == "admin" ? std::string() : worded(s, Refusal(K::UnitsAdminOnly));
}

std::string RecordsView::commitUnit(Session& s, const std::string& field) {
    return commit(s, units.form, field, unitsLocked(s));
}

std::string RecordsView::setUnit(Session& s, const store::Fields& fields) {
    if (!units.form.loaded()) return {};
    if (auto locked = unitsLocked(s); !locked.empty()) return locked;
    try {
        units.form.set(s.store(), fields);
        s.noteLocal("units");
        return {};
    } catch (...) {
        return describeError(std::current_exception(), s.lang).sentence;
    }
}

const std::vector<AwardRuleLine>& RecordsView::awardRules(Session& s) {
    if (const auto e = s.epoch("award_rules") + s.epoch("parameters"); e != m_referenceEpoch || s.lang != m_referenceLang) {
        // What the replica holds now (a pull may have brought a new rule); the shipped data before any.
        auto catalog = rules::catalogFromStore(s.store());
        const auto& shown = catalog.rules().empty() ? s.catalog() : catalog;
        m_awardRules = awardRuleLines(shown, s.store(), s.lang);
        m_salary = baseSalaryLines(shown, s.store());
        m_referenceEpoch = e;
        m_referenceLang = s.lang;
    }
    return m_awardRules;
}

const std::vector<SalaryLine>& RecordsView::baseSalary(Session& s) {
    awardRules(s);
    return m_salary;
}

std::string RecordsView::openHistory(Session& s, const std::string& table, const std::string& id) {
    history = HistoryView{};
    history.table = table;
    history.id = id;
    try {
        const auto& t = schema::registry().require(table);
        history.tableLabel = tableLabel(table, s.lang);
        if (auto row = s.store().get(table, id))
            if (auto it = row->fields.find(t.titleField); it != row->fields.end())
                history.title = s.shownValue(table, t.titleField, it->second);
        history.lines = historyLines(
            s.store(), table, id,
            [&s](const std::string& tb, const std::string& f, const Value& v) { return s.shownValue(tb, f, v); }, s.lang);
        return {};
    } catch (...) {
        history.error = describeError(std::current_exception(), s.lang).sentence;
        return history.error;
    }
}

} // namespace tdkt::app
