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
    case K::AccountDisabled: return "An administrator disabled this account; contact your administrator.";
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

} // namespace tdkt::app::detail
