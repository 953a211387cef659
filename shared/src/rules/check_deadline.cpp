// Deadlines for receiving a dossier, set by the deciding level (deadline.receive).
// Most count from the achievement year; CSTĐ toàn quốc counts from the decision on
// the second consecutive CSTĐ tỉnh (deadline.counted_from: NĐ 91 Đ48.1.a, NĐ 98
// Đ32.1.a): proposed in the year after that decision's year, at the Bộ Nội vụ by
// 31/12 of that year. Out of that window the nominee is no longer eligible.
#include "format.hpp"
#include "history.hpp"
#include "row_values.hpp"
#include "tdkt/rules/checks.hpp"

namespace tdkt::rules {
using namespace detail;
namespace {

// "YYYY-MM-DD" as is; "MM-DD" is a day of the base year plus `value` years.
std::string deadlineDate(const Parameter& p, int year) {
    if (p.text.size() == 10) return p.text;
    if (p.text.size() != 5) return {};
    const int offset = static_cast<int>(p.value.value_or(0));
    return std::to_string(year + offset) + "-" + p.text;
}

// The decision date of `award` for the dossier's achievement year, decided (not pending).
std::string decisionOf(const DossierContext& ctx, const std::string& award) {
    for (const auto& a : ctx.awards)
        if (a.awardCode == award && a.year == ctx.dossier.year && !a.pending && !a.decisionDate.empty())
            return a.decisionDate;
    return {};
}

} // namespace

Findings checkDeadline(const DossierContext& ctx) {
    const auto& d = ctx.dossier;
    const auto* p = decidingParam(ctx, {.key = "deadline.receive", .awardCode = d.awardCode, .year = d.year});
    if (!p) return {};
    const auto* from = ctx.param({.key = "deadline.counted_from", .awardCode = d.awardCode});
    int base = d.year;
    std::string decided;
    if (from) {
        decided = decisionOf(ctx, from->text);
        if (decided.empty())
            return {finding("deadline.decision_missing", Severity::Warning,
                            "Ghi ngày quyết định tặng «" + awardLabel(from->text) + "» năm " + std::to_string(d.year) +
                                " vào quá trình khen thưởng: thời hạn đề nghị " + quotedAward(ctx) +
                                " tính từ năm sau năm của quyết định đó.",
                            from->source)};
        base = yearOf(decided);
    }
    const auto deadline = deadlineDate(*p, base);
    if (deadline.empty()) return {};
    const std::string& at = !d.receivedOn.empty() ? d.receivedOn : !d.submittedOn.empty() ? d.submittedOn : ctx.today;
    const std::string when = !d.receivedOn.empty() ? "tiếp nhận ngày " + formatDate(at)
                             : !d.submittedOn.empty() ? "trình ngày " + formatDate(at)
                                                      : "chưa trình, hôm nay " + formatDate(at);
    const std::string counted =
        from ? " (quyết định tặng «" + awardLabel(from->text) + "» ngày " + formatDate(decided) + ")" : "";
    if (from) {
        const std::string opens = std::to_string(base + static_cast<int>(p->value.value_or(0))) + "-01-01";
        if (at < opens)
            return {finding("deadline.window", Severity::Warning,
                            "Hồ sơ " + quotedAward(ctx) + " " + when + ", trước thời gian đề nghị: đề nghị trong năm " +
                                opens.substr(0, 4) + ", từ " + formatDate(opens) + " đến " + formatDate(deadline) +
                                counted + ".",
                            from->source)};
    }
    if (at <= deadline)
        return {finding("deadline.receive", Severity::Info,
                        "Hạn nộp hồ sơ " + quotedAward(ctx) + ": " + formatDate(deadline) + counted + " (" +
                            sourceText(p->source) + ").",
                        p->source)};
    if (from)
        // Past the window the nominee is not eligible any more: as hard as the source is sure.
        return {finding("deadline.receive", severityFor(p->source),
                        "Hồ sơ " + quotedAward(ctx) + " " + when + ", đã hết thời gian đề nghị (hồ sơ đến cơ quan "
                            "quyết định chậm nhất " + formatDate(deadline) + counted +
                            "): không còn đủ điều kiện đề nghị theo thành tích này." + unverifiedNote(p->source),
                        p->source)};
    return {finding("deadline.receive", Severity::Warning,
                    "Hồ sơ " + quotedAward(ctx) + " " + when + ", đã quá hạn nhận hồ sơ " + formatDate(deadline) +
                        " của cấp quyết định: liên hệ cấp quyết định hoặc chuyển sang đợt xét sau.",
                    p->source)};
}

} // namespace tdkt::rules
