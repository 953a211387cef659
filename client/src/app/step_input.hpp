#pragma once
// A status step's typed inputs read (dossier_workflow.cpp, recorded_decision.cpp):
// whole numbers, the decision date as the editor takes dates (dd/mm/yyyy, ISO too),
// and the sentences of what a step refuses.
#include "messages.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace tdkt::app {

enum class StepProblem {
    NotAllowed,
    NoReason,
    BadMembers,
    BadVotes,
    NoDecisionNumber,
    BadDate,
    BadAmount,
    NoIssuer,     // RecordDecision: who decided is not chosen
    BadIssuer,    // RecordDecision: that authority does not decide the form here
    NoIssuerName, // RecordDecision: which bộ, which tỉnh
};

std::string stepSentence(StepProblem p, Lang lang);

/** The text without leading and trailing blanks. */
std::string trimmedInput(const std::string& s);

/** A whole number typed ("" or anything else: none). */
std::optional<std::int64_t> wholeInput(const std::string& s);

/** The ISO day of a typed date ("01/12/2026", "1/12/2026", "2026-12-01"); none when it is not a date. */
std::optional<std::string> dateInput(const std::string& s);

} // namespace tdkt::app
