#include "script.hpp"

#include <fstream>
#include <stdexcept>

namespace tdkt::ui {
namespace {

std::string trim(std::string s) {
    const auto b = s.find_first_not_of(" \t\r");
    const auto e = s.find_last_not_of(" \t\r");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

} // namespace

Script& script() {
    static Script s;
    return s;
}

Script Script::load(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot read script " + file.string());
    Script s;
    s.m_on = true;
    std::string line;
    while (std::getline(in, line)) {
        line = trim(line);
        if (line.empty() || line[0] == '#') continue;
        Action a;
        const auto sp = line.find(' ');
        a.verb = line.substr(0, sp);
        const std::string rest = sp == std::string::npos ? "" : trim(line.substr(sp + 1));
        if (a.verb == "type" || a.verb == "pick" || a.verb == "typing") {
            const auto eq = rest.find(" = ");
            if (eq == std::string::npos) throw std::runtime_error(a.verb + " needs LABEL = TEXT: " + line);
            a.label = trim(rest.substr(0, eq));
            a.text = rest.substr(eq + 3);
        } else if (a.verb == "wait") {
            a.frames = std::stoi(rest);
        } else if (a.verb == "click" || a.verb == "screen" || a.verb == "shot" || a.verb == "waitsync" ||
                   a.verb == "waitreport" || a.verb == "key") {
            a.label = rest;
        } else {
            throw std::runtime_error("unknown script action: " + line);
        }
        s.m_actions.push_back(std::move(a));
    }
    return s;
}

} // namespace tdkt::ui
