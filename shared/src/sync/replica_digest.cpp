// Row hashes and their sums (replica_digest.hpp). FNV-1a over a plain encoding of
// each part, then a final mix so that sums of similar rows do not cancel out.
#include "tdkt/sync/replica_digest.hpp"

namespace tdkt::sync {
namespace {

struct Fnv {
    std::uint64_t h = 14695981039346656037ull;
    void bytes(const void* p, std::size_t n) {
        const auto* b = static_cast<const unsigned char*>(p);
        for (std::size_t i = 0; i < n; ++i) {
            h ^= b[i];
            h *= 1099511628211ull;
        }
    }
    void u64(std::uint64_t v) { bytes(&v, sizeof v); } // little-endian hosts only (Debian amd64/arm64)
    void text(std::string_view s) {
        u64(s.size());
        bytes(s.data(), s.size());
    }
    void value(const Value& v) {
        u64(v.index());
        if (const auto* i = std::get_if<std::int64_t>(&v)) u64(static_cast<std::uint64_t>(*i));
        if (const auto* d = std::get_if<double>(&v)) bytes(d, sizeof *d);
        if (const auto* s = std::get_if<std::string>(&v)) text(*s);
    }
};

std::uint64_t mix(std::uint64_t z) { // splitmix64's finalizer
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

void forKept(const store::Store& store, const schema::TableDef& t, const RowKeep& keep,
             const std::function<void(const store::RowState&)>& fn) {
    store.forEachRowState(t.name, [&](const store::RowState& r) {
        if (!keep || keep(t, r)) fn(r);
    });
}

} // namespace

std::uint32_t bucketOf(std::string_view rowId) {
    Fnv f;
    f.text(rowId);
    return static_cast<std::uint32_t>(mix(f.h) % DigestBuckets);
}

std::uint64_t rowHash(const schema::TableDef& t, const store::RowState& row, int version) {
    Fnv f;
    f.text(row.id);
    for (std::size_t slot = 0; slot < row.fields.size(); ++slot) {
        const auto& fv = row.fields[slot];
        if (isNull(fv.value) && fv.version.hlc == 0 && fv.version.site == 0) continue; // never set
        if (version > 0 && slot > 0 && t.fields[slot - 1].since > version) continue;   // unknown to that schema
        f.text(slot == 0 ? std::string_view(schema::DeletedField) : std::string_view(t.fields[slot - 1].name));
        f.value(fv.value);
        f.u64(fv.version.hlc);
        f.u64(fv.version.site);
    }
    return mix(f.h);
}

Digest tableDigest(const store::Store& store, const schema::TableDef& t, const RowKeep& keep, int version) {
    Digest d;
    forKept(store, t, keep, [&](const store::RowState& r) { d.add(rowHash(t, r, version)); });
    return d;
}

std::map<std::uint32_t, Digest> bucketDigests(const store::Store& store, const schema::TableDef& t,
                                              const RowKeep& keep, int version) {
    std::map<std::uint32_t, Digest> out;
    forKept(store, t, keep, [&](const store::RowState& r) { out[bucketOf(r.id)].add(rowHash(t, r, version)); });
    return out;
}

std::map<std::string, std::uint64_t> rowHashes(const store::Store& store, const schema::TableDef& t,
                                               const std::set<std::uint32_t>& buckets, const RowKeep& keep,
                                               int version) {
    std::map<std::string, std::uint64_t> out;
    forKept(store, t, keep, [&](const store::RowState& r) {
        if (buckets.count(bucketOf(r.id))) out.emplace(r.id, rowHash(t, r, version));
    });
    return out;
}

} // namespace tdkt::sync
