#pragma once
// Why the server refused an op: a kind and its parameters, carried in the push
// ack's `reason` string in a machine form the edge words (the client in Vietnamese
// or English, tdkt-cli in English), e.g.
//   rights.foreign_unit unit=xa-b role=officer home=xa-a table=dossiers
// A value with a space, a quote or a backslash is quoted ("…", \" and \\ escaped).
// An older client shows that line as it is; a reason that does not parse (an older
// server's sentence) is shown as it came.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tdkt::protocol {

enum class RefusalKind {
    // the op's shape (push.cpp)
    UnknownTable,  // table
    InvalidRowId,
    BadDeleted,
    UnknownField,  // table field
    UnknownValue,  // table field value
    InvalidValue,  // table field detail
    ClockAhead,    // minutes
    RulesBlocked,  // status rule message document article
    // rights (rights.cpp)
    ServerWritten,       // table
    UnitsAdminOnly,
    ReferenceAdminOnly,  // table
    AdminNoUnitRecords,  // table
    RowWithoutUnit,      // table field
    UnitNotCleared,      // table field
    CollectiveOwn,       // field unit
    OfficerNoReview,     // field
    ReviewerOtherRecords, // table unit
    ForeignUnit,         // table unit role home
    // who decides (award_authority.cpp)
    DecidingUnitOther,   // field home other
    DecisionNoAward,     // field
    DecidingNoLevel,     // field unit
    NoAuthority,         // field message document article
    IssuerInTree,        // field award unit: a decision recorded from an issuer the tree holds
    RecordNoIssuerName,  // field issuer
    RecordNoNumber,      // field issuer
    // inspection work (inspection_rights.cpp)
    TeamRowId,
    TeamUnit,            // plan
    NoTarget,            // table
    TargetNoPlan,        // table target
    ConclusionRow,
    LeaderPublishes,     // field plan
    SelfSubmitted,       // field
    SelfSubmitOnly,
    PlanManaged,         // plan unit
    InspectedUnitRow,    // table field unit
    ChecklistSubmitted,  // target
    FollowUpOnly,        // field
    TeamOnly,            // table plan target
    // accounts (push.cpp)
    AccountDisabled,     // table: a disabled account's pending change (protocol 5)
};

/** Every kind, in declaration order (tests iterate them). */
const std::vector<RefusalKind>& allRefusalKinds();
/** The kind's code on the wire ("rights.foreign_unit"). */
std::string_view refusalCode(RefusalKind kind);
std::optional<RefusalKind> refusalKindOf(std::string_view code);

struct Refusal {
    RefusalKind kind{};
    std::vector<std::pair<std::string, std::string>> params;

    Refusal() = default;
    Refusal(RefusalKind k, std::vector<std::pair<std::string, std::string>> p = {}) : kind(k), params(std::move(p)) {}

    /** The parameter's value, "" when absent. */
    const std::string& param(std::string_view name) const;
    /** The reason string sent and stored. */
    std::string encode() const;
};

/** A reason string as a refusal; nullopt for anything else (an older server's sentence, an unknown kind). */
std::optional<Refusal> decodeRefusal(std::string_view reason);

} // namespace tdkt::protocol
