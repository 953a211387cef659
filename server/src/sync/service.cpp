// The session state machine: Hello → Welcome, Login/Auth → LoginOk (login.cpp),
// then Pull (here) and Push (push.cpp, applied by group commit).
#include "service.hpp"

#include "moved_rows.hpp"
#include "rights.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/protocol/op_batch.hpp"
#include "tdkt/protocol/version.hpp"

namespace tdkt::server {
namespace {

using namespace tdkt::protocol;

constexpr std::uint32_t MaxPullOps = 5000;
// Decoded log kept for pulls: sixteen batches (~20 MB), so replicas catching up
// together, a little apart, read each stretch from SQLite once.
constexpr std::size_t PullCacheOps = 16 * MaxPullOps;

Reply error(ErrorCode code, std::string message, bool close = true) {
    return {ErrorMsg{code, std::move(message)}, close};
}

// Whether a client of `schema` has the op's table and field (an older client has
// neither the tables nor the fields later migrations added: they are not sent).
bool known(const Op& op, std::uint32_t schema) {
    const auto* t = schema::registry().table(op.table);
    return t && schema::knownAt(*t, op.field, static_cast<int>(schema));
}

} // namespace

Service::Service(store::Store& store, Accounts& accounts, Log log)
    : m_store(store), m_accounts(accounts), m_log(std::move(log)), m_pullCache(PullCacheOps) {}

bool Service::isPushReady(const SessionState& s, const Message& m) const {
    return std::holds_alternative<Push>(m) && s.user.has_value();
}

Reply Service::handle(SessionState& s, const Message& m) {
    if (const auto* h = std::get_if<Hello>(&m)) return hello(s, *h);
    if (!s.welcomed) return error(ErrorCode::Malformed, "the session must start with Hello");
    if (const auto* l = std::get_if<Login>(&m)) {
        if (!checksPassword(s, *l)) return login(s, *l, false);
        auto gate = loginGate(s, *l);
        if (gate.refusal) return std::move(*gate.refusal);
        return login(s, *l, Accounts::verifyPassword(gate.hash, l->password));
    }
    if (const auto* c = std::get_if<ChangePassword>(&m)) {
        if (!checksPassword(s, *c)) return changePassword(s, *c, false, {});
        auto gate = changeGate(s, *c);
        if (gate.refusal) return std::move(*gate.refusal);
        const bool ok = Accounts::verifyPassword(gate.hash, c->password);
        return changePassword(s, *c, ok, ok ? Accounts::hashPassword(c->newPassword) : std::string());
    }
    if (const auto* a = std::get_if<Auth>(&m)) return auth(s, *a);
    if (const auto* r = std::get_if<Resite>(&m)) return resite(s, *r);
    if (!s.user) return error(ErrorCode::BadToken, "log in first");
    // A disabled account's replica only pushes (to hear its changes refused).
    if (s.disabled) return error(ErrorCode::AccountDisabled, "");
    if (const auto* p = std::get_if<Pull>(&m)) return pull(s, *p);
    if (const auto* v = std::get_if<Verify>(&m)) return verify(s, *v);
    if (const auto* f = std::get_if<FetchRows>(&m)) return fetchRows(s, *f);
    return error(ErrorCode::Malformed, "unexpected message type " + std::to_string(static_cast<int>(typeOf(m))));
}

Reply Service::hello(SessionState& s, const Hello& m) {
    if (s.welcomed) return error(ErrorCode::Malformed, "Hello sent twice");
    const std::uint32_t schema = schemaVersion();
    if (m.protocol < MinClientProtocol || m.protocol > ProtocolVersion || m.schema < MinClientSchema)
        return error(ErrorCode::UpdateRequired,
                     "please update TĐKT: this server speaks protocol " + std::to_string(ProtocolVersion) +
                         " and schema " + std::to_string(MinClientSchema) + " to " + std::to_string(schema) +
                         ", your program protocol " +
                         std::to_string(m.protocol) + " and schema " + std::to_string(m.schema));
    if (m.schema > schema)
        return error(ErrorCode::UpdateRequired, "the server is older than your program (schema " +
                                                    std::to_string(schema) + " < " + std::to_string(m.schema) +
                                                    "): ask the administrator to update tdkt-server");
    s.welcomed = true;
    s.schema = m.schema;
    s.protocol = m.protocol;
    return {Welcome{ProtocolVersion, schema, systemMillis(), "tdkt-server"}};
}

void Service::resolveUnits(PulledStretch& stretch, std::uint64_t epoch) const {
    if (stretch.unitsEpoch == epoch) return;
    stretch.runs.clear();
    const auto& ops = stretch.ops;
    for (std::size_t i = 0; i < ops.size();) {
        PulledStretch::Run run{i, i + 1, std::nullopt};
        const Op& first = ops[i].op;
        while (run.end < ops.size() && ops[run.end].op.rowId == first.rowId && ops[run.end].op.table == first.table)
            ++run.end;
        const auto* t = schema::registry().table(first.table);
        if (t && Rights::readsByRowUnit(*t))
            if (auto fv = m_store.fieldValue(first.table, first.rowId, t->unitField)) run.unit = std::move(fv->value);
        stretch.runs.push_back(std::move(run));
        i = stretch.runs.back().end;
    }
    findMoves(m_store, stretch);
    stretch.unitsEpoch = epoch;
}

Reply Service::pull(SessionState& s, const Pull& m) {
    const std::uint32_t scan = m.maxOps == 0 ? MaxPullOps : std::min(m.maxOps, MaxPullOps);
    // Before the snapshot: the mark (at most one write a day) comes in this very pull.
    m_syncMarks.note(m_store, s.user->unit, s.site, SyncMarks::Direction::Pull, systemMillis());
    const std::uint64_t epoch = m_store.unitEpoch(); // before the snapshot: a later move is seen next time
    const UnitTree& units = m_unitTrees.get(m_store, epoch);
    const store::Store::ReadSnapshot snapshot(m_store); // one read transaction, not one per lookup
    auto stretch = m_pullCache.find(m.cursor, scan);
    if (!stretch) {
        stretch = std::make_shared<PulledStretch>(m_store.opsAfter(m.cursor, scan));
        if (stretch->ops.size() >= scan) m_pullCache.keep(m.cursor, scan, stretch);
    }
    // A row's unit is asked once per stretch (and epoch), not once per session.
    resolveUnits(*stretch, epoch);
    const Rights rights(m_store, *s.user, units);
    std::vector<std::uint32_t> picked;
    picked.reserve(stretch->ops.size());
    PullBatch out;
    // Rows moved into the user's reach come with their earlier ops (its own too: it
    // may have dropped them); rows moved out of it are named, to be dropped.
    for (const auto& mv : stretch->moves) {
        const Op& first = stretch->ops[stretch->runs[mv.run].begin].op;
        const auto& t = schema::registry().require(first.table);
        const bool now = rights.canReadRow(t, first.rowId, stretch->runs[mv.run].unit);
        const bool before = mv.from && rights.canReadRow(t, first.rowId, mv.from);
        if (now && !before)
            for (std::size_t i = mv.earlierBegin; i < mv.earlierEnd; ++i)
                picked.push_back(static_cast<std::uint32_t>(stretch->ops.size() + i));
        if (before && !now && schema::knownAt(t, schema::DeletedField, static_cast<int>(s.schema)))
            out.gone.push_back({first.table, first.rowId});
    }
    for (const auto& run : stretch->runs) {
        const Op& first = stretch->ops[run.begin].op;
        const auto* t = schema::registry().table(first.table);
        if (!t || !rights.canReadRow(*t, first.rowId, run.unit)) continue;
        // The client holds its own ops already (unless it is sweeping: it must hear of every row).
        for (std::size_t i = run.begin; i < run.end; ++i)
            if (m.whole || stretch->ops[i].op.site != s.site) picked.push_back(static_cast<std::uint32_t>(i));
    }
    if (s.schema < schemaVersion())
        std::erase_if(picked, [&](std::uint32_t i) { return !known(stretch->op(i), s.schema); });
    out.scope = units.scopeKey(s.user->unit, s.user->role, s.user->name);
    out.cursor = stretch->ops.empty() ? m.cursor : stretch->ops.back().logSeq;
    out.more = stretch->ops.size() >= scan; // whole changes: a batch may end a little past `scan`
    // Sessions whose rights pick the same ops (devices of one office) share the bytes.
    out.packed = stretch->encoded(picked, [&] {
        std::vector<const Op*> ops;
        ops.reserve(picked.size());
        for (auto i : picked) ops.push_back(&stretch->op(i));
        return encodeOps(ops);
    });
    return {std::move(out)};
}

void Service::applyPushes(std::span<PushJob* const> jobs) {
    try {
        store::Store::Batch group{m_store};
        for (PushJob* job : jobs) applyPush(*job);
        group.commit();
    } catch (const std::exception& e) {
        // Nothing of this group was saved: every session is told so and may retry.
        m_log(std::string("group commit failed: ") + e.what());
        for (PushJob* job : jobs) job->reply = error(ErrorCode::Internal, "the server could not save: retry later");
    }
}

} // namespace tdkt::server
