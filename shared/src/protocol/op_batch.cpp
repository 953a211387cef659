// Op batches on the wire. Per op: dictionary indexes for table, field, author,
// site and row id (a new entry follows its index the first time), zigzag varint
// deltas for seq, hlc, base and seen, then the value. zstd over the whole batch.
#include "tdkt/protocol/op_batch.hpp"

#include "tdkt/protocol/version.hpp"

#include <zstd.h>

#include <cstring>
#include <memory>
#include <new>
#include <stdexcept>
#include <unordered_map>

namespace tdkt::protocol {
namespace {

// zstd's contexts are big (about a megabyte at level 3): made once a thread and
// reused, not made and cleared for every batch.
ZSTD_CCtx* compressor() {
    thread_local std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> ctx{ZSTD_createCCtx(), &ZSTD_freeCCtx};
    if (!ctx) throw std::bad_alloc();
    return ctx.get();
}

ZSTD_DCtx* decompressor() {
    thread_local std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)> ctx{ZSTD_createDCtx(), &ZSTD_freeDCtx};
    if (!ctx) throw std::bad_alloc();
    return ctx.get();
}

// [SECTION] writing
class Writer {
public:
    void varint(std::uint64_t v) {
        while (v >= 0x80) {
            m_out.push_back(static_cast<char>((v & 0x7F) | 0x80));
            v >>= 7;
        }
        m_out.push_back(static_cast<char>(v));
    }

    void zigzag(std::int64_t v) {
        varint((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
    }

    void bytes(const void* p, std::size_t n) { m_out.append(static_cast<const char*>(p), n); }

    void text(std::string_view s) {
        varint(s.size());
        bytes(s.data(), s.size());
    }

    void word(std::string_view s) {
        if (auto it = m_words.find(s); it != m_words.end()) return varint(it->second);
        varint(m_words.size());
        m_words.emplace(std::string(s), m_words.size());
        text(s);
    }

    void site(SiteId s) {
        auto [it, added] = m_sites.emplace(s, m_sites.size());
        varint(it->second);
        if (added) varint(s);
    }

    void rowId(std::string_view id);
    void value(const Value& v);

    std::string& out() { return m_out; }

private:
    // Found by string_view (no string is made for a word already seen).
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    using Dict = std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>>;

    std::string m_out;
    Dict m_words;
    Dict m_rows;
    std::unordered_map<SiteId, std::size_t> m_sites;
};

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

bool isUuid(std::string_view s) {
    if (s.size() != 36) return false;
    for (std::size_t i = 0; i < 36; ++i) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : hexDigit(s[i]) < 0) return false;
    }
    return true;
}

// A UUID's 16 bytes, as a row id is written (isUuid(id) must hold).
void packUuid(std::string_view id, std::uint8_t* raw) {
    std::size_t k = 0;
    for (std::size_t i = 0; i < 36; i += 2) {
        if (id[i] == '-') ++i;
        raw[k++] = static_cast<std::uint8_t>(hexDigit(id[i]) << 4 | hexDigit(id[i + 1]));
    }
}

void Writer::rowId(std::string_view id) {
    if (auto it = m_rows.find(id); it != m_rows.end()) return varint(it->second);
    varint(m_rows.size());
    m_rows.emplace(std::string(id), m_rows.size());
    if (!isUuid(id)) {
        m_out.push_back(0);
        text(id);
        return;
    }
    m_out.push_back(1);
    std::uint8_t raw[16];
    packUuid(id, raw);
    bytes(raw, 16);
}

void Writer::value(const Value& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) {
        m_out.push_back(1);
        zigzag(*i);
    } else if (const auto* d = std::get_if<double>(&v)) {
        m_out.push_back(2);
        bytes(d, sizeof(double));
    } else if (const auto* s = std::get_if<std::string>(&v)) {
        m_out.push_back(3);
        text(*s);
    } else {
        m_out.push_back(0);
    }
}

// [SECTION] reading
class Reader {
public:
    explicit Reader(std::string_view in) : m_in(in) {}

    [[noreturn]] static void fail(const char* what) { throw std::runtime_error(std::string("op batch: ") + what); }

    std::uint8_t byte() {
        if (m_pos >= m_in.size()) fail("truncated");
        return static_cast<std::uint8_t>(m_in[m_pos++]);
    }

    std::uint64_t varint() {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            std::uint8_t b = byte();
            v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
            if (!(b & 0x80)) return v;
        }
        fail("varint too long");
    }

    std::int64_t zigzag() {
        std::uint64_t u = varint();
        return static_cast<std::int64_t>(u >> 1) ^ -static_cast<std::int64_t>(u & 1);
    }

    std::string_view raw(std::size_t n) {
        if (n > m_in.size() - m_pos) fail("truncated");
        auto s = m_in.substr(m_pos, n);
        m_pos += n;
        return s;
    }

    std::string text() { return std::string(raw(varint())); }

    template <class T, class NewFn>
    const T& dict(std::vector<T>& d, NewFn make) {
        std::uint64_t i = varint();
        if (i < d.size()) return d[i];
        if (i != d.size()) fail("bad dictionary index");
        d.push_back(make());
        return d.back();
    }

    std::string rowId();
    Value value();
    std::size_t remaining() const { return m_in.size() - m_pos; }

    std::vector<std::string> words, rows;
    std::vector<SiteId> sites;

private:
    std::string_view m_in;
    std::size_t m_pos = 0;
};

std::string Reader::rowId() {
    return dict(rows, [&] {
        if (byte() == 0) return text();
        static constexpr char Hex[] = "0123456789abcdef";
        auto raw16 = raw(16);
        std::string id;
        for (std::size_t i = 0; i < 16; ++i) {
            if (i == 4 || i == 6 || i == 8 || i == 10) id.push_back('-');
            auto b = static_cast<std::uint8_t>(raw16[i]);
            id.push_back(Hex[b >> 4]);
            id.push_back(Hex[b & 15]);
        }
        return id;
    });
}

Value Reader::value() {
    switch (byte()) {
    case 0: return {};
    case 1: return zigzag();
    case 2: {
        double d;
        std::memcpy(&d, raw(sizeof d).data(), sizeof d);
        return d;
    }
    case 3: return text();
    default: fail("bad value tag");
    }
}

} // namespace

namespace {

template <class Ops, class Get>
std::string encode(const Ops& ops, Get get) {
    Writer w;
    w.varint(ops.size());
    std::uint64_t prevSeq = 0, prevSeen = 0;
    HlcStamp prevHlc = 0;
    for (const auto& each : ops) {
        const Op& op = get(each);
        w.word(op.table);
        w.word(op.field);
        w.word(op.author);
        w.site(op.site);
        w.rowId(op.rowId);
        w.zigzag(static_cast<std::int64_t>(op.seq - prevSeq));
        w.zigzag(static_cast<std::int64_t>(op.hlc - prevHlc));
        w.zigzag(static_cast<std::int64_t>(op.seen - prevSeen));
        if (op.base.isNull()) {
            w.out().push_back(0);
        } else {
            w.out().push_back(1);
            w.site(op.base.site);
            w.zigzag(static_cast<std::int64_t>(op.hlc - op.base.hlc));
        }
        w.value(op.value);
        prevSeq = op.seq;
        prevHlc = op.hlc;
        prevSeen = op.seen;
    }
    const std::string& plain = w.out();
    std::string out(ZSTD_compressBound(plain.size()), '\0');
    std::size_t n = ZSTD_compressCCtx(compressor(), out.data(), out.size(), plain.data(), plain.size(), 3);
    if (ZSTD_isError(n)) throw std::runtime_error("zstd: cannot compress an op batch");
    out.resize(n);
    return out;
}

} // namespace

std::string encodeOps(std::span<const Op> ops) {
    return encode(ops, [](const Op& op) -> const Op& { return op; });
}

std::string encodeOps(std::span<const Op* const> ops) {
    return encode(ops, [](const Op* op) -> const Op& { return *op; });
}

namespace {

std::string inflate(std::string_view blob) {
    auto size = ZSTD_getFrameContentSize(blob.data(), blob.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN) Reader::fail("not a zstd frame");
    if (size > MaxBatchBytes) Reader::fail("too large");
    std::string plain(static_cast<std::size_t>(size), '\0');
    std::size_t n = ZSTD_decompressDCtx(decompressor(), plain.data(), plain.size(), blob.data(), blob.size());
    if (ZSTD_isError(n) || n != plain.size()) Reader::fail("corrupt zstd data");
    return plain;
}

// The bytes a row id is written as (Writer::rowId): 16 raw bytes for a UUID, else its text.
std::string rowIdBytes(std::string_view id) {
    if (!isUuid(id)) return std::string(id);
    std::uint8_t raw[16];
    packUuid(id, raw);
    return std::string(reinterpret_cast<const char*>(raw), 16);
}

std::vector<Op> decodePlain(const std::string& plain) {
    Reader r(plain);
    std::uint64_t count = r.varint();
    if (count > r.remaining()) Reader::fail("count exceeds the data");
    std::vector<Op> ops(static_cast<std::size_t>(count));
    std::uint64_t prevSeq = 0, prevSeen = 0;
    HlcStamp prevHlc = 0;
    auto newWord = [&] { return r.text(); };
    auto newSite = [&] { return static_cast<SiteId>(r.varint()); };
    for (Op& op : ops) {
        op.table = r.dict(r.words, newWord);
        op.field = r.dict(r.words, newWord);
        op.author = r.dict(r.words, newWord);
        op.site = r.dict(r.sites, newSite);
        op.rowId = r.rowId();
        op.seq = prevSeq + static_cast<std::uint64_t>(r.zigzag());
        op.hlc = prevHlc + static_cast<std::uint64_t>(r.zigzag());
        op.seen = prevSeen + static_cast<std::uint64_t>(r.zigzag());
        if (r.byte() != 0) {
            op.base.site = r.dict(r.sites, newSite);
            op.base.hlc = op.hlc - static_cast<std::uint64_t>(r.zigzag());
        }
        op.value = r.value();
        prevSeq = op.seq;
        prevHlc = op.hlc;
        prevSeen = op.seen;
    }
    if (r.remaining() != 0) Reader::fail("trailing bytes");
    return ops;
}

} // namespace

std::vector<Op> decodeOps(std::string_view blob) { return decodePlain(inflate(blob)); }

std::vector<Op> decodeOpsNaming(std::string_view blob, std::string_view rowId) {
    const std::string plain = inflate(blob);
    if (plain.find(rowIdBytes(rowId)) == std::string::npos) return {};
    return decodePlain(plain);
}

} // namespace tdkt::protocol
