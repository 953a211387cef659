#include "change_epoch.hpp"

#include <algorithm>

namespace tdkt::app {

void ChangeEpochs::noteLocal(std::string_view table) {
    auto it = m_tables.find(table);
    if (it == m_tables.end()) it = m_tables.emplace(std::string(table), 0).first;
    it->second = ++m_clock;
}

void ChangeEpochs::poll(const store::Store& store) {
    const std::uint64_t seen = store.unitEpoch();
    if (seen == m_seenStore) return;
    m_seenStore = seen;
    m_all = ++m_clock;
}

std::uint64_t ChangeEpochs::of(std::string_view table) const {
    auto it = m_tables.find(table);
    return it == m_tables.end() ? m_all : std::max(m_all, it->second);
}

} // namespace tdkt::app
