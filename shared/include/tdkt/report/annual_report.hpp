#pragma once
/**
 * @brief The annual report of a unit subtree: its outline, the prose written for it,
 *        and every figure and table, filled in from the facts (issue 19).
 */
#include "tdkt/report/activity_stats.hpp"
#include "tdkt/report/commendation_stats.hpp"
#include "tdkt/report/movement_stats.hpp"
#include "tdkt/report/national_stats.hpp"
#include "tdkt/report/outline.hpp"
#include "tdkt/report/staleness.hpp"
#include "tdkt/report/table.hpp"

#include <map>
#include <string>
#include <vector>

namespace tdkt::report {

struct AnnualReport {
    Outline outline;
    std::string unitId, unitName;
    int year = 0;
    std::string staleSince;
    CommendationStats now, before; // the year and the one before
    std::map<std::string, CommendationStats> byUnit;
    MovementTable movements;
    std::vector<NationalTable> national; // 0602.N, 0603.N (when the request gave the columns)
    ModelExampleStats models;
    InitiativeStats initiatives;
    InspectionStats inspections;
    Staleness stale;
    std::map<std::string, std::string> prose; // section key → body
    std::map<std::string, std::string> unitNames; // every unit of the facts → its name
    std::vector<Table> tables;
};

struct ReportRequest {
    std::string unitId;
    int year = 0;
    std::string staleSince; // YYYY-MM-DD; empty: 1 December of the year (the 15/12 report's month)
    /** The 0602.N / 0603.N columns (catalog::loadStatColumns); null: those tables are left out. */
    const catalog::StatColumns* columns = nullptr;
};

AnnualReport buildAnnualReport(const Facts& facts, const Outline& outline, const ReportRequest& request,
                               std::map<std::string, std::string> prose = {});

/** The paragraphs a figures section fills in by itself (Vietnamese, the document's text). */
std::vector<std::string> figureParagraphs(const AnnualReport& report, const std::string& figures);

} // namespace tdkt::report
