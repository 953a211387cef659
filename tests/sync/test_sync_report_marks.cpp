// Issue 19: the server records when each unit's replicas last pushed and pulled,
// as a sync_marks row the reviewers of the subtree receive; the report names the
// units not synced since a date, and those with no data.
#include "sync_fixture.hpp"

#include "tdkt/report/activity_stats.hpp"
#include "tdkt/report/facts_load.hpp"
#include "tdkt/report/staleness.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <ctime>

using namespace tdkt;
using namespace tdkt::test;

namespace {

std::string dayOffset(int days) {
    const auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() + std::chrono::hours(24 * days));
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

} // namespace

TEST_SUITE("sync") {
TEST_CASE("sync: units' last sync reaches the reviewer, the report flags stale and empty units") {
    SyncWorld w(false);
    w.addUnit("huyen-yk", "huyen");
    w.addUnit("xa-a", "xa", "huyen-yk");
    w.addUnit("xa-b", "xa", "huyen-yk");
    w.addUnit("xa-c", "xa", "huyen-yk");
    w.addUser("rev", "reviewer", "huyen-yk");
    w.addUser("a1", "officer", "xa-a");
    w.addUser("b1", "officer", "xa-b");
    w.start();
    w.replica("rr", "rev");
    w.replica("ra", "a1");
    w.replica("rb", "b1");
    w.newDossier("ra", "xa-a", "Nguyễn Văn An");
    w.sync("ra");
    w.sync("rb"); // xa-b syncs but holds no data; xa-c never syncs
    w.sync("rr");

    const auto today = dayOffset(0);
    const auto marks = w.rows("rr", "sync_marks");
    REQUIRE(marks.is_object());
    std::map<std::string, json> byUnit;
    for (const auto& [id, m] : marks.items()) {
        CHECK(id == report::syncMarkId(m["unit_id"].get<std::string>()));
        byUnit[m["unit_id"].get<std::string>()] = m;
    }
    REQUIRE(byUnit.count("xa-a"));
    CHECK(byUnit["xa-a"]["last_push_on"] == today);
    CHECK(byUnit["xa-a"]["last_pull_on"] == today);
    REQUIRE(byUnit.count("xa-b"));
    CHECK(byUnit["xa-b"]["last_pull_on"] == today);
    CHECK_FALSE(byUnit.count("xa-c"));
    // An officer cannot write the server's record.
    CHECK(w.cli("ra", {"put", "sync_marks", json{{"unit_id", "xa-a"}, {"last_pull_on", "2020-01-01"}}.dump()}).exitCode != 0);
    // The officer of xa-a does not receive xa-b's record.
    const auto own = w.rows("ra", "sync_marks");
    CHECK(own.size() == 1);
    for (const auto& [id, m] : own.items()) CHECK(m["unit_id"] == "xa-a");

    auto store = store::Store::open(w.dir() / "rr.db");
    const auto facts = report::loadFacts(*store);
    const auto scope = report::unitScope(facts, "huyen-yk");
    auto names = [](const report::Staleness& s) {
        std::vector<std::string> out;
        for (const auto& u : s.notSynced) out.push_back(u.unitId);
        return out;
    };
    const auto fresh = report::staleness(facts, scope, today);
    CHECK(names(fresh) == std::vector<std::string>{"xa-c"}); // the reviewer's own unit synced too
    CHECK(fresh.noData == std::vector<std::string>{"huyen-yk", "xa-b", "xa-c"});
    // Picked after today: every unit stops counting as synced.
    const auto later = report::staleness(facts, scope, dayOffset(1));
    CHECK(later.notSynced.size() == 4);
    CHECK(later.notSynced[1].lastSync == today);
    CHECK(later.notSynced[3].lastSync.empty());

    // A model example (migration 22) written at xa-b reaches the reviewer like any row;
    // xa-b then has data. The officer of xa-a may not write one for xa-b.
    w.put("rb", "model_examples", {{"unit_id", "xa-b"}, {"year", 2026}, {"nominee_kind", "tap_the"},
                                   {"name", "Tổ hợp tác mây tre đan"}, {"publicized", true}});
    CHECK(w.cli("ra", {"put", "model_examples", json{{"unit_id", "xa-b"}, {"year", 2026}, {"nominee_kind", "ca_nhan"},
                                                      {"name", "Không được"}}.dump()}).exitCode != 0);
    w.sync("rb");
    w.sync("rr");
    const auto models = w.rows("rr", "model_examples");
    REQUIRE(models.size() == 1);
    for (const auto& [id, m] : models.items()) CHECK(m["name"] == "Tổ hợp tác mây tre đan");
    auto again = store::Store::open(w.dir() / "rr.db");
    const auto facts2 = report::loadFacts(*again);
    const auto scope2 = report::unitScope(facts2, "huyen-yk");
    CHECK(report::modelExampleStats(facts2, scope2, 2026).total == report::Count{1, 0, 0});
    CHECK(report::staleness(facts2, scope2, today).noData == std::vector<std::string>{"huyen-yk", "xa-c"});
}
}
