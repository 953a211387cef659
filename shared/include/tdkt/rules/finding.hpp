#pragma once
/**
 * @brief What a rule check reports: a severity, a Vietnamese message that says
 *        what to do, the rule's id and its legal source.
 */
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace tdkt::rules {

/** Block: submission and approval are refused. Warning: look again. Info: for the record. */
enum class Severity { Block, Warning, Info };

std::string_view severityName(Severity s);

/** A legal source; `verified` is false for items the research marks ⚠️ or ❓. */
struct Source {
    std::string document;
    std::string article;
    bool verified = true;
};

struct Finding {
    std::string ruleId;    // e.g. "completeness.to_trinh", "eligibility.consecutive"
    Severity severity = Severity::Info;
    std::string message;   // Vietnamese, NFC, says what to do
    Source source;
    std::string dossierId; // set by checkUnit, which reports many dossiers
    nlohmann::json params = nlohmann::json::object(); // the finding's figures, for an edge that words it itself
};

using Findings = std::vector<Finding>;

/** {"rule", "severity", "message", "source": {"document", "article", "verified"}, "source_status"}, and
    "params" when the finding has any. */
nlohmann::json toJson(const Finding& f);
nlohmann::json toJson(const Findings& fs);

bool hasBlock(const Findings& fs);

} // namespace tdkt::rules
