#pragma once
// Work posted from other threads (the sync worker) and run on the UI thread,
// once a frame, between polling events and drawing (Tracy, ImHex doLater).
#include <functional>
#include <mutex>
#include <utility>
#include <vector>

namespace tdkt::app {

class RunQueue {
public:
    /** Any thread. */
    void post(std::function<void()> fn) {
        std::lock_guard lock(m_mutex);
        m_items.push_back(std::move(fn));
    }

    /** The UI thread: runs everything posted so far; returns how many ran. */
    std::size_t run() {
        std::vector<std::function<void()>> items;
        {
            std::lock_guard lock(m_mutex);
            items.swap(m_items);
        }
        for (auto& fn : items) fn();
        return items.size();
    }

private:
    std::mutex m_mutex;
    std::vector<std::function<void()>> m_items;
};

} // namespace tdkt::app
