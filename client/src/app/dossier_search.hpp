#pragma once
// The dossier list as the window shows it (issue 17): DossierList's filter and rows,
// but every query runs on a worker thread with its own Store connection, so the UI
// thread never waits on one (DESIGN.md §2), however big the replica or short the
// word typed. The window keeps showing the last result until the next one arrives
// (searching() says so); a newer request supersedes the ones not started.
//
// The worker reads the ids of a filter (year, unit, status, award, sort) once per
// change epoch (Store::pageIds); a typed text then only asks the search index which
// dossiers match (Store::matchingIds) and keeps those ids in the filter's order, so a
// keystroke costs one index lookup, not a scan and a sort of the table. Rows are read
// by id a page at a time, also on the worker; a page not read yet is null.
#include "dossier_list.hpp"
#include "run_queue.hpp"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace tdkt::app {

class DossierSearch {
public:
    static constexpr std::size_t PageSize = 100;
    static constexpr std::size_t KeptPages = 64; // pages held on the UI side; the farthest go first

    /** Starts the worker on its own connection to `db`; results come back through `ui`. */
    DossierSearch(std::filesystem::path db, RunQueue& ui);
    /** Stops the worker after its current query and joins it. */
    ~DossierSearch();
    DossierSearch(const DossierSearch&) = delete;
    DossierSearch& operator=(const DossierSearch&) = delete;

    /** UI thread, once a frame: asks for (filter, epoch) when it is not what was last asked. Never waits. */
    void refresh(const DossierFilter& filter, std::uint64_t epoch);

    /** Rows of the result shown (which may be an older request's). */
    std::size_t count() const { return m_ids ? m_ids->size() : 0; }
    /** Row `i` (< count()) of the result shown, or null while its page is being read (it is asked for). */
    const DossierRow* row(std::size_t i);
    /** The filter and epoch of the result shown. */
    const DossierFilter& shownFilter() const { return m_shownFilter; }
    std::uint64_t shownEpoch() const { return m_shownEpoch; }
    /** A result was shown at least once. */
    bool ready() const { return m_ids != nullptr; }
    /** The last request's result has not arrived yet. */
    bool searching() const { return m_shownGen != m_askedGen; }
    /** Why the last query failed (describeError words it), or null. */
    std::exception_ptr error;

    /** Pages that arrived since the last result (for tests and benchmarks). */
    std::size_t pagesRead() const { return m_pagesRead; }

private:
    // The ids of a result: every id of a filter, or those at `at` (a typed text's matches, in order).
    struct IdList {
        std::shared_ptr<const std::vector<std::string>> all;
        std::vector<std::uint32_t> at;
        bool every = true;
        std::size_t size() const { return every ? all->size() : at.size(); }
        const std::string& operator[](std::size_t i) const { return (*all)[every ? i : at[i]]; }
    };
    using Ids = std::shared_ptr<const IdList>;
    struct Job {
        DossierFilter filter;
        std::uint64_t epoch = 0, gen = 0;
        std::size_t page = 0; // the page the window shows: read with the result
    };
    struct PageJob {
        std::uint64_t gen = 0;
        std::size_t page = 0;
        Ids ids;
        std::string sortField;
    };
    class Worker;

    void loop();
    void askPage(std::size_t page);
    void keepPages(std::size_t around);

    std::filesystem::path m_db;
    RunQueue& m_ui;
    // UI thread
    DossierFilter m_askedFilter, m_shownFilter;
    std::uint64_t m_askedEpoch = 0, m_shownEpoch = 0, m_askedGen = 0, m_shownGen = 0;
    bool m_asked = false;
    Ids m_ids;
    std::map<std::size_t, std::vector<DossierRow>> m_pages;
    std::set<std::size_t> m_pending; // pages asked for under m_shownGen
    std::size_t m_lastPage = 0, m_pagesRead = 0;

    // Shared with the worker
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<Job> m_job;
    std::deque<PageJob> m_pageJobs;
    bool m_stop = false;
    std::thread m_thread; // last: its loop uses the members above
};

} // namespace tdkt::app
