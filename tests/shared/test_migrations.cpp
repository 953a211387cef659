// Numbered migrations: applied at open, one transaction each; foreign and newer
// files are refused untouched.
#include "fixtures.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/store/migrations.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

using namespace tdkt;

namespace {

std::string bytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A replica as version 1 of the program left it (with `pageSize` pages, or SQLite's default).
void writeVersion1Replica(const std::filesystem::path& file, const std::string& siteId, int pageSize = 0) {
    auto db = store::Db::open(file, true);
    if (pageSize) db.exec("PRAGMA page_size = " + std::to_string(pageSize));
    store::Transaction tx{db};
    db.exec(store::migrationSql(schema::registry(), 1));
    db.exec("PRAGMA application_id = " + std::to_string(store::ApplicationId));
    db.exec("PRAGMA user_version = 1");
    db.exec("INSERT INTO meta(key, value) VALUES('site_id', '" + siteId + "'), ('next_seq', '1')");
    db.exec("INSERT INTO units(id, name, level) VALUES('u1', 'Xã Cũ', 'xa')");
    tx.commit();
}

} // namespace

TEST_SUITE("migrations") {
    TEST_CASE("migrations: a new replica is at the latest version and marked as ours") {
        test::TempDir dir;
        { test::openStore(dir / "r.db"); }
        auto db = store::Db::open(dir / "r.db", false);
        CHECK(db.userVersion() == store::latestMigration(schema::registry()));
        CHECK(db.scalar("PRAGMA application_id") == store::ApplicationId);
        CHECK(db.scalar("PRAGMA foreign_keys") == 0); // per connection; the store turns it on for itself
        for (const auto& t : schema::registry().tables())
            CHECK_MESSAGE(db.scalar("SELECT count(*) FROM sqlite_master WHERE name = '" + t.name + "'") == 1, t.name);
    }

    TEST_CASE("migrations: a new replica has 8 KiB pages, a new server store 16 KiB, an old file keeps its own") {
        test::TempDir dir;
        { test::openStore(dir / "r.db"); }
        {
            store::OpenOptions o;
            o.create = true;
            o.serverRole = true;
            store::Store::open(dir / "s.db", o);
        }
        CHECK(store::Db::open(dir / "r.db", false).scalar("PRAGMA page_size") == 8192);
        CHECK(store::Db::open(dir / "s.db", false).scalar("PRAGMA page_size") == 16384);
        writeVersion1Replica(dir / "old.db", "777", 16384); // made by an earlier version with 16 KiB pages
        { store::Store::open(dir / "old.db"); }
        auto old = store::Db::open(dir / "old.db", false);
        CHECK(old.userVersion() == store::latestMigration(schema::registry()));
        CHECK(old.scalar("PRAGMA page_size") == 16384);
    }

    TEST_CASE("migrations: what a push looks up by site and seq is found by an index, not a scan") {
        test::TempDir dir;
        { test::openStore(dir / "r.db"); }
        auto db = store::Db::open(dir / "r.db", false);
        auto plan = [&](const std::string& sql) {
            auto st = db.prepare("EXPLAIN QUERY PLAN " + sql);
            std::string out;
            while (st.step()) out += st.text(3) + "; ";
            return out;
        };
        for (const std::string sql : {"SELECT seq, reason FROM refused_ops WHERE site = 1 AND seq BETWEEN 1 AND 9",
                                      "SELECT seq + n - 1 FROM changes WHERE site = 1 ORDER BY seq DESC LIMIT 1",
                                      "SELECT lo, hi FROM received_ranges WHERE site = 1 AND lo >= 1 AND lo < 9"}) {
            const auto p = plan(sql);
            CHECK_MESSAGE(p.find("SCAN") == std::string::npos, std::string(sql + " -> " + p));
        }
    }

    TEST_CASE("migrations: an older replica is brought forward and keeps its data") {
        test::TempDir dir;
        const auto& reg = schema::registry();
        writeVersion1Replica(dir / "old.db", "12345");
        auto s = store::Store::open(dir / "old.db");
        CHECK(s->siteId() == 12345);
        REQUIRE(s->get("units", "u1"));
        CHECK(std::get<std::string>(s->get("units", "u1")->fields["name"]) == "Xã Cũ");
        auto db = store::Db::open(dir / "old.db", false);
        CHECK(db.userVersion() == store::latestMigration(reg));
    }

    TEST_CASE("migrations: a file written by a newer program is refused untouched") {
        test::TempDir dir;
        { test::openStore(dir / "r.db"); }
        {
            auto db = store::Db::open(dir / "r.db", false);
            db.exec("PRAGMA user_version = 999");
        }
        const auto before = bytes(dir / "r.db");
        CHECK_THROWS_AS(store::Store::open(dir / "r.db"), Error);
        CHECK(bytes(dir / "r.db") == before);
    }

    TEST_CASE("migrations: another program's SQLite file is refused untouched") {
        test::TempDir dir;
        {
            auto db = store::Db::open(dir / "other.db", true);
            db.exec("CREATE TABLE invoices(id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES(1, 9.5)");
        }
        const auto before = bytes(dir / "other.db");
        store::OpenOptions o;
        o.create = true;
        CHECK_THROWS_AS(store::Store::open(dir / "other.db", o), Error);
        CHECK(bytes(dir / "other.db") == before);
    }

    TEST_CASE("migrations: a replica of schema 16 gains migration 18's columns and keeps its dossiers") {
        test::TempDir dir;
        const auto& reg = schema::registry();
        {
            auto db = store::Db::open(dir / "v16.db", true);
            store::Transaction tx{db};
            for (int v = 1; v <= 16; ++v) db.exec(store::migrationSql(reg, v));
            db.exec("PRAGMA application_id = " + std::to_string(store::ApplicationId));
            db.exec("PRAGMA user_version = 16");
            db.exec("INSERT INTO meta(key, value) VALUES('site_id', '4242'), ('next_seq', '1')");
            db.exec("INSERT INTO units(id, name, level) VALUES('u1', 'Xã Cũ', 'xa')");
            db.exec("INSERT INTO dossiers(id, unit_id, nominee_kind, nominee_name, award_code, year, status) "
                    "VALUES('d1', 'u1', 'ca_nhan', 'Lò Thị Mai', 'chien_si_thi_dua_co_so', 2025, 'draft')");
            tx.commit();
        }
        auto s = store::Store::open(dir / "v16.db");
        REQUIRE(s->get("dossiers", "d1"));
        CHECK(std::get<std::string>(s->get("dossiers", "d1")->fields["nominee_name"]) == "Lò Thị Mai");
        s->update("dossiers", "d1", {{"proposal_rank", std::int64_t{2}}});
        CHECK(std::get<std::int64_t>(s->get("dossiers", "d1")->fields["proposal_rank"]) == 2);
        for (const auto& t : reg.tables())
            for (const auto& f : t.fields)
                if (f.since == 18 && t.since < 18)
                    CHECK_MESSAGE(store::Db::open(dir / "v16.db", false)
                                          .scalar("SELECT count(*) FROM pragma_table_info('" + t.name + "') WHERE name IN ('" +
                                                  f.name + "', '_h_" + f.name + "', '_s_" + f.name + "')") == 3,
                                  std::string(t.name + "." + f.name));
    }

    TEST_CASE("migrations: a missing file is not created unless asked") {
        test::TempDir dir;
        CHECK_THROWS_AS(store::Store::open(dir / "none.db"), Error);
        CHECK_FALSE(std::filesystem::exists(dir / "none.db"));
    }
}
