#pragma once
// One dossier being edited: the text of each field as typed, committed field by
// field (focus lost, Enter, a second after the last keystroke), each value checked
// against the schema before it is written; the rules engine's findings on the
// dossier as saved; and the status steps (submit) gated by the same engine.
#include "messages.hpp"

#include "tdkt/rules/catalog.hpp"
#include "tdkt/rules/finding.hpp"
#include "tdkt/store/store.hpp"

#include <map>
#include <optional>
#include <string>

namespace tdkt::app {

/** What a new dossier needs before it can exist (the schema's required fields). */
struct NewDossier {
    std::string unitId, nomineeKind = "ca_nhan", nomineeName, awardCode;
    std::string personId, collectiveUnitId; // the person or unit picked ("": a typed name)
    std::int64_t year = 0;
};

/** Creates a draft; throws Error(Invalid) naming the field that is missing or wrong. */
std::string createDossier(store::Store& store, const NewDossier& d);

class DossierEditor {
public:
    /** Reads the dossier's fields as text; throws Error(NotFound). */
    void load(const store::Store& store, const std::string& id);

    const std::string& id() const { return m_id; }
    /** The text shown for a field (as typed when not committed yet). */
    std::string& text(const std::string& field) { return m_texts[field]; }
    /** The sentence for a field whose last commit was refused, or null. */
    const std::string* error(const std::string& field) const;

    /**
     * Writes the field when its text differs from the stored value. Returns true
     * when the store changed. A refused value stays typed and gets an error sentence.
     */
    bool commit(store::Store& store, const std::string& field, Lang lang);

    /** Writes fields chosen from a picker (all at once); their texts follow. */
    void set(store::Store& store, const store::Fields& fields);

    /** Runs every rule on the dossier as saved. */
    void recheck(const store::Store& store, const rules::Catalog& catalog);
    const rules::Findings& findings() const { return m_findings; }

    /**
     * Submits: refused (with the blocking finding) while a rule blocks; otherwise
     * status submitted and today's date, in one transaction.
     */
    std::optional<rules::Finding> submit(store::Store& store, const rules::Catalog& catalog);

private:
    std::string m_id;
    std::map<std::string, std::string> m_texts, m_saved, m_errors;
    rules::Findings m_findings;
};

} // namespace tdkt::app
