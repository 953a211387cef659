#pragma once
// The dossier list as a screen shows it: filters, a sort, instant search, and rows
// read a page at a time (keyset paging after the page before, an offset for a jump)
// so 100,000 dossiers are never loaded whole. Pages are dropped when the filter or
// the table's change epoch moves.
#include "tdkt/store/store.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tdkt::app {

struct DossierFilter {
    std::optional<std::int64_t> year;
    std::string unit;   // this unit and every unit below it
    std::string status; // enum code ("": any)
    std::string award;  // award_code ("": any)
    std::string text;   // diacritics-insensitive words
    std::string sortField = "year";
    bool descending = true;

    bool operator==(const DossierFilter&) const = default;
};

struct DossierRow {
    std::string id, nominee, award, status, statusCode, unit;
    std::int64_t year = 0;
    Value sortValue;
};

/** The store query of a filter (without paging). */
store::PageQuery dossierQuery(const DossierFilter& filter);

class DossierList {
public:
    static constexpr std::size_t PageSize = 200;

    /** Keeps the pages while filter and epoch are the same; otherwise counts again. */
    void refresh(const store::Store& store, const DossierFilter& filter, std::uint64_t epoch);

    std::size_t count() const { return m_count; }

    /** Row `i` (< count()), reading its page when not read yet. */
    const DossierRow& row(const store::Store& store, std::size_t i);

    /** Pages read since the last refresh that changed something (for tests and benchmarks). */
    std::size_t pagesRead() const { return m_pagesRead; }

private:
    void load(const store::Store& store, std::size_t page);
    std::string unitName(const store::Store& store, const std::string& id);

    DossierFilter m_filter;
    std::uint64_t m_epoch = 0;
    bool m_valid = false;
    std::size_t m_count = 0, m_pagesRead = 0;
    std::map<std::size_t, std::vector<DossierRow>> m_pages;
    std::map<std::string, std::string> m_unitNames;
    DossierRow m_missing;
};

} // namespace tdkt::app
