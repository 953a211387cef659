// A replica of an older build (schema MinClientSchema, before award_code grew to
// the whole catalog) still syncs with the newest server: it is sent only the
// tables and fields its schema has, keeps an award code it does not know as it
// is, and an edit of another field it pushes loses nothing of the newer row.
#include "raw_session.hpp"
#include "sync_fixture.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/protocol/version.hpp"
#include "tdkt/store/sqlite.hpp"
#include "tdkt/store/store.hpp"
#include "tdkt/sync/sync_client.hpp"

#include <doctest/doctest.h>

using namespace tdkt;
using namespace tdkt::test;
using namespace tdkt::protocol;

TEST_SUITE("sync") {
TEST_CASE("sync: a replica of an older schema keeps a newer award code and its edit loses none of the row") {
    SyncWorld w(false);
    w.addUnit("xa-a", "xa");
    w.addUser("a1", "officer", "xa-a");
    w.addUser("a2", "officer", "xa-a");
    w.start();
    w.replica("ra", "a1");
    // Entered on the newest build: a code (since 17), a kind (17) and a rank (18) the old build lacks.
    const std::string id = w.put("ra", "dossiers",
                                 json{{"unit_id", "xa-a"}, {"nominee_kind", "tap_the"}, {"nominee_name", "UBND xã A"},
                                      {"award_code", "huan_chuong_doc_lap_hang_ba"}, {"year", 2023},
                                      {"status", "draft"}, {"kind", "hiep_y"}, {"proposal_rank", 2}});
    REQUIRE(w.sync("ra")["rejected"] == 0);

    const auto oldFile = w.dir() / "old.db";
    {
        store::OpenOptions o;
        o.create = true;
        o.schema = static_cast<int>(MinClientSchema);
        auto old = store::Store::open(oldFile, o);
        REQUIRE(old->schemaVersion() == MinClientSchema);
        REQUIRE(old->schemaVersion() < schemaVersion());
        CHECK(old->registry().require("dossiers").field("kind") == nullptr);
        CHECK_FALSE(old->registry().require("dossiers").field("award_code")->allows("huan_chuong_doc_lap_hang_ba"));
        sync::Endpoint at;
        at.host = "127.0.0.1";
        at.port = static_cast<std::uint16_t>(w.port());
        at.plain = true;
        sync::SyncClient(*old, at).login("a2", Password);
        const auto first = sync::SyncClient(*old).sync(); // the server does not ask it to update
        CHECK(first.pulled > 0);

        // The row is kept with the code this build does not know, shown as the code.
        const auto row = old->get("dossiers", id);
        REQUIRE(row);
        CHECK(row->fields.at("award_code") == Value{std::string("huan_chuong_doc_lap_hang_ba")});
        CHECK(row->fields.at("nominee_name") == Value{std::string("UBND xã A")});
        CHECK_FALSE(row->fields.contains("kind"));

        // A local write still takes only the codes this build knows.
        CHECK_THROWS_AS(old->update("dossiers", id, {{"award_code", std::string("huan_chuong_doc_lap_hang_ba")}}),
                        Error);
        // An edit of another field goes to the server and is accepted.
        old->update("dossiers", id, {{"nominee_name", std::string("Ủy ban nhân dân xã A")}});
        const auto second = sync::SyncClient(*old).sync();
        CHECK(second.pushed == 1);
        CHECK(second.rejected == 0);
        // The replica check compares what that schema holds: nothing differs.
        const auto v = sync::SyncClient(*old).verify(false);
        CHECK(v.clean);
        CHECK(v.differences.empty());
    }
    // The file is still the old build's: nothing migrated it past its schema.
    CHECK(store::Db::open(oldFile, false).userVersion() == static_cast<int>(MinClientSchema));

    // The newest replica sees the old one's edit and the row's newer fields unchanged.
    w.sync("ra");
    const auto row = w.rows("ra", "dossiers")[id];
    CHECK(row["nominee_name"] == "Ủy ban nhân dân xã A");
    CHECK(row["award_code"] == "huan_chuong_doc_lap_hang_ba");
    CHECK(row["kind"] == "hiep_y");
    CHECK(row["proposal_rank"] == 2);

    // A client of the old schema cannot write a field its schema lacks, nor can any
    // client a code the server does not know.
    Raw raw(w.port());
    raw.write(encodeFrame(Hello{ProtocolVersion, MinClientSchema, "test"}));
    raw.write(encodeFrame(Login{"a2", Password, 4242, "test"}));
    Op op;
    op.site = 4242;
    op.table = "dossiers";
    op.rowId = id;
    op.hlc = makeHlc(systemMillis(), 0);
    op.seq = 1;
    op.field = "kind";
    op.value = std::string("de_nghi");
    Op unknown = op;
    unknown.seq = 2;
    unknown.field = "award_code";
    unknown.value = std::string("huan_chuong_chua_co");
    raw.write(encodeFrame(Push{{op, unknown}}));
    std::vector<std::string> reasons;
    for (const auto& m : raw.readAll())
        if (const auto* ack = std::get_if<PushAck>(&m))
            for (const auto& r : ack->rejected) reasons.push_back(r.reason);
    REQUIRE(reasons.size() == 2);
    CHECK(reasons[0] == "shape.unknown_field table=dossiers field=kind"); // a kind and its parameters (protocol/refusal.hpp)
    CHECK(reasons[1] == "shape.unknown_value table=dossiers field=award_code value=huan_chuong_chua_co");
    w.sync("ra");
    CHECK(w.rows("ra", "dossiers")[id]["kind"] == "hiep_y");
}

TEST_CASE("sync: a client older than the minimum schema is told to update") {
    SyncWorld w(false);
    w.addUnit("xa-a", "xa");
    w.start();
    Raw raw(w.port());
    raw.write(encodeFrame(Hello{ProtocolVersion, MinClientSchema - 1, "test"}));
    const auto got = raw.readAll();
    REQUIRE(got.size() == 1);
    REQUIRE(std::holds_alternative<ErrorMsg>(got[0]));
    CHECK(std::get<ErrorMsg>(got[0]).code == ErrorCode::UpdateRequired);
}
}

TEST_SUITE("sync") {
TEST_CASE("sync: a replica of schema 20 gets no issuer and its edit keeps the newer row's issuer") {
    constexpr int BeforeIssuer = 20; // the issuer fields are migration 21's
    SyncWorld w(false);
    w.addUnit("xa-a", "xa");
    w.addUser("a1", "officer", "xa-a");
    w.addUser("a2", "officer", "xa-a");
    w.start();
    w.replica("ra", "a1");
    const std::string id = w.put("ra", "dossiers",
                                 json{{"unit_id", "xa-a"}, {"nominee_kind", "ca_nhan"}, {"nominee_name", "Phạm Thị Hoa"},
                                      {"award_code", "bang_khen_bo_nganh"}, {"year", 2024}, {"status", "draft"},
                                      {"issuer_kind", "doan_the_tw"},
                                      {"issuer_name", "Trung ương Đoàn TNCS Hồ Chí Minh"}});
    REQUIRE(w.sync("ra")["rejected"] == 0);
    {
        store::OpenOptions o;
        o.create = true;
        o.schema = BeforeIssuer;
        auto old = store::Store::open(w.dir() / "old20.db", o);
        REQUIRE(old->schemaVersion() == BeforeIssuer);
        CHECK(old->registry().require("dossiers").field("issuer_kind") == nullptr);
        CHECK(old->registry().require("award_history").field("issuer_name") == nullptr);
        sync::Endpoint at;
        at.host = "127.0.0.1";
        at.port = static_cast<std::uint16_t>(w.port());
        at.plain = true;
        sync::SyncClient(*old, at).login("a2", Password);
        CHECK(sync::SyncClient(*old).sync().pulled > 0);
        const auto row = old->get("dossiers", id);
        REQUIRE(row);
        CHECK(row->fields.at("award_code") == Value{std::string("bang_khen_bo_nganh")});
        CHECK_FALSE(row->fields.contains("issuer_kind"));
        CHECK_FALSE(row->fields.contains("issuer_name"));
        old->update("dossiers", id, {{"nominee_name", std::string("Phạm Thị Thu Hoa")}});
        const auto pushed = sync::SyncClient(*old).sync();
        CHECK(pushed.pushed == 1);
        CHECK(pushed.rejected == 0);
        CHECK(sync::SyncClient(*old).verify(false).clean);
    }
    w.sync("ra");
    const auto row = w.rows("ra", "dossiers")[id];
    CHECK(row["nominee_name"] == "Phạm Thị Thu Hoa");
    CHECK(row["issuer_kind"] == "doan_the_tw");
    CHECK(row["issuer_name"] == "Trung ương Đoàn TNCS Hồ Chí Minh");
}
}
