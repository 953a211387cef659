// English wording of error kinds (the GUI's second language).
#include "messages.hpp"

namespace tdkt::app::detail {

std::string errorEn(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::Invalid: return "Some input is not valid; check the highlighted field.";
    case ErrorKind::NotFound: return "This record was not found; it may have been deleted or not synced yet.";
    case ErrorKind::Conflict: return "The data changed meanwhile; reload and try again.";
    case ErrorKind::Storage: return "The local database could not be written (disk full, read-only or damaged). What you typed is still on screen.";
    case ErrorKind::Forbidden: return "Your account may not do this.";
    }
    return "Something went wrong.";
}

std::string syncEn(sync::SyncErrorKind kind) {
    using K = sync::SyncErrorKind;
    switch (kind) {
    case K::Unreachable: return "The server cannot be reached; you keep working offline and changes go out when it answers.";
    case K::Tls: return "The server's certificate could not be verified; check the certificate file.";
    case K::Timeout: return "The server did not answer in time; trying again later.";
    case K::UpdateRequired: return "This version is too old; update TĐKT to sync.";
    case K::BadCredentials: return "Wrong user name or password.";
    case K::BadToken: return "The session has expired; sign in again.";
    case K::Protocol: return "The server answered outside the protocol; tell the administrator.";
    case K::NotLoggedIn: return "This replica has not signed in to a server yet.";
    case K::ReplicaForked: return "This replica's id was in use elsewhere; it took a new one and lost nothing.";
    case K::AccountLocked: return "The account is locked after too many failed logins; try again later.";
    case K::AccountDisabled: return "An administrator disabled this account: this computer no longer holds the unit's records, and changes not yet sent are listed among the refused changes. Contact your administrator.";
    case K::DeviceRevoked: return "This computer's sync access was revoked; sign in again with your password.";
    case K::PasswordChangeRequired: return "An administrator reset your password; choose a new one to go on. Pending changes stay on this computer.";
    case K::PasswordRefused: return "The new password was not accepted; choose another.";
    }
    return "Sync failed.";
}

std::string lockedEn(const std::string& hhmm) {
    return "The account is locked until " + hhmm + " after too many failed logins; try again then.";
}

std::string passwordRefusedEn(const std::string& reason, std::int64_t minLength) {
    if (reason == "too_short") return "The new password is too short; it needs at least " + std::to_string(minLength) + " characters.";
    if (reason == "user_name") return "The new password may not contain the user name.";
    if (reason == "common") return "The new password is too common and easily guessed; choose another.";
    return syncEn(sync::SyncErrorKind::PasswordRefused);
}

std::string_view refusalEn(protocol::RefusalKind kind) {
    using K = protocol::RefusalKind;
    switch (kind) {
    case K::UnknownTable: return "The server does not know table '{table}' (the server and this computer run different versions).";
    case K::InvalidRowId: return "The row id is not valid.";
    case K::BadDeleted: return "The deletion mark is not valid (_deleted must be 0 or 1).";
    case K::UnknownField: return "The server does not know field '{field}' of {table} (unknown field '{field}': the server and this computer run different versions).";
    case K::UnknownValue: return "The server does not accept value '{value}' for {field} (unknown value '{value}').";
    case K::InvalidValue: return "The value of {field} is not valid ({detail}).";
    case K::ClockAhead: return "The change is stamped {minutes} min ahead of the server clock: correct the computer's date and time.";
    case K::RulesBlocked: return "The dossier does not qualify for '{status}' yet ({rule}): {message} — {source}.";
    case K::ServerWritten: return "Conflicts are written by the server: resolve one by editing the field itself (tdkt-cli resolve).";
    case K::UnitsAdminOnly: return "Only an administrator may change units.";
    case K::ReferenceAdminOnly: return "Reference data ({table}) is changed by administrators only.";
    case K::AdminNoUnitRecords: return "Administrators manage units, users and reference data, not unit records ({table}).";
    case K::RowWithoutUnit: return "The row names no unit ({field} is missing).";
    case K::UnitNotCleared: return "{field} cannot be cleared.";
    case K::CollectiveOwn: return "{field}: a unit cannot review or decide its own dossier as a collective (unit {unit}); the office above it does.";
    case K::OfficerNoReview: return "{field}: a unit's officers cannot review or decide its own dossier; its reviewer or the reviewing office above does.";
    case K::ReviewerOtherRecords: return "A reviewer moves dossiers of its subtree through review and decision; {table} of unit {unit} belongs to that unit's officers.";
    case K::ForeignUnit: return "Unit {unit} is not yours: {role} of unit {home} may not change its {table}.";
    case K::DecidingUnitOther: return "{field}: a reviewer records only its own unit ({home}) as the deciding unit, not {other}; the deciding level writes its decision itself.";
    case K::DecisionNoAward: return "{field}: the dossier names no award form yet, so no level can decide it.";
    case K::DecidingNoLevel: return "Unit {unit} has no level, so its authority to decide is unknown.";
    case K::NoAuthority: return "{field}: not competent to decide: {message} — {source}. If an authority outside the unit tree decided it, record its issuer and decision number.";
    case K::IssuerInTree: return "{field}: {award} is decided by {unit}, a unit of the tree: its reviewer records its own decision, not as an issuer outside the tree.";
    case K::RecordNoIssuerName: return "{field}: name the issuer ({issuer}) before recording its decision.";
    case K::RecordNoNumber: return "{field}: recording the decision of {issuer} needs its decision number.";
    case K::TeamRowId: return "An inspection team member's row id is made from its plan and account (tdkt-cli inspection team add).";
    case K::TeamUnit: return "A team member belongs to the unit that issued plan {plan}.";
    case K::NoTarget: return "{table}: the row names no inspection target (target_id).";
    case K::TargetNoPlan: return "{table}: target {target} belongs to no plan.";
    case K::ConclusionRow: return "The team's conclusion is an inspection_conclusions row, read by the unit once the leader publishes it.";
    case K::LeaderPublishes: return "{field}: only the leader of plan {plan}'s team publishes its conclusion.";
    case K::SelfSubmitted: return "{field}: the self-inspection is submitted.";
    case K::SelfSubmitOnly: return "The unit submits its self-inspection (da_nop); the plan's issuer reopens it.";
    case K::PlanManaged: return "Plan {plan} is managed by unit {unit} and its team.";
    case K::InspectedUnitRow: return "{field}: the row belongs to the inspected unit {unit}.";
    case K::ChecklistSubmitted: return "The self-inspection of target {target} is submitted: read-only.";
    case K::FollowUpOnly: return "{field}: the unit a recommendation is addressed to updates only its follow-up (follow_up, follow_up_note, done_on).";
    case K::TeamOnly: return "{table}: only plan {plan}'s team writes the inspection of target {target}.";
    case K::AccountDisabled: return "{table}: an administrator disabled your account, so the server did not take this change; the value you typed is kept here.";
    }
    return {};
}

// With its article: the refusal's sentence reads "an officer of unit …".
std::string roleEn(std::string_view role) {
    if (role == "officer") return "an officer";
    if (role == "reviewer") return "a reviewer";
    if (role == "admin") return "an administrator";
    if (role.empty()) return "a user";
    const bool vowel = std::string_view("aeiou").find(role.front()) != std::string_view::npos;
    return (vowel ? "an " : "a ") + std::string(role);
}

} // namespace tdkt::app::detail

// Movements (issue 17): a typed value refused before it is written.
namespace tdkt::app::detail {

std::string fieldProblemEn(FieldProblem problem, const std::string& label, const std::string& other) {
    const std::string f = "“" + label + "”";
    switch (problem) {
    case FieldProblem::NotADate: return f + " must be a real date, written day/month/year (e.g. 04/06/2021).";
    case FieldProblem::NotANumber: return f + " must be a number (e.g. 19 or 4.5).";
    case FieldProblem::Negative: return f + " may not be negative.";
    case FieldProblem::NotAYear: return f + " must be a four-digit year (e.g. 2025).";
    case FieldProblem::Required: return f + " may not be empty.";
    case FieldProblem::EndBeforeStart: return f + " may not be before “" + other + "”.";
    }
    return f + " is not valid; please correct it.";
}

} // namespace tdkt::app::detail
