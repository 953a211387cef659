// DossierList over a real replica: counts and pages with filters, the unit subtree,
// diacritics-insensitive search, keyset paging past the first page; ChangeEpochs.
#include "app_world.hpp"

#include "app/change_epoch.hpp"
#include "app/dossier_list.hpp"

#include <doctest/doctest.h>

#include <set>

namespace tdkt::test {
using app::DossierFilter;
using app::DossierList;

TEST_CASE("app-list: filters, unit subtree and diacritics-insensitive search") {
    AppWorld w;
    const auto dinh = w.dossier(w.communeA, "Nguyễn Văn Đình", 2025);
    w.dossier(w.communeA, "Trần Thị Hương", 2025, "chien_si_thi_dua_co_so", "submitted");
    w.dossier(w.communeB, "Lê Văn Đông", 2024);
    w.dossier(w.communeB, "Nguyễn Thị Mai", 2025);

    DossierList list;
    DossierFilter f;
    list.refresh(*w.store, f, 1);
    CHECK(list.count() == 4);

    f.text = "nguyen van dinh";
    list.refresh(*w.store, f, 1);
    REQUIRE(list.count() == 1);
    const auto& row = list.row(*w.store, 0);
    CHECK(row.id == dinh);
    CHECK(row.nominee == "Nguyễn Văn Đình");
    CHECK(row.unit == "Xã Khánh Hòa");
    CHECK(row.status == "Dự thảo");
    CHECK(row.statusCode == "draft");
    CHECK(row.year == 2025);

    f.text = "NGUYEN";
    list.refresh(*w.store, f, 1);
    CHECK(list.count() == 2);

    f = {};
    f.year = 2025;
    list.refresh(*w.store, f, 1);
    CHECK(list.count() == 3);
    f.status = "submitted";
    list.refresh(*w.store, f, 1);
    REQUIRE(list.count() == 1);
    CHECK(list.row(*w.store, 0).nominee == "Trần Thị Hương");

    f = {};
    f.unit = w.communeB;
    list.refresh(*w.store, f, 1);
    CHECK(list.count() == 2);
    f.unit = w.province; // the subtree: both communes
    list.refresh(*w.store, f, 1);
    CHECK(list.count() == 4);

    f = {};
    f.award = "chien_si_thi_dua_co_so";
    list.refresh(*w.store, f, 1);
    CHECK(list.count() == 1);

    f = {};
    f.text = "khong co ai";
    list.refresh(*w.store, f, 1);
    CHECK(list.count() == 0);
}

TEST_CASE("app-list: pages past the first continue after the page before, in sort order") {
    AppWorld w;
    const std::size_t n = DossierList::PageSize * 2 + 17;
    for (std::size_t i = 0; i < n; ++i)
        w.dossier(i % 2 ? w.communeA : w.communeB, "Cán bộ số " + std::to_string(i), 2000 + std::int64_t(i % 26));

    DossierList list;
    DossierFilter f; // year, descending
    list.refresh(*w.store, f, 1);
    REQUIRE(list.count() == n);
    std::set<std::string> ids;
    std::int64_t last = 1'000'000;
    for (std::size_t i = 0; i < n; ++i) {
        const auto& r = list.row(*w.store, i);
        CHECK(r.year <= last);
        last = r.year;
        ids.insert(r.id);
    }
    CHECK(ids.size() == n); // no row twice, none skipped
    CHECK(list.pagesRead() == 3);

    // Same filter and epoch: nothing is read again.
    list.refresh(*w.store, f, 1);
    list.row(*w.store, 0);
    CHECK(list.pagesRead() == 3);

    // A new epoch drops the pages.
    list.refresh(*w.store, f, 2);
    CHECK(list.pagesRead() == 0);
    list.row(*w.store, n - 1); // a jump: read by offset
    CHECK(list.pagesRead() == 1);

    f.descending = false;
    list.refresh(*w.store, f, 2);
    CHECK(list.row(*w.store, 0).year == 2000);
}

TEST_CASE("app-epochs: a local edit moves its table, another connection's commit moves all") {
    AppWorld w;
    app::ChangeEpochs e;
    e.poll(*w.store);
    const auto d0 = e.of("dossiers"), p0 = e.of("people");
    e.poll(*w.store);
    CHECK(e.of("dossiers") == d0); // nothing changed: same epoch

    e.noteLocal("dossiers");
    CHECK(e.of("dossiers") > d0);
    CHECK(e.of("people") == p0);

    const auto d1 = e.of("dossiers");
    {
        auto other = store::Store::open(w.dir / "replica.db"); // as the sync worker would
        other->create("people", {{"unit_id", w.communeA}, {"full_name", std::string("Phạm Văn Long")}});
    }
    e.poll(*w.store);
    CHECK(e.of("people") > p0);
    CHECK(e.of("dossiers") > d1);
    CHECK(e.of("a_table_never_seen") == e.of("people"));

    // The list sees the other connection's row once the epoch moved.
    app::DossierList list;
    list.refresh(*w.store, {}, e.of("dossiers"));
    CHECK(list.count() == 0);
    {
        auto other = store::Store::open(w.dir / "replica.db");
        other->create("dossiers", {{"unit_id", w.communeA},
                                   {"nominee_kind", std::string("ca_nhan")},
                                   {"nominee_name", std::string("Phạm Văn Long")},
                                   {"award_code", std::string("lao_dong_tien_tien")},
                                   {"year", std::int64_t{2025}},
                                   {"status", std::string("draft")}});
    }
    list.refresh(*w.store, {}, e.of("dossiers"));
    CHECK(list.count() == 0); // the same epoch keeps the view
    e.poll(*w.store);
    list.refresh(*w.store, {}, e.of("dossiers"));
    CHECK(list.count() == 1);
}

} // namespace tdkt::test
