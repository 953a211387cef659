// Frame encoding and the one decoder of untrusted bytes. Every message field goes
// through put(), which for reading checks string and list sizes against the
// bytes left in the frame before allocating anything.
// [SECTION] archive helpers · messages · frames
#include "tdkt/protocol/codec.hpp"

#include "tdkt/protocol/op_batch.hpp"
#include "tdkt/store/migrations.hpp"
#include "tdkt/schema/schema.hpp"

#include <cereal/archives/portable_binary.hpp>

#include <sstream>
#include <streambuf>
#include <type_traits>

namespace tdkt::protocol {
namespace {

using Out = cereal::PortableBinaryOutputArchive;
using In = cereal::PortableBinaryInputArchive;

// [SECTION] archive helpers
thread_local std::size_t t_budget = 0; // bytes the frame being read can still hold

void spend(std::uint64_t n) {
    if (n > t_budget) throw std::runtime_error("a length field exceeds the frame");
    t_budget -= static_cast<std::size_t>(n);
}

template <class T>
    requires std::is_arithmetic_v<T> || std::is_enum_v<T>
void put(Out& ar, const T& v) {
    ar(v);
}

template <class T>
    requires std::is_arithmetic_v<T> || std::is_enum_v<T>
void put(In& ar, T& v) {
    ar(v);
}

void put(Out& ar, const std::string& s) {
    ar(static_cast<std::uint32_t>(s.size()));
    ar(cereal::binary_data(s.data(), s.size()));
}

void put(In& ar, std::string& s) {
    std::uint32_t n = 0;
    ar(n);
    spend(n);
    s.resize(n);
    ar(cereal::binary_data(s.data(), n));
}

void put(Out& ar, const Value& v) {
    ar(static_cast<std::uint8_t>(v.index()));
    if (const auto* i = std::get_if<std::int64_t>(&v)) ar(*i);
    if (const auto* d = std::get_if<double>(&v)) ar(*d);
    if (const auto* s = std::get_if<std::string>(&v)) put(ar, *s);
}

void put(In& ar, Value& v) {
    std::uint8_t tag = 0;
    ar(tag);
    switch (tag) {
    case 0: v = {}; break;
    case 1: v = std::int64_t{}, ar(std::get<std::int64_t>(v)); break;
    case 2: v = double{}, ar(std::get<double>(v)); break;
    case 3: v = std::string(), put(ar, std::get<std::string>(v)); break;
    default: throw std::runtime_error("bad value tag");
    }
}

template <class Ar, class V>
void put(Ar& ar, V& v)
    requires std::is_same_v<std::remove_const_t<V>, Version>
{
    put(ar, v.hlc);
    put(ar, v.site);
}

void put(Out& ar, const std::vector<Op>& ops) { put(ar, encodeOps(ops)); }

void put(In& ar, std::vector<Op>& ops) {
    std::string blob;
    put(ar, blob);
    ops = decodeOps(blob);
}

// A list: its length, then each element. Read, the length is checked against the
// bytes left (every element takes at least one) before anything is allocated.
template <class Ar, class L, class F>
void list(Ar& ar, L& items, F&& each) {
    auto n = static_cast<std::uint32_t>(items.size());
    put(ar, n);
    if constexpr (std::is_same_v<Ar, In>) {
        spend(n);
        items.resize(n);
    }
    for (auto& item : items) each(item);
}

// [SECTION] messages: one field list per message serves both directions
template <class Ar, class M>
void fields(Ar& ar, M& m) {
    using T = std::remove_const_t<M>;
    if constexpr (std::is_same_v<T, Hello>) put(ar, m.protocol), put(ar, m.schema), put(ar, m.client);
    if constexpr (std::is_same_v<T, Welcome>)
        put(ar, m.protocol), put(ar, m.schema), put(ar, m.serverTimeMs), put(ar, m.server);
    if constexpr (std::is_same_v<T, Login>) {
        put(ar, m.user), put(ar, m.password), put(ar, m.site);
        // The device name is last: a protocol-3 Login ends before it (decode reads it when present).
        if constexpr (std::is_same_v<Ar, Out>) put(ar, m.device);
    }
    if constexpr (std::is_same_v<T, ChangePassword>)
        put(ar, m.user), put(ar, m.password), put(ar, m.newPassword), put(ar, m.site), put(ar, m.device);
    if constexpr (std::is_same_v<T, Auth>) put(ar, m.token), put(ar, m.site);
    if constexpr (std::is_same_v<T, Resite>) put(ar, m.token), put(ar, m.from), put(ar, m.to);
    if constexpr (std::is_same_v<T, LoginOk>)
        put(ar, m.token), put(ar, m.user), put(ar, m.role), put(ar, m.unit), put(ar, m.highWater);
    if constexpr (std::is_same_v<T, Push>) put(ar, m.ops);
    if constexpr (std::is_same_v<T, Pull>) put(ar, m.cursor), put(ar, m.maxOps), put(ar, m.whole);
    if constexpr (std::is_same_v<T, PullBatch>) {
        if constexpr (std::is_same_v<Ar, Out>) {
            if (!m.packed.empty()) put(ar, m.packed);
            else put(ar, m.ops);
        } else {
            put(ar, m.packed); // kept: a replica stores the batch as it came
            m.ops = decodeOps(m.packed);
        }
        put(ar, m.cursor), put(ar, m.more), put(ar, m.scope);
        auto n = static_cast<std::uint32_t>(m.gone.size());
        put(ar, n);
        if constexpr (std::is_same_v<Ar, In>) {
            spend(n); // every row named takes more than one byte
            m.gone.resize(n);
        }
        for (auto& g : m.gone) put(ar, g.table), put(ar, g.rowId);
    }
    if constexpr (std::is_same_v<T, ErrorMsg>) put(ar, m.code), put(ar, m.message);
    if constexpr (std::is_same_v<T, Verify>) {
        put(ar, m.level);
        list(ar, m.tables, [&](auto& t) { put(ar, t); });
        list(ar, m.buckets, [&](auto& b) { put(ar, b.table), put(ar, b.bucket); });
    }
    if constexpr (std::is_same_v<T, Digests>)
        list(ar, m.entries, [&](auto& e) { put(ar, e.table), put(ar, e.bucket), put(ar, e.rowId), put(ar, e.count), put(ar, e.sum); });
    if constexpr (std::is_same_v<T, FetchRows>) list(ar, m.rows, [&](auto& r) { put(ar, r.table), put(ar, r.rowId); });
    if constexpr (std::is_same_v<T, RowImages>) {
        list(ar, m.rows, [&](auto& r) {
            put(ar, r.table), put(ar, r.rowId);
            list(ar, r.fields, [&](auto& f) { put(ar, f.field), put(ar, f.value), put(ar, f.version); });
        });
        list(ar, m.absent, [&](auto& r) { put(ar, r.table), put(ar, r.rowId); });
    }
    if constexpr (std::is_same_v<T, PushAck>) {
        put(ar, m.highWater);
        put(ar, m.accepted);
        auto n = static_cast<std::uint32_t>(m.rejected.size());
        put(ar, n);
        if constexpr (std::is_same_v<Ar, In>) {
            spend(n); // every rejection takes more than one byte
            m.rejected.resize(n);
        }
        for (auto& r : m.rejected) put(ar, r.seq), put(ar, r.reason), put(ar, r.rowExists), put(ar, r.serverValue),
            put(ar, r.serverVersion);
    }
}

// Reads a frame payload without copying it.
struct SpanBuf : std::streambuf {
    explicit SpanBuf(std::span<const std::uint8_t> s) {
        auto* p = const_cast<char*>(reinterpret_cast<const char*>(s.data()));
        setg(p, p, p + s.size());
    }
};

template <std::size_t I = 0>
Message emptyOfType(std::uint8_t type, bool& ok) {
    if constexpr (I == std::variant_size_v<Message>) {
        ok = false;
        return Hello{};
    } else {
        if (type == I + 1) {
            ok = true;
            return Message{std::in_place_index<I>};
        }
        return emptyOfType<I + 1>(type, ok);
    }
}

} // namespace

std::uint32_t schemaVersion() { return static_cast<std::uint32_t>(store::latestMigration(schema::registry())); }

MessageType typeOf(const Message& m) { return static_cast<MessageType>(m.index() + 1); }

// [SECTION] frames
Bytes encodeFrame(const Message& m) {
    std::ostringstream os;
    {
        Out ar(os);
        std::visit([&](const auto& msg) { fields(ar, msg); }, m);
    }
    const std::string payload = os.str();
    const auto length = static_cast<std::uint32_t>(payload.size() + 1);
    Bytes out;
    out.reserve(payload.size() + FrameHeaderBytes);
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(length >> shift));
    out.push_back(static_cast<std::uint8_t>(typeOf(m)));
    out.insert(out.end(), payload.begin(), payload.end());
    return out;
}

std::optional<std::string> checkHeader(std::span<const std::uint8_t, FrameHeaderBytes> h, FrameHeader& out) {
    out.length = std::uint32_t{h[0]} << 24 | std::uint32_t{h[1]} << 16 | std::uint32_t{h[2]} << 8 | h[3];
    out.type = h[4];
    if (out.length == 0) return "empty frame";
    if (out.length > MaxFrameBytes)
        return "frame of " + std::to_string(out.length) + " bytes exceeds the limit of " +
               std::to_string(MaxFrameBytes);
    if (out.type == 0 || out.type > std::variant_size_v<Message>)
        return "unknown message type " + std::to_string(out.type);
    return std::nullopt;
}

Decoded decode(std::uint8_t type, std::span<const std::uint8_t> payload) {
    Decoded d;
    if (payload.size() + 1 > MaxFrameBytes) {
        d.error = "frame exceeds the size limit";
        return d;
    }
    bool known = false;
    Message m = emptyOfType(type, known);
    if (!known) {
        d.error = "unknown message type " + std::to_string(type);
        return d;
    }
    try {
        SpanBuf buf(payload);
        std::istream is(&buf);
        t_budget = payload.size();
        In ar(is);
        std::visit([&](auto& msg) { fields(ar, msg); }, m);
        if (auto* login = std::get_if<Login>(&m); login && is.peek() != std::char_traits<char>::eof())
            put(ar, login->device);
        if (is.peek() != std::char_traits<char>::eof()) throw std::runtime_error("trailing bytes after the message");
        d.message = std::move(m);
    } catch (const std::exception& e) {
        d.error = std::string("malformed message: ") + e.what();
    }
    return d;
}

Decoded decodeFrame(std::span<const std::uint8_t> frame) {
    Decoded d;
    FrameHeader h;
    if (frame.size() < FrameHeaderBytes) {
        d.error = "truncated frame header";
        return d;
    }
    if (auto err = checkHeader(frame.first<FrameHeaderBytes>(), h)) {
        d.error = *err;
        return d;
    }
    if (frame.size() - 4 != h.length) {
        d.error = "frame length does not match its header";
        return d;
    }
    return decode(h.type, frame.subspan(FrameHeaderBytes));
}

} // namespace tdkt::protocol
