// The status steps a user may take on a dossier (app/dossier_workflow.hpp): exactly
// those of its role and unit, the reason, ballot and decision they need, and nothing
// written when one is refused.
#include "app_world.hpp"

#include "app/dossier_workflow.hpp"

#include "tdkt/rules/engine.hpp"

#include <doctest/doctest.h>

namespace tdkt::test {
namespace {

using app::Step;

std::string status(const store::Store& s, const std::string& id) {
    return std::get<std::string>(s.get("dossiers", id)->fields.at("status"));
}

bool has(const store::Store& s, const std::string& id, const char* field) {
    return s.get("dossiers", id)->fields.count(field) > 0;
}

} // namespace

TEST_CASE("app-workflow: an officer submits its own unit's drafts and takes no review step") {
    AppWorld w;
    auto& s = *w.store;
    const auto cat = w.catalog();
    const app::Actor officer{"officer", w.communeA};
    const auto own = w.dossier(w.communeA, "Nguyễn Văn Đình", 2026);
    const auto other = w.dossier(w.communeB, "Trần Thị Mai", 2026);
    CHECK(app::allowedSteps(s, cat, officer, own) == std::vector<Step>{Step::Submit});
    CHECK(app::allowedSteps(s, cat, officer, other).empty());
    s.update("dossiers", own, {{"status", std::string("submitted")}});
    CHECK(app::allowedSteps(s, cat, officer, own).empty());
    // A step it may not take is refused in words, and nothing is written.
    const auto why = app::takeStep(s, cat, officer, own, Step::Receive, {}, app::Lang::Vi);
    CHECK(why.find("không được thực hiện bước này") != std::string::npos);
    CHECK(status(s, own) == "submitted");
    CHECK_FALSE(has(s, own, "received_on"));
    s.update("dossiers", own, {{"status", std::string("returned")}});
    CHECK(app::allowedSteps(s, cat, officer, own) == std::vector<Step>{Step::Submit});
}

TEST_CASE("app-workflow: a commune reviewer receives, returns with a reason and records the ballot") {
    AppWorld w;
    auto& s = *w.store;
    const auto cat = w.catalog();
    const app::Actor reviewer{"reviewer", w.communeA};
    const auto id = w.dossier(w.communeA, "Nguyễn Văn Đình", 2026, "lao_dong_tien_tien", "submitted");
    CHECK(app::allowedSteps(s, cat, reviewer, id) == std::vector<Step>{Step::Receive, Step::Return});
    CHECK(app::allowedSteps(s, cat, reviewer, w.dossier(w.communeB, "Trần Thị Mai", 2026, "lao_dong_tien_tien",
                                                         "submitted"))
              .empty()); // another commune's dossier

    CHECK(app::takeStep(s, cat, reviewer, id, Step::Receive, {}, app::Lang::Vi).empty());
    CHECK(status(s, id) == "under_review");
    CHECK(std::get<std::string>(s.get("dossiers", id)->fields.at("received_on")) == rules::todayIso());
    // Since 1/7/2025 the commune decides its Lao động tiên tiến (Nghị định 129/2025 Điều 59).
    CHECK(app::allowedSteps(s, cat, reviewer, id) ==
          std::vector<Step>{Step::Return, Step::RecordVote, Step::Approve, Step::NotApprove});

    app::StepInput vote{.members = "9", .votesFor = "10"};
    CHECK(app::takeStep(s, cat, reviewer, id, Step::RecordVote, vote, app::Lang::Vi).find("Số phiếu đồng ý") == 0);
    CHECK_FALSE(has(s, id, "council_members"));
    vote.members = "không";
    CHECK(app::takeStep(s, cat, reviewer, id, Step::RecordVote, vote, app::Lang::En).find("Council members") == 0);
    vote = {.members = "9", .votesFor = "8"};
    CHECK(app::takeStep(s, cat, reviewer, id, Step::RecordVote, vote, app::Lang::Vi).empty());
    CHECK(std::get<std::int64_t>(s.get("dossiers", id)->fields.at("council_votes_for")) == 8);

    CHECK(app::takeStep(s, cat, reviewer, id, Step::Return, {.reason = "  "}, app::Lang::Vi) == "Cần ghi lý do.");
    CHECK(status(s, id) == "under_review");
    CHECK(app::takeStep(s, cat, reviewer, id, Step::Return, {.reason = "Thiếu biên bản họp"}, app::Lang::Vi).empty());
    CHECK(status(s, id) == "returned");
    CHECK(std::get<std::string>(s.get("dossiers", id)->fields.at("status_reason")) == "Thiếu biên bản họp");
}

TEST_CASE("app-workflow: only the level with authority decides, and a refused decision writes nothing") {
    AppWorld w;
    auto& s = *w.store;
    const auto cat = w.catalog();
    const auto id = w.dossier(w.communeA, "Nguyễn Văn Đình", 2026, "bang_khen_tinh", "under_review");
    const app::Actor commune{"reviewer", w.communeA}, province{"reviewer", w.province};
    // The commune forwards a Bằng khen tỉnh; the province decides it (Luật TĐKT 2022 Điều 79).
    CHECK(app::allowedSteps(s, cat, commune, id) == std::vector<Step>{Step::Return, Step::RecordVote});
    CHECK(app::allowedSteps(s, cat, province, id) ==
          std::vector<Step>{Step::Return, Step::RecordVote, Step::Approve, Step::NotApprove});
    CHECK(app::takeStep(s, cat, commune, id, Step::Approve, {.decisionNumber = "1/QĐ", .decisionDate = "2026-12-01"},
                        app::Lang::Vi)
              .find("không được") != std::string::npos);

    app::StepInput d{.decisionNumber = "125/QĐ-UBND", .decisionDate = "32/12/2026"};
    CHECK(app::takeStep(s, cat, province, id, Step::Approve, d, app::Lang::Vi).find("Ngày quyết định") == 0);
    d.decisionDate = "01/12/2026"; // as the editor takes dates (ISO too)
    d.amount = "-5";
    CHECK(app::takeStep(s, cat, province, id, Step::Approve, d, app::Lang::Vi).find("Tiền thưởng") == 0);
    d.amount = "";
    // The rules still judge the approval: this dossier lacks what a Bằng khen tỉnh needs.
    const auto blocked = app::takeStep(s, cat, province, id, Step::Approve, d, app::Lang::Vi);
    const auto block = rules::blockingFindingForStatus(s, schema::registry().require("dossiers"), id, "approved", cat);
    REQUIRE(block);
    CHECK(blocked == block->message);
    CHECK(status(s, id) == "under_review");
    CHECK_FALSE(has(s, id, "decision_number")); // the batch rolled back
    CHECK_FALSE(has(s, id, "deciding_unit_id"));

    CHECK(app::takeStep(s, cat, province, id, Step::NotApprove, {.reason = "Chưa đủ 2 năm CSTĐ cơ sở"}, app::Lang::Vi)
              .empty());
    CHECK(status(s, id) == "not_approved");
    CHECK(std::get<std::string>(s.get("dossiers", id)->fields.at("deciding_unit_id")) == w.province);
    CHECK(app::allowedSteps(s, cat, province, id).empty());
}

TEST_CASE("app-workflow: a unit's reviewers do not review the unit's own collective") {
    AppWorld w;
    auto& s = *w.store;
    const auto id = s.create("dossiers", {{"unit_id", w.communeA},
                                          {"nominee_kind", std::string("tap_the")},
                                          {"collective_unit_id", w.communeA},
                                          {"nominee_name", std::string("UBND xã Khánh Hòa")},
                                          {"award_code", std::string("tap_the_lao_dong_tien_tien")},
                                          {"year", std::int64_t{2026}},
                                          {"status", std::string("submitted")}});
    CHECK(app::allowedSteps(s, w.catalog(), {"reviewer", w.communeA}, id).empty());
    CHECK(app::allowedSteps(s, w.catalog(), {"reviewer", w.province}, id) == std::vector<Step>{Step::Receive, Step::Return});
}

TEST_CASE("app-workflow: a complete CSTĐ cơ sở is received, balloted and approved by the commune") {
    AppWorld w;
    auto& s = *w.store;
    const auto cat = w.catalog();
    const auto person = s.create("people", {{"unit_id", w.communeA}, {"full_name", std::string("Nguyễn Văn Đình")}});
    s.create("evaluations", {{"unit_id", w.communeA}, {"person_id", person}, {"year", std::int64_t{2026}},
                             {"rank", std::string("htxsnv")}});
    s.create("award_history", {{"unit_id", w.communeA}, {"person_id", person}, {"year", std::int64_t{2026}},
                                {"award_code", std::string("lao_dong_tien_tien")}});
    const auto id = w.dossier(w.communeA, "Nguyễn Văn Đình", 2026, "chien_si_thi_dua_co_so", "submitted");
    s.update("dossiers", id, {{"person_id", person}});
    for (const char* c : {"to_trinh", "bien_ban_hop", "bao_cao_thanh_tich", "tai_lieu_kiem_chung"})
        s.create("dossier_items", {{"dossier_id", id}, {"unit_id", w.communeA}, {"component", std::string(c)},
                                   {"present", std::int64_t{1}}});
    const app::Actor reviewer{"reviewer", w.communeA};
    REQUIRE(app::takeStep(s, cat, reviewer, id, Step::Receive, {}, app::Lang::Vi).empty());
    REQUIRE(app::takeStep(s, cat, reviewer, id, Step::RecordVote, {.members = "9", .votesFor = "9"}, app::Lang::Vi).empty());
    const auto why = app::takeStep(s, cat, reviewer, id, Step::Approve,
                                   {.decisionNumber = "15/QĐ-UBND", .decisionDate = "2026-12-05", .amount = "2340000"},
                                   app::Lang::Vi);
    CHECK_MESSAGE(why.empty(), why);
    CHECK(status(s, id) == "approved");
    CHECK(std::get<std::string>(s.get("dossiers", id)->fields.at("decision_number")) == "15/QĐ-UBND");
    CHECK(std::get<std::int64_t>(s.get("dossiers", id)->fields.at("amount")) == 2340000);
    CHECK(std::get<std::string>(s.get("dossiers", id)->fields.at("deciding_unit_id")) == w.communeA);
    CHECK(app::allowedSteps(s, cat, reviewer, id).empty()); // decided
}

} // namespace tdkt::test
