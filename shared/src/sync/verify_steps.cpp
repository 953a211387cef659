// The replica check over a Channel: digests per table, then per bucket of the
// tables that differ, then per row of the buckets that differ; the repair fetches
// exactly those rows. Over a 3G link a healthy replica costs one small round trip.
#include "sync_steps.hpp"

#include "tdkt/schema/schema.hpp"
#include "tdkt/sync/replica_digest.hpp"

#include <map>
#include <set>

namespace tdkt::sync {
namespace {

using namespace tdkt::protocol;

constexpr std::size_t BucketsPerAsk = 64;  // as the server's bound
constexpr std::size_t RowsPerFetch = 2000; // as the server's bound

Digests ask(Channel& ch, Verify v) {
    ch.send(std::move(v));
    return expect<Digests>(ch.receive());
}

// The tables whose digests differ.
std::vector<std::string> differingTables(Channel& ch, const store::Store& store) {
    std::vector<std::string> out;
    std::map<std::string, Digest> server;
    for (const auto& e : ask(ch, Verify{0, {}, {}}).entries) server[e.table] = {e.count, e.sum};
    for (const auto& t : store.registry().tables())
        if (tableDigest(store, t) != server[t.name]) out.push_back(t.name);
    return out;
}

void compareRows(Channel& ch, const store::Store& store, const std::vector<TableBucket>& buckets,
                 std::vector<RowDiff>& out) {
    std::map<std::string, std::map<std::string, std::uint64_t>> server;
    for (auto& e : ask(ch, Verify{2, {}, buckets}).entries) server[e.table][e.rowId] = e.sum;
    std::map<std::string, std::set<std::uint32_t>> byTable;
    for (const auto& b : buckets) byTable[b.table].insert(b.bucket);
    for (const auto& [name, set] : byTable) {
        const auto& t = store.registry().require(name);
        const auto local = rowHashes(store, t, set);
        const auto& theirs = server[name];
        for (const auto& [id, h] : theirs) {
            auto it = local.find(id);
            if (it == local.end()) out.push_back({name, id, RowDiff::Kind::MissingHere});
            else if (it->second != h) out.push_back({name, id, RowDiff::Kind::Differs});
        }
        for (const auto& [id, h] : local)
            if (!theirs.count(id)) out.push_back({name, id, RowDiff::Kind::NotOnServer});
    }
}

store::RowState toState(const schema::TableDef& t, const RowImage& image) {
    store::RowState st;
    st.id = image.rowId;
    st.fields.resize(t.fields.size() + 1);
    st.fields[0].value = std::int64_t{0};
    for (const auto& f : image.fields) {
        if (f.field == schema::DeletedField) {
            st.fields[0] = {f.value, f.version};
        } else if (const auto* fd = t.field(f.field)) {
            st.fields[static_cast<std::size_t>(fd - t.fields.data()) + 1] = {f.value, f.version};
        } // a field this build does not know (a newer server) is left out
    }
    return st;
}

std::size_t repairRows(Channel& ch, store::Store& store, const std::vector<RowDiff>& diffs) {
    std::size_t repaired = 0;
    for (std::size_t from = 0; from < diffs.size(); from += RowsPerFetch) {
        FetchRows fetch;
        for (std::size_t i = from; i < std::min(diffs.size(), from + RowsPerFetch); ++i)
            fetch.rows.push_back({diffs[i].table, diffs[i].rowId});
        ch.send(std::move(fetch));
        auto images = expect<RowImages>(ch.receive());
        std::map<std::string, std::pair<std::vector<store::RowState>, std::vector<std::string>>> byTable;
        for (const auto& img : images.rows)
            if (const auto* t = store.registry().table(img.table)) byTable[t->name].first.push_back(toState(*t, img));
        for (const auto& ref : images.absent)
            if (store.registry().table(ref.table)) byTable[ref.table].second.push_back(ref.rowId);
        store::Store::Batch b{store};
        for (const auto& [name, part] : byTable) repaired += store.repairRows(name, part.first, part.second);
        b.commit();
    }
    return repaired;
}

} // namespace

void verifyReplica(Channel& ch, store::Store& store, bool repair, VerifyReport& report) {
    const auto sent = ch.bytesSent(), received = ch.bytesReceived();
    const auto tables = differingTables(ch, store);
    report.tablesDiffering = tables.size();
    if (!tables.empty()) {
        std::vector<TableBucket> buckets;
        std::map<std::string, std::map<std::uint32_t, Digest>> server;
        for (const auto& e : ask(ch, Verify{1, tables, {}}).entries) server[e.table][e.bucket] = {e.count, e.sum};
        for (const auto& name : tables) {
            auto local = bucketDigests(store, store.registry().require(name));
            auto& theirs = server[name];
            std::set<std::uint32_t> all;
            for (const auto& [b, d] : local) all.insert(b);
            for (const auto& [b, d] : theirs) all.insert(b);
            for (auto b : all)
                if (local[b] != theirs[b]) buckets.push_back({name, b});
        }
        for (std::size_t from = 0; from < buckets.size(); from += BucketsPerAsk)
            compareRows(ch, store,
                        std::vector<TableBucket>(buckets.begin() + static_cast<std::ptrdiff_t>(from),
                                                 buckets.begin() + static_cast<std::ptrdiff_t>(
                                                                       std::min(buckets.size(), from + BucketsPerAsk))),
                        report.differences);
        if (repair && !report.differences.empty()) report.repaired = repairRows(ch, store, report.differences);
    }
    report.clean = tables.empty() || (repair && differingTables(ch, store).empty());
    report.bytesSent = ch.bytesSent() - sent;
    report.bytesReceived = ch.bytesReceived() - received;
}

} // namespace tdkt::sync
