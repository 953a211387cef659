// Sorting the big lists by a clicked column (issue 17) over a real replica with a few
// thousand rows: for every sortable column of the dossier, movement and people lists,
// both ways, paging through the list (keyset paging after the page before) gives every
// row exactly once, in the order of that column (text as Vietnamese: Đ after D; an
// enumeration by its labels, a unit by its name), ties broken by id; the dossier
// list's worker (DossierSearch) gives the same order. tdkt-cli's lists:
// test_app_cli_lists.cpp; tables sorted in memory: test_app_sort_in_memory.cpp.
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

} // namespace tdkt::test
