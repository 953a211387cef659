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

} // namespace tdkt::merge
