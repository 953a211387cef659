#pragma once
/**
 * @brief A province's outline of the annual report, kept as data (assets/report/
 *        outline_*.json): its headings, which sections hold prose an officer writes,
 *        and which fill in with figures. Headings may hold {year}, {prev}, {next}.
 */
#include <filesystem>
#include <string>
#include <vector>

namespace tdkt::report {

struct OutlineSection {
    std::string key;     // stable: report_sections.section_key
    int level = 0;       // 0 part, 1 chapter, 2 item
    std::string heading;
    bool prose = false;
    std::string figures; // "", commendations, movements, initiatives, inspections, tables
};

struct Outline {
    std::string id, name, source, title;
    std::vector<std::string> subtitle;
    std::vector<OutlineSection> sections;
};

/** Throws Error(Invalid) naming what is wrong with the text (not JSON, a field missing, a key twice). */
Outline outlineFromJson(const std::string& text);
/** Throws Error(NotFound) when the file cannot be read, Error(Invalid) as above. */
Outline loadOutline(const std::filesystem::path& file);

/** The heading with {year}, {prev} and {next} filled in. */
std::string fillYear(const std::string& heading, int year);

} // namespace tdkt::report
