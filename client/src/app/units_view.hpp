#pragma once
// The unit tree (đơn vị) as a screen shows it: every unit of the replica from its
// roots, indented, with its level and lineage (merged into, formed from, valid
// from/to: 2025's mergers of communes and provinces); one unit's fields in a form
// that only an administrator may change (the server refuses anyone else).
#include "messages.hpp"
#include "row_form.hpp"

#include "tdkt/store/store.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace tdkt::app {

struct UnitLine {
    std::string id, name, level, code, mergedInto, mergedFrom, validFrom, validTo;
    int depth = 0;
    std::size_t people = 0;
    bool dissolved = false; // merged into another or no longer valid
};

/** The units from their roots, depth first by Vietnamese name. */
std::vector<UnitLine> unitLines(const store::Store& store, Lang lang);

class UnitsView {
public:
    /** Reads the tree again when `epoch` or the language moved. */
    const std::vector<UnitLine>& lines(const store::Store& store, std::uint64_t epoch, Lang lang);
    /** Opens a unit's form; throws Error(NotFound). */
    void open(const store::Store& store, const std::string& id) { form.load(store, "units", id); }
    RowForm form;

private:
    std::uint64_t m_epoch = 0;
    Lang m_lang = Lang::Vi;
    std::vector<UnitLine> m_lines;
};

} // namespace tdkt::app
