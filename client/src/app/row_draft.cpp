#include "row_draft.hpp"

#include "labels.hpp"
#include "typed_value.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/schema/schema.hpp"

#include <array>

namespace tdkt::app {
namespace {

// A period's two ends: the end may not come before the start.
struct Period {
    std::string_view table, from, to;
};
constexpr std::array Periods{Period{"movements", "period_from", "period_to"}};

const schema::FieldDef& fieldOf(const schema::TableDef& t, const std::string& field) {
    const auto* fd = t.field(field);
    if (!fd) throw Error(ErrorKind::Invalid, "unknown field '" + field + "' in table " + t.name);
    return *fd;
}

} // namespace

void RowDraft::load(const store::Row& row, Lang lang) {
    const auto& t = schema::registry().require(m_table);
    m_stored.clear();
    for (const auto& f : t.fields) {
        auto it = row.fields.find(f.name);
        const Value v = it == row.fields.end() ? Value{} : it->second;
        m_stored[f.name] = valueText(v);
        auto& c = m_cells[f.name];
        const bool typing = c.text != c.saved;
        c.saved = shownText(f, v, lang);
        if (!typing) {
            c.text = c.saved;
            c.error.clear();
        }
    }
}

std::string RowDraft::saved(const std::string& field) const {
    auto it = m_cells.find(field);
    return it == m_cells.end() ? std::string() : it->second.saved;
}

std::string RowDraft::stored(const std::string& field) const {
    auto it = m_stored.find(field);
    return it == m_stored.end() ? std::string() : it->second;
}

const std::string* RowDraft::error(const std::string& field) const {
    auto it = m_cells.find(field);
    return it == m_cells.end() || it->second.error.empty() ? nullptr : &it->second.error;
}

bool RowDraft::hasErrors() const {
    for (const auto& [f, c] : m_cells)
        if (!c.error.empty()) return true;
    return false;
}

bool RowDraft::commit(store::Store& store, const std::string& field, Lang lang) {
    const auto& t = schema::registry().require(m_table);
    const auto& fd = fieldOf(t, field);
    auto& c = m_cells[field];
    if (c.text == c.saved) {
        c.error.clear();
        return false;
    }
    const Typed typed = parseTyped(fd, c.text);
    if (typed.problem) {
        c.error = fieldProblemSentence(*typed.problem, labelIn(fd.label, lang), lang);
        return false;
    }
    for (const auto& p : Periods) {
        if (p.table != m_table || (field != p.from && field != p.to) || isNull(typed.value)) continue;
        const bool isEnd = field == p.to;
        const std::string other = stored(std::string(isEnd ? p.from : p.to));
        const std::string mine = valueText(typed.value);
        if (!other.empty() && (isEnd ? mine < other : mine > other)) {
            c.error = fieldProblemSentence(FieldProblem::EndBeforeStart, labelIn(fieldOf(t, std::string(p.to)).label, lang), lang,
                                           labelIn(fieldOf(t, std::string(p.from)).label, lang));
            return false;
        }
    }
    try {
        store.update(m_table, m_id, {{field, typed.value}});
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::Invalid) throw;
        c.error = invalidFieldSentence(labelIn(fd.label, lang), lang);
        return false;
    }
    c.error.clear();
    c.saved = c.text = shownText(fd, typed.value, lang);
    m_stored[field] = valueText(typed.value);
    return true;
}

void RowDraft::set(store::Store& store, const std::string& field, const std::string& code, Lang lang) {
    const auto& fd = fieldOf(schema::registry().require(m_table), field);
    const Value v = code.empty() ? Value{} : Value{code};
    store.update(m_table, m_id, {{field, v}});
    auto& c = m_cells[field];
    c.saved = c.text = shownText(fd, v, lang);
    c.error.clear();
    m_stored[field] = code;
}

} // namespace tdkt::app
