#pragma once
// A rules finding as the editor's panel shows it (issue 17, English): the engine
// words every finding in Vietnamese (shared/ words none in English). In English the
// panel names the finding's kind from its rule id, and words in English the findings
// whose parameters the edge knows (the dossier's components); the rest keep the
// engine's Vietnamese sentence. The legal source stays as titled (a document's name).
#include "messages.hpp"

#include "tdkt/rules/finding.hpp"

#include <string>

namespace tdkt::app {

struct FindingText {
    std::string kind;     // "" in Vietnamese (the panel shows the severity only, as before)
    std::string sentence; // what to do
};

/** The kind of a rule id ("completeness.to_trinh" → "Dossier components") in English, "" in Vietnamese. */
std::string findingKind(const std::string& ruleId, Lang lang);

/** The finding of a dossier proposing `awardCode`, worded for `lang`. */
FindingText findingText(const rules::Finding& f, const std::string& awardCode, Lang lang);

} // namespace tdkt::app
