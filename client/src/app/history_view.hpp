#pragma once
// The history of one record (lịch sử): each change of a field as a person reads it
// (the field by its schema label, values as shown elsewhere: enum labels,
// references by their rows' titles), who made it, when (local time), on which
// device, and whether it holds or lost to a concurrent edit (kept in a conflict).
#include "messages.hpp"

#include "tdkt/store/store.hpp"

#include <functional>
#include <string>
#include <vector>

namespace tdkt::app {

struct HistoryLine {
    std::string field, fieldLabel, before, after, author, when, device;
    HlcStamp hlc = 0;
    bool thisDevice = false; // made on this replica
    bool applied = true;     // false: lost to a concurrent edit (its value kept in a conflict)
};

/** A field's value as a person reads it (Session::shownValue). */
using ValueNamer = std::function<std::string(const std::string& table, const std::string& field, const Value& value)>;

/** The same reading over a store, for tdkt-cli (which has no Session): enum labels, references by
 *  title, dates as dd/mm/yyyy. */
std::string shownValueIn(const store::Store& store, const std::string& table, const std::string& field,
                         const Value& value, Lang lang);

/**
 * The record's changes, oldest first. An edit counts as lost when the store says so
 * or when a later edit of the field that holds was made without seeing it (its base
 * is older): on the replica whose edit lost, its own op was applied when made.
 */
std::vector<HistoryLine> historyLines(const store::Store& store, const std::string& table, const std::string& id,
                                      const ValueNamer& shown, Lang lang);

/** The history table's column headers: when, who, device, field, before, after, outcome. */
std::vector<std::string> historyColumns(Lang lang);
/** The history table's columns a header click sorts (issue 17): when, who, device, field; the others do not. */
inline constexpr std::size_t HistorySortColumns = 4;
/**
 * The order to show `lines` in, sorted by column `column` (0 when, 1 who, 2 device,
 * 3 field; names in Vietnamese order), ties by time; a column that does not sort: by time.
 */
std::vector<std::size_t> historyOrder(const std::vector<HistoryLine>& lines, std::size_t column, bool descending);

/** What the history screen shows: the record it is of, its title, the lines. */
struct HistoryView {
    std::string table, id, title, tableLabel;
    std::vector<HistoryLine> lines;
    std::string error; // the record could not be read (worded)
};

} // namespace tdkt::app
