#include "dossier_list.hpp"

#include "labels.hpp"
#include "table_sort.hpp"

namespace tdkt::app {

store::PageQuery dossierQuery(const DossierFilter& f) {
    store::PageQuery q;
    q.table = "dossiers";
    if (f.year) q.equals.emplace_back("year", *f.year);
    if (!f.status.empty()) q.equals.emplace_back("status", f.status);
    if (!f.award.empty()) q.equals.emplace_back("award_code", f.award);
    q.unitSubtree = f.unit;
    q.text = f.text;
    q.sortField = f.sortField;
    q.descending = f.descending;
    q.textOrder = sortTextOrder(dossierSortColumns(), f.sortField); // a name: Đ after D
    q.columns = {"nominee_name", "award_code", "year", "status", "unit_id"};
    return q;
}

void DossierList::refresh(const store::Store& store, const DossierFilter& filter, std::uint64_t epoch) {
    if (m_valid && filter == m_filter && epoch == m_epoch) return;
    m_filter = filter;
    m_epoch = epoch;
    m_valid = true;
    m_pages.clear();
    m_unitNames.clear();
    m_pagesRead = 0;
    m_count = store.pageCount(dossierQuery(filter));
}

std::string DossierList::unitName(const store::Store& store, const std::string& id) {
    auto it = m_unitNames.find(id);
    if (it != m_unitNames.end()) return it->second;
    std::string name = id;
    if (auto row = store.get("units", id))
        if (auto n = row->fields.find("name"); n != row->fields.end()) name = valueText(n->second);
    return m_unitNames.emplace(id, name).first->second;
}

void DossierList::load(const store::Store& store, std::size_t page) {
    store::PageQuery q = dossierQuery(m_filter);
    q.limit = PageSize;
    // The page before is read: continue after its last row (an index seek, not a scan).
    if (auto before = m_pages.find(page - 1); page > 0 && before != m_pages.end() && !before->second.empty())
        q.after = store::PageKey{before->second.back().sortValue, before->second.back().id};
    else
        q.offset = page * PageSize;
    std::vector<DossierRow> rows;
    for (auto& r : store.page(q)) {
        auto text = [&](const char* field) {
            auto it = r.fields.find(field);
            return it == r.fields.end() ? std::string() : valueText(it->second);
        };
        DossierRow row;
        row.id = r.id;
        row.nominee = text("nominee_name");
        // Vietnamese: the screen shows them labelIn() the session's language.
        row.award = enumLabel("dossiers", "award_code", text("award_code"), Lang::Vi);
        row.statusCode = text("status");
        row.status = enumLabel("dossiers", "status", row.statusCode, Lang::Vi);
        row.unit = unitName(store, text("unit_id"));
        if (auto y = r.fields.find("year"); y != r.fields.end())
            if (const auto* v = std::get_if<std::int64_t>(&y->second)) row.year = *v;
        if (m_filter.sortField == "id") row.sortValue = r.id;
        else if (auto s = r.fields.find(m_filter.sortField); s != r.fields.end()) row.sortValue = s->second;
        rows.push_back(std::move(row));
    }
    m_pages[page] = std::move(rows);
    ++m_pagesRead;
}

const DossierRow& DossierList::row(const store::Store& store, std::size_t i) {
    const std::size_t page = i / PageSize;
    if (!m_pages.contains(page)) load(store, page);
    auto& rows = m_pages[page];
    return i % PageSize < rows.size() ? rows[i % PageSize] : m_missing; // deleted between count and read
}

} // namespace tdkt::app
