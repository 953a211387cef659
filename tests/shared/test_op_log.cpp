// The op log keeps one row per change (consecutive ops of one replica on one row)
// with a JSON body; each op keeps its own position, seq and versions, reads back
// exactly (text with quotes and control characters, reals, nulls), and the `ops`
// view still shows one op a row. Older replicas' per-op logs are converted.
#include "fixtures.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/store/migrations.hpp"
#include "tdkt/store/sqlite.hpp"

#include <doctest/doctest.h>

using namespace tdkt;

namespace {

const std::string Tricky = "Kế hoạch \"số 1\"\\ngày\t\x01 — Đ\u1EA1i h\u1ED9i \xF0\x9F\x8E\x89";

} // namespace

TEST_SUITE("op-log") {
    TEST_CASE("op-log: one change per row edit, every op reads back exactly, in order") {
        test::TempDir dir;
        std::string id;
        {
            auto s = test::openStore(dir / "r.db");
            test::addUnit(*s);
            id = s->create("people", {{"unit_id", std::string("unit-xa-a")}, {"full_name", Tricky}});
            s->update("people", id, {{"full_name", std::string("Hà Thị Mai")}});
            s->remove("people", id);
            auto ops = s->pendingOps(100);
            REQUIRE(ops.size() == 6); // unit: name, level; person: unit_id, full_name; edit; delete
            for (std::size_t i = 0; i < ops.size(); ++i) CHECK(ops[i].seq == i + 1);
            CHECK(ops[3].value == Value{Tricky});
            CHECK(ops[4].base == ops[3].version());
            CHECK(ops[5].field == "_deleted");
            CHECK(s->pendingCount() == 6);
            s->acknowledge(3); // in the middle of the person's creation change
            CHECK(s->pendingCount() == 3);
            REQUIRE(s->pendingOps(100).size() == 3);
            CHECK(s->pendingOps(100).front().seq == 4);
            CHECK(s->pendingOps(2).size() == 2);
        }
        auto db = store::Db::open(dir / "r.db", false);
        CHECK(db.scalar("SELECT count(*) FROM changes") == 4); // unit, person created, edited, deleted
        CHECK(db.scalar("SELECT count(*) FROM ops") == 6);
        CHECK(db.scalar("SELECT max(local_seq) - min(local_seq) + 1 - count(*) FROM ops") == 0);
        auto st = db.prepare("SELECT value FROM ops WHERE field = 'full_name' ORDER BY seq");
        REQUIRE(st.step());
        CHECK(st.text(0) == Tricky); // SQL reads the same text the store wrote
    }

    TEST_CASE("op-log: a quote, backslash or control character anywhere in a text reads back exactly") {
        test::TempDir dir;
        auto s = test::openStore(dir / "r.db");
        test::addUnit(*s);
        // Bodies are scanned 8 bytes at a time: one at every place in and across those words.
        std::vector<std::string> names;
        for (std::size_t at = 0; at < 20; ++at)
            for (const char c : {'"', '\\', '\x1f', '\n'})
                names.push_back(std::string(at, 'a') + c + std::string(19 - at, 'b'));
        for (const auto& n : names)
            s->create("people", {{"unit_id", std::string("unit-xa-a")}, {"full_name", n}});
        std::vector<std::string> back;
        for (const auto& op : s->pendingOps(1000))
            if (op.field == "full_name") back.push_back(std::get<std::string>(op.value));
        CHECK(back == names);
        auto db = store::Db::open(dir / "r.db", false);
        auto st = db.prepare("SELECT value FROM ops WHERE field = 'full_name' ORDER BY seq");
        back.clear();
        while (st.step()) back.push_back(st.text(0));
        CHECK(back == names); // and SQL reads them as JSON
    }

    TEST_CASE("op-log: reals, integers and nulls keep their types through the log") {
        test::TempDir dir;
        auto a = test::openStore(dir / "a.db");
        auto server = test::openStore(dir / "s.db", true);
        const auto id = a->create("parameters", {{"key", std::string("he_so")}, {"value", 2.0},
                                                 {"year", std::int64_t{2025}}, {"text_value", Value{}},
                                                 {"effective_from", std::string("2024-01-01")},
                                                 {"source_document", std::string("Nghị định 152/2025/NĐ-CP")}});
        server->applyRemote(a->pendingOps(100));
        auto logged = server->opsAfter(0, 100);
        REQUIRE(logged.size() == a->pendingOps(100).size());
        for (std::size_t i = 0; i < logged.size(); ++i) {
            CHECK(logged[i].logSeq == i + 1);
            CHECK(logged[i].op.value == a->pendingOps(100)[i].value);
        }
        const auto row = server->get("parameters", id);
        REQUIRE(row);
        CHECK(row->fields.at("value") == Value{2.0}); // a real, not the integer 2
        CHECK(row->fields.at("year") == Value{std::int64_t{2025}});
        CHECK(!row->fields.count("text_value"));
        // A pull that starts inside a change gets the rest of it.
        auto rest = server->opsAfter(3, 100);
        REQUIRE(!rest.empty());
        CHECK(rest.front().logSeq == 4);
        CHECK(server->lastLogSeq() == logged.size());
    }

    TEST_CASE("op-log: a damaged change body is a clear storage error, not a crash") {
        test::TempDir dir;
        {
            auto s = test::openStore(dir / "r.db");
            test::addUnit(*s);
        }
        {
            auto db = store::Db::open(dir / "r.db", false);
            db.exec("UPDATE changes SET body = '[[\"name\", \"Xã A\", 12' ");
        }
        auto s = store::Store::open(dir / "r.db");
        try {
            (void)s->pendingOps(10);
            FAIL("a damaged body was read");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::Storage);
            CHECK(std::string(e.what()).find("corrupt") != std::string::npos);
        }
    }

    TEST_CASE("op-log: a replica with the old one-op-a-row log is converted and keeps every op") {
        test::TempDir dir;
        const auto& reg = schema::registry();
        {
            auto db = store::Db::open(dir / "old.db", true);
            store::Transaction tx{db};
            for (int v = 1; v <= 4; ++v) db.exec(store::migrationSql(reg, v));
            db.exec("PRAGMA application_id = " + std::to_string(store::ApplicationId));
            db.exec("PRAGMA user_version = 4");
            db.exec("INSERT INTO meta(key, value) VALUES('site_id', '777'), ('next_seq', '3')");
            db.exec("INSERT INTO units(id, name, _h_name, _s_name, level, _h_level, _s_level) "
                    "VALUES('u1', 'Xã \"Cũ\"', 100, 777, 'xa', 101, 777)");
            db.exec("INSERT INTO ops(site, seq, tbl, row_id, field, value, hlc, base_hlc, base_site, seen, author) "
                    "VALUES(777, 1, 'units', 'u1', 'name', 'Xã \"Cũ\"', 100, 0, 0, 0, 'old'), "
                    "(777, 2, 'units', 'u1', 'level', 'xa', 101, 0, 0, 0, 'old')");
            tx.commit();
        }
        auto s = store::Store::open(dir / "old.db");
        auto ops = s->pendingOps(10);
        REQUIRE(ops.size() == 2);
        CHECK(ops[0].value == Value{std::string("Xã \"Cũ\"")});
        CHECK(ops[1].seq == 2);
        CHECK(ops[1].author == "old");
        auto h = s->history("units", "u1");
        REQUIRE(h.size() == 2);
        s->update("units", "u1", {{"name", std::string("Xã Mới")}});
        h = s->history("units", "u1");
        REQUIRE(h.size() == 3);
        CHECK(h.back().oldValue == Value{std::string("Xã \"Cũ\"")});
        CHECK(s->pendingOps(10).back().seq == 3);
    }

    TEST_CASE("op-log: two programs writing one replica in turn keep seqs and positions unique") {
        // The desktop client and tdkt-cli may both have the file open.
        test::TempDir dir;
        auto gui = test::openStore(dir / "r.db");
        auto cli = store::Store::open(dir / "r.db");
        test::addUnit(*gui);
        std::vector<std::string> ids;
        for (int i = 0; i < 5; ++i) {
            auto& s = i % 2 ? *cli : *gui;
            ids.push_back(s.create("people", {{"unit_id", std::string("unit-xa-a")},
                                              {"full_name", std::string("Người ") + std::to_string(i)}}));
        }
        gui->update("people", ids[1], {{"full_name", std::string("Sửa bởi GUI")}});
        cli->update("people", ids[0], {{"full_name", std::string("Sửa bởi CLI")}});
        const auto ops = gui->pendingOps(1000);
        REQUIRE(ops.size() == 2 + 5 * 2 + 2);
        for (std::size_t i = 0; i < ops.size(); ++i) CHECK(ops[i].seq == i + 1);
        for (std::size_t i = 1; i < ops.size(); ++i) CHECK(ops[i - 1].hlc < ops[i].hlc);
        auto db = store::Db::open(dir / "r.db", false);
        CHECK(db.scalar("SELECT max(local_seq) - min(local_seq) + 1 - count(*) FROM ops") == 0);
        CHECK(db.scalar("SELECT count(DISTINCT local_seq) FROM ops") == static_cast<std::int64_t>(ops.size()));
    }
}
