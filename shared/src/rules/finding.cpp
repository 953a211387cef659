#include "tdkt/rules/finding.hpp"

namespace tdkt::rules {

std::string_view severityName(Severity s) {
    switch (s) {
    case Severity::Block: return "block";
    case Severity::Warning: return "warning";
    case Severity::Info: return "info";
    }
    return "info";
}

nlohmann::json toJson(const Finding& f) {
    nlohmann::json j{{"rule", f.ruleId},
                     {"severity", severityName(f.severity)},
                     {"message", f.message},
                     {"source", {{"document", f.source.document}, {"article", f.source.article},
                                 {"verified", f.source.verified}}}};
    // The UI shows unverified sources with this label (DOMAIN.md: ⚠️/❓ items).
    j["source_status"] = f.source.verified ? "đã xác minh" : "chưa xác minh";
    if (!f.dossierId.empty()) j["dossier_id"] = f.dossierId;
    if (!f.params.empty()) j["params"] = f.params;
    return j;
}

nlohmann::json toJson(const Findings& fs) {
    auto out = nlohmann::json::array();
    for (const auto& f : fs) out.push_back(toJson(f));
    return out;
}

bool hasBlock(const Findings& fs) {
    for (const auto& f : fs)
        if (f.severity == Severity::Block) return true;
    return false;
}

} // namespace tdkt::rules
