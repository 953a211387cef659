#include "pull_cache.hpp"

namespace tdkt::server {

PullCache::Stretch PullCache::find(std::uint64_t cursor, std::uint32_t scan) {
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        if (it->cursor != cursor || it->scan != scan) continue;
        m_entries.splice(m_entries.begin(), m_entries, it);
        return m_entries.front().stretch;
    }
    return nullptr;
}

void PullCache::keep(std::uint64_t cursor, std::uint32_t scan, Stretch stretch) {
    if (!stretch || stretch->ops.size() > m_maxOps) return;
    m_heldOps += stretch->ops.size();
    m_entries.push_front({cursor, scan, std::move(stretch)});
    while (m_heldOps > m_maxOps) {
        m_heldOps -= m_entries.back().stretch->ops.size();
        m_entries.pop_back();
    }
}

} // namespace tdkt::server
