#include "tdkt/protocol/refusal.hpp"

#include <array>

namespace tdkt::protocol {
namespace {

struct KindCode {
    RefusalKind kind;
    std::string_view code;
};

constexpr std::array Codes{
    KindCode{RefusalKind::UnknownTable, "shape.unknown_table"},
    KindCode{RefusalKind::InvalidRowId, "shape.invalid_row_id"},
    KindCode{RefusalKind::BadDeleted, "shape.bad_deleted"},
    KindCode{RefusalKind::UnknownField, "shape.unknown_field"},
    KindCode{RefusalKind::UnknownValue, "shape.unknown_value"},
    KindCode{RefusalKind::InvalidValue, "shape.invalid_value"},
    KindCode{RefusalKind::ClockAhead, "clock.ahead"},
    KindCode{RefusalKind::RulesBlocked, "rules.blocked"},
    KindCode{RefusalKind::ServerWritten, "rights.server_written"},
    KindCode{RefusalKind::UnitsAdminOnly, "rights.units_admin_only"},
    KindCode{RefusalKind::ReferenceAdminOnly, "rights.reference_admin_only"},
    KindCode{RefusalKind::AdminNoUnitRecords, "rights.admin_no_unit_records"},
    KindCode{RefusalKind::RowWithoutUnit, "rights.row_without_unit"},
    KindCode{RefusalKind::UnitNotCleared, "rights.unit_not_cleared"},
    KindCode{RefusalKind::CollectiveOwn, "rights.collective_own"},
    KindCode{RefusalKind::OfficerNoReview, "rights.officer_no_review"},
    KindCode{RefusalKind::ReviewerOtherRecords, "rights.reviewer_other_records"},
    KindCode{RefusalKind::ForeignUnit, "rights.foreign_unit"},
    KindCode{RefusalKind::DecidingUnitOther, "authority.deciding_unit_other"},
    KindCode{RefusalKind::DecisionNoAward, "authority.no_award"},
    KindCode{RefusalKind::DecidingNoLevel, "authority.no_level"},
    KindCode{RefusalKind::NoAuthority, "authority.not_competent"},
    KindCode{RefusalKind::IssuerInTree, "authority.issuer_in_tree"},
    KindCode{RefusalKind::RecordNoIssuerName, "authority.record_no_issuer_name"},
    KindCode{RefusalKind::RecordNoNumber, "authority.record_no_number"},
    KindCode{RefusalKind::TeamRowId, "inspection.team_row_id"},
    KindCode{RefusalKind::TeamUnit, "inspection.team_unit"},
    KindCode{RefusalKind::NoTarget, "inspection.no_target"},
    KindCode{RefusalKind::TargetNoPlan, "inspection.target_no_plan"},
    KindCode{RefusalKind::ConclusionRow, "inspection.conclusion_row"},
    KindCode{RefusalKind::LeaderPublishes, "inspection.leader_publishes"},
    KindCode{RefusalKind::SelfSubmitted, "inspection.self_submitted"},
    KindCode{RefusalKind::SelfSubmitOnly, "inspection.self_submit_only"},
    KindCode{RefusalKind::PlanManaged, "inspection.plan_managed"},
    KindCode{RefusalKind::InspectedUnitRow, "inspection.inspected_unit_row"},
    KindCode{RefusalKind::ChecklistSubmitted, "inspection.checklist_submitted"},
    KindCode{RefusalKind::FollowUpOnly, "inspection.follow_up_only"},
    KindCode{RefusalKind::TeamOnly, "inspection.team_only"},
    KindCode{RefusalKind::AccountDisabled, "account.disabled"},
};

bool bare(std::string_view v) {
    if (v.empty()) return false;
    for (char c : v)
        if (c == ' ' || c == '"' || c == '\\' || c == '\n' || c == '\t' || c == '=') return false;
    return true;
}

bool codeChar(char c) { return (c >= 'a' && c <= 'z') || c == '_' || c == '.'; }

} // namespace

const std::vector<RefusalKind>& allRefusalKinds() {
    static const std::vector<RefusalKind> all = [] {
        std::vector<RefusalKind> v;
        for (const auto& c : Codes) v.push_back(c.kind);
        return v;
    }();
    return all;
}

std::string_view refusalCode(RefusalKind kind) {
    for (const auto& c : Codes)
        if (c.kind == kind) return c.code;
    return "unknown";
}

std::optional<RefusalKind> refusalKindOf(std::string_view code) {
    for (const auto& c : Codes)
        if (c.code == code) return c.kind;
    return std::nullopt;
}

const std::string& Refusal::param(std::string_view name) const {
    static const std::string none;
    for (const auto& [k, v] : params)
        if (k == name) return v;
    return none;
}

std::string Refusal::encode() const {
    std::string out(refusalCode(kind));
    for (const auto& [k, v] : params) {
        out += ' ';
        out += k;
        out += '=';
        if (bare(v)) {
            out += v;
            continue;
        }
        out += '"';
        for (char c : v) {
            if (c == '"' || c == '\\') out += '\\';
            out += c;
        }
        out += '"';
    }
    return out;
}

std::optional<Refusal> decodeRefusal(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && s[i] != ' ') {
        if (!codeChar(s[i])) return std::nullopt;
        ++i;
    }
    auto kind = refusalKindOf(s.substr(0, i));
    if (!kind) return std::nullopt;
    Refusal r{*kind};
    while (i < s.size()) {
        if (s[i++] != ' ') return std::nullopt;
        const auto eq = s.find('=', i);
        if (eq == std::string_view::npos || eq == i) return std::nullopt;
        std::string key(s.substr(i, eq - i));
        for (char c : key)
            if (!codeChar(c)) return std::nullopt;
        i = eq + 1;
        std::string value;
        if (i < s.size() && s[i] == '"') {
            ++i;
            for (;; ++i) {
                if (i >= s.size()) return std::nullopt;
                if (s[i] == '"') break;
                if (s[i] == '\\' && ++i >= s.size()) return std::nullopt;
                value += s[i];
            }
            ++i;
        } else {
            const auto end = std::min(s.find(' ', i), s.size());
            value.assign(s.substr(i, end - i));
            i = end;
        }
        r.params.emplace_back(std::move(key), std::move(value));
    }
    return r;
}

} // namespace tdkt::protocol
