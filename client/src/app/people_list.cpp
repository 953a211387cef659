#include "people_list.hpp"

#include "labels.hpp"
#include "table_sort.hpp"

namespace tdkt::app {

store::PageQuery peopleQuery(const PeopleFilter& f) {
    store::PageQuery q;
    q.table = "people";
    q.unitSubtree = f.unit;
    q.text = f.text;
    q.sortField = f.sortField;
    q.descending = f.descending;
    q.textOrder = sortTextOrder(peopleSortColumns(), f.sortField);
    if (f.sortField == "full_name" && f.byGivenName) q.textOrder = store::TextOrder::GivenName;
    q.columns = {"full_name", "position", "is_leader", "unit_id"};
    return q;
}

std::vector<std::string> peopleColumns(Lang lang) {
    if (lang == Lang::Vi) return {"Họ và tên", "Chức vụ", "Lãnh đạo", "Đơn vị"};
    return {"Full name", "Position", "Leader", "Unit"};
}

void PeopleList::refresh(const store::Store& store, const PeopleFilter& filter, std::uint64_t epoch) {
    if (m_valid && filter == m_filter && epoch == m_epoch) return;
    m_filter = filter;
    m_epoch = epoch;
    m_valid = true;
    m_pages.clear();
    m_unitNames.clear();
    m_pagesRead = 0;
    m_count = store.pageCount(peopleQuery(filter));
}

std::string PeopleList::unitName(const store::Store& store, const std::string& id) {
    if (auto it = m_unitNames.find(id); it != m_unitNames.end()) return it->second;
    std::string name = id;
    if (auto row = store.get("units", id))
        if (auto n = row->fields.find("name"); n != row->fields.end()) name = valueText(n->second);
    return m_unitNames.emplace(id, name).first->second;
}

void PeopleList::load(const store::Store& store, std::size_t page) {
    store::PageQuery q = peopleQuery(m_filter);
    q.limit = PageSize;
    // The page before is read: continue after its last row (no OFFSET scan).
    if (auto before = m_pages.find(page - 1); page > 0 && before != m_pages.end() && !before->second.empty())
        q.after = store::PageKey{before->second.back().sortValue, before->second.back().id};
    else
        q.offset = page * PageSize;
    std::vector<PersonRow> rows;
    for (auto& r : store.page(q)) {
        auto text = [&](const char* field) {
            auto it = r.fields.find(field);
            return it == r.fields.end() ? std::string() : valueText(it->second);
        };
        PersonRow row;
        row.id = r.id;
        row.name = text("full_name");
        row.position = text("position");
        row.unitId = text("unit_id");
        row.unit = unitName(store, row.unitId);
        row.leader = text("is_leader") == "1";
        if (m_filter.sortField == "id") row.sortValue = r.id;
        else if (auto s = r.fields.find(m_filter.sortField); s != r.fields.end()) row.sortValue = s->second;
        rows.push_back(std::move(row));
    }
    m_pages[page] = std::move(rows);
    ++m_pagesRead;
}

const PersonRow& PeopleList::row(const store::Store& store, std::size_t i) {
    const std::size_t page = i / PageSize;
    if (!m_pages.contains(page)) load(store, page);
    auto& rows = m_pages[page];
    return i % PageSize < rows.size() ? rows[i % PageSize] : m_missing;
}

} // namespace tdkt::app
