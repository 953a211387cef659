// Diacritics-insensitive search: FTS5 unicode61 remove_diacritics 2, plus đ/Đ folding.
#include "fixtures.hpp"

#include <doctest/doctest.h>

using namespace tdkt;

namespace {

bool finds(store::Store& s, const std::string& query, const std::string& id) {
    for (const auto& h : s.search(query))
        if (h.id == id) return true;
    return false;
}

} // namespace

TEST_SUITE("search") {
    TEST_CASE("search: folded queries find Vietnamese names, đ included") {
        test::TempDir dir;
        auto s = test::openStore(dir / "r.db");
        const auto unit = test::addUnit(*s);
        const auto dinh = s->create("people", {{"unit_id", unit}, {"full_name", std::string("Nguyễn Văn Đình")}});
        const auto huong = s->create("people", {{"unit_id", unit}, {"full_name", std::string("Đỗ Thị Hương")}});
        CHECK(finds(*s, "nguyen van dinh", dinh));
        CHECK(finds(*s, "NGUYỄN VĂN ĐÌNH", dinh));
        CHECK(finds(*s, "dinh", dinh));
        CHECK(finds(*s, "Đình", dinh));
        CHECK(finds(*s, "do thi huong", huong));
        CHECK_FALSE(finds(*s, "do thi huong", dinh));
        CHECK(finds(*s, "huo", huong)); // prefix while typing
        auto hits = s->search("nguyen van dinh");
        REQUIRE(!hits.empty());
        CHECK(hits[0].table == "people");
        CHECK(hits[0].title == "Nguyễn Văn Đình");
    }

    TEST_CASE("search: dossiers and movements are found too, and titles are NFC") {
        test::TempDir dir;
        auto s = test::openStore(dir / "r.db");
        const auto unit = test::addUnit(*s);
        const auto mv = s->create("movements", {{"unit_id", unit}, {"title", std::string("Lai Châu chung sức xây dựng nông thôn mới")}});
        const auto ds = s->create("dossiers", {{"unit_id", unit},
                                               {"nominee_kind", std::string("ca_nhan")},
                                               {"nominee_name", std::string("Lò Thị Xuân")},
                                               {"award_code", std::string("chien_si_thi_dua_co_so")},
                                               {"year", std::int64_t{2025}},
                                               {"status", std::string("draft")}});
        CHECK(finds(*s, "nong thon moi", mv));
        CHECK(finds(*s, "lo thi xuan", ds));
    }

    TEST_CASE("search: an edit reindexes, a delete removes, query syntax is inert") {
        test::TempDir dir;
        auto s = test::openStore(dir / "r.db");
        const auto unit = test::addUnit(*s);
        const auto id = s->create("people", {{"unit_id", unit}, {"full_name", std::string("Vàng A Sùng")}});
        s->update("people", id, {{"full_name", std::string("Giàng A Páo")}});
        CHECK_FALSE(finds(*s, "vang a sung", id));
        CHECK(finds(*s, "giang a pao", id));
        CHECK(s->search("\"giang\" OR NEAR(").size() <= 1); // no FTS syntax error
        CHECK(s->search("   ").empty());
        s->remove("people", id);
        CHECK_FALSE(finds(*s, "giang a pao", id));
    }
}
