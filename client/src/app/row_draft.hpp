#pragma once
// One row as an editor holds it (movements, issue 17): each field's text as typed
// and as saved, the sentence of a refused commit, and the stored codes. Reloading
// after a pull keeps what is being typed; a refused text stays typed.
#include "messages.hpp"

#include "tdkt/store/store.hpp"

#include <map>
#include <string>

namespace tdkt::app {

class RowDraft {
public:
    RowDraft() = default;
    RowDraft(std::string table, std::string id) : m_table(std::move(table)), m_id(std::move(id)) {}

    const std::string& table() const { return m_table; }
    const std::string& id() const { return m_id; }

    /** Takes the stored row; a field whose text differs from its saved text (being typed) keeps it. */
    void load(const store::Row& row, Lang lang);
    /** The text shown and edited for a field. */
    std::string& text(const std::string& field) { return m_cells[field].text; }
    /** The text of the stored value as shown (dd/mm/yyyy, 4,6). */
    std::string saved(const std::string& field) const;
    /** The stored value as text (codes and ids as they are), "" when empty. */
    std::string stored(const std::string& field) const;
    /** The sentence of the field's last refused commit, or null. */
    const std::string* error(const std::string& field) const;
    bool hasErrors() const;

    /**
     * Writes the field when its text differs from what is saved: parsed (typed_value.hpp),
     * a period's end checked against its start, then the store's own checks. Returns
     * true when the store changed; a refused text stays typed with its sentence.
     */
    bool commit(store::Store& store, const std::string& field, Lang lang);
    /** Writes a code or id chosen from a picker; "" clears it. */
    void set(store::Store& store, const std::string& field, const std::string& code, Lang lang);

private:
    struct Cell {
        std::string text, saved, error;
    };
    std::string m_table, m_id;
    std::map<std::string, Cell> m_cells;
    std::map<std::string, std::string> m_stored;
};

} // namespace tdkt::app
