#include "finding_text.hpp"

#include "labels.hpp"

#include "tdkt/schema/schema.hpp"

#include <string_view>

namespace tdkt::app {
namespace {

bool knownComponent(const std::string& code) {
    const auto* f = schema::registry().require("dossier_items").field("component");
    for (const auto& v : f->values)
        if (v.code == code) return true;
    return false;
}

std::string quoted(const std::string& s) { return "“" + s + "”"; }

} // namespace

std::string findingKind(const std::string& ruleId, Lang lang) {
    if (lang == Lang::Vi) return {};
    const std::string_view family = std::string_view(ruleId).substr(0, ruleId.find('.'));
    if (family == "completeness") return "Dossier components";
    if (family == "eligibility") return "Eligibility";
    if (family == "authority") return "Authority to decide";
    if (family == "deadline") return "Deadline";
    if (family == "money") return "Award money";
    if (family == "quota") return "Quota";
    if (family == "period") return "Achievement period";
    if (family == "votes") return "Council vote";
    if (family == "initiative") return "Initiative";
    return "Rules";
}

FindingText findingText(const rules::Finding& f, const std::string& awardCode, Lang lang) {
    FindingText t{findingKind(f.ruleId, lang), f.message};
    if (lang == Lang::Vi) return t;
    const std::string award = awardCode.empty() ? std::string("this award") : quoted(enumLabel("dossiers", "award_code", awardCode, lang));
    constexpr std::string_view Completeness = "completeness.";
    if (!f.ruleId.starts_with(Completeness)) return t;
    const std::string rest = f.ruleId.substr(Completeness.size());
    if (rest == "unknown")
        t.sentence = "The catalog lists no dossier components for " + award +
                     ": check the regulating document before submitting.";
    else if (rest == "procedure")
        t.sentence = award + " does not allow this procedure: switch to the regular procedure.";
    else if (knownComponent(rest))
        t.sentence = quoted(enumLabel("dossier_items", "component", rest, lang)) + " is missing from the dossier for " +
                     award + ": add it before submitting.";
    return t;
}

} // namespace tdkt::app
