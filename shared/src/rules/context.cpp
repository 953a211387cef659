#include "tdkt/rules/context.hpp"

namespace tdkt::rules {

When DossierContext::when() const {
    When w;
    // GEN-9: judged by the rules in force when the dossier was received.
    w.receivedOn = dossier.receivedOn.empty() ? today : dossier.receivedOn;
    w.achievementYear = dossier.year;
    w.decisionDate = dossier.decisionDate;
    return w;
}

const AwardRule* DossierContext::rule() const {
    if (!catalog) return nullptr;
    return catalog->rule(dossier.awardCode, when().receivedOn, unitChain);
}

const Parameter* DossierContext::param(const ParamQuery& q) const {
    if (!catalog) return nullptr;
    return catalog->param(q, when(), unitChain);
}

} // namespace tdkt::rules
