#pragma once
// Sorting a list by a clicked column header (issue 17): which stored field each
// column of the dossier, movement and people lists sorts by, and whether it is text
// to be ordered as Vietnamese is (Đ after D). The sort goes into the list's filter
// and so into its store query (keyset paging, ties broken by id): no list is ever
// loaded whole to be sorted. Columns whose shown text is a label of a code (status,
// award, unit) sort by the code: rows of one value come together.
#include "dossier_list.hpp"
#include "movement_list.hpp"
#include "people_list.hpp"

#include <cstddef>
#include <span>
#include <string>

namespace tdkt::app {

/** A column of a list as a header click sorts it. */
struct SortColumn {
    const char* field; // the stored field ("" : the column does not sort)
    bool text = false; // ordered as Vietnamese (vi_collate.hpp), not as bytes
};

/** The columns of each list, in the order its screen shows them. */
std::span<const SortColumn> dossierSortColumns();
std::span<const SortColumn> movementSortColumns();
std::span<const SortColumn> peopleSortColumns();

/** The column of `columns` sorting by `field`, or -1. */
int sortColumnOf(std::span<const SortColumn> columns, const std::string& field);

/** How a query orders `field`: Vietnamese when it is a text column of `columns`. */
store::TextOrder sortTextOrder(std::span<const SortColumn> columns, const std::string& field);

/** Sets the filter's sort from a clicked column; false (the filter unchanged) when the column does not sort. */
bool sortBy(DossierFilter& filter, std::size_t column, bool descending);
bool sortBy(MovementFilter& filter, std::size_t column, bool descending);
bool sortBy(PeopleFilter& filter, std::size_t column, bool descending);

/** Sets the filter's sort from a field name (the CLI's `--sort FIELD[:desc]`); false when no column sorts by it. */
bool sortByField(DossierFilter& filter, const std::string& field, bool descending);
bool sortByField(MovementFilter& filter, const std::string& field, bool descending);
bool sortByField(PeopleFilter& filter, const std::string& field, bool descending);

/** "FIELD", "FIELD:asc" or "FIELD:desc" (the CLI's --sort) split into its field and direction; false otherwise. */
bool parseSortSpec(const std::string& spec, std::string& field, bool& descending);

} // namespace tdkt::app
