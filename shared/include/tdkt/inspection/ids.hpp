#pragma once
/**
 * @brief Row ids made from what a row belongs to, so that two replicas making the
 *        same row offline make one row (their fields then merge one by one), and
 *        the server finds a plan's team member or a target's conclusion by id.
 *
 * Row ids are [A-Za-z0-9_-]{1,64}: the owner's id, "_", and 16 hex digits of an
 * FNV-1a hash of the part (an account name, a template item key such as "II.6.đ");
 * an owner id too long for that is hashed as well.
 */
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace tdkt::inspection {

inline std::string hashHex(std::string_view s) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

inline std::string ownedId(std::string_view owner, std::string_view part) {
    const std::string base = owner.size() <= 47 ? std::string(owner) : hashHex(owner);
    return base + "_" + hashHex(part);
}

/** inspection_team: one row per plan and account. */
inline std::string teamMemberId(std::string_view planId, std::string_view userName) {
    return ownedId(planId, std::string("team:") + std::string(userName));
}

/** inspection_conclusions: one row per target. */
inline std::string conclusionId(std::string_view targetId) { return ownedId(targetId, "conclusion"); }

/** checklist_items: one row per target and template item. */
inline std::string checklistItemId(std::string_view targetId, std::string_view templateKey) {
    return ownedId(targetId, std::string("item:") + std::string(templateKey));
}

} // namespace tdkt::inspection
