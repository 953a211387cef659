#pragma once
/**
 * @brief A page of a big list, read without loading the list: filters, a unit
 *        subtree, a diacritics-insensitive text match, a sort and the key of the
 *        last row already shown (keyset paging), and only the columns a list shows.
 * Thread safety: a plain value; run it with the Store of the calling thread.
 */
#include "tdkt/core/value.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace tdkt::store {

struct Filter;

/** Where a page starts: after the row with this sort value and id. */
struct PageKey {
    Value sortValue;
    std::string id;
};

/** How a text sort field orders: as bytes, in Vietnamese alphabetical order, or by given name first (vi_collate.hpp). */
enum class TextOrder { Bytes, Vietnamese, GivenName };
/** Movements (issue 17): a field within bounds (a null end is open); a row whose field is empty passes when `emptyPasses`. */
struct FieldRange {
    std::string field;
    Value atLeast, atMost;
    bool emptyPasses = false;
};

struct PageQuery {
    std::string table;
    std::vector<std::pair<std::string, Value>> equals; // field = value (null: IS NULL)
    std::string unitSubtree;        // rows whose unit field is this unit or below it ("": any)
    std::string text;               // words matched as prefixes in the search index, folded ("": any)
    std::string sortField = "id";   // "id" or a field of the table
    bool descending = false;
    std::optional<PageKey> after;   // keyset paging: rows after this key in sort order
    std::size_t offset = 0;         // a jump (ignored with `after`)
    std::size_t limit = 100;
    std::vector<std::string> columns; // fields to read (empty: all); the sort field is always read
    TextOrder textOrder = TextOrder::Bytes; // records (issue 17): names sorted as Vietnamese is
    std::vector<FieldRange> ranges;   // movements (issue 17): e.g. a period overlapping a year
};

} // namespace tdkt::store
