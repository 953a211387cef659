#include "movement_list.hpp"

#include "labels.hpp"
#include "table_sort.hpp"
#include "typed_value.hpp"

#include "tdkt/store/row_values.hpp"

namespace tdkt::app {

std::vector<std::string> movementColumns(Lang lang) {
    if (lang == Lang::Vi)
        return {"Tên phong trào", "Kế hoạch", "Cấp phát động", "Đơn vị", "Thời gian", "Hình thức", "Trạng thái"};
    return {"Movement", "Plan", "Level", "Unit", "Period", "Method", "Status"};
}

store::PageQuery movementQuery(const MovementFilter& f) {
    store::PageQuery q;
    q.table = "movements";
    if (!f.status.empty()) q.equals.emplace_back("status", f.status);
    if (f.year) {
        // Under way at some time in the year: started by its end, not ended before its start.
        const std::string y = std::to_string(*f.year);
        q.ranges.push_back({"period_from", Value{}, Value{y + "-12-31"}, true});
        q.ranges.push_back({"period_to", Value{y + "-01-01"}, Value{}, true});
    }
    q.unitSubtree = f.unit;
    q.text = f.text;
    q.sortField = f.sortField;
    q.descending = f.descending;
    q.textOrder = sortTextOrder(movementSortColumns(), f.sortField);
    q.columns = {"title", "unit_id", "launch_level", "plan_number", "plan_date",
                 "period_from", "period_to", "method", "status"};
    return q;
}

std::string planText(const std::string& number, const std::string& isoDate, Lang lang) {
    if (isoDate.empty()) return number;
    const std::string day = shownDate(isoDate);
    if (number.empty()) return (lang == Lang::Vi ? "ngày " : "of ") + day;
    return number + (lang == Lang::Vi ? " ngày " : " of ") + day;
}

void MovementList::refresh(const store::Store& store, const MovementFilter& filter, std::uint64_t epoch, Lang lang) {
    if (m_valid && filter == m_filter && epoch == m_epoch && lang == m_lang) return;
    m_filter = filter;
    m_epoch = epoch;
    m_lang = lang;
    m_valid = true;
    m_pages.clear();
    m_unitNames.clear();
    m_pagesRead = 0;
    m_count = store.pageCount(movementQuery(filter));
}

std::string MovementList::unitName(const store::Store& store, const std::string& id) {
    auto [it, fresh] = m_unitNames.try_emplace(id, id);
    if (fresh)
        if (auto row = store.get("units", id); row && !store::textField(*row, "name").empty())
            it->second = store::textField(*row, "name");
    return it->second;
}

void MovementList::load(const store::Store& store, std::size_t page) {
    store::PageQuery q = movementQuery(m_filter);
    q.limit = PageSize;
    // The page before is read: continue after its last row (an index seek, not a scan).
    if (auto before = m_pages.find(page - 1); page > 0 && before != m_pages.end() && !before->second.empty())
        q.after = store::PageKey{before->second.back().sortValue, before->second.back().id};
    else
        q.offset = page * PageSize;
    std::vector<MovementRow> rows;
    for (auto& r : store.page(q)) {
        auto text = [&](const char* field) { return store::textField(r, field); };
        MovementRow row;
        row.id = r.id;
        row.title = text("title");
        row.plan = planText(text("plan_number"), text("plan_date"), m_lang);
        row.level = enumLabel("movements", "launch_level", text("launch_level"), m_lang);
        row.unitId = text("unit_id");
        row.unit = unitName(store, row.unitId);
        const auto from = shownDate(text("period_from")), to = shownDate(text("period_to"));
        row.period = from.empty() && to.empty() ? std::string() : from + " – " + to;
        row.method = enumLabel("movements", "method", text("method"), m_lang);
        row.statusCode = text("status");
        row.status = enumLabel("movements", "status", row.statusCode, m_lang);
        if (m_filter.sortField == "id") row.sortValue = r.id;
        else if (auto s = r.fields.find(m_filter.sortField); s != r.fields.end()) row.sortValue = s->second;
        rows.push_back(std::move(row));
    }
    m_pages[page] = std::move(rows);
    ++m_pagesRead;
}

const MovementRow& MovementList::row(const store::Store& store, std::size_t i) {
    const std::size_t page = i / PageSize;
    if (!m_pages.contains(page)) load(store, page);
    auto& rows = m_pages[page];
    return i % PageSize < rows.size() ? rows[i % PageSize] : m_missing; // deleted between count and read
}

} // namespace tdkt::app
