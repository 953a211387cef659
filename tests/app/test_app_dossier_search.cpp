// DossierSearch: the dossier list with its queries on a worker thread. The same rows
// as DossierList's for every filter, the last result shown until the next arrives,
// pages read by the worker, and a UI thread that goes on while the worker is stuck.
#include "app_world.hpp"

#include "app/dossier_list.hpp"
#include "app/dossier_search.hpp"
#include "tdkt/store/sqlite.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <functional>
#include <thread>

namespace tdkt::test {
using app::DossierFilter;
using app::DossierSearch;

namespace {

// Runs what the worker posted, as the window does once a frame, until `done` (10 s at most).
bool pump(app::RunQueue& q, const std::function<bool()>& done) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < until) {
        q.run();
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return false;
}

// Every row of the result shown, reading the pages as the window would.
std::vector<std::string> shownIds(app::RunQueue& q, DossierSearch& s) {
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < s.count(); ++i) {
        REQUIRE(pump(q, [&] { return s.row(i) != nullptr; }));
        ids.push_back(s.row(i)->id);
    }
    return ids;
}

std::vector<std::string> listIds(store::Store& st, const DossierFilter& f) {
    app::DossierList list;
    list.refresh(st, f, 1);
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < list.count(); ++i) ids.push_back(list.row(st, i).id);
    return ids;
}

} // namespace

TEST_CASE("app-search: the worker's rows are DossierList's for every filter, prefixes and đ included") {
    AppWorld w;
    const auto dinh = w.dossier(w.communeA, "Nguyễn Văn Đình", 2025);
    w.dossier(w.communeA, "Trần Thị Hương", 2025, "chien_si_thi_dua_co_so", "submitted");
    w.dossier(w.communeB, "Lê Văn Đông", 2024);
    w.dossier(w.communeB, "Nguyễn Thị Mai", 2023);
    for (int i = 0; i < 230; ++i) w.dossier(i % 2 ? w.communeA : w.communeB, "Cán bộ số " + std::to_string(i), 2000 + i % 26);

    app::RunQueue q;
    DossierSearch s(w.dir / "replica.db", q);
    std::uint64_t epoch = 1;
    auto check = [&](const DossierFilter& f) {
        s.refresh(f, epoch);
        REQUIRE(pump(q, [&] { return !s.searching(); }));
        CHECK(s.shownFilter() == f);
        CHECK(s.error == nullptr);
        CHECK(shownIds(q, s) == listIds(*w.store, f));
    };
    DossierFilter f;
    check(f);
    CHECK(s.count() == 234);
    for (const char* text : {"n", "ng", "nguyen", "nguyen van dinh", "NGUYỄN VĂN ĐÌNH", "đ", "d", "van", "can bo so 1",
                             "khong co ai", " - "}) {
        f.text = text;
        check(f);
    }
    f.text = "nguyen van dinh";
    check(f);
    REQUIRE(s.count() == 1);
    CHECK(s.row(0)->id == dinh);
    CHECK(s.row(0)->nominee == "Nguyễn Văn Đình");
    CHECK(s.row(0)->unit == "Xã Khánh Hòa");
    CHECK(s.row(0)->status == "Dự thảo");
    f.text = "ng";
    f.year = 2025;
    check(f);
    CHECK(s.count() == 1);
    f = {};
    f.unit = w.communeB;
    f.descending = false;
    check(f);
    f.text = "d";
    check(f);
    f = {};
    f.status = "submitted";
    check(f);
    CHECK(s.count() == 1);
    f = {};
    f.sortField = "nominee_name";
    check(f);

    // An edit elsewhere: the next epoch reads it.
    w.dossier(w.communeA, "Nguyễn Văn Đình", 2019);
    ++epoch;
    f = {};
    f.text = "dinh";
    check(f);
    CHECK(s.count() == 2);
}

TEST_CASE("app-search: the last result stays shown until the next arrives, pages come from the worker") {
    AppWorld w;
    for (int i = 0; i < 250; ++i) w.dossier(w.communeA, "Nguyễn Văn " + std::to_string(i), 2000 + i % 20);
    w.dossier(w.communeB, "Lò Thị Xuân", 2025);
    app::RunQueue q;
    DossierSearch s(w.dir / "replica.db", q);
    CHECK_FALSE(s.ready());
    CHECK(s.row(0) == nullptr);
    s.refresh({}, 1);
    REQUIRE(pump(q, [&] { return s.ready() && !s.searching(); }));
    CHECK(s.count() == 251);
    CHECK(s.row(0) != nullptr); // the first page comes with the result
    CHECK(s.pagesRead() == 1);
    CHECK(s.row(DossierSearch::PageSize * 2 + 3) == nullptr); // asked for, read by the worker
    REQUIRE(pump(q, [&] { return s.row(DossierSearch::PageSize * 2 + 3) != nullptr; }));

    DossierFilter f;
    f.text = "lo thi";
    s.refresh(f, 1);
    CHECK(s.searching());
    CHECK(s.count() == 251); // what was shown stays until the new result is in
    CHECK(s.shownFilter().text.empty());
    s.refresh(f, 1); // asked again with nothing new: no new request
    REQUIRE(pump(q, [&] { return !s.searching(); }));
    CHECK(s.count() == 1);
    CHECK(s.row(0)->nominee == "Lò Thị Xuân");

    // Typed faster than the worker answers: the result that stays is the last word's.
    for (const char* t : {"n", "ng", "ngu", "nguy", "nguyen"}) {
        f.text = t;
        s.refresh(f, 1);
    }
    REQUIRE(pump(q, [&] { return !s.searching(); }));
    CHECK(s.shownFilter().text == "nguyen");
    CHECK(s.count() == 250);
}

TEST_CASE("app-search: the UI thread goes on while the worker waits on a locked replica") {
    TempDir dir;
    {
        auto st = openStore(dir / "r.db");
        const auto unit = addUnit(*st);
        st->create("dossiers", {{"unit_id", unit},
                                {"nominee_kind", std::string("ca_nhan")},
                                {"nominee_name", std::string("Nguyễn Văn Đình")},
                                {"award_code", std::string("lao_dong_tien_tien")},
                                {"year", std::int64_t{2025}},
                                {"status", std::string("draft")}});
    }
    app::RunQueue q;
    auto lock = std::make_unique<store::Db>(store::Db::open(dir / "r.db", false));
    lock->exec("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; SELECT count(*) FROM dossiers;");
    DossierSearch s(dir / "r.db", q);
    DossierFilter f;
    f.text = "dinh";
    const auto t0 = std::chrono::steady_clock::now();
    s.refresh(f, 1);
    for (int frame = 0; frame < 30; ++frame) { // half a second of frames: each returns at once
        q.run();
        CHECK(s.count() == 0);
        CHECK(s.row(0) == nullptr);
        std::this_thread::sleep_for(std::chrono::milliseconds(16));
    }
    CHECK(s.searching());
    CHECK_FALSE(s.ready());
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(3));
    lock->exec("COMMIT");
    lock.reset();
    REQUIRE(pump(q, [&] { return !s.searching(); }));
    CHECK(s.error == nullptr);
    CHECK(s.count() == 1);
}

} // namespace tdkt::test
