// The inspection view the screens draw (issue 18), headless on a replica file:
// plans a page at a time, the open target's items in order and rebuilt when the
// epoch moves, field-mode actions worded on error, the follow-up board's overdue
// days across plans, and the report's export with a clear error for a bad path.
#include "app/app_world.hpp"

#include "app/inspection_view.hpp"

#include "tdkt/inspection/plan.hpp"

#include <doctest/doctest.h>

namespace tdkt::test {

TEST_CASE("app: inspection view pages plans, walks a checklist, words errors, boards what is overdue") {
    AppWorld w;
    auto& s = *w.store;
    std::string planA, planB, target;
    for (int year : {2023, 2024}) {
        inspection::PlanInput in;
        in.unitId = w.province;
        in.title = "Kiểm tra TĐKT " + std::to_string(year);
        in.year = year;
        in.templateId = "mau-kiem-tra-tdkt-v1";
        (year == 2023 ? planA : planB) = inspection::createPlan(s, in);
    }
    CHECK(app::planCount(s) == 2);
    const auto page = app::planPage(s, 0, 1);
    REQUIRE(page.size() == 1);
    CHECK(page[0].id == planB); // newest year first
    CHECK(page[0].issuer == "Tỉnh Ninh Bình");
    CHECK(app::planPage(s, 1, 1)[0].id == planA);

    target = inspection::addTarget(s, planB, w.communeA, "truc_tiep", "2024-05-16");
    const std::string other = inspection::addTarget(s, planA, w.communeB, "truc_tiep", "2023-05-16");
    app::InspectionView view;
    view.openPlan(planB);
    view.openTarget(target);
    std::uint64_t epoch = 1;
    auto items = view.items(s, epoch);
    REQUIRE(items.size() == 27);
    CHECK(items[0]->number == "1.1");
    CHECK(view.setResult(s, items[0]->id, "dat", app::Lang::Vi).empty());
    CHECK(view.target(s, epoch)->assessed == 0); // the same epoch: the view is kept
    CHECK(view.target(s, ++epoch)->assessed == 1);
    CHECK_FALSE(view.setResult(s, "khong-co", "dat", app::Lang::Vi).empty());
    CHECK(view.setNotes(s, view.items(s, epoch)[1]->id, "Thiếu hồ sơ", "", app::Lang::Vi).empty());
    CHECK(view.items(s, ++epoch)[1]->notes == "Thiếu hồ sơ");
    CHECK(view.addFinding(s, "", "han_che", app::Lang::Vi) == "Hãy nhập nội dung phát hiện.");
    CHECK(view.addRecommendation(s, "Bổ sung hồ sơ", "2024-06-30", app::Lang::Vi).empty());
    CHECK(view.conclude(s, "Tuyên truyền tốt", "", "Cơ bản đúng quy định", "2024-05-17", app::Lang::Vi).empty());
    const auto* t = view.target(s, ++epoch);
    CHECK(t->strengths == "Tuyên truyền tốt");
    CHECK(t->conclusion == "Cơ bản đúng quy định");

    // Across plans: overdue first (most days first), done ones never overdue.
    const auto old = inspection::addRecommendation(s, other, "Kiện toàn Hội đồng", {}, "2023-07-01");
    const auto done = inspection::addRecommendation(s, other, "Lưu trữ hồ sơ", {}, "2023-06-01");
    CHECK(app::InspectionView::followUp(s, done, "da_thuc_hien", app::Lang::Vi).empty());
    const auto board = app::followUpBoard(s, "2024-07-10");
    REQUIRE(board.size() == 3);
    CHECK(board[0].id == old);
    CHECK(board[0].overdueDays == 375);
    CHECK(board[0].planTitle == "Kiểm tra TĐKT 2023");
    CHECK(board[1].content == "Bổ sung hồ sơ");
    CHECK(board[1].overdueDays == 10);
    CHECK(board[2].id == done);
    CHECK(board[2].overdueDays == 0);
    CHECK_FALSE(app::InspectionView::followUp(s, old, "xong", app::Lang::Vi).empty());

    // A self-inspection is submitted once; a direct one cannot be.
    CHECK_FALSE(view.submitSelf(s, app::Lang::Vi).empty());
    const auto self = inspection::addTarget(s, planB, w.communeB, "tu_kiem_tra", "2024-05-20");
    view.openTarget(self);
    CHECK(view.submitSelf(s, app::Lang::Vi).empty());
    CHECK(view.target(s, ++epoch)->selfStatus == "da_nop");
    view.openTarget(target);

    // The report: written where asked, a clear sentence where it cannot be.
    const auto file = w.dir / "bc.docx";
    CHECK(view.exportReport(s, file, TDKT_REPORT_DIR "/docx", true, app::Lang::Vi).empty());
    CHECK(std::filesystem::file_size(file) > 1000);
    CHECK_FALSE(view.exportReport(s, w.dir / "khong-co" / "bc.docx", TDKT_REPORT_DIR "/docx", false, app::Lang::Vi).empty());
}

} // namespace tdkt::test
