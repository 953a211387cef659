// The issuer outside the unit tree (issue 22): a Bằng khen or Cờ thi đua of a bộ,
// ngành, đoàn thể trung ương or tỉnh is recorded with the body that gives it
// (dossiers.issuer_kind, issuer_name) unless a unit of the tree decides it: the
// dossier's deciding unit, or a unit of its chain with the power (a proposal to
// the province the tree holds names no issuer). Which forms and which issuer
// kinds: issuer.required rows.
#include "format.hpp"
#include "row_values.hpp"
#include "tdkt/catalog/issuer.hpp"
#include "tdkt/rules/checks.hpp"
#include "tdkt/schema/schema.hpp"

#include <algorithm>

namespace tdkt::rules {
using namespace detail;
namespace {

std::string kindLabel(std::string_view kind) {
    if (const auto* f = schema::registry().require("dossiers").field("issuer_kind"))
        for (const auto& v : f->values)
            if (v.code == kind) return v.label;
    return std::string(kind);
}

std::string kindLabels(const std::vector<std::string>& kinds) {
    std::string out;
    for (const auto& k : kinds) out += (out.empty() ? "" : ", ") + kindLabel(k);
    return out;
}

Finding issuerFinding(const DossierContext& ctx, std::string id, Severity severity, std::string message,
                      const Parameter& p) {
    auto f = finding(std::move(id), severity, std::move(message) + unverifiedNote(p.source), p.source);
    f.params = {{"award_code", ctx.dossier.awardCode}, {"issuer_kinds", splitList(p.text)}};
    if (!ctx.dossier.issuerKind.empty()) f.params["issuer_kind"] = ctx.dossier.issuerKind;
    return f;
}

} // namespace

std::string decidingLevelOf(const DossierContext& ctx) {
    if (!ctx.decidingLevel.empty()) return ctx.decidingLevel;
    return std::string(catalog::issuerLevel(ctx.dossier.issuerKind));
}

Findings checkIssuer(const DossierContext& ctx) {
    const auto* p = ctx.param({.key = "issuer.required", .awardCode = ctx.dossier.awardCode});
    if (!p) return {};
    const auto kinds = splitList(p->text);
    const auto& d = ctx.dossier;
    if (d.issuerKind.empty()) {
        // A unit of the tree decides it: deciding_unit_id, or the chain's unit with the power.
        if (!ctx.decidingLevel.empty()) return {};
        if (const auto a = decidingAuthority(ctx); a && !a->unitId.empty()) return {};
        return {issuerFinding(ctx, "issuer.missing", severityFor(p->source),
                              "Ghi cơ quan tặng " + quotedAward(ctx) + " (" + kindLabels(kinds) +
                                  " và tên cơ quan), hoặc chọn cấp quyết định trong cây đơn vị.",
                              *p)};
    }
    Findings out;
    if (std::find(kinds.begin(), kinds.end(), d.issuerKind) == kinds.end())
        out.push_back(issuerFinding(ctx, "issuer.kind", Severity::Warning,
                                    "«" + kindLabel(d.issuerKind) + "» không phải cơ quan tặng " + quotedAward(ctx) +
                                        " (" + kindLabels(kinds) + "): sửa cơ quan tặng hoặc hình thức khen thưởng.",
                                    *p));
    if (catalog::issuerNeedsName(d.issuerKind) && d.issuerName.find_first_not_of(" \t") == std::string::npos)
        out.push_back(issuerFinding(ctx, "issuer.name", Severity::Warning,
                                    "Ghi tên cơ quan tặng " + quotedAward(ctx) + " (" + kindLabel(d.issuerKind) +
                                        ", ví dụ «Bộ Công an»).",
                                    *p));
    return out;
}

} // namespace tdkt::rules
