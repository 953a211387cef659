// PageQuery ranges (issue 17, movements): bounds on a field, open at a null end,
// rows with the field empty kept or not, unknown fields refused.
#include "fixtures.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/store/store.hpp"

#include <doctest/doctest.h>

namespace tdkt::test {

TEST_CASE("store-page: ranges bound a field, an empty field passes only when asked") {
    TempDir dir;
    auto s = openStore(dir / "replica.db");
    const auto unit = s->create("units", {{"name", std::string("Xã A")}, {"level", std::string("xa")}});
    auto movement = [&](const std::string& from) {
        store::Fields f{{"unit_id", unit}, {"title", std::string("Phong trào ") + from}};
        if (!from.empty()) f.emplace_back("period_from", from);
        return s->create("movements", f);
    };
    movement("2021-06-04");
    const auto b = movement("2025-08-05");
    movement("2026-01-01");
    movement("");
    store::PageQuery q;
    q.table = "movements";
    q.ranges.push_back({"period_from", Value{std::string("2022-01-01")}, Value{std::string("2025-12-31")}, false});
    CHECK(s->pageCount(q) == 1);
    auto rows = s->page(q);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].id == b);
    q.ranges[0].emptyPasses = true;
    CHECK(s->pageCount(q) == 2);
    q.ranges[0].atLeast = Value{}; // open below
    CHECK(s->pageCount(q) == 3);
    q.ranges[0].atMost = Value{}; // no bound at all: every row
    CHECK(s->pageCount(q) == 4);
    q.ranges[0].field = "no_such_field";
    CHECK_THROWS_AS(s->pageCount(q), Error);
}

} // namespace tdkt::test
