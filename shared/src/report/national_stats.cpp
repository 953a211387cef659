// Tables 0602.N and 0603.N of TT 02/2023/TT-BNV from the dossiers (issue 19).
#include "tdkt/report/national_stats.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/schema/schema.hpp"


namespace tdkt::report {
namespace {

void addKind(Count& c, const std::string& nomineeKind) {
    if (nomineeKind == "tap_the") ++c.collective;
    else if (nomineeKind == "ho_gia_dinh") ++c.household;
    else ++c.individual;
}

std::vector<std::pair<std::string, std::string>> methods() {
    std::vector<std::pair<std::string, std::string>> out;
    if (const auto* t = schema::registry().table("dossiers"))
        if (const auto* f = t->field("method"))
            for (const auto& v : f->values) out.emplace_back(v.code, v.label);
    return out;
}

std::string code(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

} // namespace

Count NationalRow::total() const {
    Count sum;
    for (const auto& c : cells) sum += c;
    return sum;
}

const NationalRow& NationalTable::row(const std::string& c) const {
    for (const auto& r : rows)
        if (r.code == c) return r;
    throw Error(ErrorKind::NotFound, table + " row " + c);
}

NationalTable nationalTable(const Facts& facts, const UnitScope& scope, int year, const catalog::StatColumns& columns,
                            const std::string& table) {
    NationalTable t;
    t.table = table;
    std::map<std::string, std::size_t> columnOf; // award code → column
    for (const auto* c : catalog::tableColumns(columns, table)) {
        for (const auto& a : c->awardCodes) columnOf[a] = t.columns.size();
        t.columns.push_back(*c);
    }
    const auto ms = methods();
    const std::vector<std::string> fixed = {"Tổng số", "Tập thể", "Hộ gia đình", "Cá nhân",
                                            "Trong đó: lãnh đạo, quản lý",
                                            "Trong đó: người trực tiếp lao động, sản xuất, công tác"};
    auto blank = [&](std::string c, std::string label) {
        return NationalRow{std::move(c), std::move(label), std::vector<Count>(t.columns.size())};
    };
    int n = 0;
    for (const auto& label : fixed) t.rows.push_back(blank(code(++n), label));
    std::map<std::string, std::size_t> methodRow;
    for (const auto& [m, label] : ms) {
        methodRow[m] = t.rows.size();
        t.rows.push_back(blank(code(++n), "Khen thưởng " + label));
    }
    const std::size_t noMethod = t.rows.size();
    t.rows.push_back(blank(code(++n), "Chưa ghi loại khen thưởng"));
    // One row for the root's own dossiers and one a unit directly under it, holding its
    // subtree (a province's table by district, as the national form is sent upward).
    std::map<std::string, std::size_t> unitRow;
    for (const auto& u : scope.units) {
        const auto* f = findUnit(facts, u);
        if (u != scope.root && (!f || f->parentId != scope.root)) continue;
        unitRow[u] = t.rows.size();
        t.rows.push_back(blank("", f ? f->name : u));
    }
    for (const auto& u : scope.units) {
        if (unitRow.count(u)) continue;
        std::string up = u;
        for (int guard = 0; guard < 64 && !unitRow.count(up); ++guard) {
            const auto* f = findUnit(facts, up);
            if (!f || f->parentId.empty()) break;
            up = f->parentId;
        }
        if (auto it = unitRow.find(up); it != unitRow.end()) unitRow[u] = it->second;
    }
    for (const auto& d : facts.dossiers) {
        if (d.year != year || d.status != "approved" || catalog::countedApart(columns, d.kind)) continue;
        const auto owner = scope.owner(d.unitId);
        if (owner.empty()) continue;
        auto col = columnOf.find(d.awardCode);
        if (col == columnOf.end()) continue;
        auto add = [&](std::size_t row) { addKind(t.rows[row].cells[col->second], d.nomineeKind); };
        add(0);
        add(d.nomineeKind == "tap_the" ? 1 : d.nomineeKind == "ho_gia_dinh" ? 2 : 3);
        if (d.nomineeKind == "ca_nhan") {
            auto p = facts.people.find(d.personId);
            if (p != facts.people.end()) {
                if (p->second.leader) add(4);
                if (p->second.frontline) add(5);
            }
        }
        auto m = methodRow.find(d.method);
        add(m == methodRow.end() ? noMethod : m->second);
        if (auto row = unitRow.find(owner); row != unitRow.end()) add(row->second);
    }
    return t;
}

} // namespace tdkt::report
