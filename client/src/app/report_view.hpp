#pragma once
// The report screen's logic (issue 19), no ImGui: which unit, year, outline and
// staleness date; the report built from the replica; the prose drafts and their
// saving as synced rows; exports to DOCX, XLSX or CSV. Building and exporting run
// on a worker thread with its own Store connection; progress and results come back
// through the RunQueue, so the UI thread never waits on a big subtree.
#include "run_queue.hpp"

#include "tdkt/report/annual_report.hpp"
#include "tdkt/store/store.hpp"

#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace tdkt::app {

struct ReportChoice {
    std::string unitId;
    int year = 0;
    std::string outline = "lai_chau"; // lai_chau | lang_son
    std::string staleSince;           // YYYY-MM-DD; empty: 1 December of the year
    bool operator==(const ReportChoice&) const = default;
};

enum class ReportStep { Reading, Consolidating, Writing, Done };

/** Where a build or an export stands, as the screen shows it (the screen words the step). */
struct ReportJobState {
    bool running = false;
    float progress = 0; // 0..1
    ReportStep step = ReportStep::Reading;
};

class ReportView {
public:
    struct Options {
        std::filesystem::path db;
        std::filesystem::path reportDir;    // assets/report: outlines, docx template
        std::filesystem::path referenceDir; // assets/reference: the 0602.N / 0603.N columns
    };
    ReportView(Options options, RunQueue& ui);
    /** Stops the worker after its current step and joins it. */
    ~ReportView();
    ReportView(const ReportView&) = delete;
    ReportView& operator=(const ReportView&) = delete;

    /** The outlines shipped: (id, name). */
    const std::vector<std::pair<std::string, std::string>>& outlines() const { return m_outlines; }
    /** The units a report may be made for: `home`'s subtree (every unit when home is ""),
     *  live ones, breadth first: (id, name). */
    static std::vector<std::pair<std::string, std::string>> units(const store::Store& store, const std::string& home);
    /** units(), read again only when `epoch` (the units table's change epoch) or `home` moved. */
    const std::vector<std::pair<std::string, std::string>>& unitsCached(const store::Store& store, const std::string& home,
                                                                        std::uint64_t epoch);
    /** A YYYY-MM-DD day that exists (for the staleness date). */
    static bool validDay(const std::string& text);

    ReportChoice choice;
    /** Builds the report of `choice` on the worker (any earlier build is superseded). */
    void build();
    /** The last report built, or null. */
    const report::AnnualReport* report() const { return m_report.get(); }
    const ReportJobState& building() const { return m_build; }

    /** The draft of a prose section (the saved body until edited). */
    std::string& draft(const std::string& key) { return m_drafts[key]; }
    /** Writes the draft of `key` as the section's row (on the UI thread's store); throws as the store does. */
    void save(store::Store& store, const std::string& key);
    /** The prose sections whose draft was edited and not saved (a screen left, another report chosen). */
    std::vector<std::string> unsaved() const;

    /** Exports the report of `choice` to `file` (.docx, .xlsx, .csv) on the worker. */
    void exportTo(const std::filesystem::path& file);
    const ReportJobState& exporting() const { return m_export; }
    /** The last export's file when it was written, and its error (describeError-worded by the caller). */
    std::optional<std::filesystem::path> exported;
    std::exception_ptr exportError, buildError;

    /** A build or an export is under way or asked for. */
    bool busy() const;

private:
    struct Job {
        bool exportFile = false;
        ReportChoice choice;
        std::filesystem::path file;
        std::uint64_t generation = 0;
    };
    void loop();
    void run(store::Store& store, const Job& job);
    void post(bool exportFile, float progress, ReportStep step);

    Options m_options;
    RunQueue& m_ui;
    std::vector<std::pair<std::string, std::string>> m_outlines, m_units;
    std::uint64_t m_unitsEpoch = 0;
    std::string m_unitsHome;
    std::shared_ptr<const report::AnnualReport> m_report;
    std::map<std::string, std::string> m_drafts, m_saved; // a draft differs from its saved body once edited
    std::optional<ReportChoice> m_builtChoice;
    ReportJobState m_build, m_export;
    std::uint64_t m_generation = 0; // UI thread: the build whose result is kept

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_jobs;
    int m_running = 0;
    bool m_stop = false;
    std::thread m_thread; // last: its loop uses the members above
};

} // namespace tdkt::app
