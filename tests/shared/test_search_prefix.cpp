// Search as one types (issue 17): one- and two-letter prefixes from the index's
// prefix tables (migration 23), đ folded, the ids of a list and of a match; and a
// replica indexed before migration 23 still finds what it found.
#include "fixtures.hpp"

#include "tdkt/store/sqlite.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace tdkt;

namespace {

std::vector<std::string> sorted(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
}

std::string dossier(store::Store& s, const std::string& unit, const std::string& name, std::int64_t year) {
    return s.create("dossiers", {{"unit_id", unit},
                                 {"nominee_kind", std::string("ca_nhan")},
                                 {"nominee_name", name},
                                 {"award_code", std::string("lao_dong_tien_tien")},
                                 {"year", year},
                                 {"status", std::string("draft")}});
}

} // namespace

TEST_SUITE("search") {
    TEST_CASE("search-prefix: one and two letters, đ folded, ids in the list's order") {
        test::TempDir dir;
        auto s = test::openStore(dir / "r.db");
        const auto unit = test::addUnit(*s);
        const auto dinh = dossier(*s, unit, "Nguyễn Văn Đình", 2023);
        const auto nga = dossier(*s, unit, "Trần Thị Nga", 2025);
        const auto dong = dossier(*s, unit, "Lê Văn Đông", 2024);
        const auto person = s->create("people", {{"unit_id", unit}, {"full_name", std::string("Nguyễn Thị Na")}});

        CHECK(sorted(s->matchingIds("dossiers", "n")) == sorted({dinh, nga})); // Nguyễn, Nga; never the person
        CHECK(sorted(s->matchingIds("dossiers", "ng")) == sorted({dinh, nga}));
        CHECK(sorted(s->matchingIds("dossiers", "đ")) == sorted({dinh, dong}));
        CHECK(sorted(s->matchingIds("dossiers", "D")) == sorted({dinh, dong}));
        CHECK(s->matchingIds("dossiers", "nguyen van dinh") == std::vector<std::string>{dinh});
        CHECK(s->matchingIds("dossiers", "NGUYỄN VĂN ĐÌNH") == std::vector<std::string>{dinh});
        CHECK(s->matchingIds("dossiers", "ngx").empty());
        CHECK(s->matchingIds("dossiers", " - ").empty());
        CHECK(s->matchingIds("people", "n") == std::vector<std::string>{person});

        store::PageQuery q;
        q.table = "dossiers";
        q.sortField = "year";
        q.descending = true;
        CHECK(s->pageIds(q) == std::vector<std::string>{nga, dong, dinh});
        q.text = "v";
        CHECK(s->pageIds(q) == std::vector<std::string>{dong, dinh});
        CHECK(s->pageCount(q) == 2);
        q.text = "d";
        q.descending = false;
        CHECK(s->pageIds(q) == std::vector<std::string>{dinh, dong});
        s->remove("dossiers", dinh);
        CHECK(s->pageIds(q) == std::vector<std::string>{dong});
        CHECK(s->matchingIds("dossiers", "d") == std::vector<std::string>{dong});
    }

    TEST_CASE("search-prefix: the index has prefix tables and a replica indexed before them still finds its rows") {
        test::TempDir dir;
        std::string dinh;
        {
            auto s = test::openStore(dir / "r.db");
            const auto unit = test::addUnit(*s);
            dinh = dossier(*s, unit, "Nguyễn Văn Đình", 2023);
            dossier(*s, unit, "Lò Thị Xuân", 2023);
        }
        {
            auto db = store::Db::open(dir / "r.db", false);
            auto sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'search_fts'");
            REQUIRE(sql.step());
            CHECK(sql.text(0).find("prefix = '1 2 3'") != std::string::npos);
        }
        { // as migration 22 left it: the same bodies in an index without prefix tables
            auto db = store::Db::open(dir / "r.db", false);
            db.exec("BEGIN; CREATE VIRTUAL TABLE old_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');"
                    "INSERT INTO old_fts(rowid, body) SELECT rowid, body FROM search_fts; DROP TABLE search_fts;"
                    "ALTER TABLE old_fts RENAME TO search_fts; PRAGMA user_version = 22; COMMIT;");
        }
        auto s = store::Store::open(dir / "r.db");
        auto db = store::Db::open(dir / "r.db", false);
        auto sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'search_fts'");
        REQUIRE(sql.step());
        CHECK(sql.text(0).find("prefix = '1 2 3'") != std::string::npos);
        CHECK(s->matchingIds("dossiers", "nguyen van dinh") == std::vector<std::string>{dinh});
        CHECK(s->matchingIds("dossiers", "đ") == std::vector<std::string>{dinh});
        CHECK(s->matchingIds("dossiers", "x").size() == 1);
        CHECK(s->search("lo thi").size() == 1);
    }
}
