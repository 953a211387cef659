// The annual report's tables (issue 19, migration 20): when each unit's replicas
// last synced (written by the server), and the report's prose sections; migration
// 22: the model examples.
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

// Migration 22: the model examples (điển hình tiên tiến) a unit found, fostered and
// publicised in a year; the annual report counts and lists them.
constexpr int ModelExamplesSince = 22;

TableDef modelExamples() {
    auto t = table("model_examples", "Điển hình tiên tiến", "unit_id", "name",
                   {ref("unit_id", "units", "Đơn vị", true), integer("year", "Năm", true),
                    searchText("name", "Tên tập thể, cá nhân điển hình", true),
                    enumeration("nominee_kind", "Đối tượng", nomineeKinds(), true), ref("person_id", "people", "Cá nhân"),
                    ref("movement_id", "movements", "Phong trào thi đua"),
                    searchText("achievement", "Thành tích, mô hình tiêu biểu"),
                    boolean("publicized", "Đã tuyên truyền, nhân rộng")});
    t.since = ModelExamplesSince;
    for (auto& fd : t.fields) fd.since = ModelExamplesSince;
    return t;
}

} // namespace

std::vector<TableDef> reportTables() { return {syncMarks(), reportSections(), modelExamples()}; }

} // namespace tdkt::schema
