#pragma once
// The components checklist of a dossier: what its award form asks for under its
// procedure (the catalog rule the rules engine judges by: tờ trình, báo cáo thành
// tích, biên bản họp Hội đồng…), each ticked or not and with its document number
// or reference, written as the dossier_items rows the completeness check reads
// (rules/context_build.cpp: present, or a file attached).
#include "tdkt/rules/catalog.hpp"
#include "tdkt/store/store.hpp"

#include <string>
#include <vector>

namespace tdkt::app {

struct ComponentLine {
    std::string code, label;
    bool required = false; // asked for by the award form; false: attached beyond what it asks
    bool present = false;
    std::string reference; // the document's number, sign or file (dossier_items.note)
    std::string itemId;    // "" while no row exists
};

/** The required components first (in the rule's order), then any other item of the dossier. */
std::vector<ComponentLine> dossierComponents(const store::Store& store, const rules::Catalog& catalog,
                                             const std::string& dossierId);

/**
 * Ticks or unticks a component and writes its reference, creating its row when
 * missing. A reference typed ticks it; unticking clears an attached file too (the
 * engine counts a file as present). Returns true when the store changed.
 */
bool setComponent(store::Store& store, const std::string& dossierId, const std::string& component, bool present,
                  const std::string& reference);

} // namespace tdkt::app
