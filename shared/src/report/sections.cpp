// The report's prose sections as synced rows (issue 19).
#include "tdkt/report/sections.hpp"

#include <cstdint>
#include <cstdio>

namespace tdkt::report {

std::string reportSectionId(const std::string& unitId, int year, const std::string& outline, const std::string& key) {
    std::uint64_t h = 1469598103934665603ull; // FNV-1a 64
    const std::string all = unitId + '\x1f' + std::to_string(year) + '\x1f' + outline + '\x1f' + key;
    for (unsigned char c : all) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char buf[24];
    std::snprintf(buf, sizeof buf, "rs-%016llx", static_cast<unsigned long long>(h));
    return buf;
}

void writeSection(store::Store& store, const std::string& unitId, int year, const std::string& outline,
                  const std::string& key, const std::string& body) {
    const auto id = reportSectionId(unitId, year, outline, key);
    if (store.exists("report_sections", id)) {
        store.update("report_sections", id, {{"body", body}});
        return;
    }
    store.create("report_sections",
                 {{"unit_id", unitId}, {"year", std::int64_t{year}}, {"outline", outline}, {"section_key", key}, {"body", body}},
                 id);
}

std::map<std::string, std::string> readSections(const store::Store& store, const std::string& unitId, int year,
                                                const std::string& outline) {
    std::map<std::string, std::string> out;
    for (const auto& r : store.list("report_sections", {{"unit_id", unitId}, {"year", std::int64_t{year}}, {"outline", outline}})) {
        auto key = r.fields.find("section_key");
        auto body = r.fields.find("body");
        if (key == r.fields.end()) continue;
        out[std::get<std::string>(key->second)] = body == r.fields.end() ? std::string() : std::get<std::string>(body->second);
    }
    return out;
}

} // namespace tdkt::report
