// A replica check (tdkt-cli verify): digests of the rows a user may read, level by
// level, and the server's copies of the rows a replica found different.
#include "service.hpp"

#include "rights.hpp"

#include "tdkt/sync/replica_digest.hpp"

#include <set>

namespace tdkt::server {
namespace {

using namespace tdkt::protocol;

// Bounds on one request, so a replica cannot make one reply of the whole database
// at once: it asks again for the rest.
constexpr std::size_t MaxVerifyBuckets = 64;
constexpr std::size_t MaxFetchRows = 2000;

Reply refuse(std::string message) { return {ErrorMsg{ErrorCode::Malformed, std::move(message)}, true}; }

} // namespace

Reply Service::verify(SessionState& s, const Verify& m) {
    if (m.level > 2) return refuse("unknown verify level " + std::to_string(m.level));
    if (m.buckets.size() > MaxVerifyBuckets || m.tables.size() > schema::registry().tables().size())
        return refuse("verify asks for too much at once");
    const std::uint64_t epoch = m_store.unitEpoch();
    const UnitTree& units = m_unitTrees.get(m_store, epoch);
    const store::Store::ReadSnapshot snapshot(m_store);
    const Rights rights(m_store, *s.user, units);
    const sync::RowKeep keep = [&](const schema::TableDef& t, const store::RowState& r) {
        return rights.canRead(t, r.row(t));
    };
    // An older client holds the tables and fields of its own schema only.
    const int version = static_cast<int>(s.schema);
    const auto known = [&](const std::string& name) -> const schema::TableDef* {
        const auto* t = schema::registry().table(name);
        return t && t->since <= version ? t : nullptr;
    };
    Digests out;
    if (m.level == 0) {
        for (const auto& t : schema::registry().tables()) {
            if (t.since > version) continue;
            const auto d = sync::tableDigest(m_store, t, keep, version);
            out.entries.push_back({t.name, 0, {}, d.count, d.sum});
        }
    } else if (m.level == 1) {
        for (const auto& name : m.tables) {
            const auto* t = known(name);
            if (!t) return refuse("no table named " + name);
            for (const auto& [bucket, d] : sync::bucketDigests(m_store, *t, keep, version))
                out.entries.push_back({t->name, bucket, {}, d.count, d.sum});
        }
    } else {
        std::map<std::string, std::set<std::uint32_t>> byTable;
        for (const auto& b : m.buckets) {
            if (!known(b.table)) return refuse("no table named " + b.table);
            if (b.bucket >= sync::DigestBuckets) return refuse("bucket out of range");
            byTable[b.table].insert(b.bucket);
        }
        for (const auto& [name, buckets] : byTable) {
            const auto& t = schema::registry().require(name);
            for (const auto& [id, h] : sync::rowHashes(m_store, t, buckets, keep, version))
                out.entries.push_back({name, sync::bucketOf(id), id, 1, h});
        }
    }
    return {std::move(out)};
}

Reply Service::fetchRows(SessionState& s, const FetchRows& m) {
    if (m.rows.size() > MaxFetchRows) return refuse("fetch asks for too many rows at once");
    const std::uint64_t epoch = m_store.unitEpoch();
    const UnitTree& units = m_unitTrees.get(m_store, epoch);
    const store::Store::ReadSnapshot snapshot(m_store);
    const Rights rights(m_store, *s.user, units);
    RowImages out;
    for (const auto& ref : m.rows) {
        const auto* t = schema::registry().table(ref.table);
        if (!t || t->since > static_cast<int>(s.schema)) return refuse("no table named " + ref.table);
        const std::string id = ref.rowId;
        auto states = m_store.rowStates(t->name, std::span<const std::string>(&id, 1));
        if (states.empty() || !rights.canRead(*t, states[0].row(*t))) {
            out.absent.push_back(ref);
            continue;
        }
        RowImage image{t->name, id, {}};
        const auto& st = states[0];
        for (std::size_t slot = 0; slot < st.fields.size(); ++slot) {
            const auto& f = st.fields[slot];
            if (isNull(f.value) && f.version.hlc == 0 && f.version.site == 0) continue;
            if (slot > 0 && t->fields[slot - 1].since > static_cast<int>(s.schema)) continue; // unknown to it
            image.fields.push_back({slot == 0 ? std::string(schema::DeletedField) : t->fields[slot - 1].name, f.value,
                                    f.version});
        }
        out.rows.push_back(std::move(image));
    }
    m_log("replica " + siteToHex(s.site) + " of " + s.user->name + " refetched " + std::to_string(out.rows.size()) +
          " rows (verify --repair)");
    return {std::move(out)};
}

} // namespace tdkt::server
