#pragma once
// What the dossier editor's pickers offer, instead of typed codes: the people of
// the user's units found by name (diacritics-insensitive, through the search
// index), the units of the user's subtree in tree order (a collective nominee, the
// proposing unit), and the catalog's award forms a nominee kind may get, by their
// Vietnamese names.
#include "tdkt/rules/catalog.hpp"
#include "tdkt/store/store.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace tdkt::app {

struct Choice {
    std::string id;    // the stored value (a row id, an award code)
    std::string label; // what a person reads
    std::string name;  // the name alone (a person's, without position and unit)
    int depth = 0;     // units: the level below the subtree's root
};

/** People of `unit` and below whose name matches `text` (every word a prefix), by name; at most `limit`. */
std::vector<Choice> findPeople(const store::Store& store, const std::string& unit, const std::string& text,
                               std::size_t limit = 12);

/** `root` and every unit below it, depth first by name; every unit when root is "". */
std::vector<Choice> unitSubtree(const store::Store& store, const std::string& root);

/** The catalog's award forms in force today (distinct codes) open to `nomineeKind`, by Vietnamese name. */
std::vector<Choice> awardForms(const rules::Catalog& catalog, const std::string& nomineeKind);

} // namespace tdkt::app
