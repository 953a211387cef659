#pragma once
/**
 * @brief Model examples, initiatives and inspections of a unit subtree in one year (issue 19).
 */
#include "tdkt/report/commendation_stats.hpp"
#include "tdkt/report/facts.hpp"
#include "tdkt/report/unit_scope.hpp"

#include <map>
#include <string>
#include <vector>

namespace tdkt::report {

struct InitiativeStats {
    int total = 0;
    std::map<std::string, int> byScope; // co_so | tinh | toan_quoc
    std::vector<std::string> titles;
};

/** Model examples (điển hình tiên tiến) of the year, merged units' under their successor. */
struct ModelExampleStats {
    Count total;        // by nominee kind
    int publicized = 0; // tuyên truyền, nhân rộng
    struct Item {
        std::string name, unitId, nomineeKind, achievement;
        bool publicized = false;
    };
    std::vector<Item> items; // unitId: the unit it counts under; by name
};

struct InspectionStats {
    int direct = 0;       // units inspected directly (truc_tiep)
    int selfInspected = 0; // tu_kiem_tra
    int recommendations = 0, recommendationsDone = 0;
};

ModelExampleStats modelExampleStats(const Facts& facts, const UnitScope& scope, int year);
InitiativeStats initiativeStats(const Facts& facts, const UnitScope& scope, int year);
InspectionStats inspectionStats(const Facts& facts, const UnitScope& scope, int year);

} // namespace tdkt::report
