#pragma once
// A person's page (cá nhân): their fields in a form, the awards they received
// (award_history: form, year, decision number and date, who issued it), their
// yearly evaluations (xếp loại) newest first, and the dossiers proposing them.
#include "messages.hpp"
#include "row_form.hpp"

#include "tdkt/store/store.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace tdkt::app {

struct AwardLine {
    std::string id, award, method, decisionNumber, decisionDate, issuer;
    std::int64_t year = 0;
};

struct EvaluationLine {
    std::string id, rank, rankCode, note;
    std::int64_t year = 0;
    bool maternityLeave = false;
};

struct PersonDossierLine {
    std::string id, award, status;
    std::int64_t year = 0;
};

/** The person's awards, newest year first (then by decision date). */
std::vector<AwardLine> awardHistory(const store::Store& store, const std::string& personId, Lang lang);
/** The person's evaluations, newest year first. */
std::vector<EvaluationLine> evaluations(const store::Store& store, const std::string& personId, Lang lang);
/** The dossiers naming the person, newest year first. */
std::vector<PersonDossierLine> personDossiers(const store::Store& store, const std::string& personId, Lang lang);

class PersonPage {
public:
    /** Reads the person and their lists (labels in `lang`); throws Error(NotFound). */
    void load(const store::Store& store, const std::string& id, Lang lang);
    /** Reads the lists again when `epoch` (a pulled award, an edit elsewhere) or the language moved. */
    void refresh(const store::Store& store, std::uint64_t epoch, Lang lang);
    bool open() const { return form.loaded(); }
    void close() { *this = PersonPage(); }

    RowForm form;
    const std::vector<AwardLine>& awards() const { return m_awards; }
    const std::vector<EvaluationLine>& evaluations() const { return m_evaluations; }
    const std::vector<PersonDossierLine>& dossiers() const { return m_dossiers; }

private:
    std::uint64_t m_epoch = 0;
    Lang m_lang = Lang::Vi;
    std::vector<AwardLine> m_awards;
    std::vector<EvaluationLine> m_evaluations;
    std::vector<PersonDossierLine> m_dossiers;
};

} // namespace tdkt::app
