#pragma once
/**
 * @brief The body that issued an award decided outside the unit tree
 *        (dossiers.issuer_kind, award_history.issuer_kind, migration 21), read as
 *        the unit level it stands for, so the rules and the statistics treat it
 *        as they treat a deciding unit of that level.
 *
 * chu_tich_nuoc, thu_tuong → trung_uong (state awards, biểu số 1); bo_nganh,
 * doan_the_tw, tinh → bo_nganh / tinh (biểu số 2, with the province's own, as
 * 0603.N counts "cấp bộ, ngành, tỉnh"); co_quan_don_vi → co_quan (a Giấy khen of
 * an agency outside the tree, Law Đ75.1: biểu số 3). Unknown kinds: empty.
 */
#include <string>
#include <string_view>

namespace tdkt::catalog {

/** The units.level code an issuer kind decides at; empty for an empty or unknown kind. */
std::string_view issuerLevel(std::string_view issuerKind);

/** Whether the kind names a body whose name tells which one (a bộ, an đoàn thể, a tỉnh, an agency). */
bool issuerNeedsName(std::string_view issuerKind);

} // namespace tdkt::catalog
