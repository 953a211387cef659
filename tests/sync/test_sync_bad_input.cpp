// Bad input at the server: random bytes, truncated and oversized frames, a
// valid frame of the wrong type, wrong versions, bad passwords, stolen tokens.
// Each gets a clear refusal; the server keeps serving; no data changes.
#include "raw_session.hpp"
#include "sync_fixture.hpp"

#include "tdkt/protocol/codec.hpp"

#include <doctest/doctest.h>

#include <random>

using namespace tdkt;
using namespace tdkt::test;
using namespace tdkt::protocol;

namespace {

std::string errorText(const std::vector<Message>& ms) {
    for (const auto& m : ms)
        if (auto* e = std::get_if<ErrorMsg>(&m)) return e->message;
    return "(no error message)";
}

Bytes hello(std::uint32_t protocol = ProtocolVersion, std::uint32_t schema = schemaVersion()) {
    return encodeFrame(Hello{protocol, schema, "test"});
}

// A logged-in raw session of a1 as replica `site`, pushing one people.full_name op.
std::vector<Message> pushOne(int port, SiteId site, std::uint64_t seq, const std::string& name, HlcStamp hlc) {
    Raw raw(port);
    raw.write(hello());
    raw.write(encodeFrame(Login{"a1", Password, site, "test"}));
    Op op;
    op.site = site;
    op.seq = seq;
    op.table = "people";
    op.rowId = "raw-" + std::to_string(site);
    op.field = "full_name";
    op.value = name;
    op.hlc = hlc;
    raw.write(encodeFrame(Push{{op}}));
    return raw.readAll();
}

} // namespace

TEST_SUITE("sync") {
TEST_CASE("sync: bad input gets a clear refusal and harms nobody") {
    SyncWorld w(false);
    w.addUnit("xa-a", "xa");
    w.addUser("a1", "officer", "xa-a");
    w.start();
    w.replica("r1", "a1");
    w.ok("r1", {"put", "people", json{{"unit_id", "xa-a"}, {"full_name", "Đỗ Thị Năm"}}.dump()});
    w.sync("r1");
    const std::string before = w.serverDump("a1");

    SUBCASE("random bytes") {
        std::mt19937 rng(7);
        for (int i = 0; i < 20; ++i) {
            Raw raw(w.port());
            Bytes junk(1 + rng() % 300);
            for (auto& b : junk) b = static_cast<std::uint8_t>(rng());
            raw.write(junk);
        }
    }
    SUBCASE("an oversized frame header") {
        Raw raw(w.port());
        raw.write({0x7F, 0xFF, 0xFF, 0xFF, 1});
        CHECK(errorText(raw.readAll()).find("exceeds the limit") != std::string::npos);
    }
    SUBCASE("a truncated frame, then silence") {
        Raw raw(w.port());
        auto f = hello();
        f.resize(f.size() - 3);
        raw.write(f);
        // The session waits for the rest; other sessions go on (checked below).
    }
    SUBCASE("a valid frame of the wrong type") {
        Raw raw(w.port());
        raw.write(hello());
        raw.write(encodeFrame(PushAck{1, 1, {}}));
        auto got = raw.readAll();
        REQUIRE(got.size() == 2);
        CHECK(std::holds_alternative<Welcome>(got[0]));
        CHECK(errorText(got).find("log in first") != std::string::npos);
    }
    SUBCASE("pushing before Hello") {
        Raw raw(w.port());
        raw.write(encodeFrame(Push{}));
        CHECK(errorText(raw.readAll()).find("must start with Hello") != std::string::npos);
    }
    SUBCASE("an old protocol or schema is told to update") {
        for (auto frame : {hello(0), hello(ProtocolVersion, 1), hello(ProtocolVersion, MinClientSchema - 1),
                           hello(ProtocolVersion + 1)}) {
            Raw raw(w.port());
            raw.write(frame);
            auto got = raw.readAll();
            REQUIRE(got.size() == 1);
            REQUIRE(std::holds_alternative<ErrorMsg>(got[0]));
            CHECK(std::get<ErrorMsg>(got[0]).code == ErrorCode::UpdateRequired);
            CHECK(errorText(got).find("update") != std::string::npos);
        }
    }
    SUBCASE("a wrong password, and a token replayed from another replica") {
        w.ok("r2", {"init"});
        auto r = w.cli("r2", {"login", "--server", "127.0.0.1:" + std::to_string(w.port()), "--user", "a1", "--plain"},
                       {{"TDKT_PASSWORD", "wrong"}});
        CHECK(r.exitCode != 0);
        CHECK(r.err.find("wrong user name or password") != std::string::npos);
        Raw raw(w.port());
        raw.write(hello());
        raw.write(encodeFrame(Auth{"0123456789abcdef", 12345}));
        CHECK(errorText(raw.readAll()).find("log in again") != std::string::npos);
    }
    SUBCASE("a push with a gap in its seqs") {
        auto got = pushOne(w.port(), 777, 5, "x", makeHlc(systemMillis(), 0));
        CHECK(errorText(got).find("missing") != std::string::npos);
    }
    SUBCASE("an op stamped two hours ahead of the server clock is refused with the reason") {
        auto got = pushOne(w.port(), 778, 1, "Người từ năm 2031", makeHlc(systemMillis() + 7'200'000, 0));
        std::string reason;
        for (const auto& m : got)
            if (const auto* ack = std::get_if<PushAck>(&m))
                for (const auto& r : ack->rejected) reason += r.reason;
        CHECK(reason.find("clock.ahead minutes=") != std::string::npos);
    }
    // The server still serves others and nothing changed.
    w.ok("r1", {"put", "people", json{{"unit_id", "xa-a"}, {"full_name", "Vũ Văn Sáu"}}.dump()});
    CHECK(w.sync("r1")["pushed"] == 2);
    auto after = json::parse(w.serverDump("a1"));
    auto was = json::parse(before);
    CHECK(after["people"].size() == was["people"].size() + 1);
    for (const auto& [id, row] : was["people"].items()) CHECK(after["people"][id] == row);
    w.stop();
}
}
