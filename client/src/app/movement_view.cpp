// Movements for the screens: the list's refresh, the open movement with its
// targets, results and model examples, and the edits, each worded when refused.
#include "movement_view.hpp"

#include "labels.hpp"
#include "session.hpp"
#include "typed_value.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/core/ids.hpp"
#include "tdkt/schema/schema.hpp"
#include "tdkt/store/row_values.hpp"

#include <algorithm>
#include <chrono>
#include <map>

namespace tdkt::app {
namespace {

using store::textField;

template <class F>
std::string guarded(Lang lang, F&& f) {
    try {
        f();
        return {};
    } catch (...) {
        return describeError(std::current_exception(), lang).sentence;
    }
}

std::string required(const char* table, const char* field, Lang lang) {
    return fieldProblemSentence(FieldProblem::Required, fieldLabel(table, field, lang), lang);
}

// The typed text's value for table.field, or the sentence of why it was refused.
std::optional<std::string> parsed(const char* table, const char* field, const std::string& text, Value& out, Lang lang) {
    const auto* fd = schema::registry().require(table).field(field);
    const Typed t = parseTyped(*fd, text);
    if (t.problem) return fieldProblemSentence(*t.problem, labelIn(fd->label, lang), lang);
    out = t.value;
    return std::nullopt;
}

std::int64_t thisYear() {
    const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    return static_cast<int>(ymd.year());
}

std::vector<RowDraft> drafts(const store::Store& st, const char* table, const std::string& movement,
                             std::vector<RowDraft>& old, Lang lang) {
    std::map<std::string, RowDraft> kept;
    for (auto& d : old) kept.emplace(d.id(), std::move(d));
    auto rows = st.list(table, {{"movement_id", movement}});
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    std::vector<RowDraft> out;
    for (const auto& r : rows) {
        auto it = kept.find(r.id);
        RowDraft d = it == kept.end() ? RowDraft(table, r.id) : std::move(it->second);
        d.load(r, lang);
        out.push_back(std::move(d));
    }
    return out;
}

// An id after the last row's, so rows made here show in the order they were made
// (ids begin with their millisecond; two made in one millisecond would sort at random).
std::string nextId(const store::Store& st, const char* table, const std::string& movement) {
    std::string last;
    for (const auto& r : st.list(table, {{"movement_id", movement}})) last = std::max(last, r.id);
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch()).count();
    std::string id;
    for (auto ms = static_cast<std::uint64_t>(now); ms < static_cast<std::uint64_t>(now) + 1000; ++ms) {
        id = newRowId(ms);
        if (id > last) break;
    }
    return id;
}

} // namespace

std::uint64_t MovementView::epoch(const Session& s) {
    std::uint64_t sum = 0;
    for (const char* t : MovementTables) sum += s.epoch(t);
    return sum;
}

void MovementView::refreshList(Session& s) { list.refresh(s.store(), filter, epoch(s), s.lang); }

bool MovementView::hasExamples(Session& s) { return s.store().registry().table("model_examples") != nullptr; }

bool MovementView::canEdit(const Session& s, const std::string& unitId) const {
    const auto home = s.homeUnit();
    return home.empty() || home == unitId;
}

std::string MovementView::ownUnit(Session& s) const {
    const auto home = s.homeUnit();
    if (!home.empty() || !m_editor) return home;
    return m_editor->movement.stored("unit_id");
}

std::string MovementView::create(Session& s, const NewMovement& m) {
    const auto title = parseTyped(*schema::registry().require("movements").field("title"), m.title);
    if (title.problem) return fieldProblemSentence(*title.problem, fieldLabel("movements", "title", s.lang), s.lang);
    std::string unit = m.unitId.empty() ? s.homeUnit() : m.unitId;
    if (unit.empty() && !s.unitChoices().empty()) unit = s.unitChoices().front().id; // never signed in
    if (unit.empty()) return required("movements", "unit_id", s.lang);
    std::string id;
    const auto err = guarded(s.lang, [&] {
        store::Fields f{{"unit_id", unit}, {"title", title.value}, {"status", std::string("du_thao")}};
        // Launched at the unit's own level (tỉnh, xã…) unless the officer picks another.
        if (auto u = s.store().get("units", unit)) {
            const auto level = textField(*u, "level");
            if (schema::registry().require("movements").field("launch_level")->allows(level))
                f.emplace_back("launch_level", level);
        }
        id = s.store().create("movements", f);
    });
    if (!err.empty()) return err;
    s.noteLocal("movements");
    open(s, id);
    return {};
}

void MovementView::open(Session& s, const std::string& id) {
    m_editor.emplace();
    m_id = id;
    load(s);
}

void MovementView::load(Session& s) {
    auto& st = s.store();
    m_epoch = epoch(s);
    auto row = st.get("movements", m_id);
    if (!row) { // gone (deleted here or elsewhere)
        m_editor.reset();
        return;
    }
    auto& e = *m_editor;
    if (e.movement.id() != m_id) e.movement = RowDraft("movements", m_id);
    e.movement.load(*row, s.lang);
    e.targets = drafts(st, "movement_targets", m_id, e.targets, s.lang);
    e.results = drafts(st, "movement_results", m_id, e.results, s.lang);
    if (hasExamples(s)) e.examples = drafts(st, "model_examples", m_id, e.examples, s.lang);
}

MovementEditor* MovementView::editor(Session& s) {
    if (!m_editor) return nullptr;
    if (m_epoch != epoch(s)) load(s);
    return m_editor ? &*m_editor : nullptr;
}

std::string MovementView::commit(Session& s, RowDraft& row, const std::string& field) {
    std::string err;
    bool changed = false;
    err = guarded(s.lang, [&] { changed = row.commit(s.store(), field, s.lang); });
    if (!err.empty()) return err;
    if (changed) s.noteLocal(row.table());
    const auto* sentence = row.error(field);
    return sentence ? *sentence : std::string();
}

std::string MovementView::pick(Session& s, RowDraft& row, const std::string& field, const std::string& code) {
    const auto err = guarded(s.lang, [&] { row.set(s.store(), field, code, s.lang); });
    if (err.empty()) s.noteLocal(row.table());
    return err;
}

std::string MovementView::addTarget(Session& s, const NewTarget& t) {
    if (!m_editor) return {};
    if (t.indicator.find_first_not_of(" \t") == std::string::npos) return required("movement_targets", "indicator", s.lang);
    const std::string unit = t.unitId.empty() ? ownUnit(s) : t.unitId;
    if (unit.empty()) return required("movement_targets", "unit_id", s.lang);
    Value value, due;
    if (auto e = parsed("movement_targets", "target_value", t.value, value, s.lang)) return *e;
    if (auto e = parsed("movement_targets", "due_date", t.due, due, s.lang)) return *e;
    store::Fields f{{"movement_id", m_id}, {"unit_id", unit}, {"indicator", t.indicator}};
    if (!isNull(value)) f.emplace_back("target_value", value);
    if (!t.measure.empty()) f.emplace_back("measure", t.measure);
    if (!isNull(due)) f.emplace_back("due_date", due);
    const auto err = guarded(s.lang, [&] { s.store().create("movement_targets", f, nextId(s.store(), "movement_targets", m_id)); });
    if (err.empty()) s.noteLocal("movement_targets");
    return err;
}

std::string MovementView::addResult(Session& s, const NewResult& r) {
    if (!m_editor) return {};
    const auto target = std::find_if(m_editor->targets.begin(), m_editor->targets.end(),
                                     [&](const auto& d) { return d.id() == r.targetId; });
    if (target == m_editor->targets.end()) return required("movement_results", "target_id", s.lang);
    Value year, achieved, on;
    if (auto e = parsed("movement_results", "year", r.year, year, s.lang)) return *e;
    if (auto e = parsed("movement_results", "achieved_value", r.achieved, achieved, s.lang)) return *e;
    if (auto e = parsed("movement_results", "reported_on", r.reportedOn, on, s.lang)) return *e;
    store::Fields f{{"movement_id", m_id},
                    {"target_id", target->id()},
                    {"unit_id", target->stored("unit_id")},
                    {"indicator", target->stored("indicator")},
                    {"year", isNull(year) ? Value{thisYear()} : year}};
    if (!isNull(achieved)) f.emplace_back("achieved_value", achieved);
    if (!isNull(on)) f.emplace_back("reported_on", on);
    if (!r.note.empty()) f.emplace_back("note", r.note);
    const auto err = guarded(s.lang, [&] { s.store().create("movement_results", f, nextId(s.store(), "movement_results", m_id)); });
    if (err.empty()) s.noteLocal("movement_results");
    return err;
}

std::string MovementView::addExample(Session& s, const NewExample& x) {
    if (!m_editor || !hasExamples(s)) return {};
    if (x.name.find_first_not_of(" \t") == std::string::npos) return required("model_examples", "name", s.lang);
    const std::string unit = ownUnit(s);
    if (unit.empty()) return required("model_examples", "unit_id", s.lang);
    Value year;
    if (auto e = parsed("model_examples", "year", x.year, year, s.lang)) return *e;
    store::Fields f{{"unit_id", unit},
                    {"movement_id", m_id},
                    {"name", x.name},
                    {"nominee_kind", x.nomineeKind},
                    {"year", isNull(year) ? Value{thisYear()} : year}};
    if (!x.achievement.empty()) f.emplace_back("achievement", x.achievement);
    const auto err = guarded(s.lang, [&] { s.store().create("model_examples", f, nextId(s.store(), "model_examples", m_id)); });
    if (err.empty()) s.noteLocal("model_examples");
    return err;
}

std::string MovementView::remove(Session& s, const std::string& table, const std::string& id) {
    if (!m_editor || (table != "movement_targets" && table != "movement_results" && table != "model_examples"))
        return {};
    const auto err = guarded(s.lang, [&] { s.store().remove(table, id); });
    if (err.empty()) s.noteLocal(table);
    return err;
}

} // namespace tdkt::app
