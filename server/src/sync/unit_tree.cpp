#include "unit_tree.hpp"

#include <vector>

namespace tdkt::server {

UnitTree::UnitTree(const store::Store& store) : m_store(store) {
    for (const auto& u : store.list("units")) {
        auto it = u.fields.find("parent_id");
        if (it == u.fields.end()) continue;
        const auto* p = std::get_if<std::string>(&it->second);
        if (!p) continue;
        m_children.emplace(*p, u.id);
        m_parent[u.id] = *p;
    }
}

std::shared_ptr<const UnitTree::Scope> UnitTree::scope(const std::string& unit) const {
    if (auto it = m_scopes.find(unit); it != m_scopes.end()) return it->second;
    auto s = std::make_shared<Scope>();
    std::vector<std::string> frontier{unit};
    while (!frontier.empty()) {
        auto u = std::move(frontier.back());
        frontier.pop_back();
        if (!s->subtree.insert(u).second) continue;
        for (auto [b, e] = m_children.equal_range(u); b != e; ++b) frontier.push_back(b->second);
    }
    for (auto it = m_parent.find(unit); it != m_parent.end() && !s->ancestors.count(it->second);
         it = m_parent.find(it->second))
        s->ancestors.insert(it->second);
    return m_scopes.emplace(unit, std::move(s)).first->second;
}

namespace {
std::string textField(const store::Row& row, const char* field) {
    auto it = row.fields.find(field);
    if (it == row.fields.end()) return {};
    const auto* s = std::get_if<std::string>(&it->second);
    return s ? *s : std::string();
}
} // namespace

const std::map<std::string, UnitTree::Target>& UnitTree::targets() const {
    if (m_targets) return *m_targets;
    m_targets.emplace();
    std::map<std::string, std::string> issuers; // plan → its unit
    for (const auto& target : m_store.list("inspection_targets")) {
        Target t{textField(target, "unit_id"), {}, textField(target, "plan_id"),
                 textField(target, "mode") == "tu_kiem_tra", textField(target, "conclusion_status") == "da_cong_bo"};
        auto [it, fresh] = issuers.try_emplace(t.plan);
        if (fresh)
            if (const auto plan = m_store.get("inspection_plans", t.plan)) it->second = textField(*plan, "unit_id");
        if (it->second.empty()) continue; // a target of a plan that is gone
        t.issuer = it->second;
        m_targets->emplace(target.id, std::move(t));
    }
    return *m_targets;
}

const UnitTree::Target* UnitTree::target(const std::string& id) const {
    const auto& all = targets();
    auto it = all.find(id);
    return it == all.end() ? nullptr : &it->second;
}

std::shared_ptr<const std::set<std::string>> UnitTree::inspected(const std::string& unit) const {
    if (auto it = m_inspected.find(unit); it != m_inspected.end()) return it->second;
    const auto within = scope(unit);
    auto units = std::make_shared<std::set<std::string>>();
    for (const auto& [id, target] : targets())
        if (within->subtree.count(target.issuer)) units->insert(target.unit);
    return m_inspected.emplace(unit, std::move(units)).first->second;
}

std::shared_ptr<const UnitTree::TeamReach> UnitTree::teamReach(const std::string& user) const {
    if (!m_teams) {
        m_teams.emplace();
        std::map<std::string, std::shared_ptr<TeamReach>> reach;
        std::multimap<std::string, TeamReach*> members; // plan → its members' reach
        for (const auto& m : m_store.list("inspection_team")) {
            const auto plan = textField(m, "plan_id"), name = textField(m, "user_name");
            if (plan.empty() || name.empty()) continue;
            auto& r = reach[name];
            if (!r) r = std::make_shared<TeamReach>();
            if (r->plans.insert(plan).second) members.emplace(plan, r.get());
            r->units.insert(textField(m, "unit_id"));
        }
        for (const auto& [id, target] : targets())
            for (auto [b, e] = members.equal_range(target.plan); b != e; ++b) b->second->units.insert(target.unit);
        for (auto& [name, r] : reach) m_teams->emplace(name, std::move(r));
    }
    auto it = m_teams->find(user);
    return it == m_teams->end() ? nullptr : it->second;
}

std::uint64_t UnitTree::scopeKey(const std::string& unit, const std::string& role, const std::string& user) const {
    const auto key = std::make_tuple(unit, role, user);
    if (auto it = m_scopeKeys.find(key); it != m_scopeKeys.end()) return it->second;
    std::uint64_t h = 1469598103934665603ull; // FNV-1a over the sets, each name closed by a 0 byte
    auto add = [&](std::string_view s) {
        for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
        h = (h ^ 0u) * 1099511628211ull;
    };
    add(role);
    if (role != "admin") { // an administrator reads everything, whatever the tree
        const auto s = scope(unit);
        for (const auto& u : s->subtree) add(u);
        add("^");
        for (const auto& u : s->ancestors) add(u);
        if (role == "inspector") {
            add("?");
            for (const auto& u : *inspected(unit)) add(u);
        }
        // A conclusion published to a unit of the subtree opens its findings and
        // recommendations: rows logged before the cursor become readable (a sweep).
        add("!");
        for (const auto& [id, target] : targets())
            if (target.published && s->subtree.count(target.unit)) add(id);
        // Put on a plan's team, an account reads the plan's work wherever its unit is.
        add("#");
        if (const auto team = teamReach(user))
            for (const auto& p : team->plans) add(p);
    }
    return m_scopeKeys.emplace(key, h | 1).first->second; // never 0, which means "unknown"
}

const UnitTree& UnitTreeCache::get(const store::Store& store, std::uint64_t epoch) {
    if (!m_tree || m_epoch != epoch) {
        m_tree = std::make_unique<UnitTree>(store);
        m_epoch = epoch;
    }
    return *m_tree;
}

} // namespace tdkt::server
