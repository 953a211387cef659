#pragma once
// Scripted UI actions for headless sessions (tdkt --script FILE): one action a line,
//   screen NAME | type LABEL = TEXT | click LABEL | wait N | shot NAME | waitsync | waitreport
//   pick COMBO = ITEM (a combo's item by its label) | key 1|2|3|ctrl+f|ctrl+n|esc
//   typing LABEL = TEXT (typed into the field without leaving it: the idle commit)
//   order A < B (waits until a row labelled A is drawn above a row labelled B: a list's order)
//   click LABEL also clicks a sortable table header by its label (ui/table_sort.hpp)
// Widgets drawn through ui::button / ui::input consult the driver, so a script acts
// on a control by the label a person sees.
#include <deque>
#include <filesystem>
#include <map>
#include <string>

namespace tdkt::ui {

struct Action {
    std::string verb, label, text;
    int frames = 0;
};

class Script {
public:
    static Script load(const std::filesystem::path& file);
    bool active() const { return m_on; }
    bool finished() const { return m_on && m_actions.empty(); }
    Action* current() { return m_actions.empty() ? nullptr : &m_actions.front(); }
    void done() { if (!m_actions.empty()) m_actions.pop_front(); }
    /** The action waited too long for its control: the script fails. */
    int stalled = 0;
    /** A row (selectable) labelled `label` was drawn at height `y` this frame (for `order`). */
    void saw(const std::string& label, float y);
    /** After a frame: an `order A < B` is done when A was drawn above B; the rows seen are forgotten. */
    void endFrame();

private:
    bool m_on = false;
    std::deque<Action> m_actions;
    std::map<std::string, float> m_rows; // this frame's rows: label → the first y drawn
};

Script& script();

} // namespace tdkt::ui
