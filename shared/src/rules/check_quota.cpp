// Quotas are configuration: a share of the holders of a base award (e.g. the
// NĐ 91 Đ9.3 cap of 15% of LĐTT for achievement years up to 2023, or a province's own).
#include "format.hpp"
#include "history.hpp"
#include "tdkt/rules/checks.hpp"

#include <cmath>

namespace tdkt::rules {
using namespace detail;

Findings checkQuota(const QuotaInput& in) {
    if (!in.quota || !in.quota->value) return {};
    // "Không quá 15%" is read as a floor: 13 LĐTT × 15% = 1.95 allows 1 (domain-verified §1 row 2).
    const auto cap = static_cast<std::size_t>(
        std::floor(static_cast<double>(in.baseCount) * *in.quota->value + 1e-9));
    const std::string what = "«" + awardLabel(in.awardCode) + "» năm " + std::to_string(in.year);
    const std::string limit = "hạn mức " + percent(*in.quota->value) + " số «" + awardLabel(in.quota->text) + "» (" +
                              std::to_string(in.baseCount) + " → tối đa " + std::to_string(cap) + ")";
    if (in.proposed <= cap)
        return {finding("quota.within", Severity::Info,
                        in.unitName + " đề nghị " + std::to_string(in.proposed) + " " + what + ", trong " + limit + ".",
                        in.quota->source)};
    return {finding("quota.exceeded", Severity::Block,
                    in.unitName + " đề nghị " + std::to_string(in.proposed) + " " + what + ", vượt " + limit +
                        ": giảm số hồ sơ đề nghị.",
                    in.quota->source)};
}

} // namespace tdkt::rules
