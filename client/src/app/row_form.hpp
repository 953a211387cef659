#pragma once
// A record's fields as a form edits them (a person, a unit): the text of each field
// as typed, committed field by field (focus lost, Enter, a second after the last
// keystroke) after the schema's check, a refused value kept typed with its
// sentence. The dossier editor's way, for any table.
#include "messages.hpp"

#include "tdkt/store/store.hpp"

#include <map>
#include <string>

namespace tdkt::app {

class RowForm {
public:
    /** Reads the row's fields as text; throws Error(NotFound). */
    void load(const store::Store& store, const std::string& table, const std::string& id);
    bool loaded() const { return !m_id.empty(); }
    void clear() { *this = RowForm(); }

    const std::string& table() const { return m_table; }
    const std::string& id() const { return m_id; }
    /** The text shown for a field (as typed when not committed yet). */
    std::string& text(const std::string& field) { return m_texts[field]; }
    /** The stored value as text. */
    const std::string& saved(const std::string& field) const;
    /** The sentence for a field whose last commit was refused, or null. */
    const std::string* error(const std::string& field) const;

    /**
     * Writes the field when its text differs from the stored value; true when the
     * store changed. A value the schema refuses stays typed with its sentence.
     */
    bool commit(store::Store& store, const std::string& field, Lang lang);
    /** Writes values chosen with a control (a checkbox, a combo) at once; their texts follow. */
    void set(store::Store& store, const store::Fields& fields);
    /** Puts a refusal's sentence on a field (the edit was not allowed); the text as typed stays. */
    void refuse(const std::string& field, std::string sentence) { m_errors[field] = std::move(sentence); }

private:
    std::string m_table, m_id;
    std::map<std::string, std::string> m_texts, m_saved, m_errors;
};

} // namespace tdkt::app
