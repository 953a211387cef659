#pragma once
// Errors a person can read: a failure's kind (and the field or rule it names)
// becomes a sentence in the user's language at the edge; shared/ never words it.
// Vietnamese first (messages_vi.cpp), English second (messages_en.cpp).
#include "tdkt/core/error.hpp"
#include "tdkt/protocol/refusal.hpp"
#include "tdkt/sync/sync_client.hpp"

#include <exception>
#include <string>

namespace tdkt::app {

enum class Lang { Vi, En };

/** A sentence for the user and the technical detail under it (the store's own words). */
struct UserMessage {
    std::string sentence;
    std::string detail;
};

std::string errorSentence(ErrorKind kind, Lang lang);
std::string syncErrorSentence(sync::SyncErrorKind kind, Lang lang);
/** The same, with the error's parameters: a lock's end ("đến HH:MM"), a refused password's reason. */
std::string syncErrorSentence(const sync::SyncError& error, Lang lang);
/** "HH:MM" of a time in ms since the epoch, on this machine's clock. */
std::string clockTime(std::int64_t ms);
/** The new password and its repetition differ. */
std::string passwordsDifferSentence(Lang lang);
/** A field's value was refused: names the field by its label. */
std::string invalidFieldSentence(const std::string& fieldLabel, Lang lang);

/** Any exception caught at a boundary, worded: tdkt::Error, SyncError, or another (storage). */
UserMessage describeError(const std::exception_ptr& e, Lang lang);

namespace detail {
std::string errorVi(ErrorKind kind);
std::string errorEn(ErrorKind kind);
std::string syncVi(sync::SyncErrorKind kind);
std::string syncEn(sync::SyncErrorKind kind);
std::string lockedVi(const std::string& hhmm);
std::string lockedEn(const std::string& hhmm);
/** reason: "too_short" (with minLength), "user_name", "common". */
std::string passwordRefusedVi(const std::string& reason, std::int64_t minLength);
std::string passwordRefusedEn(const std::string& reason, std::int64_t minLength);
/** A refusal's sentence with {param} slots (refusals.cpp fills them). */
std::string_view refusalVi(protocol::RefusalKind kind);
std::string_view refusalEn(protocol::RefusalKind kind);
std::string roleVi(std::string_view role);
std::string roleEn(std::string_view role);
} // namespace detail

} // namespace tdkt::app

// Movements (issue 17): what was wrong with a typed value, worded with the field's label.
namespace tdkt::app {

enum class FieldProblem { NotADate, NotANumber, Negative, NotAYear, Required, EndBeforeStart };

/** The sentence for a refused typed value; `other` names a second field (EndBeforeStart: the start). */
std::string fieldProblemSentence(FieldProblem problem, const std::string& fieldLabel, Lang lang,
                                 const std::string& other = {});

namespace detail {
std::string fieldProblemVi(FieldProblem problem, const std::string& label, const std::string& other);
std::string fieldProblemEn(FieldProblem problem, const std::string& label, const std::string& other);
} // namespace detail

} // namespace tdkt::app
