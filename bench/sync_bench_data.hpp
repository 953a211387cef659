#pragma once
// The sync_bench workload: C clients × N records of 12 short Vietnamese text
// fields, 5% of ids shared with a neighbour client, generated or read from JSONL;
// and the edit round (10% of each client's records, 20% of those overlapping the
// next client's edits).
#include "tdkt/store/row.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace tdkt::bench {

constexpr std::size_t RecordFields = 12;
constexpr std::size_t RowsPerRecord = 3; // 12 text fields = 3 inspection_plans rows × 4 text fields

struct Record {
    std::string id;                               // the record's id (row ids derive from it)
    std::array<std::string, RecordFields> fields; // the 12 values
};

struct Edit {
    std::size_t client = 0; // who edits
    std::string id;         // which record
    std::size_t field = 0;  // which of the 12 fields
    std::string value;      // the new value
};

struct Workload {
    std::size_t clients = 0;
    std::vector<std::vector<Record>> records;         // per client
    std::vector<std::vector<std::size_t>> exclusive;  // per client: indexes of records no other client holds
    std::size_t distinct = 0;                         // distinct record ids
    std::size_t totalRecords() const;
};

/** C clients × N records; 5% of each client's ids are shared with its neighbours. */
Workload generate(std::size_t clients, std::size_t records, std::uint64_t seed);

/** One JSON object a line: "client", "id", and 12 field values ("fields": [...] or 12 other keys in order). */
Workload loadJsonl(const std::filesystem::path& file);

/** Every client edits 10% of its records; 20% of those are records the next client edits too. */
std::vector<Edit> editRound(const Workload& w, std::uint64_t seed);

/** A short Vietnamese phrase of about `bytes` UTF-8 bytes. */
std::string vietnameseText(std::mt19937_64& rng, std::size_t bytes);

/** The rows a record is stored as: (row id, fields) in table inspection_plans. */
std::vector<std::pair<std::string, store::Fields>> recordRows(const Record& r, const std::string& unit);

/** Row id and field name that hold field `i` of record `id`. */
std::pair<std::string, std::string> fieldLocation(const std::string& id, std::size_t i);

} // namespace tdkt::bench
