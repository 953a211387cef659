// A decision taken above the unit tree, recorded by the office that forwarded the
// dossier (app/recorded_decision.hpp): offered to the reviewers whose level does not
// decide the form, never where their level does (Approve) nor to an officer; who
// decided is an authority above the tree; nothing written when something is missing.
#include "app_world.hpp"

#include "app/recorded_decision.hpp"

#include "tdkt/rules/engine.hpp"

#include <doctest/doctest.h>

namespace tdkt::test {
namespace {

using app::Step;

std::string text(const store::Store& s, const std::string& id, const char* field) {
    const auto row = s.get("dossiers", id);
    auto it = row->fields.find(field);
    const auto* v = it == row->fields.end() ? nullptr : std::get_if<std::string>(&it->second);
    return v ? *v : std::string();
}

bool has(const store::Store& s, const std::string& id, const char* field) {
    const auto row = s.get("dossiers", id);
    auto it = row->fields.find(field);
    return it != row->fields.end() && !isNull(it->second);
}

std::vector<std::string> kinds(const app::RecordForm& f) {
    std::vector<std::string> out;
    for (const auto& c : f.issuers) out.push_back(c.kind);
    return out;
}

const std::vector<Step> Forwarding{Step::Return, Step::RecordVote, Step::RecordDecision};

} // namespace

TEST_CASE("app-recorded: offered to the reviewers above whose level does not decide the form") {
    AppWorld w;
    auto& s = *w.store;
    const auto cat = w.catalog();
    const app::Actor commune{"reviewer", w.communeA}, province{"reviewer", w.province};
    const app::Actor officer{"officer", w.communeA}, otherCommune{"reviewer", w.communeB};
    // A Huân chương Lao động is the Chủ tịch nước's (Luật TĐKT 2022 Điều 77): no unit of the tree decides it.
    const auto hcld = w.dossier(w.communeA, "Nguyễn Văn Đình", 2026, "huan_chuong_lao_dong_hang_ba", "under_review");
    CHECK(app::allowedSteps(s, cat, commune, hcld) == Forwarding);
    CHECK(app::allowedSteps(s, cat, province, hcld) == Forwarding);
    CHECK(app::allowedSteps(s, cat, officer, hcld).empty());
    CHECK(app::allowedSteps(s, cat, otherCommune, hcld).empty());
    // Not before the dossier is under review, as Approve.
    const auto early = w.dossier(w.communeA, "Lê Thị Hoa", 2026, "huan_chuong_lao_dong_hang_ba", "submitted");
    CHECK(app::allowedSteps(s, cat, commune, early) == std::vector<Step>{Step::Receive, Step::Return});

    const auto form = app::recordForm(s, cat, hcld, app::Lang::Vi);
    CHECK(kinds(form) == std::vector<std::string>{"chu_tich_nuoc", "thu_tuong"});
    CHECK(form.issuers.at(0).label == "Chủ tịch nước");
    CHECK(form.issuers.at(1).label == "Thủ tướng Chính phủ");
    CHECK_FALSE(form.issuers.at(0).needsName);
    CHECK(form.authority == "Chủ tịch nước (theo đề nghị của Thủ tướng Chính phủ)");
    CHECK(form.input.issuerKind == "chu_tich_nuoc"); // the catalog's title names it
    CHECK(app::recordForm(s, cat, hcld, app::Lang::En).issuers.at(1).label == "Prime Minister");

    // The province is in the tree and decides its Bằng khen: the commune forwards, the province approves.
    const auto bkt = w.dossier(w.communeA, "Trần Văn Nam", 2026, "bang_khen_tinh", "under_review");
    CHECK(app::allowedSteps(s, cat, commune, bkt) == std::vector<Step>{Step::Return, Step::RecordVote});
    CHECK(app::allowedSteps(s, cat, province, bkt) ==
          std::vector<Step>{Step::Return, Step::RecordVote, Step::Approve, Step::NotApprove});
    // The commune decides its Lao động tiên tiến itself: Approve, never a recording.
    const auto ldtt = w.dossier(w.communeA, "Phạm Thị Lan", 2026, "lao_dong_tien_tien", "under_review");
    CHECK(app::allowedSteps(s, cat, commune, ldtt) ==
          std::vector<Step>{Step::Return, Step::RecordVote, Step::Approve, Step::NotApprove});
    CHECK(app::takeStep(s, cat, commune, ldtt, Step::RecordDecision,
                        {.decisionNumber = "1/QĐ", .decisionDate = "01/12/2026", .issuerKind = "thu_tuong"},
                        app::Lang::Vi)
              .find("không được thực hiện bước này") != std::string::npos);
    CHECK_FALSE(has(s, ldtt, "issuer_kind"));
}

TEST_CASE("app-recorded: something missing is refused in words and nothing is written") {
    AppWorld w;
    auto& s = *w.store;
    const auto cat = w.catalog();
    const app::Actor commune{"reviewer", w.communeA};
    const auto id = w.dossier(w.communeA, "Nguyễn Văn Đình", 2026, "huan_chuong_lao_dong_hang_ba", "under_review");
    auto in = app::recordForm(s, cat, id, app::Lang::Vi).input;
    in.decisionDate = "02/09/2026";
    const auto refused = [&](const app::StepInput& i, app::Lang lang = app::Lang::Vi) {
        return app::takeStep(s, cat, commune, id, Step::RecordDecision, i, lang);
    };
    CHECK(refused(in) == "Cần ghi số quyết định.");
    CHECK(refused(in, app::Lang::En) == "A decision number is needed.");
    in.decisionNumber = "1520/QĐ-CTN";
    in.decisionDate = "31/02/2026";
    CHECK(refused(in).find("Ngày quyết định phải có dạng ngày/tháng/năm") == 0);
    in.decisionDate = "02/09/2026";
    auto noIssuer = in;
    noIssuer.issuerKind = "";
    CHECK(refused(noIssuer) == "Cần chọn cơ quan đã quyết định.");
    auto wrong = in;
    wrong.issuerKind = "tinh"; // a province has no power over a Huân chương
    wrong.issuerName = "Tỉnh Ninh Bình";
    CHECK(refused(wrong).find("không có thẩm quyền quyết định hình thức này") != std::string::npos);
    auto notApproved = in;
    notApproved.approved = false;
    CHECK(refused(notApproved) == "Cần ghi lý do.");
    for (const char* f : {"issuer_kind", "issuer_name", "decision_number", "decision_date", "amount", "status_reason"})
        CHECK_MESSAGE(!has(s, id, f), f);
    CHECK(text(s, id, "status") == "under_review");

    // A ministry's Bằng khen names which ministry.
    const auto bkb = w.dossier(w.communeA, "Lê Thị Hoa", 2026, "bang_khen_bo_nganh", "under_review");
    const auto form = app::recordForm(s, cat, bkb, app::Lang::Vi);
    CHECK(kinds(form) == std::vector<std::string>{"bo_nganh", "doan_the_tw"});
    CHECK(form.issuers.at(0).needsName);
    auto b = form.input;
    b.decisionNumber = "88/QĐ-BGDĐT";
    b.decisionDate = "01/10/2026";
    CHECK(app::takeStep(s, cat, commune, bkb, Step::RecordDecision, b, app::Lang::Vi).find("Cần ghi tên cơ quan") == 0);
    CHECK_FALSE(has(s, bkb, "issuer_kind"));
    CHECK(text(s, bkb, "status") == "under_review");
}

TEST_CASE("app-recorded: the recorded decision writes who decided and never a unit of the tree") {
    AppWorld w;
    auto& s = *w.store;
    const auto cat = w.catalog();
    const app::Actor commune{"reviewer", w.communeA};
    const auto id = w.dossier(w.communeA, "Nguyễn Văn Đình", 2026, "huan_chuong_lao_dong_hang_ba", "under_review");
    for (const char* c : {"to_trinh", "bien_ban_hop", "bao_cao_thanh_tich", "tai_lieu_kiem_chung"})
        s.create("dossier_items", {{"dossier_id", id}, {"unit_id", w.communeA}, {"component", std::string(c)},
                                   {"present", std::int64_t{1}}});
    auto in = app::recordForm(s, cat, id, app::Lang::Vi).input;
    in.decisionNumber = " 1520/QĐ-CTN ";
    in.decisionDate = "2/9/2026";
    const auto why = app::takeStep(s, cat, commune, id, Step::RecordDecision, in, app::Lang::Vi);
    REQUIRE_MESSAGE(why.empty(), why);
    CHECK(text(s, id, "status") == "approved");
    CHECK(text(s, id, "issuer_kind") == "chu_tich_nuoc");
    CHECK_FALSE(has(s, id, "issuer_name"));
    CHECK(text(s, id, "decision_number") == "1520/QĐ-CTN");
    CHECK(text(s, id, "decision_date") == "2026-09-02");
    CHECK_FALSE(has(s, id, "deciding_unit_id"));
    const auto form = app::recordForm(s, cat, id, app::Lang::Vi);
    if (form.carriesMoney) CHECK(std::get<std::int64_t>(s.get("dossiers", id)->fields.at("amount")) ==
                                 std::stoll(form.input.amount));
    CHECK(app::allowedSteps(s, cat, commune, id).empty()); // decided

    // A ministry's refusal, named, with its reason; a leftover deciding unit is cleared.
    const auto bkb = w.dossier(w.communeA, "Lê Thị Hoa", 2026, "bang_khen_bo_nganh", "under_review");
    s.update("dossiers", bkb, {{"issuer_kind", std::string("doan_the_tw")}, {"issuer_name", std::string("Trung ương Đoàn")},
                               {"deciding_unit_id", w.communeA}});
    auto b = app::recordForm(s, cat, bkb, app::Lang::Vi).input;
    CHECK(b.issuerKind == "doan_the_tw"); // the dossier's own issuer, when it is a choice
    CHECK(b.issuerName == "Trung ương Đoàn");
    b.issuerKind = "bo_nganh";
    b.issuerName = "Bộ Giáo dục và Đào tạo";
    b.approved = false;
    b.reason = "Chưa đủ thời gian công tác";
    REQUIRE(app::takeStep(s, cat, commune, bkb, Step::RecordDecision, b, app::Lang::Vi).empty());
    CHECK(text(s, bkb, "status") == "not_approved");
    CHECK(text(s, bkb, "issuer_kind") == "bo_nganh");
    CHECK(text(s, bkb, "issuer_name") == "Bộ Giáo dục và Đào tạo");
    CHECK(text(s, bkb, "status_reason") == "Chưa đủ thời gian công tác");
    CHECK_FALSE(has(s, bkb, "deciding_unit_id"));
    CHECK_FALSE(has(s, bkb, "decision_number"));
}

TEST_CASE("app-recorded: the approval rules gate a recorded approval as they gate Approve") {
    AppWorld w;
    auto& s = *w.store;
    const auto cat = w.catalog();
    const app::Actor commune{"reviewer", w.communeA};
    const auto person = s.create("people", {{"unit_id", w.communeA}, {"full_name", std::string("Nguyễn Văn Đình")}});
    const auto id = w.dossier(w.communeA, "Nguyễn Văn Đình", 2026, "huan_chuong_lao_dong_hang_ba", "under_review");
    s.update("dossiers", id, {{"person_id", person}});
    // Under disciplinary review: no award (GEN-3), whoever decided it.
    s.create("disciplines", {{"unit_id", w.communeA}, {"person_id", person}, {"kind", std::string("dang_xem_xet_ky_luat")},
                             {"from_date", std::string("2026-01-01")}});
    auto in = app::recordForm(s, cat, id, app::Lang::Vi).input;
    in.decisionNumber = "1520/QĐ-CTN";
    in.decisionDate = "02/09/2026";
    // The gate judges the dossier as recorded: issuer and number in, then the block.
    s.update("dossiers", id, {{"issuer_kind", std::string("chu_tich_nuoc")}, {"decision_number", std::string("x")}});
    const auto block = rules::blockingFindingForStatus(s, schema::registry().require("dossiers"), id, "approved", cat);
    s.update("dossiers", id, {{"issuer_kind", Value{}}, {"decision_number", Value{}}});
    REQUIRE(block);
    CHECK(app::takeStep(s, cat, commune, id, Step::RecordDecision, in, app::Lang::Vi) == block->message);
    CHECK(text(s, id, "status") == "under_review");
    CHECK_FALSE(has(s, id, "issuer_kind")); // the batch rolled back
    CHECK_FALSE(has(s, id, "decision_number"));
}

} // namespace tdkt::test
