#pragma once
// A decision taken above the unit tree, recorded by the office that forwarded the
// dossier (DOMAIN.md "Dossier life"; the server's rule: award_authority.hpp). A
// reviewer whose level has no authority for the award form records who decided —
// an issuer outside the tree whose level has it (the Chủ tịch nước for a Huân
// chương, the Thủ tướng for a Bằng khen Thủ tướng, a bộ for its Bằng khen), with the
// body's name where its kind needs one — the decision number (an approval needs it),
// date, amount, and whether it approved; never a unit of the tree as deciding unit,
// and never an issuer the tree holds (the province of a Bằng khen tỉnh records its
// own decision). What this writes is what the server accepts.
#include "dossier_workflow.hpp"

#include <string>
#include <vector>

namespace tdkt::app {

/** An authority above the tree that may have decided the form. */
struct IssuerChoice {
    std::string kind;       // dossiers.issuer_kind code: "chu_tich_nuoc", "thu_tuong", "bo_nganh"…
    std::string label;      // "Chủ tịch nước", "Chủ tịch UBND tỉnh"
    bool needsName = false; // which bộ, which tỉnh: issuer_name is asked for
};

/** What the step shows: the authorities to choose from and the inputs it opens with. */
struct RecordForm {
    std::vector<IssuerChoice> issuers; // empty: no authority above the tree decides this form
    std::string authority;             // the catalog's deciding authority ("Thủ tướng Chính phủ")
    bool carriesMoney = false;         // the form pays an amount (money.* in force)
    StepInput input;                   // the dossier's issuer when it is a choice, else the catalog's; the amount due
};

/** The form of the step for the dossier (no actor: whether it is offered is allowedSteps'). */
RecordForm recordForm(const store::Store& store, const rules::Catalog& catalog, const std::string& dossierId,
                      Lang lang);

/**
 * Records the decision in one transaction (the step already allowed): "" or the
 * sentence in `lang` of what is missing or wrong, and then nothing is written. An
 * approval passes the rules gate as Approve does.
 */
std::string recordDecision(store::Store& store, const rules::Catalog& catalog, const std::string& dossierId,
                           const StepInput& in, Lang lang);

} // namespace tdkt::app
