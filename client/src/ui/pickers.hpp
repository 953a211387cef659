#pragma once
// The pickers the dossier editor and the new-dossier row draw instead of typed
// codes: the nominee kind, a person found by name among the user's units, a unit
// of the user's subtree, an award form of the catalog open to the nominee kind.
#include "app/session.hpp"

#include <optional>
#include <string>

namespace tdkt::ui {

/** ca_nhan / tap_the / ho_gia_dinh by their labels; the kind picked this frame. */
std::optional<std::string> nomineeKindCombo(const std::string& label, const std::string& kind,
                                            app::Lang lang);

/**
 * A name field that lists the people of the user's units matching it (diacritics
 * ignored) under it while typing; the person picked this frame. `text` is the name
 * as typed (a nominee not on the people list keeps it).
 */
std::optional<app::Choice> personPicker(app::Session& s, const std::string& label, std::string& text);

/** The user's unit and those below it, indented as a tree. */
std::optional<app::Choice> unitCombo(app::Session& s, const std::string& label, const std::string& selectedId);

/** A list's unit filter: "all units" first, then the user's subtree; the id picked
 *  this frame ("" for every unit). */
std::optional<std::string> unitFilter(app::Session& s, const std::string& label, const std::string& selectedId);

/** A list's award-form filter: "every award" first, then the catalog's forms; the code
 *  picked this frame ("" for every form). */
std::optional<std::string> awardFilter(app::Session& s, const std::string& label, const std::string& selectedCode);

/** The catalog's award forms open to `kind`, by their Vietnamese names. */
std::optional<app::Choice> awardCombo(app::Session& s, const std::string& label, const std::string& kind,
                                      const std::string& selectedCode);

} // namespace tdkt::ui
