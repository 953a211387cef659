// The report outlines as data (issue 19).
#include "tdkt/report/outline.hpp"

#include "tdkt/core/error.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <sstream>

namespace tdkt::report {
namespace {

using Json = nlohmann::json;

std::string need(const Json& j, const char* key, const std::string& where) {
    if (!j.contains(key) || !j[key].is_string() || j[key].get<std::string>().empty())
        throw Error(ErrorKind::Invalid, "outline: " + where + " has no text '" + key + "'");
    return j[key].get<std::string>();
}

const std::set<std::string>& figureKinds() {
    static const std::set<std::string> kinds{"", "commendations", "movements", "initiatives", "inspections", "tables"};
    return kinds;
}

} // namespace

Outline outlineFromJson(const std::string& text) {
    Json j = Json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) throw Error(ErrorKind::Invalid, "outline: not a JSON object");
    Outline o;
    o.id = need(j, "id", "the outline");
    o.name = need(j, "name", "the outline");
    o.title = need(j, "title", "the outline");
    o.source = j.value("source", "");
    if (j.contains("subtitle") && j["subtitle"].is_array())
        for (const auto& s : j["subtitle"]) o.subtitle.push_back(s.is_string() ? s.get<std::string>() : std::string());
    if (!j.contains("sections") || !j["sections"].is_array() || j["sections"].empty())
        throw Error(ErrorKind::Invalid, "outline: no sections");
    std::set<std::string> keys;
    for (std::size_t i = 0; i < j["sections"].size(); ++i) {
        const auto& s = j["sections"][i];
        const std::string where = "section " + std::to_string(i + 1);
        if (!s.is_object()) throw Error(ErrorKind::Invalid, "outline: " + where + " is not an object");
        OutlineSection sec;
        sec.key = need(s, "key", where);
        sec.heading = need(s, "heading", where);
        sec.level = s.value("level", 0);
        sec.prose = s.value("prose", false);
        sec.figures = s.value("figures", "");
        if (sec.level < 0 || sec.level > 2) throw Error(ErrorKind::Invalid, "outline: " + where + " level must be 0, 1 or 2");
        if (!figureKinds().count(sec.figures))
            throw Error(ErrorKind::Invalid, "outline: " + where + " figures '" + sec.figures + "' unknown");
        if (!keys.insert(sec.key).second) throw Error(ErrorKind::Invalid, "outline: key '" + sec.key + "' twice");
        o.sections.push_back(std::move(sec));
    }
    return o;
}

Outline loadOutline(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(ErrorKind::NotFound, "outline file " + file.string());
    std::ostringstream text;
    text << in.rdbuf();
    return outlineFromJson(text.str());
}

std::string fillYear(const std::string& heading, int year) {
    std::string out = heading;
    const std::pair<const char*, int> marks[] = {{"{year}", year}, {"{prev}", year - 1}, {"{next}", year + 1}};
    for (const auto& [mark, value] : marks)
        for (auto pos = out.find(mark); pos != std::string::npos; pos = out.find(mark))
            out.replace(pos, std::string(mark).size(), std::to_string(value));
    return out;
}

} // namespace tdkt::report
