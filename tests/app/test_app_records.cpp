// The records views (issue 17, records) headless over real replica files: people
// found without diacritics and sorted in Vietnamese order across pages, a person's
// awards, evaluations and dossiers, edits by their unit's staff only, the unit tree
// with its lineage and the administrator-only edit, the reference data listing.
#include "app_world.hpp"

#include "app/labels.hpp"
#include "app/people_list.hpp"
#include "app/person_page.hpp"
#include "app/reference_view.hpp"
#include "app/session.hpp"
#include "app/units_view.hpp"

#include "tdkt/core/vi_collate.hpp"

#include <doctest/doctest.h>

#include <algorithm>

namespace tdkt::test {
namespace {

std::vector<std::string> names(app::PeopleList& list, const store::Store& s) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < list.count(); ++i) out.push_back(list.row(s, i).name);
    return out;
}

std::string person(store::Store& s, const std::string& unit, const std::string& name, const std::string& position = {}) {
    store::Fields f{{"unit_id", unit}, {"full_name", name}};
    if (!position.empty()) f.emplace_back("position", position);
    return s.create("people", f);
}

} // namespace

TEST_CASE("vi-collate: the Vietnamese alphabet, then tones, then case") {
    CHECK(compareVietnamese("Dũng", "Đình") < 0);  // D before Đ
    CHECK(compareVietnamese("Đình", "Em") < 0);    // Đ before E, not after Z as bytes put it
    CHECK(std::string("Đình") > std::string("Zung")); // (what a byte sort does)
    CHECK(compareVietnamese("Đình", "Zung") < 0);
    CHECK(compareVietnamese("An", "Ăn") < 0);
    CHECK(compareVietnamese("Ăn", "Ân") < 0);
    CHECK(compareVietnamese("Ân", "Bé") < 0);
    CHECK(compareVietnamese("Ơn", "Ôn") > 0); // o ô ơ
    CHECK(compareVietnamese("Ư", "U") > 0);
    // Letters first: "Anh" after "Ánh"? No: the letters tie, then the tone of the first differing letter.
    CHECK(compareVietnamese("Ánh", "Anh") > 0);
    CHECK(compareVietnamese("Ánh", "Anhb") < 0); // letters decide before tones
    const std::vector<std::string> tones{"ma", "mà", "mả", "mã", "má", "mạ"};
    for (std::size_t i = 1; i < tones.size(); ++i) CHECK(compareVietnamese(tones[i - 1], tones[i]) < 0);
    CHECK(compareVietnamese("an", "An") < 0);
    CHECK(compareVietnamese("Lê Văn", "Lê Văn An") < 0);
    CHECK(compareVietnamese("Nguyễn Văn Đình", "Nguyễn Văn Đình") == 0);
    CHECK(compareGivenName("Trần Văn An", "Lê Thị Bình") < 0);
    CHECK(compareGivenName("Trần Văn An", "Lê Văn An") > 0); // the same given name: by the whole
}

TEST_CASE("app-records: people found without diacritics, sorted as Vietnamese across pages") {
    AppWorld w;
    auto& s = *w.store;
    const auto dinh = person(s, w.communeA, "Nguyễn Văn Đình", "Chủ tịch UBND xã");
    person(s, w.communeA, "Nguyễn Văn Dũng", "Công chức Văn phòng - Thống kê");
    person(s, w.communeA, "Nguyễn Văn Em");
    person(s, w.communeA, "Đặng Thị Hoa", "Phó Chủ tịch UBND xã");
    person(s, w.communeA, "Dương Văn Bảy");
    person(s, w.communeB, "Bùi Thị An");

    app::PeopleList list;
    app::PeopleFilter f;
    list.refresh(s, f, 1);
    CHECK(names(list, s) == std::vector<std::string>{"Bùi Thị An", "Dương Văn Bảy", "Đặng Thị Hoa", "Nguyễn Văn Dũng",
                                                     "Nguyễn Văn Đình", "Nguyễn Văn Em"});
    f.byGivenName = true;
    list.refresh(s, f, 1);
    CHECK(names(list, s) == std::vector<std::string>{"Bùi Thị An", "Dương Văn Bảy", "Nguyễn Văn Dũng", "Nguyễn Văn Đình",
                                                     "Nguyễn Văn Em", "Đặng Thị Hoa"});
    f = {};
    f.text = "nguyen van dinh";
    list.refresh(s, f, 1);
    REQUIRE(list.count() == 1);
    CHECK(list.row(s, 0).id == dinh);
    CHECK(list.row(s, 0).position == "Chủ tịch UBND xã");
    CHECK(list.row(s, 0).unit == "Xã Khánh Hòa");
    f.text = "pho chu tich"; // the position is searched too
    list.refresh(s, f, 1);
    CHECK(names(list, s) == std::vector<std::string>{"Đặng Thị Hoa"});
    f = {};
    f.unit = w.communeB;
    list.refresh(s, f, 1);
    CHECK(names(list, s) == std::vector<std::string>{"Bùi Thị An"});
    f.text = "%%";
    list.refresh(s, f, 1);
    CHECK(list.count() == 0); // only separators typed: nothing, not an error

    // Past the first page: keyset paging follows the same Vietnamese order.
    const char* family[] = {"Đỗ", "Dương", "Đinh", "Ông", "Ưng", "Uông", "Âu", "Ân", "An", "Bạch"};
    const char* given[] = {"Đạt", "Dũng", "Ánh", "Anh", "Ơn", "Ôn", "Ư", "Út", "Yến", "Ý"};
    store::Store::Batch b{s};
    for (int i = 0; i < 450; ++i)
        person(s, w.communeA, std::string(family[i % 10]) + " Văn " + given[(i / 10) % 10] + " " + std::to_string(i % 7));
    b.commit();
    f = {};
    list.refresh(s, f, 2);
    REQUIRE(list.count() == 456);
    const auto all = names(list, s);
    CHECK(list.pagesRead() == 3);
    CHECK(std::is_sorted(all.begin(), all.end(),
                         [](const std::string& x, const std::string& y) { return compareVietnamese(x, y) < 0; }));
    CHECK(all.front().starts_with("An Văn"));
    CHECK(all.back().starts_with("Ưng Văn"));
}

TEST_CASE("app-records: a person's awards, evaluations and dossiers, newest first") {
    AppWorld w;
    auto& s = *w.store;
    const auto dinh = person(s, w.communeA, "Nguyễn Văn Đình");
    const auto other = person(s, w.communeA, "Trần Thị Lan");
    s.create("award_history", {{"unit_id", w.communeA}, {"person_id", dinh}, {"award_code", std::string("lao_dong_tien_tien")},
                               {"year", std::int64_t{2023}}, {"decision_number", std::string("45/QĐ-UBND")},
                               {"decision_date", std::string("2024-01-15")}, {"decided_by", std::string("UBND huyện")}});
    s.create("award_history", {{"unit_id", w.communeA}, {"person_id", dinh}, {"award_code", std::string("chien_si_thi_dua_co_so")},
                               {"year", std::int64_t{2025}}, {"decision_number", std::string("12/QĐ-UBND")},
                               {"decision_date", std::string("2026-01-10")}, {"issuer_name", std::string("UBND tỉnh Ninh Bình")}});
    s.create("award_history", {{"unit_id", w.communeA}, {"person_id", other}, {"award_code", std::string("lao_dong_tien_tien")},
                               {"year", std::int64_t{2025}}});
    s.create("evaluations", {{"unit_id", w.communeA}, {"person_id", dinh}, {"year", std::int64_t{2024}}, {"rank", std::string("httnv")}});
    s.create("evaluations", {{"unit_id", w.communeA}, {"person_id", dinh}, {"year", std::int64_t{2025}}, {"rank", std::string("htxsnv")},
                             {"maternity_leave", std::int64_t{1}}});
    const auto dossier = s.create("dossiers", {{"unit_id", w.communeA}, {"nominee_kind", std::string("ca_nhan")},
                                               {"nominee_name", std::string("Nguyễn Văn Đình")}, {"person_id", dinh},
                                               {"award_code", std::string("lao_dong_tien_tien")}, {"year", std::int64_t{2026}},
                                               {"status", std::string("draft")}});
    app::PersonPage page;
    page.load(s, dinh, app::Lang::Vi);
    REQUIRE(page.awards().size() == 2);
    CHECK(page.awards()[0].year == 2025);
    CHECK(page.awards()[0].award == "Chiến sĩ thi đua cơ sở");
    CHECK(page.awards()[0].decisionNumber == "12/QĐ-UBND");
    CHECK(page.awards()[0].decisionDate == "2026-01-10");
    CHECK(page.awards()[0].issuer == "UBND tỉnh Ninh Bình");
    CHECK(page.awards()[1].award == "Lao động tiên tiến");
    CHECK(page.awards()[1].issuer == "UBND huyện");
    REQUIRE(page.evaluations().size() == 2);
    CHECK(page.evaluations()[0].year == 2025);
    CHECK(page.evaluations()[0].rank == "Hoàn thành xuất sắc nhiệm vụ");
    CHECK(page.evaluations()[0].maternityLeave);
    CHECK(page.evaluations()[1].rank == "Hoàn thành tốt nhiệm vụ");
    REQUIRE(page.dossiers().size() == 1);
    CHECK(page.dossiers()[0].id == dossier);
    CHECK(page.dossiers()[0].status == "Dự thảo");
    CHECK(page.form.saved("full_name") == "Nguyễn Văn Đình");

    // A later award is seen once the epoch moves, not before.
    s.create("evaluations", {{"unit_id", w.communeA}, {"person_id", dinh}, {"year", std::int64_t{2026}}, {"rank", std::string("htnv")}});
    page.refresh(s, 1, app::Lang::Vi);
    CHECK(page.evaluations().size() == 2);
    page.refresh(s, 2, app::Lang::Vi);
    CHECK(page.evaluations().size() == 3);
}

TEST_CASE("app-records: a person is edited by their unit's staff only, refusals in Vietnamese") {
    AppWorld w;
    const auto mine = person(*w.store, w.communeA, "Nguyễn Văn Đình", "Công chức");
    const auto theirs = person(*w.store, w.communeB, "Lê Thị Mai");
    w.store->setSetting("role", "officer");
    w.store->setSetting("unit", w.communeA);
    w.store.reset();
    app::Session s({.db = w.dir / "replica.db", .referenceDir = TDKT_REFERENCE_DIR, .autoSync = false});
    auto& r = s.records;

    REQUIRE(r.openPerson(s, mine).empty());
    CHECK(r.personLocked(s).empty());
    r.person.form.text("position") = "Chủ tịch UBND xã";
    CHECK(r.commitPerson(s, "position").empty());
    CHECK(app::valueText(s.store().get("people", mine)->fields.at("position")) == "Chủ tịch UBND xã");
    CHECK(r.setPerson(s, {{"is_leader", std::int64_t{1}}}).empty());
    CHECK(app::valueText(s.store().get("people", mine)->fields.at("is_leader")) == "1");
    r.person.form.text("birth_year") = "năm 1980"; // not a number: kept as typed, with a sentence
    const auto bad = r.commitPerson(s, "birth_year");
    CHECK(bad.find("Năm sinh") != std::string::npos);
    CHECK(r.person.form.text("birth_year") == "năm 1980");
    CHECK_FALSE(s.store().get("people", mine)->fields.contains("birth_year"));
    r.person.form.text("full_name") = ""; // required
    CHECK_FALSE(r.commitPerson(s, "full_name").empty());
    CHECK(app::valueText(s.store().get("people", mine)->fields.at("full_name")) == "Nguyễn Văn Đình");

    REQUIRE(r.openPerson(s, theirs).empty());
    const auto locked = r.personLocked(s);
    CHECK(locked == "Đơn vị Xã Yên Mạc không thuộc phạm vi của bạn: cán bộ của Xã Khánh Hòa không được sửa Cá nhân "
                    "của đơn vị này.");
    r.person.form.text("position") = "Kế toán";
    CHECK(r.commitPerson(s, "position") == locked);
    CHECK(r.person.form.text("position") == "Kế toán"); // what was typed stays on screen
    CHECK(r.person.form.error("position"));
    CHECK_FALSE(s.store().get("people", theirs)->fields.contains("position"));
    CHECK(r.setPerson(s, {{"is_leader", std::int64_t{1}}}) == locked);

    s.store().setSetting("role", "admin");
    CHECK(r.personLocked(s).find("Quản trị viên quản lý đơn vị") == 0);
    CHECK(r.openPerson(s, "0190a0b0-0000-7000-8000-000000000000").find("Không tìm thấy") != std::string::npos);
}

TEST_CASE("app-records: the unit tree with levels and lineage, changed by an administrator only") {
    AppWorld w;
    auto& st = *w.store;
    const auto merged = st.create("units", {{"name", std::string("Xã Đông Sơn")}, {"level", std::string("xa")}, {"parent_id", w.province},
                                            {"merged_from", std::string("Xã Đông Hòa, Xã Đông Tiến")},
                                            {"valid_from", std::string("2025-07-01")}});
    st.update("units", w.communeB, {{"merged_into_id", merged}, {"valid_to", std::string("2025-06-30")}});
    const auto thon = st.create("units", {{"name", std::string("Thôn Ấp Bắc")}, {"level", std::string("thon")}, {"parent_id", w.communeA}});
    person(st, w.communeA, "Nguyễn Văn Đình");
    const auto lines = app::unitLines(st, app::Lang::Vi);
    std::vector<std::string> ids;
    for (const auto& l : lines) ids.push_back(l.id);
    // Đ sorts after D and before K: Xã Đông Sơn comes before Xã Khánh Hòa (bytes would put it last).
    CHECK(ids == std::vector<std::string>{w.province, merged, w.communeA, thon, w.communeB});
    CHECK(lines[0].depth == 0);
    CHECK(lines[0].level == "Tỉnh, thành phố");
    CHECK(lines[1].mergedFrom == "Xã Đông Hòa, Xã Đông Tiến");
    CHECK(lines[1].validFrom == "2025-07-01");
    CHECK_FALSE(lines[1].dissolved);
    CHECK(lines[2].people == 1);
    CHECK(lines[3].depth == 2);
    CHECK(lines[3].level == "Thôn, tổ dân phố");
    CHECK(lines[4].mergedInto == "Xã Đông Sơn");
    CHECK(lines[4].dissolved);
    w.store.reset();

    app::Session s({.db = w.dir / "replica.db", .referenceDir = TDKT_REFERENCE_DIR, .autoSync = false});
    s.store().setSetting("role", "officer");
    s.store().setSetting("unit", w.communeA);
    auto& r = s.records;
    REQUIRE(r.openUnit(s, w.communeA).empty());
    r.units.form.text("name") = "Xã Khánh Hoà mới";
    const auto refused = r.commitUnit(s, "name");
    CHECK(refused == "Chỉ quản trị viên được thay đổi danh sách đơn vị.");
    CHECK(r.units.form.text("name") == "Xã Khánh Hoà mới");
    CHECK(app::valueText(s.store().get("units", w.communeA)->fields.at("name")) == "Xã Khánh Hòa");
    s.lang = app::Lang::En;
    CHECK(r.unitsLocked(s) == "Only an administrator may change units.");

    s.store().setSetting("role", "admin");
    CHECK(r.unitsLocked(s).empty());
    CHECK(r.commitUnit(s, "name").empty());
    CHECK(app::valueText(s.store().get("units", w.communeA)->fields.at("name")) == "Xã Khánh Hoà mới");
    r.units.form.text("valid_from") = "1/7/2025"; // not an ISO date
    CHECK_FALSE(r.commitUnit(s, "valid_from").empty());
    CHECK_FALSE(s.store().get("units", w.communeA)->fields.contains("valid_from"));
    s.noteLocal("units");
    CHECK(r.unitLines(s)[2].name == "Xã Khánh Hoà mới"); // the tree follows the edit
}

TEST_CASE("app-records: reference data lists the award catalog and the base salary with their sources") {
    AppWorld w;
    const auto catalog = w.catalog();
    const auto rules = app::awardRuleLines(catalog, *w.store, app::Lang::Vi);
    REQUIRE(rules.size() == catalog.rules().size());
    for (std::size_t i = 1; i < rules.size(); ++i) CHECK(compareVietnamese(rules[i - 1].award, rules[i].award) <= 0);
    const auto ldtt = std::find_if(rules.begin(), rules.end(), [](const auto& r) { return r.id == "award-lao_dong_tien_tien-2024"; });
    REQUIRE(ldtt != rules.end());
    CHECK(ldtt->award == "Lao động tiên tiến");
    CHECK(ldtt->category == "Danh hiệu thi đua");
    CHECK(ldtt->nominees == "Cá nhân");
    CHECK(ldtt->scope.empty());
    CHECK(ldtt->periodYears == 1);
    CHECK(ldtt->from == "2024-01-01");
    CHECK(ldtt->source.text == "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 24");
    CHECK(ldtt->source.verified);
    REQUIRE(ldtt->components.size() == 1);
    CHECK(ldtt->components[0] == "Thủ tục thông thường: Tờ trình, Báo cáo thành tích, Biên bản họp Hội đồng TĐKT");
    CHECK(ldtt->componentsSource.text == "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 84 khoản 1");
    REQUIRE(ldtt->deciders.size() == 2); // before and after 1/7/2025
    CHECK(ldtt->deciders[0].to == "2025-06-30");
    CHECK(ldtt->deciders[1].from == "2025-07-01");
    CHECK(ldtt->deciders[1].levels == "Xã, phường, đặc khu; Cơ quan, đơn vị; Doanh nghiệp");
    CHECK(ldtt->deciders[1].source.text == "Nghị định 129/2025/NĐ-CP, Điều 59");

    const auto salary = app::baseSalaryLines(catalog, *w.store);
    REQUIRE(salary.size() == 3);
    CHECK(salary[0].amount == "1.800.000");
    CHECK(salary[1].amount == "2.340.000");
    CHECK(salary[1].source.text == "Nghị định 73/2024/NĐ-CP, Điều 3 khoản 2");
    CHECK(salary[1].source.verified);
    CHECK(salary[2].amount == "2.530.000");
    CHECK(salary[2].from == "2026-07-01");
    CHECK(salary[2].to.empty());
    CHECK_FALSE(salary[2].source.verified);
    CHECK(salary[2].note == "Nhiều nguồn thứ cấp; chưa đọc trang chính thức.");
    CHECK(app::dong(999) == "999");
    CHECK(app::dong(1000) == "1.000");

    w.store.reset();
    app::Session s({.db = w.dir / "replica.db", .referenceDir = TDKT_REFERENCE_DIR, .autoSync = false});
    CHECK(s.records.awardRules(s).size() == rules.size());
    CHECK(s.records.baseSalary(s).size() == 3);
}

} // namespace tdkt::test
