// Sorting the big lists by a clicked column (issue 17) over a real replica with a few
// thousand rows: for every sortable column of the dossier, movement and people lists,
// both ways, paging through the list (keyset paging after the page before) gives every
// row exactly once, in the order of that column (text as Vietnamese: Đ after D), ties
// broken by id, an enumeration by its labels and a unit by its name; the dossier list's worker (DossierSearch) gives the same order;
// tdkt-cli's --sort FIELD[:desc] on the movement and people lists; a record's
// history sorted in memory by time, who, device or field; the follow-up board by
// due date, unit or progress.
#include "app_world.hpp"
#include "process.hpp"

#include "app/board_sort.hpp"
#include "app/dossier_search.hpp"
#include "app/history_view.hpp"
#include "app/labels.hpp"
#include "app/reference_view.hpp"
#include "app/table_sort.hpp"

#include "tdkt/core/vi_collate.hpp"
#include "tdkt/schema/schema.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <set>
#include <thread>

namespace tdkt::test {
namespace {

const char* Family[] = {"Nguyễn", "Đặng", "Dương", "Đỗ", "Trần", "Lê", "Ông", "Ưng", "Uông", "Âu", "An", "Bạch"};
const char* Given[] = {"Đạt", "Dũng", "Ánh", "Anh", "Ơn", "Ôn", "Ư", "Út", "Yến", "Ý", "Đình", "Em", "Bảy"};

// SQLite's order of a sort expression IFNULL(field, ''): numbers before text.
int compareKey(const Value& a, const Value& b, bool vietnamese) {
    auto rank = [](const Value& v) { return std::holds_alternative<std::string>(v) || isNull(v) ? 1 : 0; };
    if (rank(a) != rank(b)) return rank(a) - rank(b);
    if (rank(a) == 1) {
        const std::string x = isNull(a) ? "" : std::get<std::string>(a), y = isNull(b) ? "" : std::get<std::string>(b);
        return vietnamese ? compareVietnamese(x, y) : x.compare(y);
    }
    const auto x = std::get<std::int64_t>(a), y = std::get<std::int64_t>(b);
    return x < y ? -1 : x > y;
}

// The ids of `table` in the order a sort by `column` must give, worked out here from every row.
std::vector<std::string> expectedOrder(const store::Store& s, const std::string& table, const app::SortColumn& column,
                                       bool descending) {
    store::PageQuery all;
    all.table = table;
    all.limit = 1'000'000;
    auto rows = s.page(all);
    // An enumeration sorts by its Vietnamese label, a reference by its row's title (what
    // the list shows), both in Vietnamese order; other fields by their values.
    const auto* fd = schema::registry().require(table).field(column.field);
    const bool byLabel = fd && (fd->type == schema::FieldType::Enum || fd->type == schema::FieldType::Ref);
    auto key = [&](const store::Row& r) -> Value {
        auto it = r.fields.find(column.field);
        if (it == r.fields.end()) return byLabel ? Value{std::string()} : Value{};
        if (fd && fd->type == schema::FieldType::Enum) {
            for (const auto& v : fd->values)
                if (v.code == app::valueText(it->second)) return Value{v.label};
            return Value{std::string()};
        }
        if (fd && fd->type == schema::FieldType::Ref) {
            const auto& rt = schema::registry().require(fd->refTable);
            const auto target = s.get(rt.name, app::valueText(it->second));
            if (!target || !target->fields.contains(rt.titleField)) return Value{std::string()};
            return Value{app::valueText(target->fields.at(rt.titleField))};
        }
        return it->second;
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const store::Row& a, const store::Row& b) {
        int c = compareKey(key(a), key(b), column.text || byLabel);
        if (c == 0) c = a.id.compare(b.id);
        return descending ? c > 0 : c < 0;
    });
    std::vector<std::string> ids;
    for (const auto& r : rows) ids.push_back(r.id);
    return ids;
}

template <class List, class Read>
std::vector<std::string> pagedIds(List& list, Read read) {
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < list.count(); ++i) ids.push_back(read(i).id);
    return ids;
}

void checkEachOnce(const std::vector<std::string>& ids, std::size_t n) {
    CHECK(ids.size() == n);
    CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == n);
}

struct Many : AppWorld {
    std::vector<std::string> units;
    Many() {
        units = {communeA, communeB, province};
        store::Store::Batch b(*store);
        const char* statuses[] = {"draft", "submitted", "under_review", "returned", "approved"};
        const char* awards[] = {"lao_dong_tien_tien", "chien_si_thi_dua_co_so"};
        for (int i = 0; i < 2600; ++i) {
            // Names repeat (ties broken by id). (Empty fields: the movements' dates below.)
            const std::string name = std::string(Family[i % 12]) + " Văn " + Given[(i / 12) % 13];
            store::Fields f{{"unit_id", units[i % 3]}, {"nominee_kind", std::string("ca_nhan")},
                            {"award_code", std::string(awards[i % 2])}, {"year", std::int64_t{2020 + i % 6}},
                            {"status", std::string(statuses[(i / 7) % 5])}};
            f.emplace_back("nominee_name", name);
            store->create("dossiers", f);
        }
        for (int i = 0; i < 1300; ++i) {
            char from[16], plan[16];
            std::snprintf(from, sizeof from, "20%02d-%02d-01", 10 + i % 16, 1 + i % 12);
            std::snprintf(plan, sizeof plan, "20%02d-%02d-%02d", 10 + i % 9, 1 + i % 12, 1 + i % 28);
            store::Fields f{{"unit_id", units[i % 3]}, {"title", "Phong trào " + std::string(Given[i % 13]) + " " +
                                                                     std::to_string(i % 40)},
                            {"status", std::string(i % 3 ? "dang_trien_khai" : "da_tong_ket")}};
            if (i % 4) f.emplace_back("period_from", std::string(from));
            if (i % 5) f.emplace_back("plan_date", std::string(plan));
            const char* levels[] = {"xa", "huyen", "tinh"};
            const char* methods[] = {"thuong_xuyen", "chuyen_de", "dot_xuat"};
            if (i % 2) f.emplace_back("launch_level", std::string(levels[(i / 2) % 3]));
            if (i % 3) f.emplace_back("method", std::string(methods[(i / 3) % 3]));
            store->create("movements", f);
        }
        for (int i = 0; i < 1500; ++i) {
            store::Fields f{{"unit_id", units[i % 3]},
                            {"full_name", std::string(Family[i % 12]) + " Thị " + Given[(i / 12) % 13]}};
            if (i % 3) f.emplace_back("position", std::string(i % 2 ? "Đội trưởng" : "Chủ tịch UBND xã"));
            if (i % 7 == 0) f.emplace_back("is_leader", std::int64_t{1});
            store->create("people", f);
        }
        b.commit();
    }
};

} // namespace

TEST_CASE("table-sort: a header click sets the filter's sort and text columns sort as Vietnamese") {
    app::DossierFilter d;
    CHECK(app::sortBy(d, 0, false));
    CHECK(d.sortField == "nominee_name");
    CHECK_FALSE(d.descending);
    CHECK(app::dossierQuery(d).textOrder == store::TextOrder::Vietnamese);
    CHECK(app::sortBy(d, 2, true));
    CHECK(d.sortField == "year");
    CHECK(d.descending);
    CHECK(app::dossierQuery(d).textOrder == store::TextOrder::Bytes);
    CHECK_FALSE(app::sortBy(d, 9, false)); // no such column: unchanged
    CHECK(d.sortField == "year");
    CHECK(app::sortByField(d, "status", false));
    CHECK(app::sortColumnOf(app::dossierSortColumns(), d.sortField) == 3);
    CHECK_FALSE(app::sortByField(d, "nominee_kind", false)); // no column shows it

    app::PeopleFilter p;
    CHECK(app::peopleQuery(p).textOrder == store::TextOrder::Vietnamese);
    p.byGivenName = true;
    CHECK(app::peopleQuery(p).textOrder == store::TextOrder::GivenName);
    CHECK(app::sortBy(p, 1, false)); // position: Vietnamese, the given-name choice is for names
    CHECK(app::peopleQuery(p).textOrder == store::TextOrder::Vietnamese);
    app::MovementFilter m;
    CHECK(app::sortBy(m, 0, true));
    CHECK(app::movementQuery(m).sortField == "title");
    CHECK(app::movementQuery(m).descending);
}

TEST_CASE("table-sort: every sortable column pages each row once in its order on thousands of rows") {
    Many w;
    const auto& s = *w.store;
    for (bool desc : {false, true}) {
        const auto dcols = app::dossierSortColumns();
        for (std::size_t c = 0; c < dcols.size(); ++c) {
            CAPTURE(dcols[c].field);
            CAPTURE(desc);
            app::DossierFilter f;
            REQUIRE(app::sortBy(f, c, desc));
            app::DossierList list;
            list.refresh(s, f, 1);
            const auto ids = pagedIds(list, [&](std::size_t i) { return list.row(s, i); });
            checkEachOnce(ids, 2600);
            CHECK(list.pagesRead() == 13); // 200 a page, each after the one before
            CHECK(ids == expectedOrder(s, "dossiers", dcols[c], desc));
        }
        const auto mcols = app::movementSortColumns();
        for (std::size_t c = 0; c < mcols.size(); ++c) {
            CAPTURE(mcols[c].field);
            CAPTURE(desc);
            app::MovementFilter f;
            REQUIRE(app::sortBy(f, c, desc));
            app::MovementList list;
            list.refresh(s, f, 1, app::Lang::Vi);
            const auto ids = pagedIds(list, [&](std::size_t i) { return list.row(s, i); });
            checkEachOnce(ids, 1300);
            CHECK(ids == expectedOrder(s, "movements", mcols[c], desc));
        }
        const auto pcols = app::peopleSortColumns();
        for (std::size_t c = 0; c < pcols.size(); ++c) {
            CAPTURE(pcols[c].field);
            CAPTURE(desc);
            app::PeopleFilter f;
            REQUIRE(app::sortBy(f, c, desc));
            app::PeopleList list;
            list.refresh(s, f, 1);
            const auto ids = pagedIds(list, [&](std::size_t i) { return list.row(s, i); });
            checkEachOnce(ids, 1500);
            CHECK(ids == expectedOrder(s, "people", pcols[c], desc));
        }
    }
    // Đ after D, not after every other letter as bytes put it.
    app::DossierFilter f;
    app::sortBy(f, 0, false);
    app::DossierList list;
    list.refresh(s, f, 1);
    std::vector<std::string> families;
    for (std::size_t i = 0; i < list.count(); ++i) {
        const auto& n = list.row(s, i).nominee;
        const auto family = n.substr(0, n.find(' '));
        if (!n.empty() && (families.empty() || families.back() != family)) families.push_back(family);
    }
    CHECK(families == std::vector<std::string>{"An", "Âu", "Bạch", "Dương", "Đặng", "Đỗ", "Lê", "Nguyễn", "Ông",
                                               "Trần", "Uông", "Ưng"});
}

TEST_CASE("table-sort: the dossier list's worker sorts by the clicked column in the query") {
    Many w;
    app::RunQueue ui;
    app::DossierSearch search(w.dir / "replica.db", ui);
    for (std::size_t c : {std::size_t{0}, std::size_t{2}}) {
        app::DossierFilter f;
        app::sortBy(f, c, c == 0);
        f.year = 2023;
        search.refresh(f, 1);
        std::vector<std::string> ids;
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (std::chrono::steady_clock::now() < until) {
            ui.run();
            if (search.ready() && !search.searching()) {
                ids.clear();
                bool all = true;
                for (std::size_t i = 0; i < search.count() && all; ++i)
                    if (const auto* r = search.row(i)) ids.push_back(r->id);
                    else all = false;
                if (all) break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        REQUIRE(search.error == nullptr);
        app::DossierList list;
        list.refresh(*w.store, f, 1);
        REQUIRE(list.count() > 0);
        CHECK(ids == pagedIds(list, [&](std::size_t i) { return list.row(*w.store, i); }));
    }
}

TEST_CASE("table-sort: tdkt-cli sorts the people and movement lists with --sort FIELD[:desc]") {
    AppWorld w;
    w.store->create("people", {{"unit_id", w.communeA}, {"full_name", std::string("Trần Văn Bình")}});
    w.store->create("people", {{"unit_id", w.communeA}, {"full_name", std::string("Đặng Thị Hoa")}});
    w.store->create("people", {{"unit_id", w.communeA}, {"full_name", std::string("Dương Văn Bảy")}});
    w.store->create("movements", {{"unit_id", w.communeA}, {"title", std::string("Đoàn kết")},
                                  {"period_from", std::string("2024-01-01")}});
    w.store->create("movements", {{"unit_id", w.communeA}, {"title", std::string("Dân vận khéo")},
                                  {"period_from", std::string("2025-01-01")}});
    w.store.reset();
    const std::string db = (w.dir / "replica.db").string();
    auto names = [&](std::vector<std::string> argv, const char* field) {
        argv.insert(argv.begin(), {TDKT_CLI, "--db", db});
        auto r = run(argv);
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        const auto listed = nlohmann::json::parse(r.out);
        std::vector<std::string> out;
        for (const auto& row : listed["rows"]) out.push_back(row[field].get<std::string>());
        return out;
    };
    CHECK(names({"records", "people", "--sort", "full_name:desc"}, "full_name") ==
          std::vector<std::string>{"Trần Văn Bình", "Đặng Thị Hoa", "Dương Văn Bảy"});
    CHECK(names({"records", "people", "--sort", "full_name"}, "full_name") ==
          std::vector<std::string>{"Dương Văn Bảy", "Đặng Thị Hoa", "Trần Văn Bình"});
    CHECK(names({"movement", "list", "--sort", "title:asc"}, "title") == std::vector<std::string>{"Dân vận khéo", "Đoàn kết"});
    CHECK(names({"movement", "list", "--sort", "period_from:asc"}, "title") ==
          std::vector<std::string>{"Đoàn kết", "Dân vận khéo"});
    auto bad = run({TDKT_CLI, "--db", db, "records", "people", "--sort", "phone"});
    CHECK(bad.exitCode != 0);
    CHECK(bad.err.find("--sort expects") != std::string::npos);
    CHECK(run({TDKT_CLI, "--db", db, "movement", "list", "--sort", "title:up"}).exitCode != 0);
}

TEST_CASE("table-sort: tdkt-cli lists dossiers as the list screen filters and sorts them") {
    AppWorld w;
    w.dossier(w.communeA, "Nguyễn Văn Đình", 2025);
    w.dossier(w.communeA, "Đặng Thị Hoa", 2025, "chien_si_thi_dua_co_so", "submitted");
    w.dossier(w.communeB, "Dương Văn Bảy", 2024);
    w.dossier(w.communeB, "Trần Thị Lan", 2025, "lao_dong_tien_tien", "approved");
    w.store.reset();
    const std::string db = (w.dir / "replica.db").string();
    auto listed = [&](std::vector<std::string> argv) {
        argv.insert(argv.begin(), {TDKT_CLI, "--db", db, "dossier", "list"});
        auto r = run(argv);
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        const auto j = nlohmann::json::parse(r.out);
        std::vector<std::string> out;
        for (const auto& row : j["rows"]) out.push_back(row["nominee"].get<std::string>());
        CHECK(j["count"].get<std::size_t>() >= out.size()); // every match counted, --limit of them listed
        return out;
    };
    CHECK(listed({"--sort", "nominee_name"}) ==
          std::vector<std::string>{"Dương Văn Bảy", "Đặng Thị Hoa", "Nguyễn Văn Đình", "Trần Thị Lan"});
    CHECK(listed({"--year", "2025", "--unit", w.communeA, "--sort", "nominee_name:desc"}) ==
          std::vector<std::string>{"Nguyễn Văn Đình", "Đặng Thị Hoa"});
    CHECK(listed({"--award", "chien_si_thi_dua_co_so"}) == std::vector<std::string>{"Đặng Thị Hoa"});
    CHECK(listed({"--status", "approved"}) == std::vector<std::string>{"Trần Thị Lan"});
    CHECK(listed({"--text", "nguyen van dinh"}) == std::vector<std::string>{"Nguyễn Văn Đình"}); // diacritics ignored
    CHECK(listed({"--sort", "nominee_name", "--limit", "1"}) == std::vector<std::string>{"Dương Văn Bảy"});
    {
        auto r = run({TDKT_CLI, "--db", db, "dossier", "list", "--year", "2025"});
        REQUIRE(r.exitCode == 0);
        CHECK(nlohmann::json::parse(r.out)["count"] == 3);
    }
    auto bad = run({TDKT_CLI, "--db", db, "dossier", "list", "--sort", "summary"});
    CHECK(bad.exitCode != 0);
    CHECK(bad.err.find("--sort expects") != std::string::npos);
    CHECK(run({TDKT_CLI, "--db", db, "dossier", "list", "--year", "hai"}).exitCode != 0);
}

TEST_CASE("table-sort: a record's history sorts by time, who and field with ties by time") {
    AppWorld w;
    auto& s = *w.store;
    const auto id = w.dossier(w.communeA, "Nguyễn Văn Đình", 2025);
    s.update("dossiers", id, {{"summary", std::string("Hoàn thành")}});
    s.update("dossiers", id, {{"year", std::int64_t{2026}}});
    s.update("dossiers", id, {{"summary", std::string("Hoàn thành xuất sắc")}});
    auto lines = app::historyLines(s, "dossiers", id, [](const std::string&, const std::string&, const Value& v) {
        return app::valueText(v);
    }, app::Lang::Vi);
    REQUIRE(lines.size() >= 4);
    // Authors as a synced replica shows them: given here, the store's lines kept otherwise.
    const char* authors[] = {"Trần Văn Bình", "Đặng Thị Hoa", "Dương Văn Bảy", "Đặng Thị Hoa"};
    for (std::size_t i = 0; i < lines.size(); ++i) lines[i].author = authors[i % 4];
    auto byTime = app::historyOrder(lines, 0, true);
    for (std::size_t i = 1; i < byTime.size(); ++i) CHECK(lines[byTime[i - 1]].hlc >= lines[byTime[i]].hlc);
    CHECK(lines[byTime.front()].fieldLabel == lines.back().fieldLabel); // newest first
    auto byWho = app::historyOrder(lines, 1, false);
    for (std::size_t i = 1; i < byWho.size(); ++i) {
        const auto &a = lines[byWho[i - 1]], &b = lines[byWho[i]];
        const int c = compareVietnamese(a.author, b.author);
        CHECK(c <= 0);
        if (c == 0) CHECK(a.hlc <= b.hlc); // ties by time
    }
    CHECK(lines[byWho.front()].author == "Dương Văn Bảy"); // D before Đ before T
    CHECK(lines[byWho.back()].author == "Trần Văn Bình");
    auto byField = app::historyOrder(lines, 3, true);
    for (std::size_t i = 1; i < byField.size(); ++i)
        CHECK(compareVietnamese(lines[byField[i - 1]].fieldLabel, lines[byField[i]].fieldLabel) >= 0);
    CHECK(app::historyOrder(lines, 5, false) == app::historyOrder(lines, 0, false)); // not a sort column: by time
    std::vector<std::size_t> sorted = byField;
    std::sort(sorted.begin(), sorted.end());
    CHECK(sorted.size() == lines.size());
    CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end()); // each line once
}

TEST_CASE("table-sort: the follow-up board sorts by due date with no date last and by unit as Vietnamese") {
    auto row = [](const char* id, const char* unit, const char* due, int overdue, const char* follow) {
        app::FollowUpRow r;
        r.id = id;
        r.unitName = unit;
        r.dueDate = due;
        r.overdueDays = overdue;
        r.followUp = follow;
        return r;
    };
    const std::vector<app::FollowUpRow> board{row("a", "Xã Yên Mạc", "2026-03-01", 30, "chua_thuc_hien"),
                                             row("b", "Xã Đông Sơn", "", 0, "da_thuc_hien"),
                                             row("c", "Xã Khánh Hòa", "2026-01-15", 60, "dang_thuc_hien"),
                                             row("d", "Xã Dân Chủ", "2026-12-31", 0, "chua_thuc_hien")};
    auto ids = [](const std::vector<app::FollowUpRow>& rows) {
        std::string out;
        for (const auto& r : rows) out += r.id;
        return out;
    };
    auto rows = board;
    app::sortFollowUp(rows, 3, false);
    CHECK(ids(rows) == "cadb"); // by deadline, the one with none last
    app::sortFollowUp(rows, 3, true);
    CHECK(ids(rows) == "dacb"); // latest first, still none last
    rows = board;
    app::sortFollowUp(rows, 2, false);
    CHECK(ids(rows) == "dbca"); // Dân Chủ, Đông Sơn, Khánh Hòa, Yên Mạc
    rows = board;
    app::sortFollowUp(rows, 5, false);
    CHECK(ids(rows) == "adcb"); // not done (in board order), under way, done
    app::sortFollowUp(rows, 4, true);
    CHECK(ids(rows) == "cadb"); // most overdue first; ties keep their order
    rows = board;
    CHECK_FALSE(app::followUpSorts(1));
    app::sortFollowUp(rows, 1, false);
    CHECK(ids(rows) == "abcd");
}

} // namespace tdkt::test

namespace tdkt::test {

TEST_CASE("table-sort: the award catalog sorts by award, nominees or dates in force, ties in its own order") {
    std::vector<app::AwardRuleLine> lines(4);
    lines[0].award = "Giấy khen", lines[0].nominees = "Cá nhân", lines[0].from = "2024-01-01";
    lines[1].award = "Bằng khen", lines[1].nominees = "Tập thể", lines[1].from = "";
    lines[2].award = "Đoàn kết", lines[2].nominees = "Cá nhân", lines[2].from = "2018-01-01";
    lines[3].award = "Danh hiệu", lines[3].nominees = "Hộ gia đình", lines[3].from = "2024-01-01";
    using Order = std::vector<std::size_t>;
    CHECK(app::awardRuleOrder(lines, -1, false) == Order{0, 1, 2, 3}); // no header: the catalog's order
    CHECK(app::awardRuleOrder(lines, 0, false) == Order{1, 3, 2, 0});  // D before Đ before G
    CHECK(app::awardRuleOrder(lines, 0, true) == Order{0, 2, 3, 1});
    CHECK(app::awardRuleOrder(lines, 1, false) == Order{0, 2, 3, 1});  // ties keep their order
    CHECK(app::awardRuleOrder(lines, 2, false) == Order{1, 2, 0, 3});  // since always first
    CHECK(app::awardRuleOrder(lines, 2, true) == Order{0, 3, 2, 1});
    CHECK(app::awardRuleOrder(lines, 7, false) == Order{0, 1, 2, 3});
}

} // namespace tdkt::test
