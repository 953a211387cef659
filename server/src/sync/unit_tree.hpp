#pragma once
/**
 * @brief The tree of units (units.parent_id), read once and shared by every
 *        request until a unit, an inspection target or a team changes (Store::unitEpoch),
 *        with each unit's subtree, ancestors and inspected units worked out on
 *        first use. A province of thousands of units (and years of inspections)
 *        no longer reads them all for every pull batch and push.
 * Not thread-safe (used on the store strand only).
 */
#include "tdkt/store/store.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>

namespace tdkt::server {

class UnitTree {
public:
    struct Scope {
        std::set<std::string> subtree;   // the unit and every unit below it
        std::set<std::string> ancestors; // every unit above it
    };

    /** An inspection target as rights need it (issue 18). */
    struct Target {
        std::string unit;   // the inspected unit
        std::string issuer; // the unit that issued its plan
        std::string plan;
        bool self = false;      // tu_kiem_tra
        bool published = false; // conclusion_status da_cong_bo
    };

    explicit UnitTree(const store::Store& store);

    /** Every live inspection target by id, read once per tree (a target's change makes a new tree). */
    const std::map<std::string, Target>& targets() const;
    const Target* target(const std::string& id) const;

    std::shared_ptr<const Scope> scope(const std::string& unit) const;

    /** The units that plans issued in `unit`'s subtree inspect (inspection_targets.unit_id). */
    std::shared_ptr<const std::set<std::string>> inspected(const std::string& unit) const;

    /** What an account on inspection teams reads whatever its own unit (issue 18). */
    struct TeamReach {
        std::set<std::string> plans; // the plans whose team it is on (inspection_team)
        std::set<std::string> units; // their issuing units and the units they inspect
    };
    /** `user`'s reach as a team member; nullptr when it is on no team. */
    std::shared_ptr<const TeamReach> teamReach(const std::string& user) const;

    /**
     * A fingerprint of what `user`, of `role` in `unit`, may read (its subtree, the
     * units above it, for inspectors the units it inspects, and the plans whose
     * team it is on): it changes when that set does.
     */
    std::uint64_t scopeKey(const std::string& unit, const std::string& role, const std::string& user) const;

private:
    const store::Store& m_store;
    mutable std::map<std::tuple<std::string, std::string, std::string>, std::uint64_t> m_scopeKeys;
    mutable std::optional<std::map<std::string, std::shared_ptr<const TeamReach>>> m_teams; // by account
    mutable std::map<std::string, std::shared_ptr<const std::set<std::string>>> m_inspected;
    std::multimap<std::string, std::string> m_children;
    std::map<std::string, std::string> m_parent;
    mutable std::map<std::string, std::shared_ptr<const Scope>> m_scopes;
    mutable std::optional<std::map<std::string, Target>> m_targets;
};

/** The tree as of the store's unit epoch (Store::unitEpoch): read again once a unit changed. */
class UnitTreeCache {
public:
    /** `epoch`: the store's unitEpoch(), asked once by the caller for the whole request. */
    const UnitTree& get(const store::Store& store, std::uint64_t epoch);

private:
    std::optional<std::uint64_t> m_epoch;
    std::unique_ptr<UnitTree> m_tree;
};

} // namespace tdkt::server
