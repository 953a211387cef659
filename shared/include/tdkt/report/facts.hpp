#pragma once
/**
 * @brief What the annual report counts, as plain data (issue 19).
 *
 * The figures are pure functions of these facts; facts_load.hpp reads them from a
 * replica. Codes are the schema's enumeration codes; dates ISO "YYYY-MM-DD".
 */
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tdkt::report {

struct UnitFact {
    std::string id;
    std::string parentId;     // empty: a root
    std::string mergedIntoId; // a merged unit's history counts under its successor
    std::string name;
    std::string level;        // units.level
};

struct PersonFact {
    std::string id;
    bool leader = false;    // people.is_leader
    bool frontline = false; // people.is_frontline
};

struct DossierFact {
    std::string id;
    std::string unitId;         // the proposing unit
    std::string kind;           // de_nghi (or empty) | hiep_y
    std::string nomineeKind;    // ca_nhan | tap_the | ho_gia_dinh
    std::string personId;
    std::string awardCode;
    std::string method;         // awardMethods(); empty when not set
    int year = 0;               // năm thành tích
    std::string status;         // draft … not_approved
    std::string decidingUnitId;
    std::string statusReason;
    std::string issuerKind;     // an issuer outside the unit tree (catalog/issuer.hpp), if any
};

struct MovementFact {
    std::string id;
    std::string unitId;
    std::string launchLevel; // unitLevels()
    std::string planDate, periodFrom, periodTo;
    std::string method;      // thuong_xuyen | chuyen_de | dot_xuat
    std::string title;
};

struct InitiativeFact {
    std::string id, unitId, title, scope; // scope: co_so | tinh | toan_quoc
    int year = 0;
};

struct ModelExampleFact {
    std::string id, unitId, name, nomineeKind, movementId, achievement;
    int year = 0;
    bool publicized = false;
};

struct InspectionFact {
    std::string targetId, unitId; // the inspected unit
    std::string mode;             // truc_tiep | tu_kiem_tra
    int year = 0;                 // the plan's year
};

struct RecommendationFact {
    std::string id, targetId, unitId;
    std::string followUp; // chua_thuc_hien | dang_thuc_hien | da_thuc_hien
};

struct SyncMarkFact {
    std::string lastPush, lastPull; // YYYY-MM-DD, empty: never
};

struct Facts {
    std::vector<UnitFact> units;
    std::map<std::string, PersonFact> people;
    std::vector<DossierFact> dossiers;
    std::vector<MovementFact> movements;
    std::vector<InitiativeFact> initiatives;
    std::vector<ModelExampleFact> modelExamples;
    std::vector<InspectionFact> inspections;
    std::vector<RecommendationFact> recommendations;
    std::map<std::string, SyncMarkFact> syncMarks; // unit id → its replicas' last sync
    /** award code → the unit levels that decide it (parameters authority.deciders, all rows joined). */
    std::map<std::string, std::vector<std::string>> deciders;
    /** unit id → position in `units` (indexUnits); findUnit falls back to a scan when stale. */
    std::map<std::string, std::size_t, std::less<>> unitIndex;
};

/** Fills Facts::unitIndex (loadFacts does). */
void indexUnits(Facts& facts);

} // namespace tdkt::report
