#include "tdkt/merge/merge_rule.hpp"

namespace tdkt::merge {

Decision decide(const FieldState& current, const Op& op) {
    Decision d;
    const Version incoming = op.version();
    if (incoming == current.version) {
        d.duplicate = true;
        return d;
    }
    d.apply = incoming > current.version;
    // Concurrent: the author did not see the value now in place. A field never
    // written cannot conflict, and two edits that agree on the value do not either.
    d.concurrent = !current.version.isNull() && op.base != current.version && op.value != current.value;
    return d;
}

bool supersedes(const Op& op, Version value, std::uint64_t shownAt) {
    if (op.base == value) return true;
    // A replica's own history is always in front of its author: a later op of the
    // same site was made over it.
    if (value.site == op.site && value < op.version()) return true;
    return shownAt != 0 && op.seen >= shownAt;
}

} // namespace tdkt::merge
