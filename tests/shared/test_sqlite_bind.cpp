// Stmt::bind of text: an empty text is '' in the database, never NULL, whatever
// view it comes in (a default-constructed std::string_view has no data pointer,
// which SQLite alone would bind as NULL); the same for an empty blob.
#include "temp_dir.hpp"

#include "tdkt/store/sqlite.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

using namespace tdkt;

namespace {

struct Column {
    bool null = false;
    std::string type;
    std::int64_t length = -1;
};

// Inserts one value bound by `bind`, reads back how SQLite holds it.
template <class Bind> Column roundTrip(store::Db& db, Bind bind) {
    db.exec("DELETE FROM t");
    auto insert = db.prepare("INSERT INTO t(x) VALUES(?)");
    bind(insert);
    insert.run();
    auto read = db.prepare("SELECT x IS NULL, typeof(x), length(x) FROM t");
    REQUIRE(read.step());
    Column c{read.integer(0) != 0, read.text(1), read.isNull(2) ? -1 : read.integer(2)};
    read.reset();
    return c;
}

} // namespace

TEST_SUITE("store") {
    TEST_CASE("store: an empty text bound from any string view is '' and not NULL") {
        test::TempDir dir;
        auto db = store::Db::open(dir / "bind.db", true);
        db.exec("CREATE TABLE t(x)");

        const std::string_view none; // data() == nullptr
        REQUIRE(none.data() == nullptr);
        for (const auto& c : {roundTrip(db, [&](store::Stmt& s) { s.bind(1, none); }),
                              roundTrip(db, [](store::Stmt& s) { s.bind(1, std::string_view{}); }),
                              roundTrip(db, [](store::Stmt& s) { s.bind(1, std::string()); }),
                              roundTrip(db, [](store::Stmt& s) { s.bind(1, ""); }),
                              roundTrip(db, [](store::Stmt& s) { s.bind(1, Value{std::string()}); })}) {
            CHECK_FALSE(c.null);
            CHECK(c.type == "text");
            CHECK(c.length == 0);
        }
        // '' and NULL stay apart: a WHERE x = '' finds the row bound from a default view.
        roundTrip(db, [&](store::Stmt& s) { s.bind(1, none); });
        auto count = db.prepare("SELECT count(*) FROM t WHERE x = ?");
        count.bind(1, none);
        REQUIRE(count.step());
        CHECK(count.integer(0) == 1);
        count.reset();

        // NULL is still NULL when asked for, and a text with bytes is kept whole.
        auto nul = roundTrip(db, [](store::Stmt& s) { s.bindNull(1); });
        CHECK(nul.null);
        CHECK(nul.type == "null");
        auto word = roundTrip(db, [](store::Stmt& s) { s.bind(1, std::string_view("Bằng khen")); });
        CHECK(word.type == "text");
        CHECK(word.length == 9); // length() counts characters: 11 bytes of UTF-8
    }

    TEST_CASE("store: an empty blob bound from a default view is a zero-length blob, not NULL") {
        test::TempDir dir;
        auto db = store::Db::open(dir / "blob.db", true);
        db.exec("CREATE TABLE t(x)");
        const auto c = roundTrip(db, [](store::Stmt& s) { s.bindBlob(1, std::string_view{}); });
        CHECK_FALSE(c.null);
        CHECK(c.type == "blob");
        CHECK(c.length == 0);
    }
}
