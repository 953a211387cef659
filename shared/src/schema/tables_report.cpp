// The annual report's tables (issue 19, migration 20): when each unit's replicas
// last synced (written by the server), and the report's prose sections.
#include "builders.hpp"

namespace tdkt::schema {
namespace {
using namespace build;

constexpr int ReportSince = 20;

TableDef withSince(TableDef t) {
    t.since = ReportSince;
    for (auto& fd : t.fields) fd.since = ReportSince;
    return t;
}

// One row a unit (id: syncMarkId(unit)); the report flags units not synced since a date.
TableDef syncMarks() {
    auto t = withSince(table("sync_marks", "Tình trạng đồng bộ của đơn vị", "unit_id", "unit_id",
                             {ref("unit_id", "units", "Đơn vị", true), date("last_push_on", "Gửi dữ liệu lần cuối"),
                              date("last_pull_on", "Nhận dữ liệu lần cuối"), text("last_site", "Máy trạm gần nhất")}));
    t.serverWritten = true;
    return t;
}

// One row a section of a unit's report of a year (id: reportSectionId(...)), so two
// officers writing one section edit one field, and the server keeps both as a conflict.
TableDef reportSections() {
    return withSince(table("report_sections", "Nội dung báo cáo tổng kết", "unit_id", "section_key",
                           {ref("unit_id", "units", "Đơn vị báo cáo", true), integer("year", "Năm báo cáo", true),
                            text("outline", "Đề cương", true), text("section_key", "Mục", true),
                            searchText("body", "Nội dung")}));
}

} // namespace

std::vector<TableDef> reportTables() { return {syncMarks(), reportSections()}; }

} // namespace tdkt::schema
