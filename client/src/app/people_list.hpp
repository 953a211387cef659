#pragma once
// The people list (cá nhân) as a screen shows it: a unit subtree, instant
// diacritics-insensitive search by name or position, sorted in Vietnamese order
// (by full name, or by given name first as staff lists are), read a page at a
// time with keyset paging like the dossier list, dropped when the filter or the
// table's epoch moves.
#include "messages.hpp"

#include "tdkt/store/store.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace tdkt::app {

struct PeopleFilter {
    std::string unit; // this unit and every unit below it ("": any)
    std::string text; // diacritics-insensitive words (name, position)
    bool byGivenName = false; // a full-name sort: given name first
    std::string sortField = "full_name";
    bool descending = false;

    bool operator==(const PeopleFilter&) const = default;
};

struct PersonRow {
    std::string id, name, position, unit, unitId;
    bool leader = false;
    Value sortValue;
};

/** The store query of a filter (without paging). */
store::PageQuery peopleQuery(const PeopleFilter& filter);

/** The list's column headers: full name, position, leader, unit. */
std::vector<std::string> peopleColumns(Lang lang);

class PeopleList {
public:
    static constexpr std::size_t PageSize = 200;

    void refresh(const store::Store& store, const PeopleFilter& filter, std::uint64_t epoch);
    std::size_t count() const { return m_count; }
    /** Row `i` (< count()), reading its page when not read yet. */
    const PersonRow& row(const store::Store& store, std::size_t i);
    std::size_t pagesRead() const { return m_pagesRead; }

private:
    void load(const store::Store& store, std::size_t page);
    std::string unitName(const store::Store& store, const std::string& id);

    PeopleFilter m_filter;
    std::uint64_t m_epoch = 0;
    bool m_valid = false;
    std::size_t m_count = 0, m_pagesRead = 0;
    std::map<std::size_t, std::vector<PersonRow>> m_pages;
    std::map<std::string, std::string> m_unitNames;
    PersonRow m_missing;
};

} // namespace tdkt::app
