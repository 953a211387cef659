#pragma once
// Movements for the screens (issue 17): the list, and the movement in the editor
// with its targets per unit (movement_targets), the results units reported
// (movement_results) and the model examples found in it (model_examples). Every
// edit is committed to the replica field by field; a refused value stays typed
// with a sentence. Only rows of the user's own unit are editable (the server's
// rights: an officer writes its unit's rows); the rest is shown read-only.
#include "movement_list.hpp"
#include "row_draft.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tdkt::app {

class Session;

/** The tables a movement view must see change. */
inline constexpr const char* MovementTables[] = {"movements", "movement_targets", "movement_results",
                                                 "model_examples", "units"};

struct NewMovement {
    std::string title, unitId; // unitId "": the user's unit
};

struct NewTarget {
    std::string unitId, indicator, value, measure, due; // value and due as typed
};

struct NewResult {
    std::string targetId, year, achieved, reportedOn, note; // as typed
};

struct NewExample {
    std::string name, nomineeKind = "tap_the", year, achievement;
};

struct MovementEditor {
    RowDraft movement;
    std::vector<RowDraft> targets, results, examples; // in the order they were made
};

class MovementView {
public:
    MovementFilter filter;
    MovementList list;

    /** The sum of MovementTables' epochs: the list and the editor rebuild when it moves. */
    static std::uint64_t epoch(const Session& s);
    /** Refreshes the list for the filter (and the session's language). */
    void refreshList(Session& s);

    /** Creates a draft movement of the user's unit and opens it; "" or the sentence of what was wrong. */
    std::string create(Session& s, const NewMovement& m);
    void open(Session& s, const std::string& id);
    void close() { m_editor.reset(); }
    /** The open movement, reloaded when a movement table moved (what is being typed stays); null when none. */
    MovementEditor* editor(Session& s);

    /** Whether a row of `unitId` is the user's to edit (every row when never signed in). */
    bool canEdit(const Session& s, const std::string& unitId) const;
    /** The unit a target or result of the user would have: the user's, or the movement's when never signed in. */
    std::string ownUnit(Session& s) const;

    /** Commits a field of a row of the open movement; "" or the sentence (also kept on the row). */
    std::string commit(Session& s, RowDraft& row, const std::string& field);
    /** Writes a code picked (launch_level, method, status, unit_id, target_id, nominee_kind). */
    std::string pick(Session& s, RowDraft& row, const std::string& field, const std::string& code);

    std::string addTarget(Session& s, const NewTarget& t);
    std::string addResult(Session& s, const NewResult& r);
    std::string addExample(Session& s, const NewExample& e);
    /** Deletes a target, result or model example of the open movement. */
    std::string remove(Session& s, const std::string& table, const std::string& id);

    /** Whether this replica's schema has model examples (migration 22). */
    static bool hasExamples(Session& s);

private:
    void load(Session& s);

    std::optional<MovementEditor> m_editor;
    std::string m_id;
    std::uint64_t m_epoch = 0;
};

} // namespace tdkt::app
