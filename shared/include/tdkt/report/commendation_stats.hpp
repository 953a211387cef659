#pragma once
/**
 * @brief Commendation figures of a unit subtree for one year, in the shape of the
 *        annual report's biểu (seed 003 § 3.5, research §2 0603.N).
 *
 * Level: state (biểu số 1: decided at trung_uong), province (biểu số 2: tỉnh, bộ
 * ngành), and the unit's own authority and below (biểu số 3). The level of a dossier
 * is its deciding unit's level when set, else its outside issuer's (issuer_kind:
 * Chủ tịch nước, Thủ tướng → state; bộ, ngành, đoàn thể trung ương, tỉnh →
 * province), else the catalog's deciders of its award.
 * Forms: proposed (every dossier out of draft), granted (approved), held back
 * (returned or not_approved, by reason), pending (submitted, under review).
 * Hiệp y dossiers are counted apart, never in the levels.
 */
#include "tdkt/report/facts.hpp"
#include "tdkt/report/unit_scope.hpp"

#include <array>
#include <map>
#include <string>

namespace tdkt::report {

enum class Level { State = 0, Province = 1, Own = 2 };
inline constexpr std::array<Level, 3> Levels{Level::State, Level::Province, Level::Own};

/** Collectives, individuals and households (nominee kinds). */
struct Count {
    int collective = 0;
    int individual = 0;
    int household = 0;
    int total() const { return collective + individual + household; }
    Count& operator+=(const Count& o);
    bool operator==(const Count&) const = default;
};

struct LevelStats {
    Count proposed, granted, heldBack, pending;
    std::map<std::string, Count> grantedByMethod; // method code ("" when not set)
    std::map<std::string, Count> grantedByAward;  // award code
    std::map<std::string, int> heldBackReasons;   // status_reason as written ("" when none)
    int individualsGranted = 0, leadersGranted = 0, frontlineGranted = 0;
    LevelStats& operator+=(const LevelStats& o);
};

struct CommendationStats {
    int year = 0;
    std::array<LevelStats, 3> levels; // indexed by Level
    Count hiepY;                      // hiệp y given (out of draft), apart
    LevelStats all() const;           // the three levels summed
    const LevelStats& at(Level l) const { return levels[static_cast<int>(l)]; }
    CommendationStats& operator+=(const CommendationStats& o);
};

/** The level a dossier is decided at (see above). */
Level levelOf(const Facts& facts, const DossierFact& d);

/** Figures of the dossiers whose unit is in `scope`, for `year` (năm thành tích). */
CommendationStats commendationStats(const Facts& facts, const UnitScope& scope, int year);

/** Per unit of the scope (the unit rows count under): its own figures; they sum to the scope's. */
std::map<std::string, CommendationStats> commendationByUnit(const Facts& facts, const UnitScope& scope, int year);

/** Percent of granted individuals, rounded to the nearest whole (0 when none). */
int percentOf(int part, int whole);

/** now − before, kind by kind (the change against the previous year). */
Count change(const Count& now, const Count& before);

} // namespace tdkt::report
