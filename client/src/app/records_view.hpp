#pragma once
// The records screens' state and actions (issue 17, records): the people list and a
// person's page, the unit tree and a unit's form, the reference data, and the
// history of any record. One member of Session (Session::records); its actions
// take the session for its store, language, user and change epochs.
#include "history_view.hpp"
#include "people_list.hpp"
#include "person_page.hpp"
#include "reference_view.hpp"
#include "units_view.hpp"

#include <string>
#include <vector>

namespace tdkt::app {

class Session;

class RecordsView {
public:
    // People
    PeopleFilter peopleFilter;
    PeopleList peopleList;
    PersonPage person;
    /** The list as filtered now (call once a frame; cheap when nothing moved). */
    PeopleList& people(Session& s);
    /** Opens a person's page; returns an error sentence or "". */
    std::string openPerson(Session& s, const std::string& id);
    /** Why this user may not change the open person ("" when they may): the server's own sentence. */
    std::string personLocked(Session& s) const;
    /** Commits a typed field of the open person; returns an error sentence or "". */
    std::string commitPerson(Session& s, const std::string& field);
    /** Writes fields chosen with a control (leader checkbox, gender, unit); an error sentence or "". */
    std::string setPerson(Session& s, const store::Fields& fields);

    // Units
    UnitsView units;
    const std::vector<UnitLine>& unitLines(Session& s);
    std::string openUnit(Session& s, const std::string& id);
    /** Why this user may not change units ("" for an administrator). */
    std::string unitsLocked(Session& s) const;
    std::string commitUnit(Session& s, const std::string& field);
    /** Writes fields chosen with a control (the level); an administrator's only: the refusal's sentence or "". */
    std::string setUnit(Session& s, const store::Fields& fields);

    // Reference data (read-only)
    const std::vector<AwardRuleLine>& awardRules(Session& s);
    const std::vector<SalaryLine>& baseSalary(Session& s);

    // History
    HistoryView history;
    /** Reads the history of a record (a person, a unit, a dossier); returns an error sentence or "". */
    std::string openHistory(Session& s, const std::string& table, const std::string& id);

private:
    std::string commit(Session& s, RowForm& form, const std::string& field, const std::string& locked);
    std::uint64_t m_referenceEpoch = 0;
    Lang m_referenceLang = Lang::Vi;
    std::vector<AwardRuleLine> m_awardRules;
    std::vector<SalaryLine> m_salary;
};

} // namespace tdkt::app
