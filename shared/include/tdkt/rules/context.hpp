#pragma once
/**
 * @brief Everything a rule needs about one dossier, as plain values, so every
 *        check is a pure function of it (buildContext() fills it from the replica).
 */
#include "tdkt/rules/catalog.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tdkt::rules {

struct DossierData {
    std::string id;
    std::string unitId;
    std::string nomineeKind = "ca_nhan"; // ca_nhan | tap_the | ho_gia_dinh
    std::string awardCode;
    std::string kind = "de_nghi";        // de_nghi (a proposal) | hiep_y (a concurrence on one decided elsewhere)
    std::string method = "thuong_xuyen";
    int year = 0;                        // achievement year (the last one of the period)
    std::optional<int> periodFromYear;
    std::optional<int> periodToYear;
    std::string procedure = "thong_thuong";
    std::string status = "draft";
    std::string submittedOn;
    std::string receivedOn;
    std::string decisionDate;
    std::optional<std::int64_t> councilMembers;
    std::optional<std::int64_t> councilVotesFor;
    std::optional<std::int64_t> amount;
    std::optional<std::int64_t> proposalRank; // thứ tự đề nghị within the unit's list
    std::string completedOn;                  // the day the dossier was complete (time limits count from it)
    std::string issuerKind;                   // the issuer outside the unit tree (catalog/issuer.hpp), if any
    std::string issuerName;                   // which body: "Bộ Công an", "Trung ương Đoàn TNCS Hồ Chí Minh"
};

/** Another open dossier of the same unit, award and year (quota ranking). */
struct QuotaPeer {
    std::string dossierId;
    std::optional<std::int64_t> rank;
};

/** An award the nominee holds (award_history) or is being proposed for in another dossier. */
struct AwardRecord {
    std::string awardCode;
    std::string method = "thuong_xuyen";
    int year = 0;
    std::string initiativeId; // the initiative it was based on, if any
    std::string decisionDate; // award_history.decision_date, if recorded
    bool pending = false;     // another open dossier, not yet decided
};

struct Evaluation {
    int year = 0;
    std::string rank; // htxsnv | httnv | htnv | khtnv
};

struct Discipline {
    std::string kind;     // khien_trach … buoc_thoi_viec, or dang_xem_xet_ky_luat …
    std::string fromDate;
    std::string toDate;   // empty: not ended
    std::string conclusion; // khong_vi_pham | co_vi_pham | empty (not concluded)
};

struct Initiative {
    std::string id;
    std::string title;
    int year = 0;
    std::string scope; // co_so | tinh | toan_quoc
};

/** A member of a nominated collective, for the achievement year. */
struct Member {
    std::string personId;
    std::string rank;                 // evaluation of the year, empty if none
    std::vector<std::string> awards;  // award codes held for the year
    std::vector<Discipline> disciplines;
};

struct DossierContext {
    DossierData dossier;
    std::vector<AwardRecord> awards;
    std::vector<Evaluation> evaluations;
    std::vector<Discipline> disciplines;
    std::vector<Initiative> initiatives;
    std::string recruitedOn;                   // the nominee's people.recruited_on (YYYY-MM-DD), if known
    std::map<std::string, int> initiativeUses; // initiative id → awards already based on it
    std::vector<Member> members;               // collectives only
    std::vector<std::string> presentComponents;
    std::vector<QuotaPeer> quotaPeers;         // the unit's other open dossiers for a capped award
    std::size_t quotaBaseCount = 0;            // holders of the quota's base award (e.g. LĐTT) that year
    std::vector<std::string> unitChain;        // proposing unit, then its ancestors
    std::vector<std::string> unitLevels;       // units.level of each unit of the chain, when known
    std::vector<std::string> unitNames;        // units.name of each unit of the chain, when known
    std::string decidingUnitId;
    std::string decidingLevel;                 // units.level of the deciding unit
    std::string today;
    const Catalog* catalog = nullptr;

    When when() const;
    /** The rule the dossier is judged by (in force on received_on, fallback today). */
    const AwardRule* rule() const;
    const Parameter* param(const ParamQuery& q) const;
};

} // namespace tdkt::rules
