// Reference data as replicated tables (migration 2): the award catalog (criteria,
// period, dossier components) and the dated parameters, each with its own source:
// deciding authority per unit level, council vote shares, money coefficients, base
// salary, quotas, member shares, deadlines and the general rules.
// Shipped in assets/reference, seeded by `tdkt-cli reference load`, editable by
// administrators like any row, so a rule change is a data change.
#include "builders.hpp"

namespace tdkt::schema {
namespace {
using namespace build;

constexpr int ReferenceSince = 2;

FieldDef json(std::string name, std::string label) { return f(std::move(name), FieldType::Json, std::move(label)); }

// The legal source and validity every reference row carries.
void addProvenance(std::vector<FieldDef>& fields) {
    fields.push_back(text("source_document", "Văn bản căn cứ", true));
    fields.push_back(text("source_article", "Điều, khoản"));
    fields.push_back(date("effective_from", "Áp dụng từ ngày"));
    fields.push_back(date("effective_to", "Áp dụng đến ngày"));
    fields.push_back(boolean("verified", "Đã xác minh"));
    fields.push_back(text("note", "Ghi chú"));
}

TableDef withSince(TableDef t) {
    t.since = ReferenceSince;
    for (auto& fd : t.fields) fd.since = ReferenceSince;
    return t;
}

TableDef awardRules() {
    std::vector<FieldDef> fields{
        ref("unit_id", "units", "Phạm vi áp dụng (trống: toàn quốc)"),
        awardCode("Danh hiệu / hình thức", true),
        enumeration("category", "Loại", {{"danh_hieu", "Danh hiệu thi đua"}, {"hinh_thuc", "Hình thức khen thưởng"}}, true),
        text("nominee_kinds", "Đối tượng (ca_nhan, tap_the, ho_gia_dinh)", true),
        integer("period_years", "Thời gian thành tích (năm)"),
        json("components", "Thành phần hồ sơ theo thủ tục"),
        json("criteria", "Tiêu chuẩn (điều kiện máy kiểm tra)"),
        integer("rank", "Thứ bậc (cao hơn: lớn hơn)")};
    addProvenance(fields);
    return withSince(table("award_rules", "Danh mục danh hiệu, hình thức khen thưởng", "unit_id", "award_code",
                           std::move(fields)));
}

TableDef parameters() {
    std::vector<FieldDef> fields{
        ref("unit_id", "units", "Phạm vi áp dụng (trống: toàn quốc)"),
        text("key", "Tham số", true),
        awardCode("Danh hiệu / hình thức"),
        integer("year", "Năm áp dụng"),
        f("value", FieldType::Real, "Giá trị số"),
        text("text_value", "Giá trị chữ"),
        enumeration("date_basis", "Xác định hiệu lực theo",
                    {{"received_on", "Ngày tiếp nhận hồ sơ"},
                     {"achievement_year", "Năm thành tích"},
                     {"decision_date", "Ngày quyết định"}})};
    addProvenance(fields);
    return withSince(table("parameters", "Tham số quy định", "unit_id", "key", std::move(fields)));
}

// Checklist templates (issue 18, migration 19): versioned like the catalog; a copy
// an administrator edits is a new row (based_on) with the next version.
TableDef checklistTemplates() {
    std::vector<FieldDef> fields{ref("unit_id", "units", "Phạm vi áp dụng (trống: toàn quốc)"),
                                 text("code", "Mã mẫu", true), integer("version", "Phiên bản", true),
                                 text("title", "Tên mẫu", true), json("items", "Các mục kiểm tra"),
                                 ref("based_on", "checklist_templates", "Sao từ mẫu")};
    addProvenance(fields);
    auto t = table("checklist_templates", "Mẫu nội dung kiểm tra", "unit_id", "title", std::move(fields));
    t.since = 19;
    return t;
}

} // namespace

std::vector<TableDef> referenceTables() { return {awardRules(), parameters(), checklistTemplates()}; }

} // namespace tdkt::schema
