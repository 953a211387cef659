#pragma once
/**
 * @brief An inspection's work on the local replica (issue 18): a plan made from a
 *        checklist template (keeping its version), its team of accounts, the units
 *        it inspects with their notice dates and checklist, the items' results,
 *        findings, the conclusion, recommendations and their follow-up.
 *
 * Every call is a local edit (one transaction); the server decides on sync who
 * may make it (server/src/sync/inspection_rights.hpp). Rows that two replicas
 * may make offline take ids made from their owner (ids.hpp).
 */
#include "tdkt/inspection/notice_dates.hpp"
#include "tdkt/store/store.hpp"

#include <string>
#include <vector>

namespace tdkt::inspection {

struct PlanInput {
    std::string unitId; // the issuing unit
    std::string title;
    std::string number;   // "1181/KH-HĐTĐKT"
    std::string planDate; // YYYY-MM-DD
    int year = 0;
    std::string purpose;
    std::string contents;
    std::string templateId;
    NoticeRules notice;
};

/** Makes the plan; it keeps the template's id and version. */
std::string createPlan(store::Store& store, const PlanInput& in);

/** Puts `userName` on the plan's team as `role` (truong_doan, pho_truong_doan, thanh_vien, thu_ky). */
std::string addTeamMember(store::Store& store, const std::string& planId, const std::string& userName,
                          const std::string& role);

/**
 * Adds `unitId` to the plan as `mode` (truc_tiep, tu_kiem_tra), visited (or
 * reporting) on `scheduledOn`: its notice dates are worked out with the
 * replica's holidays, and its checklist is made from the plan's template.
 */
std::string addTarget(store::Store& store, const std::string& planId, const std::string& unitId,
                      const std::string& mode, const std::string& scheduledOn);

/** The target's checklist in the template's order. */
std::vector<store::Row> checklist(const store::Store& store, const std::string& targetId);

/** One item's result (dat, chua_dat, khong_ap_dung); notes and evidence only when non-empty. */
void setItemResult(store::Store& store, const std::string& itemId, const std::string& result,
                   const std::string& notes, const std::string& evidence);

std::string addFinding(store::Store& store, const std::string& targetId, const std::string& content,
                       const std::string& severity, const std::string& itemId);

/** A recommendation to `unitId` (the target's unit when empty), due `dueDate`, not yet acted on. */
std::string addRecommendation(store::Store& store, const std::string& targetId, const std::string& content,
                              const std::string& unitId, const std::string& dueDate);

/** The team's conclusion for the target (one row per target, a draft until published). */
std::string setConclusion(store::Store& store, const std::string& targetId, const std::string& content,
                          const std::string& concludedOn);

/** The leader publishes the target's conclusion: the unit may read it from then on. */
void publish(store::Store& store, const std::string& targetId, const std::string& userName, const std::string& on);

/** The follow-up of a recommendation (chua_thuc_hien, dang_thuc_hien, da_thuc_hien). */
void followUp(store::Store& store, const std::string& recommendationId, const std::string& status,
              const std::string& note, const std::string& doneOn);

/** A self-inspecting unit submits its checklist: read-only to it from then on. */
void submitSelfInspection(store::Store& store, const std::string& targetId, const std::string& on);

} // namespace tdkt::inspection
