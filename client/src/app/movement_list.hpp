#pragma once
// The movements list (phong trào thi đua, issue 17) as its screen shows it: a year
// (the movements whose period overlaps it), a unit and the units below it, a status,
// diacritics-insensitive words of the title or content; rows read a page at a time
// (keyset paging after the page before) and dropped when filter or epoch move.
#include "messages.hpp"

#include "tdkt/store/store.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tdkt::app {

struct MovementFilter {
    std::optional<std::int64_t> year;
    std::string unit;   // this unit and every unit below it ("": any)
    std::string status; // enum code ("": any)
    std::string text;   // diacritics-insensitive words
    std::string sortField = "period_from";
    bool descending = true;

    bool operator==(const MovementFilter&) const = default;
};

struct MovementRow {
    std::string id, title, plan, level, unit, unitId, period, method, status, statusCode;
    Value sortValue;
};

/** The list's column headers: title, plan, level, unit, period, method, status. */
std::vector<std::string> movementColumns(Lang lang);

/** The store query of a filter (without paging). */
store::PageQuery movementQuery(const MovementFilter& filter);

/** "1663/KH-UBND ngày 04/06/2021" (either part may be missing). */
std::string planText(const std::string& number, const std::string& isoDate, Lang lang);

class MovementList {
public:
    static constexpr std::size_t PageSize = 200;

    /** Keeps the pages while filter and epoch are the same; otherwise counts again. */
    void refresh(const store::Store& store, const MovementFilter& filter, std::uint64_t epoch, Lang lang);
    std::size_t count() const { return m_count; }
    /** Row `i` (< count()), reading its page when not read yet. */
    const MovementRow& row(const store::Store& store, std::size_t i);
    /** Pages read since the last refresh that changed something. */
    std::size_t pagesRead() const { return m_pagesRead; }

private:
    void load(const store::Store& store, std::size_t page);
    std::string unitName(const store::Store& store, const std::string& id);

    MovementFilter m_filter;
    Lang m_lang = Lang::Vi;
    std::uint64_t m_epoch = 0;
    bool m_valid = false;
    std::size_t m_count = 0, m_pagesRead = 0;
    std::map<std::size_t, std::vector<MovementRow>> m_pages;
    std::map<std::string, std::string> m_unitNames;
    MovementRow m_missing;
};

} // namespace tdkt::app
