// The units of a report: the subtree of a unit, with merged units folded into
// their successors (issue 19, "a merged unit's history counts under its successor").
#include "tdkt/report/unit_scope.hpp"

#include "tdkt/core/error.hpp"

#include <algorithm>
#include <deque>
#include <tuple>
#include <set>

namespace tdkt::report {

std::string UnitScope::owner(const std::string& unitId) const {
    auto it = countsUnder.find(unitId);
    return it == countsUnder.end() ? std::string{} : it->second;
}

void indexUnits(Facts& facts) {
    facts.unitIndex.clear();
    for (std::size_t i = 0; i < facts.units.size(); ++i) facts.unitIndex[facts.units[i].id] = i;
}

const UnitFact* findUnit(const Facts& facts, const std::string& id) {
    if (facts.unitIndex.size() == facts.units.size()) {
        auto it = facts.unitIndex.find(id);
        if (it == facts.unitIndex.end() || it->second >= facts.units.size()) return nullptr;
        const auto* u = &facts.units[it->second];
        if (u->id == id) return u;
    }
    for (const auto& u : facts.units)
        if (u.id == id) return &u;
    return nullptr;
}

UnitScope unitScope(const Facts& facts, const std::string& root) {
    const auto* rootUnit = findUnit(facts, root);
    if (!rootUnit) throw Error(ErrorKind::NotFound, "unit " + root);
    std::multimap<std::string, const UnitFact*> next; // children and units merged into a unit
    for (const auto& u : facts.units) {
        if (!u.mergedIntoId.empty()) next.emplace(u.mergedIntoId, &u);
        else if (!u.parentId.empty()) next.emplace(u.parentId, &u);
    }
    // Breadth first from the root over both edges; each unit once.
    std::vector<const UnitFact*> order;
    std::set<std::string> reached{root};
    std::deque<const UnitFact*> queue{rootUnit};
    while (!queue.empty()) {
        const auto* u = queue.front();
        queue.pop_front();
        order.push_back(u);
        auto [b, e] = next.equal_range(u->id);
        std::vector<const UnitFact*> children;
        for (auto it = b; it != e; ++it) children.push_back(it->second);
        std::sort(children.begin(), children.end(), [](auto* x, auto* y) { return std::tie(x->name, x->id) < std::tie(y->name, y->id); });
        for (const auto* c : children)
            if (reached.insert(c->id).second) queue.push_back(c);
    }
    UnitScope scope;
    scope.root = root;
    // A live unit counts under itself, a merged one under its successor's owner (a chain of
    // merges resolves over a few passes).
    for (const auto* u : order) {
        if (u->id == root || u->mergedIntoId.empty()) {
            scope.countsUnder[u->id] = u->id;
            scope.units.push_back(u->id);
        }
    }
    bool progress = true;
    while (progress) {
        progress = false;
        for (const auto* u : order) {
            if (scope.covers(u->id)) continue;
            const std::string to = scope.owner(u->mergedIntoId);
            if (to.empty()) continue;
            scope.countsUnder[u->id] = to;
            progress = true;
        }
    }
    return scope;
}

} // namespace tdkt::report
