// A push: each op is checked (its site and order, its shape, its clock, the
// user's rights), then merged through the store, or refused with a reason that
// is logged and sent back. The site's high-water mark moves past both, so a
// batch resent after a broken connection is settled once.
#include "award_authority.hpp"
#include "rights.hpp"
#include "service.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/protocol/refusal.hpp"
#include "tdkt/protocol/version.hpp"
#include "tdkt/rules/engine.hpp"
#include "tdkt/rules/reference_io.hpp"

#include <algorithm>
#include <map>

namespace tdkt::server {
namespace {

using namespace tdkt::protocol;
using K = protocol::RefusalKind;

// Fields of rows the push is creating, by (table, row) → field → value, so a
// new row's unit (and a dossier's award form, for who may decide it) is known
// whatever order its fields arrive in.
using Pending = std::map<std::pair<std::string, std::string>, std::map<std::string, Value, std::less<>>>;

// `schema` is the client's: a field or table added after it is not one it can have
// written. The server is the newest build, so a code it does not know is refused
// (the replicas keep one from a newer build; no replica is newer than the server).
std::optional<std::string> checkShape(const schema::TableDef* t, const Op& op, std::uint32_t schema) {
    if (!t || t->since > static_cast<int>(schema)) return Refusal(K::UnknownTable, {{"table", op.table}}).encode();
    if (!isValidRowId(op.rowId)) return Refusal(K::InvalidRowId).encode();
    if (op.field == schema::DeletedField) {
        const auto* i = std::get_if<std::int64_t>(&op.value);
        if (!i || (*i != 0 && *i != 1)) return Refusal(K::BadDeleted).encode();
        return std::nullopt;
    }
    const auto* fd = t->field(op.field);
    if (!fd || fd->since > static_cast<int>(schema))
        return Refusal(K::UnknownField, {{"table", t->name}, {"field", op.field}}).encode();
    try {
        if (!isNull(op.value)) schema::check(*t, *fd, op.value);
        const auto* code = std::get_if<std::string>(&op.value);
        if (code && fd->type == schema::FieldType::Enum && !fd->allows(*code))
            return Refusal(K::UnknownValue, {{"table", t->name}, {"field", fd->name}, {"value", *code}}).encode();
    } catch (const Error& e) {
        return Refusal(K::InvalidValue, {{"table", t->name}, {"field", fd->name}, {"detail", e.what()}}).encode();
    }
    return std::nullopt;
}

// The refusal of an op, with the field as the server holds it so the author's replica
// can undo its value. A row the user may not read is not there for it: no value of
// another unit's row is sent, and the replica lets go of its copy (a row that left the
// user's reach while it was being edited, kept by Store::dropRow until now).
// A disabled account reads nothing: no value goes back, and its replica drops the row.
Rejection rejection(const store::Store& store, const Rights& rights, const Op& op, std::string reason,
                    bool disabled) {
    Rejection r;
    r.seq = op.seq;
    r.reason = std::move(reason);
    const auto* t = schema::registry().table(op.table);
    if (disabled || !t || !isValidRowId(op.rowId)) return r;
    try {
        auto fv = store.fieldValue(op.table, op.rowId, op.field);
        if (!fv) return r;
        std::optional<Value> unit;
        if (Rights::readsByRowUnit(*t))
            if (auto u = store.fieldValue(t->name, op.rowId, t->unitField)) unit = u->value;
        if (!rights.canReadRow(*t, op.rowId, unit)) return r;
        r.rowExists = true;
        r.serverValue = fv->value;
        r.serverVersion = fv->version;
    } catch (const Error&) {
        // unknown field: the client reverts what it can
    }
    return r;
}

// The rules engine on the server (the same code the client runs while typing):
// a dossier may not become "submitted" or "approved" while a block-level finding
// stands. Without reference data on this server there is nothing to judge by.
std::optional<std::string> refuseByRules(store::Store& store, const Op& op, std::optional<rules::Catalog>& catalog) {
    if (op.table != "dossiers" || op.field != "status") return std::nullopt;
    const auto* status = std::get_if<std::string>(&op.value);
    if (!status || (*status != "submitted" && *status != "approved")) return std::nullopt;
    if (!catalog) catalog = rules::catalogFromStore(store);
    if (catalog->rules().empty()) return std::nullopt;
    try {
        auto block = rules::blockingFindingForStatus(store, schema::registry().require("dossiers"), op.rowId, *status,
                                                     *catalog);
        if (!block) return std::nullopt;
        return Refusal(K::RulesBlocked, {{"status", *status},
                                         {"rule", block->ruleId},
                                         {"message", block->message},
                                         {"document", block->source.document},
                                         {"article", block->source.article}})
            .encode();
    } catch (const Error&) {
        return std::nullopt; // a dossier the server does not hold yet: rights already decided
    }
}

// The first re-sent op (seq ≤ high) that differs from the op settled under its
// (site, seq): another copy of the replica made that seq (a restored backup, a
// copied database). Ops settled before with nothing kept to compare are taken as
// the same, as before.
std::optional<std::uint64_t> forkedSeq(const store::Store& store, SiteId site, std::uint64_t high,
                                       const std::vector<Op>& ops) {
    std::optional<std::uint64_t> first, last;
    for (const Op& op : ops) {
        if (op.site != site || op.seq > high) continue;
        first = std::min(first.value_or(op.seq), op.seq);
        last = std::max(last.value_or(op.seq), op.seq);
    }
    if (!first) return std::nullopt;
    const auto settled = store.settledOps(site, *first, *last);
    for (const Op& op : ops) {
        if (op.site != site || op.seq > high) continue;
        auto it = settled.find(op.seq);
        if (it == settled.end()) continue;
        const Op& was = it->second;
        if (op.table != was.table || op.rowId != was.rowId || op.field != was.field || op.value != was.value ||
            op.hlc != was.hlc)
            return op.seq;
    }
    return std::nullopt;
}

} // namespace

void PushJob::checkOps() {
    checks.clear();
    checks.reserve(push.ops.size());
    const std::uint32_t schema = session && session->schema ? session->schema : protocol::schemaVersion();
    for (const Op& op : push.ops) {
        OpCheck c;
        c.table = schema::registry().table(op.table);
        c.refusal = checkShape(c.table, op, schema);
        if (c.refusal) c.table = nullptr;
        else
            c.readByRights = op.field == c.table->unitField || op.field == "target_id" || op.field == "plan_id" ||
                             authorityReads(op.table, op.field);
        checks.push_back(std::move(c));
    }
}

void Service::applyPush(PushJob& job) {
    if (job.checks.size() != job.push.ops.size()) job.checkOps();
    SessionState& s = *job.session;
    PushAck ack;
    std::uint64_t high = m_store.siteHighWater(s.site);
    // Checked before anything is applied: a forked push changes nothing.
    if (auto seq = forkedSeq(m_store, s.site, high, job.push.ops)) {
        m_log("push refused: " + s.user->name + "'s replica " + siteToHex(s.site) + " re-sent change " +
              std::to_string(*seq) + " different from the one held under that number: its id was used by other "
              "changes (a restored backup or a copied database)");
        job.reply = {ErrorMsg{ErrorCode::ReplicaForked,
                              "this replica's id was already used by other changes (a restored backup or a copied "
                              "database): change " + std::to_string(*seq) + " differs from the one the server "
                              "holds under that number. Nothing of this push was applied; the replica takes a "
                              "new id and sends its changes again"},
                     true};
        return;
    }
    Rights rights(m_store, *s.user, m_unitTrees.get(m_store, m_store.unitEpoch()));
    // The fields the rights ask about (a row's unit, an inspection's target and
    // plan) are kept for rows the push creates.
    // A row given several units keeps the user's own (Rights::keepsPushedUnit): created
    // in the commune and moved to a village in one push, the move alone is refused.
    Pending pending;
    for (std::size_t i = 0; i < job.push.ops.size(); ++i) {
        const Op& op = job.push.ops[i];
        if (op.seq <= high || !job.checks[i].readByRights) continue;
        auto& fields = pending[{op.table, op.rowId}];
        if (const auto* t = job.checks[i].table; t && op.field == t->unitField)
            if (auto held = fields.find(op.field); held != fields.end() && rights.keepsPushedUnit(*t, held->second))
                continue;
        fields[op.field] = op.value;
    }
    // A row's ops come together, so the last answer is remembered (and forgotten
    // when an applied op changes one of the fields rights ask about).
    struct Memo {
        std::string table, id, field;
        std::optional<Value> value;
        bool valid = false;
    } memo;
    FieldLookup lookup = [&](std::string_view table, std::string_view id, std::string_view field) {
        if (memo.valid && memo.id == id && memo.field == field && memo.table == table) return memo.value;
        std::optional<Value> v;
        if (auto fv = m_store.fieldValue(table, id, field); fv && !isNull(fv->value)) {
            v = fv->value;
        } else if (auto it = pending.find({std::string(table), std::string(id)}); it != pending.end()) {
            if (auto f = it->second.find(field); f != it->second.end()) v = f->second;
        }
        memo.table.assign(table); // their buffers are reused: no allocation per row
        memo.id.assign(id);
        memo.field.assign(field);
        memo.value = v;
        memo.valid = true;
        return v;
    };
    struct Verdict {
        const schema::TableDef* table = nullptr;
        std::string id;
        std::optional<std::string> why;
        bool valid = false;
    } verdict;
    const std::uint64_t now = systemMillis();
    std::optional<rules::Catalog> catalog; // loaded once per push, when a status change needs it
    // Ops settled before (their ack was lost on the way): their refusals are told again.
    std::map<std::uint64_t, std::string> refusedBefore;
    // Refusals are answered after the whole push: a refused field of a row the push
    // creates must find that row there (its other fields accepted), or the author's
    // replica would let go of a row the server keeps.
    std::vector<std::pair<std::size_t, std::string>> refused;
    if (!job.push.ops.empty() && job.push.ops.front().seq <= high)
        refusedBefore = m_store.refusedReasons(s.site, job.push.ops.front().seq, high);
    for (std::size_t i = 0; i < job.push.ops.size(); ++i) {
        Op& op = job.push.ops[i];
        if (op.site != s.site) {
            job.reply = {ErrorMsg{ErrorCode::Malformed, "a push carries only the pushing replica's own ops"}, true};
            break;
        }
        if (op.seq <= high) { // settled before: the push is idempotent
            if (auto it = refusedBefore.find(op.seq); it != refusedBefore.end()) refused.emplace_back(i, it->second);
            continue;
        }
        if (op.seq != high + 1) {
            job.reply = {ErrorMsg{ErrorCode::OutOfOrder, "ops " + std::to_string(high + 1) + ".." +
                                                             std::to_string(op.seq - 1) + " are missing"},
                         true};
            break;
        }
        op.author = s.user->name;
        const OpCheck& check = job.checks[i];
        std::optional<std::string> why = check.refusal;
        if (s.disabled) why = Refusal(K::AccountDisabled, {{"table", op.table}}).encode();
        if (!why && hlcMillis(op.hlc) > now + MaxFutureMs)
            why = Refusal(K::ClockAhead, {{"minutes", std::to_string((hlcMillis(op.hlc) - now) / 60000)}}).encode();
        const schema::TableDef* t = why ? nullptr : check.table;
        if (t) {
            // Consecutive ops of one row whose fields the rights neither read nor judge
            // by value get the first one's answer (the other fields of a form, of a new
            // row). Not for dossiers: their review fields, award form and nominee decide.
            const bool neutral = !check.readByRights && t->name != "dossiers";
            if (neutral && verdict.valid && verdict.table == t && verdict.id == op.rowId) {
                why = verdict.why;
            } else {
                why = rights.refuseWrite(*t, op, lookup);
                verdict.table = t;
                verdict.id = op.rowId;
                verdict.why = why;
                verdict.valid = neutral;
            }
        }
        if (!why) why = refuseByRules(m_store, op, catalog);
        if (why) {
            m_store.logRefused(op, *why);
            m_log("refused " + op.table + "/" + op.rowId + "." + op.field + " from " + op.author + ": " + *why);
            refused.emplace_back(i, std::move(*why));
        } else {
            m_store.applyRemote(std::span<const Op>(&op, 1), store::Store::Checked::Yes); // checkOps did
            ++ack.accepted;
            if (check.readByRights) memo.valid = false;
        }
        high = op.seq;
    }
    for (auto& [i, why] : refused)
        ack.rejected.push_back(rejection(m_store, rights, job.push.ops[i], std::move(why), s.disabled));
    m_store.setSiteHighWater(s.site, high);
    ack.highWater = high;
    if (!std::holds_alternative<ErrorMsg>(job.reply.message)) {
        // A disabled account's refused push is no sync of its unit.
        if (!s.disabled) m_syncMarks.note(m_store, s.user->unit, s.site, SyncMarks::Direction::Push, now);
        job.reply = {std::move(ack)};
    }
}

} // namespace tdkt::server
