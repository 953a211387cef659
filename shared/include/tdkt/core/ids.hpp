#pragma once
/**
 * @brief Identifiers: UUIDv7 row ids (made offline, time-ordered) and site ids.
 */
#include <cstdint>
#include <string>
#include <string_view>

namespace tdkt {

/** A replica's identity: random, non-zero, 63 bits (fits SQLite's signed INTEGER). */
using SiteId = std::uint64_t;

SiteId newSiteId();

/** A UUIDv7 in canonical lower-case text, for the given Unix time in milliseconds. */
std::string newRowId(std::uint64_t unixMs);

/** Row ids we accept from outside (imports, the wire): 1..64 of [A-Za-z0-9_-]. */
bool isValidRowId(std::string_view id);

/** 16 lower-case hex digits. */
std::string siteToHex(SiteId site);

} // namespace tdkt
