// A client keeps what it pulls as the batches it came in (`received`), with the
// (site, seq) it holds as ranges: a batch is stored as it came, an op held already
// is told exactly (out of order, with gaps, across batches, from before batches were
// kept), and history and search read the batches back.
#include "fixtures.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/protocol/op_batch.hpp"
#include "tdkt/store/sqlite.hpp"

#include <doctest/doctest.h>

using namespace tdkt;

namespace {

constexpr SiteId Other = 4242;
const std::string Person = "01900000-0000-7000-8000-00000000a001";

// people.<field> of Person, as replica Other sends it: seq `seq`, stamp 1000 + seq.
Op op(std::uint64_t seq, const std::string& field, Value value, Version base = {}) {
    Op o;
    o.site = Other;
    o.seq = seq;
    o.table = "people";
    o.rowId = Person;
    o.field = field;
    o.value = std::move(value);
    o.hlc = makeHlc(1'764'000'000'000 + seq, 0);
    o.base = base;
    o.author = "can-bo-b";
    return o;
}

std::vector<Op> opsAt(std::initializer_list<std::uint64_t> seqs) {
    std::vector<Op> out;
    for (auto s : seqs) out.push_back(op(s, "position", std::string("Chức vụ ") + std::to_string(s)));
    return out;
}

std::vector<std::vector<std::int64_t>> rows(const std::filesystem::path& db, const std::string& sql) {
    auto d = store::Db::open(db, false);
    auto st = d.prepare(sql);
    std::vector<std::vector<std::int64_t>> out;
    while (st.step()) {
        out.emplace_back();
        for (int c = 0; c < st.columns(); ++c) out.back().push_back(st.integer(c));
    }
    return out;
}

} // namespace

TEST_SUITE("received") {
    TEST_CASE("received: a pulled batch is kept as it came, one row, history reads it back, lost values too") {
        test::TempDir dir;
        auto s = test::openStore(dir / "r.db");
        test::addUnit(*s);
        const Op name = op(1, "full_name", std::string("Trần Thị Hoa"));
        std::vector<Op> batch{op(1, "full_name", std::string("Trần Thị Hoa")), op(2, "unit_id", std::string("unit-xa-a")),
                              op(3, "full_name", std::string("Trần Thị Hoà"), name.version())};
        const std::string packed = protocol::encodeOps(batch);
        auto r = s->applyRemote(batch, store::Store::Checked::No, packed);
        CHECK(r.applied == 3);
        // A value older than the one held loses the merge: kept in the log, not applied.
        std::vector<Op> late{op(4, "full_name", std::string("Hoa (cũ)"))};
        late[0].hlc = makeHlc(1'764'000'000'000, 0);
        CHECK(s->applyRemote(late).applied == 0);

        auto d = store::Db::open(dir / "r.db", false);
        CHECK(d.scalar("SELECT count(*) FROM received") == 2);
        CHECK(d.scalar("SELECT count(*) FROM changes WHERE site = " + std::to_string(Other)) == 0);
        auto st = d.prepare("SELECT ops, n, unapplied FROM received ORDER BY log_seq");
        REQUIRE(st.step());
        CHECK(st.blob(0) == packed);
        CHECK(st.integer(1) == 3);
        CHECK(st.isNull(2));
        REQUIRE(st.step());
        CHECK(st.text(2) == "0");

        const auto h = s->history("people", Person);
        REQUIRE(h.size() == 4);
        CHECK(h[0].newValue == Value{std::string("Hoa (cũ)")});
        CHECK_FALSE(h[0].applied);
        CHECK(h[1].newValue == Value{std::string("Trần Thị Hoa")});
        CHECK(h[1].author == "can-bo-b");
        CHECK(h[1].site == Other);
        CHECK(h[3].field == "full_name");
        CHECK(h[3].oldValue == Value{std::string("Trần Thị Hoa")});
        CHECK(h[3].newValue == Value{std::string("Trần Thị Hoà")});
        CHECK(h[3].applied);
        CHECK(s->get("people", Person)->fields.at("full_name") == Value{std::string("Trần Thị Hoà")});
    }

    TEST_CASE("received: a site's ranges are read only as far down as asked, and every op is still told exactly") {
        // A replica that may read only some of a site's rows holds its changes as many
        // ranges; a transaction reads those at or above the lowest seq it meets.
        test::TempDir dir;
        auto s = test::openStore(dir / "r.db");
        CHECK(s->applyRemote(opsAt({2, 4, 6, 8, 10, 12})).duplicates == 0);
        // Above them, then below: the second reads further down in the same transaction.
        CHECK(s->applyRemote(opsAt({13, 14, 3})).duplicates == 0);
        using Ranges = std::vector<std::vector<std::int64_t>>;
        CHECK(rows(dir / "r.db", "SELECT lo, hi FROM received_ranges ORDER BY lo") ==
              Ranges{{2, 4}, {6, 6}, {8, 8}, {10, 10}, {12, 14}});
        // Held and new ops, down and up again: 14, 12 and 2 are held; 15 and 9 join their neighbours.
        auto r = s->applyRemote(opsAt({14, 15, 12, 9, 2}));
        CHECK(r.duplicates == 3);
        CHECK(r.applied == 1); // 9 is kept but older than 15, the value held
        CHECK(rows(dir / "r.db", "SELECT lo, hi FROM received_ranges ORDER BY lo") ==
              Ranges{{2, 4}, {6, 6}, {8, 10}, {12, 15}});
        // A new transaction starting low reads every range above it once.
        CHECK(s->applyRemote(opsAt({1, 5, 7, 11, 16})).duplicates == 0);
        CHECK(rows(dir / "r.db", "SELECT lo, hi FROM received_ranges ORDER BY lo") == Ranges{{1, 16}});
        CHECK(s->applyRemote(opsAt({16, 1, 8})).duplicates == 3);
        CHECK(s->history("people", Person).size() == 16);
    }

    TEST_CASE("received: an op held already is told exactly, out of order, with gaps and across batches") {
        test::TempDir dir;
        auto s = test::openStore(dir / "r.db");
        CHECK(s->applyRemote(opsAt({1, 2, 3, 7, 8})).duplicates == 0);
        CHECK(s->applyRemote(opsAt({5})).duplicates == 0);
        CHECK(rows(dir / "r.db", "SELECT lo, hi FROM received_ranges ORDER BY lo") ==
              std::vector<std::vector<std::int64_t>>{{1, 3}, {5, 5}, {7, 8}});
        // A sweep sends everything again, with ops that became readable in the gaps.
        const auto all = opsAt({1, 2, 3, 4, 5, 6, 7, 8});
        const std::string packed = protocol::encodeOps(all);
        auto r = s->applyRemote(all, store::Store::Checked::No, packed);
        CHECK(r.duplicates == 6);
        CHECK(rows(dir / "r.db", "SELECT site, lo, hi FROM received_ranges") ==
              std::vector<std::vector<std::int64_t>>{{static_cast<std::int64_t>(Other), 1, 8}});
        // Only the two new ops are kept, encoded here: the packed batch holds eight.
        auto d = store::Db::open(dir / "r.db", false);
        auto st = d.prepare("SELECT ops FROM received ORDER BY log_seq DESC LIMIT 1");
        REQUIRE(st.step());
        CHECK(st.blob(0) != packed);
        const auto kept = protocol::decodeOps(st.blob(0));
        REQUIRE(kept.size() == 2);
        CHECK(kept[0].seq == 4);
        CHECK(kept[1].seq == 6);
        CHECK(s->history("people", Person).size() == 8);
        // Positions stay gap-free across batches.
        CHECK(d.scalar("SELECT sum(n) FROM received") == 8);
        CHECK(d.scalar("SELECT max(log_seq + n) - min(log_seq) FROM received") == 8);
        // And after reopening, everything is still held.
        s.reset();
        s = test::openStore(dir / "r.db");
        CHECK(s->applyRemote(all).duplicates == 8);
    }

    TEST_CASE("received: ops applied without their packed form are kept in pieces that decode within the limit") {
        test::TempDir dir;
        auto s = test::openStore(dir / "r.db");
        std::vector<Op> many;
        for (std::uint64_t seq = 1; seq <= 12'000; ++seq) many.push_back(op(seq, "position", std::string("Chức vụ ") + std::to_string(seq)));
        CHECK(s->applyRemote(many).applied == many.size());
        CHECK(rows(dir / "r.db", "SELECT n FROM received ORDER BY log_seq") ==
              std::vector<std::vector<std::int64_t>>{{5000}, {5000}, {2000}});
        CHECK(rows(dir / "r.db", "SELECT count(*) FROM received r JOIN received p ON p.log_seq + p.n = r.log_seq") ==
              std::vector<std::vector<std::int64_t>>{{2}});
        const auto h = s->history("people", Person);
        REQUIRE(h.size() == many.size());
        CHECK(h.back().newValue == Value{std::string("Chức vụ 12000")});
    }

    TEST_CASE("received: a change logged before batches were kept is still held, history joins both") {
        test::TempDir dir;
        auto s = test::openStore(dir / "r.db");
        test::addUnit(*s);
        {
            auto d = store::Db::open(dir / "r.db", false);
            // As a replica of migration 7 logged a pulled change: one `changes` row.
            d.exec("INSERT INTO changes(log_seq, n, site, seq, tbl, row_id, author, seen, hlc_max, body) VALUES(100, 1, " +
                   std::to_string(Other) + ", 1, 'people', '" + Person + "', 'can-bo-b', 0, " +
                   std::to_string(op(1, "x", {}).hlc) + ", '[[\"position\",\"Chức vụ 1\"," +
                   std::to_string(op(1, "x", {}).hlc) + ",0,0,1]]')");
        }
        s.reset();
        s = test::openStore(dir / "r.db");
        auto r = s->applyRemote(opsAt({1, 2}));
        CHECK(r.duplicates == 1);
        CHECK(r.applied == 1);
        const auto h = s->history("people", Person);
        REQUIRE(h.size() == 2);
        CHECK(h[0].newValue == Value{std::string("Chức vụ 1")});
        CHECK(h[1].newValue == Value{std::string("Chức vụ 2")});
        // The new op's position follows the old log's.
        CHECK(rows(dir / "r.db", "SELECT log_seq FROM received") == std::vector<std::vector<std::int64_t>>{{101}});
    }

    TEST_CASE("received: our own op pulled back between others' ends a batch, positions stay unique") {
        test::TempDir dir;
        auto s = test::openStore(dir / "r.db");
        test::addUnit(*s); // our ops 1 and 2
        auto batch = opsAt({1, 2});
        Op mine = op(3, "full_name", std::string("Của tôi"));
        mine.site = s->siteId();
        mine.seq = 7; // as a copy that took a new id pulls back what the old one made
        batch.insert(batch.begin() + 1, mine);
        const std::string packed = protocol::encodeOps(batch);
        CHECK(s->applyRemote(batch, store::Store::Checked::No, packed).applied == 3);
        CHECK(rows(dir / "r.db", "SELECT log_seq, n FROM received ORDER BY log_seq") ==
              std::vector<std::vector<std::int64_t>>{{3, 1}, {5, 1}});
        CHECK(rows(dir / "r.db", "SELECT log_seq FROM changes WHERE seq = 7") == std::vector<std::vector<std::int64_t>>{{4}});
        CHECK(s->history("people", Person).size() == 3);
    }

    TEST_CASE("received: a row's history reads only the batches that may name it, batches without a filter are read") {
        test::TempDir dir;
        auto s = test::openStore(dir / "r.db");
        const std::string other = "01900000-0000-7000-8000-00000000a002";
        auto onRow = [](Op o, const std::string& row) {
            o.rowId = row;
            return o;
        };
        s->applyRemote(std::vector<Op>{op(1, "full_name", std::string("Trần Thị Hoa"))});
        s->applyRemote(std::vector<Op>{onRow(op(2, "full_name", std::string("Lò Văn Pao")), other)});
        s->applyRemote(std::vector<Op>{op(3, "position", std::string("Chủ tịch"))});
        CHECK(rows(dir / "r.db", "SELECT count(*) FROM received_rows") == std::vector<std::vector<std::int64_t>>{{3}});
        // The middle batch is damaged: only a read of it can tell.
        auto damage = [&](const std::string& sql) {
            auto d = store::Db::open(dir / "r.db", false);
            d.exec(sql);
        };
        damage("UPDATE received SET ops = x'28b52ffd00' WHERE log_seq = 2");
        const auto h = s->history("people", Person);
        REQUIRE(h.size() == 2);
        CHECK(h[0].newValue == Value{std::string("Trần Thị Hoa")});
        CHECK(h[1].newValue == Value{std::string("Chủ tịch")});
        CHECK_THROWS_AS((void)s->history("people", other), Error);
        // Batches kept before the filters (or whose filter is unreadable) are read whole.
        damage("UPDATE received_rows SET bloom = x'07' WHERE log_seq = 2");
        CHECK_THROWS_AS((void)s->history("people", Person), Error);
        damage("DELETE FROM received_rows");
        CHECK_THROWS_AS((void)s->history("people", Person), Error);
    }

    TEST_CASE("received: a pulled row is found by search, a damaged batch is a clear storage error") {
        test::TempDir dir;
        auto s = test::openStore(dir / "r.db");
        std::vector<Op> batch{op(1, "full_name", std::string("Nguyễn Văn Đình")), op(2, "unit_id", std::string("unit-xa-a"))};
        s->applyRemote(batch, store::Store::Checked::No, protocol::encodeOps(batch));
        auto hits = s->search("nguyen van dinh");
        REQUIRE(hits.size() == 1);
        CHECK(hits[0].id == Person);
        {
            auto d = store::Db::open(dir / "r.db", false);
            d.exec("UPDATE received SET ops = x'28b52ffd00'");
        }
        try {
            (void)s->history("people", Person);
            FAIL("a damaged batch was read");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::Storage);
            CHECK(std::string(e.what()).find("damaged") != std::string::npos);
        }
    }
}
