// The work tables: movements, commendation dossiers, inspections, and the
// server-written conflicts of DESIGN.md §4.
// [SECTION] movements · commendations · inspections · sync
#include "builders.hpp"

namespace tdkt::schema {
namespace {
using namespace build;

// [SECTION] movements
TableDef movements() {
    return table("movements", "Phong trào thi đua", "unit_id", "title",
                 {ref("unit_id", "units", "Đơn vị phát động / tổ chức", true),
                  searchText("title", "Tên phong trào", true),
                  enumeration("launch_level", "Cấp phát động", unitLevels()),
                  text("plan_number", "Kế hoạch số"), date("plan_date", "Ngày kế hoạch"),
                  date("period_from", "Từ ngày"), date("period_to", "Đến ngày"),
                  enumeration("method", "Hình thức", {{"thuong_xuyen", "Thường xuyên"}, {"chuyen_de", "Theo chuyên đề"}, {"dot_xuat", "Đột xuất"}}),
                  enumeration("status", "Trạng thái",
                              {{"du_thao", "Dự thảo"}, {"dang_trien_khai", "Đang triển khai"},
                               {"da_so_ket", "Đã sơ kết"}, {"da_tong_ket", "Đã tổng kết"}}),
                  searchText("description", "Nội dung")});
}

TableDef movementTargets() {
    return table("movement_targets", "Chỉ tiêu phong trào", "unit_id", "indicator",
                 {ref("movement_id", "movements", "Phong trào", true), ref("unit_id", "units", "Đơn vị", true),
                  text("indicator", "Chỉ tiêu", true), f("target_value", FieldType::Real, "Mức chỉ tiêu"),
                  text("measure", "Đơn vị tính"), date("due_date", "Hạn hoàn thành")});
}

TableDef movementResults() {
    return table("movement_results", "Kết quả phong trào", "unit_id", "indicator",
                 {ref("movement_id", "movements", "Phong trào", true), ref("target_id", "movement_targets", "Chỉ tiêu"),
                  ref("unit_id", "units", "Đơn vị", true), text("indicator", "Chỉ tiêu", true),
                  f("achieved_value", FieldType::Real, "Kết quả đạt được"), integer("year", "Năm"),
                  date("reported_on", "Ngày báo cáo"), text("note", "Ghi chú")});
}

// [SECTION] commendations
// Migration 18 (issue 20): what the law asks about beyond the first schema.
constexpr int RulesSince = 18;

// A hiệp y is the concurrence a unit gives on a proposal another authority decides
// (a bộ, the province): kept as a dossier of its own kind, counted apart (empty: đề nghị).
FieldDef dossierKind() {
    auto d = enumeration("kind", "Loại hồ sơ", {{"de_nghi", "Đề nghị khen thưởng"}, {"hiep_y", "Hiệp y khen thưởng"}});
    d.since = AwardCodesGrown;
    return d;
}

// Migration 21 (issue 22): who issued an award decided outside the unit tree (a bộ,
// ngành, đoàn thể trung ương, the Thủ tướng): the kind gives the statistics level
// (catalog/issuer.hpp), the name which body ("Bộ Công an"). A form decided by a unit
// of the tree needs neither: deciding_unit_id says it.
constexpr int IssuerSince = 21;

FieldDef issuerKind() {
    return since(IssuerSince, enumeration("issuer_kind", "Cơ quan tặng (ngoài cây đơn vị)",
                                          {{"chu_tich_nuoc", "Chủ tịch nước"},
                                           {"thu_tuong", "Thủ tướng Chính phủ"},
                                           {"bo_nganh", "Bộ, ban, ngành trung ương"},
                                           {"doan_the_tw", "Đoàn thể trung ương"},
                                           {"tinh", "Tỉnh, thành phố"},
                                           {"co_quan_don_vi", "Cơ quan, đơn vị khác"}}));
}

FieldDef issuerName() { return since(IssuerSince, text("issuer_name", "Tên cơ quan tặng")); }

TableDef dossiers() {
    return table("dossiers", "Hồ sơ đề nghị khen thưởng", "unit_id", "nominee_name",
                 {ref("unit_id", "units", "Đơn vị đề nghị", true),
                  enumeration("nominee_kind", "Đối tượng", nomineeKinds(), true),
                  ref("person_id", "people", "Cá nhân được đề nghị"),
                  ref("collective_unit_id", "units", "Tập thể được đề nghị"),
                  searchText("nominee_name", "Tên cá nhân / tập thể", true),
                  awardCode("Danh hiệu / hình thức", true),
                  enumeration("method", "Loại khen thưởng", awardMethods()),
                  integer("year", "Năm thành tích", true), integer("period_from_year", "Thành tích từ năm"),
                  integer("period_to_year", "Thành tích đến năm"),
                  enumeration("procedure", "Thủ tục", {{"thong_thuong", "Thông thường"}, {"don_gian", "Đơn giản"}}),
                  enumeration("status", "Trạng thái",
                              {{"draft", "Dự thảo"}, {"submitted", "Đã trình"}, {"under_review", "Đang thẩm định"},
                               {"returned", "Trả lại để bổ sung"}, {"approved", "Đã khen thưởng"},
                               {"not_approved", "Không khen thưởng"}},
                              true),
                  ref("deciding_unit_id", "units", "Cấp quyết định"), date("submitted_on", "Ngày trình"),
                  date("received_on", "Ngày tiếp nhận"), integer("council_members", "Số thành viên Hội đồng"),
                  integer("council_votes_for", "Số phiếu đồng ý"), text("decision_number", "Số quyết định"),
                  date("decision_date", "Ngày quyết định"), integer("amount", "Tiền thưởng (đồng)"),
                  text("status_reason", "Lý do trả lại / không khen"), searchText("summary", "Tóm tắt thành tích"),
                  dossierKind(), since(RulesSince, integer("proposal_rank", "Thứ tự đề nghị")),
                  since(RulesSince, date("completed_on", "Ngày nhận đủ hồ sơ")), issuerKind(), issuerName()});
}

TableDef dossierItems() {
    return table("dossier_items", "Thành phần hồ sơ", "unit_id", "component",
                 {ref("dossier_id", "dossiers", "Hồ sơ", true), ref("unit_id", "units", "Đơn vị", true),
                  enumeration("component", "Thành phần",
                              {{"to_trinh", "Tờ trình"},
                               {"bien_ban_hop", "Biên bản họp Hội đồng TĐKT"},
                               {"bao_cao_thanh_tich", "Báo cáo thành tích"},
                               {"tai_lieu_kiem_chung", "Tài liệu kiểm chứng"},
                               {"xac_nhan_sang_kien", "Giấy chứng nhận sáng kiến / phạm vi ảnh hưởng"},
                               {"quyet_dinh_xep_loai", "Quyết định xếp loại, đánh giá"},
                               {"xac_nhan_nghia_vu_thue_bhxh", "Xác nhận nghĩa vụ thuế, BHXH"},
                               {"bao_cao_tom_tat", "Báo cáo tóm tắt thành tích"}},
                              true),
                  boolean("present", "Đã có"), text("file_name", "Tệp đính kèm"), text("note", "Ghi chú")});
}

TableDef awardHistory() {
    return table("award_history", "Quá trình khen thưởng", "unit_id", "award_code",
                 {ref("unit_id", "units", "Đơn vị", true), ref("person_id", "people", "Cá nhân"),
                  ref("collective_unit_id", "units", "Tập thể"),
                  awardCode("Danh hiệu / hình thức", true),
                  enumeration("method", "Loại khen thưởng", awardMethods()), integer("year", "Năm thành tích", true),
                  text("decision_number", "Số quyết định"), date("decision_date", "Ngày quyết định"),
                  text("decided_by", "Cấp quyết định"), ref("initiative_id", "initiatives", "Sáng kiến làm căn cứ"),
                  issuerKind(), issuerName()});
}

TableDef initiatives() {
    return table("initiatives", "Sáng kiến", "unit_id", "title",
                 {ref("unit_id", "units", "Đơn vị", true), ref("person_id", "people", "Tác giả"),
                  searchText("title", "Tên sáng kiến", true), integer("year", "Năm công nhận", true),
                  enumeration("scope", "Phạm vi ảnh hưởng",
                              {{"co_so", "Cơ sở"}, {"tinh", "Cấp tỉnh, bộ"}, {"toan_quoc", "Toàn quốc"}}, true),
                  text("recognition_decision", "Quyết định công nhận"), date("recognition_date", "Ngày công nhận"),
                  // CSTĐ tỉnh and toàn quốc ask for an initiative applied and replicated (Law Đ21–22).
                  since(RulesSince, boolean("applied", "Đã áp dụng hiệu quả")),
                  since(RulesSince, boolean("replicated", "Có khả năng nhân rộng, đã nhân rộng"))});
}

// [SECTION] inspections
// Migration 19 (issue 18): the team as accounts, the plan's template and notice
// rules, each target's notice dates, publication and self-inspection submission.
constexpr int InspectionWorkSince = 19;

FieldDef since19(FieldDef d) {
    d.since = InspectionWorkSince;
    return d;
}

std::vector<EnumValue> itemResults() {
    return {{"dat", "Đạt"}, {"chua_dat", "Chưa đạt"}, {"khong_ap_dung", "Không áp dụng"}};
}

TableDef inspectionPlans() {
    return table("inspection_plans", "Kế hoạch kiểm tra", "unit_id", "title",
                 {ref("unit_id", "units", "Đơn vị ban hành", true), searchText("title", "Tên kế hoạch", true),
                  text("number", "Số kế hoạch"), date("plan_date", "Ngày ban hành"), integer("year", "Năm", true),
                  text("purpose", "Mục đích, yêu cầu"), text("team", "Thành phần đoàn kiểm tra"),
                  date("schedule_from", "Thời gian từ"), date("schedule_to", "Thời gian đến"),
                  enumeration("status", "Trạng thái",
                              {{"du_thao", "Dự thảo"}, {"dang_thuc_hien", "Đang thực hiện"}, {"da_ket_luan", "Đã kết luận"}}),
                  since19(text("contents", "Nội dung kiểm tra")),
                  since19(ref("template_id", "checklist_templates", "Mẫu nội dung kiểm tra")),
                  since19(integer("template_version", "Phiên bản mẫu")),
                  since19(integer("notice_working_days", "Thông báo trước (ngày làm việc)")),
                  since19(integer("report_days_before", "Đơn vị nộp báo cáo trước (ngày)")),
                  since19(date("self_report_due", "Hạn nộp báo cáo tự kiểm tra"))});
}

TableDef inspectionTargets() {
    return table("inspection_targets", "Đơn vị được kiểm tra", "unit_id", "mode",
                 {ref("plan_id", "inspection_plans", "Kế hoạch", true), ref("unit_id", "units", "Đơn vị được kiểm tra", true),
                  enumeration("mode", "Hình thức", {{"truc_tiep", "Kiểm tra trực tiếp"}, {"tu_kiem_tra", "Tự kiểm tra"}}, true),
                  date("scheduled_on", "Ngày kiểm tra"), text("conclusion", "Kết luận"),
                  since19(date("notice_by", "Hạn thông báo cho đơn vị")),
                  since19(date("report_due", "Hạn đơn vị nộp báo cáo")),
                  since19(enumeration("conclusion_status", "Kết luận",
                                      {{"du_thao", "Dự thảo"}, {"da_cong_bo", "Đã công bố"}})),
                  since19(date("published_on", "Ngày công bố kết luận")),
                  since19(text("published_by", "Người công bố")),
                  since19(enumeration("self_status", "Tự kiểm tra",
                                      {{"dang_thuc_hien", "Đang tự kiểm tra"}, {"da_nop", "Đã nộp"}})),
                  since19(date("submitted_on", "Ngày nộp báo cáo tự kiểm tra"))});
}

// The team's conclusion for one inspected unit, apart from the target row: the unit
// reads its target (dates, mode) from the start but the conclusion only once the
// leader publishes it (inspection_targets.conclusion_status). Its id is made from
// the target's (conclusionId), so two inspectors offline write the same row.
TableDef inspectionConclusions() {
    auto t = table("inspection_conclusions", "Kết luận kiểm tra", "unit_id", "content",
                   {ref("target_id", "inspection_targets", "Đơn vị được kiểm tra", true),
                    ref("unit_id", "units", "Đơn vị được kiểm tra", true), text("strengths", "Ưu điểm"),
                    text("weaknesses", "Hạn chế, tồn tại"), text("content", "Kết luận", true),
                    date("concluded_on", "Ngày kết luận")});
    t.since = InspectionWorkSince;
    return t;
}

// A plan's team, one row per account: its id is made from the plan and the account
// (teamMemberId), so the server's rights find a member without a query.
TableDef inspectionTeam() {
    auto t = table("inspection_team", "Thành viên đoàn kiểm tra", "unit_id", "user_name",
                   {ref("plan_id", "inspection_plans", "Kế hoạch", true), ref("unit_id", "units", "Đơn vị ban hành", true),
                    text("user_name", "Tài khoản", true),
                    enumeration("role", "Nhiệm vụ",
                                {{"truong_doan", "Trưởng đoàn"}, {"pho_truong_doan", "Phó Trưởng đoàn"},
                                 {"thanh_vien", "Thành viên"}, {"thu_ky", "Thư ký"}},
                                true),
                    ref("person_id", "people", "Cán bộ")});
    t.since = InspectionWorkSince;
    return t;
}

TableDef checklistItems() {
    return table("checklist_items", "Nội dung kiểm tra", "unit_id", "content",
                 {ref("target_id", "inspection_targets", "Đơn vị được kiểm tra", true),
                  ref("unit_id", "units", "Đơn vị", true), text("section", "Mục"), text("content", "Nội dung", true),
                  enumeration("result", "Kết quả", itemResults()), text("notes", "Ghi chú"),
                  text("evidence", "Tài liệu kiểm chứng"), integer("sort_order", "Thứ tự"),
                  since19(text("number", "Số thứ tự mục")), since19(text("template_item", "Mã mục trong mẫu"))});
}

TableDef findings() {
    return table("findings", "Phát hiện", "unit_id", "content",
                 {ref("target_id", "inspection_targets", "Đơn vị được kiểm tra", true),
                  ref("checklist_item_id", "checklist_items", "Nội dung kiểm tra"), ref("unit_id", "units", "Đơn vị", true),
                  text("content", "Nội dung phát hiện", true),
                  enumeration("severity", "Mức độ", {{"uu_diem", "Ưu điểm"}, {"han_che", "Hạn chế"}, {"vi_pham", "Vi phạm"}})});
}

TableDef recommendations() {
    return table("recommendations", "Kiến nghị", "unit_id", "content",
                 {ref("target_id", "inspection_targets", "Đơn vị được kiểm tra", true), ref("finding_id", "findings", "Phát hiện"),
                  ref("unit_id", "units", "Đơn vị thực hiện", true), text("content", "Nội dung kiến nghị", true),
                  date("due_date", "Hạn thực hiện"),
                  enumeration("follow_up", "Tình hình thực hiện",
                              {{"chua_thuc_hien", "Chưa thực hiện"}, {"dang_thuc_hien", "Đang thực hiện"}, {"da_thuc_hien", "Đã thực hiện"}}),
                  date("done_on", "Ngày hoàn thành"), text("follow_up_note", "Ghi chú theo dõi")});
}

// [SECTION] sync
TableDef conflicts() {
    auto t = table("conflicts", "Xung đột dữ liệu", "unit_id", "field",
                   {ref("unit_id", "units", "Đơn vị", true), text("table_name", "Bảng", true), text("row_id", "Bản ghi", true),
                    text("field", "Trường", true), f("candidates", FieldType::Json, "Các giá trị cạnh tranh", true),
                    f("winner", FieldType::Json, "Giá trị đang áp dụng"),
                    enumeration("status", "Trạng thái", {{"open", "Chưa xử lý"}, {"resolved", "Đã xử lý"}}, true),
                    f("resolved_value", FieldType::Json, "Giá trị được chọn"), text("resolved_by", "Người xử lý")});
    t.serverWritten = true;
    return t;
}

} // namespace

std::vector<TableDef> workTables() {
    return {movements(),       movementTargets(), movementResults(),   dossiers(), dossierItems(),
            awardHistory(),    initiatives(),     inspectionPlans(),   inspectionTargets(), inspectionTeam(),
            inspectionConclusions(),
            checklistItems(),  findings(),        recommendations(),   conflicts()};
}

} // namespace tdkt::schema
