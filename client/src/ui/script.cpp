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
        } else if (a.verb == "order") {
            const auto lt = rest.find(" < ");
            if (lt == std::string::npos) throw std::runtime_error("order needs A < B: " + line);
            a.label = trim(rest.substr(0, lt));
            a.text = trim(rest.substr(lt + 3));
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

void Script::saw(const std::string& label, float y) {
    if (auto* a = current(); a && a->verb == "order") m_rows.try_emplace(label, y);
}

void Script::endFrame() {
    if (auto* a = current(); a && a->verb == "order") {
        auto above = m_rows.find(a->label), below = m_rows.find(a->text);
        if (above != m_rows.end() && below != m_rows.end() && above->second < below->second) done();
    }
    m_rows.clear();
}

} // namespace tdkt::ui
