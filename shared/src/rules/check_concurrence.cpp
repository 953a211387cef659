// Hiệp y: the unit's concurrence on a proposal another authority decides. The
// proposal is judged there (criteria, quota, council, authority, money), so only
// what the concurrence itself answers for is checked here: the form exists for
// the nominee (checkRuleInForce) and the nominee is not under discipline,
// investigation or a complaint being verified (checkBlocks, GEN-3).
#include "format.hpp"
#include "tdkt/rules/checks.hpp"

namespace tdkt::rules {

bool isConcurrence(const DossierContext& ctx) { return ctx.dossier.kind == "hiep_y"; }

Findings checkConcurrence(const DossierContext& ctx) {
    if (!isConcurrence(ctx)) return {};
    // Where the research found the procedure (domain-law-and-practice.md, time limits:
    // consulted bodies reply within 10 working days, a historical national rule).
    Source source{"Quy định về thủ tục hiệp y khen thưởng (lấy ý kiến cơ quan liên quan)",
                  "thời hạn trả lời hiệp y: 10 ngày làm việc (quy định trước đây)", false};
    auto f = detail::finding(
        "concurrence.scope", Severity::Info,
        "Hồ sơ hiệp y " + detail::quotedAward(ctx) +
            ": cấp khác xét và quyết định khen thưởng; đơn vị chỉ cho ý kiến về việc chấp hành chủ trương, chính "
            "sách, pháp luật của đối tượng (đang bị kỷ luật, điều tra, khiếu nại thì không hiệp y). Tiêu chuẩn, tỷ "
            "lệ, biểu quyết Hội đồng, thẩm quyền và tiền thưởng không xét ở hồ sơ này.",
        std::move(source));
    f.params = {{"award_code", ctx.dossier.awardCode}, {"kind", ctx.dossier.kind}};
    return {std::move(f)};
}

} // namespace tdkt::rules
