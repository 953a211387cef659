#pragma once
/**
 * @brief What a user may read and write (DESIGN.md §4 "Rights").
 *
 * Reads: units of the user's subtree (plus, for inspectors, the units its plans
 * inspect), the unit rows of its ancestors, and reference data; an account on a
 * plan's team reads that plan, its team and all its targets' work, and the unit
 * rows of its issuer and targets, wherever its own unit is. Writes:
 *  - officer: its own unit's rows; a dossier's status only draft ↔ submitted;
 *  - reviewer: as officer for its own unit, plus the review fields of dossiers of
 *    its subtree (its own unit's too: it is the council and chairman that decide
 *    for its staff) and their issuer, and their decision for the award forms its
 *    level may decide, or as recorded from the authority outside the tree that
 *    the issuer names (award_authority.hpp); officers never review or decide their
 *    unit's dossiers, nor change the issuer of a decided one;
 *  - inspector: as officer for its own unit, plus the inspection targets of plans
 *    issued in its subtree; an inspection's checklists, findings, conclusions and
 *    recommendations are its plan's team's (inspection_rights.cpp), hidden from
 *    the inspected unit until published;
 *  - admin: units and reference data; reads everything.
 * Built per request from the store's current state. No sockets here.
 */
#include "accounts.hpp"
#include "unit_tree.hpp"

#include "tdkt/schema/schema.hpp"
#include "tdkt/store/store.hpp"

#include <functional>
#include <optional>
#include <set>
#include <string>

namespace tdkt::server {

/** A field of a row as the request sees it (the store, then the ops not yet applied). */
using FieldLookup = std::function<std::optional<Value>(std::string_view table, std::string_view id,
                                                       std::string_view field)>;

class Rights {
public:
    Rights(const store::Store& store, User user, const UnitTree& units);

    const User& user() const { return m_user; }

    /** For dumps: the row as it is now. */
    bool canRead(const schema::TableDef& t, const store::Row& row) const;

    /** True when a row of `t` is read by its unit (its unitField as it is now); else by table or id. */
    static bool readsByRowUnit(const schema::TableDef& t);

    /** For pulls: a row of `t` whose unit is `unit` (as it is now in the store, deleted rows included). */
    bool canReadRow(const schema::TableDef& t, const std::string& rowId, const std::optional<Value>& unit) const {
        return canReadUnit(t, rowId, unit);
    }

    /** Why this op may not be written by the user, or nullopt when it may. */
    std::optional<std::string> refuseWrite(const schema::TableDef& t, const Op& op, const FieldLookup& lookup) const;

    static bool isReference(const schema::TableDef& t);

    /**
     * A row a push creates may be given several units in that push (created in the
     * officer's unit, then moved): its fields are judged in the unit it ends in once a
     * refused move is undone. So, of the unit values pushed for it, the user's own
     * unit is kept once given (a later move elsewhere is judged as a move, and refused
     * alone), else the last one. True when `held` is that kept unit. Inspection work
     * is judged by its target and plan, not by this.
     */
    bool keepsPushedUnit(const schema::TableDef& t, const Value& held) const;

private:
    bool canReadUnit(const schema::TableDef& t, const std::string& rowId, const std::optional<Value>& unit) const;
    std::optional<std::string> refuseInUnit(const schema::TableDef& t, const Op& op, const std::string& unit,
                                            const FieldLookup& lookup) const;
    // inspection_rights.cpp (issue 18)
    static bool isInspectionWork(const schema::TableDef& t);
    std::string teamRole(const std::string& plan, const FieldLookup& lookup) const;
    std::optional<std::string> refuseTeamRow(const Op& op, const FieldLookup& lookup) const;
    std::optional<std::string> refuseInspection(const schema::TableDef& t, const Op& op,
                                                const FieldLookup& lookup) const;
    bool readsInspection(const schema::TableDef& t, const std::string& rowId, const std::string& unit) const;

    const store::Store& m_store;
    const UnitTree& m_units;
    User m_user;
    std::shared_ptr<const UnitTree::Scope> m_scope; // the user's subtree and ancestors
    std::shared_ptr<const std::set<std::string>> m_inspected; // inspectors: the units their plans inspect
    std::shared_ptr<const UnitTree::TeamReach> m_team;        // the plans whose team the user is on
    bool onTeamOf(const std::string& plan) const { return m_team && m_team->plans.count(plan); }
    const std::set<std::string>& subtree() const { return m_scope->subtree; }
    bool readsUnit(const std::string& unit) const {
        return subtree().count(unit) || (m_inspected && m_inspected->count(unit));
    }
};

} // namespace tdkt::server
