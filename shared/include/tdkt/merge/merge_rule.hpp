#pragma once
/**
 * @brief The merge rule of DESIGN.md §4, one pure function for client and server.
 *
 * A field's value is the one with the greatest version. An op whose base is not
 * the field's current version, and whose value differs from the current value,
 * was made concurrently: the greater version still wins (so every replica
 * converges whatever the arrival order) and the server records a conflict that
 * keeps both values. Equal values are never a conflict.
 */
#include "tdkt/core/op.hpp"

namespace tdkt::merge {

struct FieldState {
    Value value;
    Version version; // null when the field was never written
};

struct Decision {
    bool duplicate = false;  // this very version is already the current one
    bool apply = false;      // the op's value becomes the field's value
    bool concurrent = false; // the op did not see the current value: a conflict
};

Decision decide(const FieldState& current, const Op& op);

/**
 * @brief Whether `op` replaces one value of an open conflict (a line of edits).
 *
 * A conflict keeps each concurrent line of edits by its newest value. An op
 * replaces a value its author had seen when editing: the one it edited on top of
 * (its base), an earlier value of the author's own replica, or any value the
 * conflict held when the author had pulled it (`shownAt`: the server position from
 * which the conflict showed that value; 0: never shown). Values the author had not
 * seen stay: nothing a user typed is dropped unseen.
 */
bool supersedes(const Op& op, Version value, std::uint64_t shownAt);

} // namespace tdkt::merge
