// An outside issuer as the unit level it decides at (issue 22).
#include "tdkt/catalog/issuer.hpp"

#include <array>
#include <utility>

namespace tdkt::catalog {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 6> Levels{{{"chu_tich_nuoc", "trung_uong"},
                                                                             {"thu_tuong", "trung_uong"},
                                                                             {"bo_nganh", "bo_nganh"},
                                                                             {"doan_the_tw", "bo_nganh"},
                                                                             {"tinh", "tinh"},
                                                                             {"co_quan_don_vi", "co_quan"}}};

} // namespace

std::string_view issuerLevel(std::string_view issuerKind) {
    for (const auto& [kind, level] : Levels)
        if (kind == issuerKind) return level;
    return {};
}

bool issuerNeedsName(std::string_view issuerKind) {
    return !issuerKind.empty() && issuerKind != "chu_tich_nuoc" && issuerKind != "thu_tuong";
}

} // namespace tdkt::catalog
