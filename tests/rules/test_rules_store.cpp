// The reference tables in the replica (migration 2, seeding, catalogFromStore),
// and the engine over a real store: checkDossier, checkUnit, the status gate.
#include "rules_fixture.hpp"
#include "temp_dir.hpp"

#include "tdkt/rules/engine.hpp"
#include "tdkt/rules/reference_io.hpp"
#include "tdkt/store/migrations.hpp"
#include "tdkt/store/sqlite.hpp"

#include <doctest/doctest.h>

#include <algorithm>

namespace tdkt::test {
namespace {
using store::Fields;

std::unique_ptr<store::Store> seeded(const TempDir& dir) {
    auto s = store::Store::open(dir / "t.db", {.create = true, .siteName = "test"});
    rules::seedReference(*s, TDKT_REFERENCE_DIR);
    return s;
}

bool has(const rules::Findings& fs, const std::string& id) {
    return std::any_of(fs.begin(), fs.end(), [&](const auto& f) { return f.ruleId == id; });
}

// A commune under a province; a person with LĐTT 2025 proposed for CSTĐ cơ sở 2025.
struct World {
    std::string province, commune, person, dossier;
};

World cstdWorld(store::Store& s) {
    World w;
    w.province = s.create("units", {{"name", std::string("Tỉnh Ninh Bình")}, {"level", std::string("tinh")}});
    w.commune = s.create("units", {{"name", std::string("Xã Khánh Hòa")}, {"level", std::string("xa")},
                                   {"parent_id", w.province}});
    w.person = s.create("people", {{"unit_id", w.commune}, {"full_name", std::string("Nguyễn Văn Đình")}});
    s.create("evaluations", {{"unit_id", w.commune}, {"person_id", w.person}, {"year", std::int64_t{2025}},
                             {"rank", std::string("htxsnv")}});
    s.create("award_history", {{"unit_id", w.commune}, {"person_id", w.person}, {"year", std::int64_t{2025}},
                                {"award_code", std::string("lao_dong_tien_tien")}});
    w.dossier = s.create("dossiers", {{"unit_id", w.commune}, {"nominee_kind", std::string("ca_nhan")},
                                      {"person_id", w.person}, {"nominee_name", std::string("Nguyễn Văn Đình")},
                                      {"award_code", std::string("chien_si_thi_dua_co_so")},
                                      {"year", std::int64_t{2025}}, {"status", std::string("draft")},
                                      {"deciding_unit_id", w.commune}, {"received_on", std::string("2025-12-01")},
                                      {"council_members", std::int64_t{9}}, {"council_votes_for", std::int64_t{9}}});
    for (const char* c : {"to_trinh", "bien_ban_hop", "bao_cao_thanh_tich", "tai_lieu_kiem_chung"})
        s.create("dossier_items", {{"dossier_id", w.dossier}, {"unit_id", w.commune}, {"component", std::string(c)},
                                   {"present", std::int64_t{1}}});
    return w;
}

} // namespace

TEST_CASE("rules: seeding the reference tables is idempotent and reads back whole") {
    TempDir dir;
    auto s = store::Store::open(dir / "t.db", {.create = true, .siteName = "test"});
    auto first = rules::seedReference(*s, TDKT_REFERENCE_DIR);
    const std::size_t checklistTemplates = 1; // assets/reference/checklist_templates.json (issue 18)
    CHECK(first.created == catalog().rules().size() + catalog().params().size() + checklistTemplates);
    auto again = rules::seedReference(*s, TDKT_REFERENCE_DIR);
    CHECK(again.created == 0);
    CHECK(again.updated == 0);
    CHECK(again.unchanged == first.created);
    CHECK(s->pendingCount() > 0);

    const auto fromStore = rules::catalogFromStore(*s);
    CHECK(fromStore.rules().size() == catalog().rules().size());
    CHECK(fromStore.params().size() == catalog().params().size());
    const auto* r = fromStore.rule("chien_si_thi_dua_tinh", "2025-08-15");
    REQUIRE(r);
    CHECK(r->periodYears == 3);
    CHECK(r->components.at("thong_thuong").size() == 4);
    CHECK(r->source.document == "Luật Thi đua, khen thưởng 06/2022/QH15");

    // An administrator's edit is a row edit; the catalog follows it.
    s->update("parameters", "base_salary-2024", {{"value", 2000000.0}});
    rules::When when{"2025-08-15", 2025, "2025-08-15"};
    CHECK(rules::catalogFromStore(*s).param({.key = "money.base_salary"}, when)->value == 2000000.0);
    CHECK(rules::seedReference(*s, TDKT_REFERENCE_DIR).updated == 1); // reload restores the shipped value
}

TEST_CASE("rules: opening a version-1 database adds the reference tables and keeps its rows") {
    TempDir dir;
    const auto path = dir / "v1.db";
    {
        auto db = store::Db::open(path, true);
        db.exec(store::migrationSql(schema::registry(), 1));
        db.exec("PRAGMA application_id = " + std::to_string(store::ApplicationId));
        db.exec("PRAGMA user_version = 1");
        db.exec("INSERT INTO units(id, name, level) VALUES ('u-old', 'Huyện Yên Khánh', 'huyen')");
        CHECK(db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'award_rules'") == 0);
    }
    auto s = store::Store::open(path);
    auto unit = s->get("units", "u-old");
    REQUIRE(unit);
    CHECK(std::get<std::string>(unit->fields.at("name")) == "Huyện Yên Khánh");
    CHECK(s->list("award_rules").empty());
    rules::seedReference(*s, TDKT_REFERENCE_DIR);
    CHECK(s->list("award_rules").size() == catalog().rules().size());
}

TEST_CASE("rules: checkDossier over the replica") {
    TempDir dir;
    auto s = seeded(dir);
    auto w = cstdWorld(*s);
    const auto cat = rules::catalogFromStore(*s);
    auto fs = rules::checkDossier(*s, w.dossier, cat, "2025-12-05");
    CHECK_FALSE(rules::hasBlock(fs));
    CHECK(has(fs, "money.amount"));

    // Without the evidence component the dossier cannot be submitted.
    auto item = s->list("dossier_items", {{"component", std::string("bao_cao_thanh_tich")}});
    REQUIRE(item.size() == 1);
    s->update("dossier_items", item.front().id, {{"present", std::int64_t{0}}});
    fs = rules::checkDossier(*s, w.dossier, cat, "2025-12-05");
    CHECK(has(fs, "completeness.bao_cao_thanh_tich"));

    const auto& table = schema::registry().require("dossiers");
    auto gate = rules::blockingFindingForStatus(*s, table, w.dossier, "submitted", cat);
    REQUIRE(gate);
    CHECK(gate->severity == rules::Severity::Block);
    CHECK_FALSE(rules::blockingFindingForStatus(*s, table, w.dossier, "returned", cat));
    s->update("dossier_items", item.front().id, {{"present", std::int64_t{1}}});
    CHECK_FALSE(rules::blockingFindingForStatus(*s, table, w.dossier, "approved", cat));

    // An open disciplinary review blocks it (GEN-3).
    s->create("disciplines", {{"unit_id", w.commune}, {"person_id", w.person},
                              {"kind", std::string("dang_xem_xet_ky_luat")}, {"from_date", std::string("2025-11-01")}});
    CHECK(has(rules::checkDossier(*s, w.dossier, cat, "2025-12-05"), "blocks.dang_xem_xet_ky_luat"));
}

TEST_CASE("rules: a Lao động tiên tiến nominee's recruitment date is read from the replica") {
    TempDir dir;
    auto s = seeded(dir);
    auto w = cstdWorld(*s);
    const auto cat = rules::catalogFromStore(*s);
    const auto ldtt = s->create("dossiers", {{"unit_id", w.commune}, {"nominee_kind", std::string("ca_nhan")},
                                             {"person_id", w.person}, {"nominee_name", std::string("Nguyễn Văn Đình")},
                                             {"award_code", std::string("lao_dong_tien_tien")},
                                             {"year", std::int64_t{2025}}, {"status", std::string("draft")},
                                             {"received_on", std::string("2025-12-01")}});
    CHECK_FALSE(has(rules::checkDossier(*s, ldtt, cat, "2025-12-05"), "eligibility.recruited_months"));
    s->update("people", w.person, {{"recruited_on", std::string("2025-09-15")}});
    const auto fs = rules::checkDossier(*s, ldtt, cat, "2025-12-05");
    const auto it = std::find_if(fs.begin(), fs.end(), [](const auto& f) { return f.ruleId == "eligibility.recruited_months"; });
    REQUIRE(it != fs.end());
    CHECK(it->severity == rules::Severity::Warning); // TT 15/2025 is not verified: warned, not blocked
    CHECK(it->message.find("tuyển dụng ngày 15/09/2025") != std::string::npos);
    CHECK(it->message.find("chưa đủ 6 tháng") != std::string::npos);
    s->update("people", w.person, {{"recruited_on", std::string("2025-06-01")}});
    CHECK_FALSE(has(rules::checkDossier(*s, ldtt, cat, "2025-12-05"), "eligibility.recruited_months"));
}

TEST_CASE("rules: checkUnit reports completeness and the configured quota") {
    TempDir dir;
    auto s = seeded(dir);
    auto w = cstdWorld(*s);
    // No national cap since 2024 and none set by the province: said so.
    CHECK(has(rules::checkUnit(*s, w.commune, 2025, rules::catalogFromStore(*s), "2025-12-05"), "quota.none"));
    // A province's own cap: 10% of LĐTT from 2024 (admin-edited configuration).
    s->create("parameters", {{"unit_id", w.province}, {"key", std::string("quota.max_share")},
                             {"award_code", std::string("chien_si_thi_dua_co_so")}, {"value", 0.10},
                             {"text_value", std::string("lao_dong_tien_tien")},
                             {"date_basis", std::string("achievement_year")},
                             {"effective_from", std::string("2024-01-01")},
                             {"source_document", std::string("Quyết định của UBND tỉnh")}});
    const auto cat = rules::catalogFromStore(*s);
    auto fs = rules::checkUnit(*s, w.commune, 2025, cat, "2025-12-05");
    CHECK(has(fs, "quota.exceeded")); // 1 LĐTT × 10% → 0, 1 proposed
    CHECK_FALSE(has(fs, "quota.none"));
    auto other = s->create("dossiers", {{"unit_id", w.commune}, {"nominee_kind", std::string("ca_nhan")},
                                        {"nominee_name", std::string("Trần Thị Hoa")},
                                        {"award_code", std::string("lao_dong_tien_tien")},
                                        {"year", std::int64_t{2025}}, {"status", std::string("draft")}});
    fs = rules::checkUnit(*s, w.commune, 2025, cat, "2025-12-05");
    auto it = std::find_if(fs.begin(), fs.end(), [&](const auto& f) { return f.dossierId == other; });
    REQUIRE(it != fs.end());
    CHECK(it->message.rfind("Trần Thị Hoa: Thiếu «", 0) == 0);
}

TEST_CASE("rules: checkUnit counts no hiệp y in the quota and asks it for no components") {
    TempDir dir;
    auto s = seeded(dir);
    auto w = cstdWorld(*s);
    s->create("parameters", {{"unit_id", w.province}, {"key", std::string("quota.max_share")},
                             {"award_code", std::string("chien_si_thi_dua_co_so")}, {"value", 0.10},
                             {"text_value", std::string("lao_dong_tien_tien")},
                             {"date_basis", std::string("achievement_year")},
                             {"effective_from", std::string("2024-01-01")},
                             {"source_document", std::string("Quyết định của UBND tỉnh")}});
    const auto cat = rules::catalogFromStore(*s);
    REQUIRE(has(rules::checkUnit(*s, w.commune, 2025, cat, "2025-12-05"), "quota.exceeded"));
    // The same nominee as a concurrence on another authority's proposal, without its components.
    s->update("dossiers", w.dossier, {{"kind", std::string("hiep_y")}});
    for (const auto& item : s->list("dossier_items", {{"dossier_id", w.dossier}})) s->remove("dossier_items", item.id);
    const auto fs = rules::checkUnit(*s, w.commune, 2025, cat, "2025-12-05");
    CHECK_FALSE(has(fs, "quota.exceeded"));
    for (const auto& f : fs) CHECK_MESSAGE(f.dossierId != w.dossier, f.ruleId);
    CHECK(has(rules::checkDossier(*s, w.dossier, cat, "2025-12-05"), "concurrence.scope"));
}

TEST_CASE("rules: check dossiers blocks the dossiers a province's quota leaves out, by thứ tự đề nghị") {
    TempDir dir;
    auto s = seeded(dir);
    auto w = cstdWorld(*s); // one CSTĐ cơ sở dossier, its nominee LĐTT 2025
    s->create("parameters", {{"unit_id", w.province}, {"key", std::string("quota.max_share")},
                             {"award_code", std::string("chien_si_thi_dua_co_so")}, {"value", 0.10},
                             {"text_value", std::string("lao_dong_tien_tien")},
                             {"date_basis", std::string("achievement_year")},
                             {"effective_from", std::string("2024-01-01")}, {"verified", std::int64_t{1}},
                             {"source_document", std::string("Quyết định của UBND tỉnh")}});
    std::vector<std::string> dossiers{w.dossier};
    for (int i = 0; i < 19; ++i) { // 20 LĐTT in all: 10% → a cap of 2
        const auto p = s->create("people", {{"unit_id", w.commune}, {"full_name", "Người " + std::to_string(i)}});
        s->create("award_history", {{"unit_id", w.commune}, {"person_id", p}, {"year", std::int64_t{2025}},
                                    {"award_code", std::string("lao_dong_tien_tien")}});
        if (i < 2)
            dossiers.push_back(s->create("dossiers", {{"unit_id", w.commune}, {"nominee_kind", std::string("ca_nhan")},
                                                      {"person_id", p}, {"nominee_name", "Người " + std::to_string(i)},
                                                      {"award_code", std::string("chien_si_thi_dua_co_so")},
                                                      {"year", std::int64_t{2025}}, {"status", std::string("draft")}}));
    }
    const auto cat = rules::catalogFromStore(*s);
    CHECK(has(rules::checkDossier(*s, w.dossier, cat, "2025-12-05"), "quota.rank_missing"));
    for (std::size_t i = 0; i < dossiers.size(); ++i)
        s->update("dossiers", dossiers[i], {{"proposal_rank", static_cast<std::int64_t>(3 - i)}});
    // w.dossier is ranked 3rd of 3 with a cap of 2: blocked, and the gate refuses it.
    CHECK(has(rules::checkDossier(*s, w.dossier, cat, "2025-12-05"), "quota.beyond_cap"));
    CHECK_FALSE(has(rules::checkDossier(*s, dossiers[1], cat, "2025-12-05"), "quota.beyond_cap"));
    s->update("dossiers", dossiers[2], {{"status", std::string("not_approved")}});
    CHECK_FALSE(has(rules::checkDossier(*s, w.dossier, cat, "2025-12-05"), "quota.beyond_cap"));
}

} // namespace tdkt::test
