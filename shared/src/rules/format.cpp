#include "format.hpp"

#include "history.hpp"

#include <cmath>

namespace tdkt::rules::detail {

Finding finding(std::string ruleId, Severity severity, std::string message, Source source) {
    Finding f;
    f.ruleId = std::move(ruleId);
    f.severity = severity;
    f.message = std::move(message);
    f.source = std::move(source);
    return f;
}

Severity severityFor(const Source& source) { return source.verified ? Severity::Block : Severity::Warning; }

std::string sourceText(const Source& source) {
    return source.document + (source.article.empty() ? "" : " " + source.article);
}

std::string unverifiedNote(const Source& source) {
    if (source.verified) return "";
    return " (căn cứ " + sourceText(source) + " chưa xác minh: người có thẩm quyền đối chiếu văn bản gốc)";
}

std::string formatDate(std::string_view iso) {
    if (iso.size() != 10) return std::string(iso);
    return std::string(iso.substr(8, 2)) + "/" + std::string(iso.substr(5, 2)) + "/" + std::string(iso.substr(0, 4));
}

std::string formatMoney(std::int64_t amount) {
    std::string digits = std::to_string(amount < 0 ? -amount : amount);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
        out += digits[i];
    }
    return (amount < 0 ? "-" : "") + out + " đ";
}

std::string formatNumber(double v) {
    std::string s = std::to_string(std::round(v * 1000.0) / 1000.0);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.') s.pop_back();
    for (auto& c : s)
        if (c == '.') c = ',';
    return s;
}

std::string quotedAward(const DossierContext& ctx) { return "«" + awardLabel(ctx.dossier.awardCode) + "»"; }

const Parameter* decidingParam(const DossierContext& ctx, const ParamQuery& q) {
    if (!ctx.catalog) return nullptr;
    std::vector<std::string> scopes;
    if (!ctx.decidingUnitId.empty()) scopes.push_back(ctx.decidingUnitId);
    scopes.insert(scopes.end(), ctx.unitChain.begin(), ctx.unitChain.end());
    return ctx.catalog->param(q, ctx.when(), scopes);
}

} // namespace tdkt::rules::detail
