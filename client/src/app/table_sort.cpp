#include "table_sort.hpp"

#include <algorithm>
#include <iterator>

namespace tdkt::app {
namespace {

constexpr SortColumn Dossiers[] = {
    {"nominee_name", true}, {"award_code"}, {"year"}, {"status"}, {"unit_id"}};
constexpr SortColumn Movements[] = {
    {"title", true}, {"plan_date"}, {"launch_level"}, {"unit_id"}, {"period_from"}, {"method"}, {"status"}};
constexpr SortColumn People[] = {{"full_name", true}, {"position", true}, {"is_leader"}, {"unit_id"}};

template <class Filter>
bool setSort(Filter& f, std::span<const SortColumn> columns, std::size_t column, bool descending) {
    if (column >= columns.size() || !*columns[column].field) return false;
    f.sortField = columns[column].field;
    f.descending = descending;
    return true;
}

template <class Filter>
bool setSortField(Filter& f, std::span<const SortColumn> columns, const std::string& field, bool descending) {
    const int at = sortColumnOf(columns, field);
    return at >= 0 && setSort(f, columns, static_cast<std::size_t>(at), descending);
}

} // namespace

std::span<const SortColumn> dossierSortColumns() { return Dossiers; }
std::span<const SortColumn> movementSortColumns() { return Movements; }
std::span<const SortColumn> peopleSortColumns() { return People; }

int sortColumnOf(std::span<const SortColumn> columns, const std::string& field) {
    if (field.empty()) return -1;
    auto it = std::find_if(columns.begin(), columns.end(), [&](const SortColumn& c) { return field == c.field; });
    return it == columns.end() ? -1 : static_cast<int>(std::distance(columns.begin(), it));
}

store::TextOrder sortTextOrder(std::span<const SortColumn> columns, const std::string& field) {
    const int at = sortColumnOf(columns, field);
    return at >= 0 && columns[static_cast<std::size_t>(at)].text ? store::TextOrder::Vietnamese : store::TextOrder::Bytes;
}

bool sortBy(DossierFilter& f, std::size_t column, bool descending) {
    return setSort(f, Dossiers, column, descending);
}
bool sortBy(MovementFilter& f, std::size_t column, bool descending) {
    return setSort(f, Movements, column, descending);
}
bool sortBy(PeopleFilter& f, std::size_t column, bool descending) {
    return setSort(f, People, column, descending);
}

bool sortByField(DossierFilter& f, const std::string& field, bool descending) {
    return setSortField(f, Dossiers, field, descending);
}
bool sortByField(MovementFilter& f, const std::string& field, bool descending) {
    return setSortField(f, Movements, field, descending);
}
bool sortByField(PeopleFilter& f, const std::string& field, bool descending) {
    return setSortField(f, People, field, descending);
}

bool parseSortSpec(const std::string& spec, std::string& field, bool& descending) {
    const auto colon = spec.find(':');
    field = spec.substr(0, colon);
    const std::string dir = colon == std::string::npos ? "asc" : spec.substr(colon + 1);
    if (field.empty() || (dir != "asc" && dir != "desc")) return false;
    descending = dir == "desc";
    return true;
}

} // namespace tdkt::app
