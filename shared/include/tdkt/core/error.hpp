#pragma once
/**
 * @brief The one exception type of the domain layer.
 *
 * Expected failures the user can fix (an unknown field, a value outside its
 * enumeration, a missing row) carry a kind so the CLI and the GUI can word them;
 * the message is already a full sentence.
 */
#include <stdexcept>
#include <string>

namespace tdkt {

enum class ErrorKind {
    Invalid,     // bad input: unknown table/field, wrong type, not in enumeration
    NotFound,    // the row (or database) does not exist
    Conflict,    // the request contradicts the current state (already exists, deleted)
    Storage,     // the database failed: corrupt, read-only, full disk, not ours
    Forbidden,   // rights refused the change
};

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), m_kind(kind) {}

    ErrorKind kind() const noexcept { return m_kind; }

private:
    ErrorKind m_kind;
};

} // namespace tdkt
