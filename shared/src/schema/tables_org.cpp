// Organisation tables: units, people, their yearly evaluations and disciplines.
#include "builders.hpp"

namespace tdkt::schema {
namespace {
using namespace build;

// Migration 18 (issue 20): what the law asks about beyond the first schema.
constexpr int RulesSince = 18;


TableDef units() {
    auto t = table("units", "Đơn vị", "id", "name",
                   {ref("parent_id", "units", "Đơn vị cấp trên"), searchText("name", "Tên đơn vị", true),
                    text("code", "Mã đơn vị"), enumeration("level", "Cấp", unitLevels(), true),
                    ref("merged_into_id", "units", "Hợp nhất vào đơn vị"),
                    text("merged_from", "Hình thành từ các đơn vị"), date("valid_from", "Hiệu lực từ"),
                    date("valid_to", "Hiệu lực đến"), text("address", "Địa chỉ")});
    return t;
}

TableDef people() {
    return table("people", "Cá nhân", "unit_id", "full_name",
                 {ref("unit_id", "units", "Đơn vị", true), searchText("full_name", "Họ và tên", true),
                  enumeration("gender", "Giới tính", {{"nam", "Nam"}, {"nu", "Nữ"}}),
                  integer("birth_year", "Năm sinh"), searchText("position", "Chức vụ"),
                  boolean("is_leader", "Là lãnh đạo, quản lý"),
                  boolean("is_frontline", "Người lao động trực tiếp"),
                  date("recruited_on", "Ngày tuyển dụng"), text("phone", "Điện thoại")});
}

TableDef evaluations() {
    return table("evaluations", "Xếp loại hằng năm", "unit_id", "year",
                 {ref("unit_id", "units", "Đơn vị", true), ref("person_id", "people", "Cá nhân"),
                  ref("collective_unit_id", "units", "Tập thể"), integer("year", "Năm", true),
                  enumeration("rank", "Xếp loại",
                              {{"htxsnv", "Hoàn thành xuất sắc nhiệm vụ"},
                               {"httnv", "Hoàn thành tốt nhiệm vụ"},
                               {"htnv", "Hoàn thành nhiệm vụ"},
                               {"khtnv", "Không hoàn thành nhiệm vụ"}},
                              true),
                  boolean("maternity_leave", "Nghỉ thai sản trong năm"), text("note", "Ghi chú")});
}

TableDef disciplines() {
    return table("disciplines", "Kỷ luật và vụ việc", "unit_id", "kind",
                 {ref("unit_id", "units", "Đơn vị", true), ref("person_id", "people", "Cá nhân"),
                  ref("collective_unit_id", "units", "Tập thể"),
                  enumeration("kind", "Loại",
                              {{"khien_trach", "Khiển trách"},
                               {"canh_cao", "Cảnh cáo"},
                               {"ha_bac_luong", "Hạ bậc lương"},
                               {"cach_chuc", "Cách chức"},
                               {"buoc_thoi_viec", "Buộc thôi việc"},
                               {"dang_xem_xet_ky_luat", "Đang xem xét kỷ luật"},
                               {"dang_dieu_tra_thanh_tra", "Đang điều tra, thanh tra, kiểm tra"},
                               {"dang_xac_minh_khieu_nai", "Đang xác minh khiếu nại, tố cáo"}},
                              true),
                  date("from_date", "Từ ngày", true), date("to_date", "Đến ngày"),
                  text("decision_number", "Số quyết định"), text("note", "Ghi chú"),
                  // GEN-3: a case unblocks when its conclusion finds no violation.
                  since(RulesSince, enumeration("conclusion", "Kết luận",
                                                {{"khong_vi_pham", "Không vi phạm"}, {"co_vi_pham", "Có vi phạm"}})),
                  since(RulesSince, date("concluded_on", "Ngày kết luận"))});
}

// Leave with its dates (maternity counts as work, GEN-5; training, treatment...), migration 18.
TableDef leavePeriods() {
    auto t = table("leave_periods", "Thời gian nghỉ, đi học", "unit_id", "kind",
                   {ref("unit_id", "units", "Đơn vị", true), ref("person_id", "people", "Cá nhân", true),
                    enumeration("kind", "Loại",
                                {{"thai_san", "Nghỉ thai sản"},
                                 {"om_dau", "Nghỉ ốm đau"},
                                 {"dieu_tri_thuong", "Điều trị thương tích do chiến đấu, cứu người, cứu tài sản"},
                                 {"dao_tao", "Đi đào tạo, bồi dưỡng"},
                                 {"khong_luong", "Nghỉ không hưởng lương"},
                                 {"khac", "Khác"}},
                                true),
                    date("from_date", "Từ ngày", true), date("to_date", "Đến ngày"),
                    text("decision_number", "Số quyết định"), text("note", "Ghi chú")});
    t.since = RulesSince;
    return t;
}

} // namespace

// Defined in tables_work.cpp: movements, commendations, inspections, sync.
std::vector<TableDef> workTables();
std::vector<TableDef> referenceTables(); // tables_reference.cpp
std::vector<TableDef> reportTables();    // tables_report.cpp

std::vector<TableDef> allTables() {
    std::vector<TableDef> all{units(), people(), evaluations(), disciplines()};
    for (auto& t : workTables()) all.push_back(std::move(t));
    for (auto& t : referenceTables()) all.push_back(std::move(t));
    all.push_back(leavePeriods());
    for (auto& t : reportTables()) all.push_back(std::move(t));
    return all;
}

} // namespace tdkt::schema
