#include "row_form.hpp"

#include "labels.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/json/row_json.hpp"
#include "tdkt/schema/schema.hpp"

namespace tdkt::app {

void RowForm::load(const store::Store& store, const std::string& table, const std::string& id) {
    const auto& t = schema::registry().require(table);
    auto row = store.get(table, id);
    if (!row) throw Error(ErrorKind::NotFound, "no " + table + " row with id " + id);
    m_table = table;
    m_id = id;
    m_texts.clear();
    m_saved.clear();
    m_errors.clear();
    for (const auto& f : t.fields) {
        auto it = row->fields.find(f.name);
        m_saved[f.name] = m_texts[f.name] = it == row->fields.end() ? std::string() : valueText(it->second);
    }
}

const std::string& RowForm::saved(const std::string& field) const {
    static const std::string none;
    auto it = m_saved.find(field);
    return it == m_saved.end() ? none : it->second;
}

const std::string* RowForm::error(const std::string& field) const {
    auto it = m_errors.find(field);
    return it == m_errors.end() ? nullptr : &it->second;
}

bool RowForm::commit(store::Store& store, const std::string& field, Lang lang) {
    const auto& t = schema::registry().require(m_table);
    const auto* fd = t.field(field);
    if (!fd) throw Error(ErrorKind::Invalid, "unknown field '" + field + "' in table " + m_table);
    const std::string& typed = m_texts[field];
    if (typed == m_saved[field]) {
        m_errors.erase(field);
        return false;
    }
    try {
        Value v = json::valueFromText(t, *fd, typed);
        if (fd->required && isNull(v)) throw Error(ErrorKind::Invalid, "field " + field + " is required");
        store.update(m_table, m_id, {{field, v}});
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::Invalid) throw;
        m_errors[field] = invalidFieldSentence(labelIn(fd->label, lang), lang);
        return false;
    }
    m_errors.erase(field);
    m_saved[field] = typed;
    return true;
}

void RowForm::set(store::Store& store, const store::Fields& fields) {
    store.update(m_table, m_id, fields);
    for (const auto& [field, value] : fields) {
        m_saved[field] = m_texts[field] = valueText(value);
        m_errors.erase(field);
    }
}

} // namespace tdkt::app
