// A record's history after two officers edited the same field on two replicas
// (issue 17, records): both replicas show who changed what, from what to what, on
// which device, and the edit that lost the conflict as not applied; and the same
// views printed by `tdkt-cli records`, with its error paths.
#include "sync/sync_fixture.hpp"

#include "app/labels.hpp"
#include "app/session.hpp"

#include <doctest/doctest.h>

#include <algorithm>

namespace tdkt::test {
namespace {

const app::HistoryLine* line(const std::vector<app::HistoryLine>& lines, const std::string& field, const std::string& after) {
    auto it = std::find_if(lines.begin(), lines.end(), [&](const auto& l) { return l.field == field && l.after == after; });
    return it == lines.end() ? nullptr : &*it;
}

struct TwoOfficers {
    SyncWorld w;
    std::string person;
    TwoOfficers() {
        w.addUnit("tinh-p", "tinh");
        w.addUnit("xa-a", "xa", "tinh-p");
        w.addUser("a1", "officer", "xa-a");
        w.addUser("a2", "officer", "xa-a");
        w.start();
        w.replica("r1", "a1");
        w.replica("r2", "a2");
        person = w.put("r1", "people", {{"unit_id", "xa-a"}, {"full_name", "Nguyễn Văn Đình"}, {"position", "Công chức"}});
        w.sync("r1");
        w.sync("r2");
        // Both offline: a1 first, a2 a moment later (the later edit wins the field).
        w.put("r1", "people", {{"id", person}, {"position", "Phó Chủ tịch UBND xã"}});
        w.put("r2", "people", {{"id", person}, {"position", "Chủ tịch UBND xã"}, {"is_leader", true}});
        w.sync("r1");
        w.sync("r2");
        w.sync("r1");
    }
};

} // namespace

TEST_CASE("app-records-sync: history after two edits from two replicas shows the lost one as not applied") {
    TwoOfficers t;
    for (const char* replica : {"r1", "r2"}) {
        CAPTURE(replica);
        app::Session s({.db = t.w.dir() / (std::string(replica) + ".db"), .referenceDir = TDKT_REFERENCE_DIR, .autoSync = false});
        REQUIRE(s.records.openHistory(s, "people", t.person).empty());
        const auto& h = s.records.history;
        CHECK(h.tableLabel == "Cá nhân");
        CHECK(h.title == "Nguyễn Văn Đình");
        const auto* first = line(h.lines, "position", "Công chức");
        const auto* lost = line(h.lines, "position", "Phó Chủ tịch UBND xã");
        const auto* won = line(h.lines, "position", "Chủ tịch UBND xã");
        REQUIRE(first);
        REQUIRE(lost);
        REQUIRE(won);
        CHECK(first->applied);
        CHECK(first->before.empty());
        CHECK_FALSE(lost->applied); // lost to a2's concurrent edit, kept in a conflict
        CHECK(won->applied);
        CHECK(lost->before == "Công chức"); // what each author saw
        CHECK(won->before == "Công chức");
        CHECK(lost->fieldLabel == "Chức vụ");
        CHECK(lost->thisDevice == (std::string(replica) == "r1"));
        CHECK(won->thisDevice == (std::string(replica) == "r2"));
        CHECK(lost->device != won->device);
        CHECK(lost->when.size() == 16); // "HH:MM dd/mm/yyyy", local time
        const auto* unit = line(h.lines, "unit_id", "Đơn vị xa-a"); // a reference by its row's title
        REQUIRE(unit);
        CHECK(unit->fieldLabel == "Đơn vị");
        const auto* leader = line(h.lines, "is_leader", "Có");
        REQUIRE(leader);
        CHECK(leader->fieldLabel == "Là lãnh đạo, quản lý");
        CHECK(app::valueText(s.store().get("people", t.person)->fields.at("position")) == "Chủ tịch UBND xã");
        // The server's author on what it relayed.
        CHECK((std::string(replica) == "r1" ? won->author : lost->author) == (std::string(replica) == "r1" ? "a2" : "a1"));
    }
}

TEST_CASE("app-records-sync: tdkt-cli records prints the people, person, units, reference and history views") {
    TwoOfficers t;
    auto& w = t.w;
    w.put("r1", "award_history", {{"unit_id", "xa-a"}, {"person_id", t.person}, {"award_code", "lao_dong_tien_tien"},
                                  {"year", 2025}, {"decision_number", "15/QĐ-UBND"}, {"decision_date", "2026-01-12"}});
    w.put("r1", "evaluations", {{"unit_id", "xa-a"}, {"person_id", t.person}, {"year", 2025}, {"rank", "htxsnv"}});
    w.put("r1", "people", {{"unit_id", "xa-a"}, {"full_name", "Đặng Thị Hoa"}});
    w.put("r1", "people", {{"unit_id", "xa-a"}, {"full_name", "Dương Văn Bảy"}});

    auto people = json::parse(w.ok("r1", {"records", "people"}));
    REQUIRE(people["count"] == 3);
    CHECK(people["rows"][0]["full_name"] == "Dương Văn Bảy");
    CHECK(people["rows"][1]["full_name"] == "Đặng Thị Hoa"); // Đ after D, not last
    CHECK(people["rows"][2]["full_name"] == "Nguyễn Văn Đình");
    people = json::parse(w.ok("r1", {"records", "people", "--search", "nguyen van dinh"}));
    REQUIRE(people["count"] == 1);
    CHECK(people["rows"][0]["id"] == t.person);
    CHECK(people["rows"][0]["unit"] == "Đơn vị xa-a");
    people = json::parse(w.ok("r1", {"records", "people", "--by-given-name", "--limit", "1"}));
    CHECK(people["count"] == 3);
    CHECK(people["rows"].size() == 1);
    CHECK(people["rows"][0]["full_name"] == "Dương Văn Bảy"); // Bảy, Đình, Hoa

    const auto person = json::parse(w.ok("r1", {"records", "person", t.person}));
    CHECK(person["person"]["position"] == "Chủ tịch UBND xã");
    REQUIRE(person["awards"].size() == 1);
    CHECK(person["awards"][0]["award"] == "Lao động tiên tiến");
    CHECK(person["awards"][0]["decision_number"] == "15/QĐ-UBND");
    REQUIRE(person["evaluations"].size() == 1);
    CHECK(person["evaluations"][0]["rank_label"] == "Hoàn thành xuất sắc nhiệm vụ");

    const auto units = json::parse(w.ok("r1", {"records", "units"}));
    REQUIRE(units.size() == 2);
    CHECK(units[1]["id"] == "xa-a");
    CHECK(units[1]["depth"] == 1);
    CHECK(units[1]["level"] == "Xã, phường, đặc khu");
    CHECK(units[1]["people"] == 3);

    const auto history = json::parse(w.ok("r2", {"records", "history", "people", t.person}));
    const auto lost = std::find_if(history.begin(), history.end(), [](const auto& h) { return h["new"] == "Phó Chủ tịch UBND xã"; });
    REQUIRE(lost != history.end());
    CHECK((*lost)["applied"] == false);
    CHECK((*lost)["label"] == "Chức vụ");
    CHECK((*lost)["author"] == "a1");

    // No reference data on an officer's replica that never pulled any: a clear error, exit 3.
    auto r = w.cli("r1", {"records", "reference"});
    CHECK(r.exitCode == 3);
    CHECK(r.err.find("reference load") != std::string::npos);
    w.ok("ref", {"init"});
    w.ok("ref", {"reference", "load", TDKT_REFERENCE_DIR});
    const auto ref = json::parse(w.ok("ref", {"records", "reference"}));
    CHECK(ref["awards"].size() > 20);
    REQUIRE(ref["base_salary"].size() == 3);
    CHECK(ref["base_salary"][1]["amount"] == "2.340.000");
    CHECK(ref["base_salary"][1]["source"]["text"] == "Nghị định 73/2024/NĐ-CP, Điều 3 khoản 2");

    r = w.cli("r1", {"records", "person", "0190a0b0-0000-7000-8000-000000000000"});
    CHECK(r.exitCode == 3);
    r = w.cli("r1", {"records", "people", "--limit", "0"});
    CHECK(r.exitCode == 2);
    r = w.cli("r1", {"records", "bogus"});
    CHECK(r.exitCode == 2);
    r = w.cli("r1", {"records", "history", "nosuch", t.person});
    CHECK(r.exitCode == 2);
}

} // namespace tdkt::test
