// Round trips of every message, the compact op encoding, and the decoder's
// refusals of untrusted bytes.
#include "tdkt/protocol/codec.hpp"
#include "tdkt/protocol/op_batch.hpp"

#include <doctest/doctest.h>

#include <random>

using namespace tdkt;
using namespace tdkt::protocol;

namespace {

Op sampleOp(std::uint64_t seq, std::string value) {
    Op op;
    op.site = 0x1234567890abcdefULL >> 1;
    op.seq = seq;
    op.table = "dossiers";
    op.rowId = "01a212d9-2cf5-76fe-ad3f-65acda5950c3";
    op.field = "summary";
    op.value = std::move(value);
    op.hlc = makeHlc(1'764'000'000'000 + seq, 3);
    op.base = {makeHlc(1'764'000'000'000, 1), 42};
    op.seen = 17;
    op.author = "a1";
    return op;
}

bool sameOp(const Op& a, const Op& b) {
    return a.site == b.site && a.seq == b.seq && a.table == b.table && a.rowId == b.rowId && a.field == b.field &&
           a.value == b.value && a.hlc == b.hlc && a.base == b.base && a.seen == b.seen && a.author == b.author;
}

template <class T>
T roundTrip(const T& m) {
    auto frame = encodeFrame(Message{m});
    auto d = decodeFrame(frame);
    REQUIRE_MESSAGE(d.message.has_value(), d.error);
    REQUIRE(std::holds_alternative<T>(*d.message));
    return std::get<T>(*d.message);
}

} // namespace

TEST_SUITE("protocol") {
TEST_CASE("protocol: a protocol-3 Login (no device name) is still read") {
    auto frame = encodeFrame(Login{"a1", "pw", 42, ""});
    // Protocol 3 ended the Login after its site: drop the empty name's 4-byte length.
    std::vector<std::uint8_t> payload(frame.begin() + FrameHeaderBytes, frame.end() - 4);
    auto d = decode(static_cast<std::uint8_t>(MessageType::Login), payload);
    REQUIRE_MESSAGE(d.message.has_value(), d.error);
    const auto& l = std::get<Login>(*d.message);
    CHECK(l.user == "a1");
    CHECK(l.site == 42);
    CHECK(l.device.empty());
}

TEST_CASE("protocol: every message survives a round trip") {
    auto h = roundTrip(Hello{ProtocolVersion, 7, "tdkt-cli"});
    CHECK(h.schema == 7);
    CHECK(h.client == "tdkt-cli");
    auto w = roundTrip(Welcome{1, 2, 1'764'000'000'123, "srv"});
    CHECK(w.serverTimeMs == 1'764'000'000'123);
    auto l = roundTrip(Login{"cán bộ", "mật khẩu", 99, "may-xa-a"});
    CHECK(l.user == "cán bộ");
    CHECK(l.password == "mật khẩu");
    CHECK(l.site == 99);
    CHECK(l.device == "may-xa-a");
    auto c = roundTrip(ChangePassword{"cán bộ", "cũ", "mới-dài-hơn", 7, "may"});
    CHECK(c.newPassword == "mới-dài-hơn");
    CHECK(c.site == 7);
    CHECK(c.device == "may");
    CHECK(roundTrip(Auth{"tok", 5}).token == "tok");
    auto ok = roundTrip(LoginOk{"t", "u", "officer", "unit-a", 12});
    CHECK(ok.role == "officer");
    CHECK(ok.highWater == 12);
    std::vector<Op> ops{sampleOp(1, "một"), sampleOp(2, "hai")};
    ops[1].value = std::int64_t{-5};
    ops[1].base = {};
    auto p = roundTrip(Push{ops});
    REQUIRE(p.ops.size() == 2);
    CHECK(sameOp(p.ops[0], ops[0]));
    CHECK(sameOp(p.ops[1], ops[1]));
    PushAck ack{9, 3, {Rejection{4, "không được", true, Value{2.5}, Version{77, 8}}}};
    auto a = roundTrip(ack);
    CHECK(a.highWater == 9);
    REQUIRE(a.rejected.size() == 1);
    CHECK(a.rejected[0].reason == "không được");
    CHECK(a.rejected[0].serverValue == Value{2.5});
    CHECK(a.rejected[0].serverVersion == Version{77, 8});
    CHECK(roundTrip(Pull{5, 100}).maxOps == 100);
    CHECK(roundTrip(Pull{5, 100, true}).whole);
    CHECK_FALSE(roundTrip(Pull{5, 100}).whole);
    auto b = roundTrip(PullBatch{ops, 44, true, {}, 0, {}});
    CHECK(b.cursor == 44);
    CHECK(b.more);
    CHECK(sameOp(b.ops[0], ops[0]));
    // A server sends ops it already encoded, from its shared copy of the log: the
    // receiver reads the same batch.
    const std::vector<const Op*> refs{&ops[1], &ops[0]};
    auto packed = roundTrip(PullBatch{{}, 45, false, encodeOps(refs), 0x9e3779b97f4a7c15ull,
                                      {RowRef{"inspection_targets", "t-1"}, RowRef{"findings", "f-2"}}});
    CHECK(packed.gone == std::vector<RowRef>{{"inspection_targets", "t-1"}, {"findings", "f-2"}});
    CHECK(packed.cursor == 45);
    CHECK(packed.scope == 0x9e3779b97f4a7c15ull);
    CHECK(!packed.more);
    REQUIRE(packed.ops.size() == 2);
    CHECK(sameOp(packed.ops[0], ops[1]));
    CHECK(sameOp(packed.ops[1], ops[0]));
    // The receiver gets the batch's bytes as they came too: a replica keeps them.
    CHECK(packed.packed == encodeOps(refs));
    CHECK(b.packed == encodeOps(ops));
    auto e = roundTrip(ErrorMsg{ErrorCode::UpdateRequired, "please update"});
    CHECK(e.code == ErrorCode::UpdateRequired);
    CHECK(roundTrip(ErrorMsg{ErrorCode::ReplicaForked, "forked"}).code == ErrorCode::ReplicaForked);
    auto r = roundTrip(Resite{"tok", 5, 6});
    CHECK(r.token == "tok");
    CHECK(r.from == 5);
    CHECK(r.to == 6);
    auto v = roundTrip(Verify{2, {"people"}, {TableBucket{"dossiers", 255}}});
    CHECK(v.level == 2);
    CHECK(v.tables == std::vector<std::string>{"people"});
    REQUIRE(v.buckets.size() == 1);
    CHECK(v.buckets[0].bucket == 255);
    auto dg = roundTrip(Digests{{DigestEntry{"people", 3, "r-1", 1, 0xfedcba9876543210ull}}});
    REQUIRE(dg.entries.size() == 1);
    CHECK(dg.entries[0].rowId == "r-1");
    CHECK(dg.entries[0].sum == 0xfedcba9876543210ull);
    CHECK(roundTrip(FetchRows{{RowRef{"people", "r-1"}}}).rows == std::vector<RowRef>{{"people", "r-1"}});
    auto im = roundTrip(RowImages{{RowImage{"people", "r-1", {FieldImage{"full_name", Value{std::string("Hà Văn Tú")},
                                                                          Version{42, 7}}}}},
                                  {RowRef{"people", "r-2"}}});
    REQUIRE(im.rows.size() == 1);
    REQUIRE(im.rows[0].fields.size() == 1);
    CHECK(im.rows[0].fields[0].value == Value{std::string("Hà Văn Tú")});
    CHECK(im.rows[0].fields[0].version == Version{42, 7});
    CHECK(im.absent == std::vector<RowRef>{{"people", "r-2"}});
    const auto frame = encodeFrame(Message{im});
    for (std::size_t n = 0; n < frame.size(); ++n) CHECK_FALSE(decodeFrame(std::span(frame.data(), n)).message);
}

TEST_CASE("protocol: an edited record costs few bytes in a batch") {
    std::vector<Op> ops;
    for (std::uint64_t i = 0; i < 500; ++i) {
        Op op = sampleOp(i + 1, "Nguyễn Văn " + std::to_string(i * 7919 % 1000));
        op.rowId = "01a212d9-2cf5-76fe-ad3f-" + std::string(12 - std::to_string(i).size(), '0') + std::to_string(i);
        ops.push_back(op);
    }
    auto blob = encodeOps(ops);
    MESSAGE("bytes per op: " << blob.size() / ops.size());
    CHECK(blob.size() / ops.size() <= 50);
    auto back = decodeOps(blob);
    REQUIRE(back.size() == ops.size());
    for (std::size_t i = 0; i < ops.size(); ++i) CHECK(sameOp(back[i], ops[i]));
}

TEST_CASE("protocol: untrusted bytes are refused, never crash") {
    auto good = encodeFrame(Message{Push{{sampleOp(1, "x")}}});
    SUBCASE("truncated frames") {
        for (std::size_t n = 0; n < good.size(); ++n) {
            auto d = decodeFrame(std::span(good.data(), n));
            CHECK_FALSE(d.message.has_value());
            CHECK_FALSE(d.error.empty());
        }
    }
    SUBCASE("an oversized header") {
        std::array<std::uint8_t, FrameHeaderBytes> h{0x7F, 0xFF, 0xFF, 0xFF, 6};
        FrameHeader fh;
        auto err = checkHeader(h, fh);
        REQUIRE(err.has_value());
        CHECK(err->find("exceeds") != std::string::npos);
    }
    SUBCASE("an unknown type") {
        std::array<std::uint8_t, FrameHeaderBytes> h{0, 0, 0, 1, 200};
        FrameHeader fh;
        CHECK(checkHeader(h, fh).has_value());
    }
    SUBCASE("a payload of another type") {
        auto d = decode(static_cast<std::uint8_t>(MessageType::Login), std::span(good).subspan(FrameHeaderBytes));
        CHECK_FALSE(d.message.has_value());
    }
    SUBCASE("random bytes and flipped bits") {
        std::mt19937 rng(42);
        for (int round = 0; round < 2000; ++round) {
            auto bytes = good;
            if (round % 2) {
                for (auto& b : bytes) b = static_cast<std::uint8_t>(rng());
            } else {
                bytes[FrameHeaderBytes + rng() % (bytes.size() - FrameHeaderBytes)] ^=
                    static_cast<std::uint8_t>(1u << (rng() % 8));
            }
            for (std::uint8_t type = 1; type <= std::variant_size_v<Message>; ++type)
                (void)decode(type, std::span(bytes).subspan(FrameHeaderBytes)); // must not throw or crash
        }
    }
    SUBCASE("a length field larger than the frame") {
        // Hello whose client string claims 4 GB.
        std::vector<std::uint8_t> payload{1, 0, 0, 0, 1, 0, 0, 0, 1, 0xFF, 0xFF, 0xFF, 0xFF};
        auto d = decode(static_cast<std::uint8_t>(MessageType::Hello), payload);
        CHECK_FALSE(d.message.has_value());
        CHECK(d.error.find("exceeds") != std::string::npos);
    }
}
}
