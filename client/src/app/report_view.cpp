#include "report_view.hpp"

#include "tdkt/catalog/statistics_columns.hpp"
#include "tdkt/core/error.hpp"
#include "tdkt/report/export.hpp"
#include "tdkt/report/facts_load.hpp"
#include "tdkt/report/sections.hpp"

#include <charconv>

namespace tdkt::app {

ReportView::ReportView(Options options, RunQueue& ui) : m_options(std::move(options)), m_ui(ui) {
    for (const char* id : {"lai_chau", "lang_son"}) {
        const auto file = m_options.reportDir / ("outline_" + std::string(id) + ".json");
        if (std::filesystem::exists(file)) m_outlines.emplace_back(id, report::loadOutline(file).name);
    }
    m_thread = std::thread([this] { loop(); });
}

ReportView::~ReportView() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_jobs.clear();
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
}


std::vector<std::pair<std::string, std::string>> ReportView::units(const store::Store& store, const std::string& home) {
    report::Facts f;
    for (const auto& r : store.list("units")) {
        auto text = [&](const char* k) {
            auto it = r.fields.find(k);
            const auto* v = it == r.fields.end() ? nullptr : std::get_if<std::string>(&it->second);
            return v ? *v : std::string();
        };
        f.units.push_back({r.id, text("parent_id"), text("merged_into_id"), text("name"), text("level")});
    }
    report::indexUnits(f);
    std::vector<std::pair<std::string, std::string>> out;
    std::vector<std::string> roots;
    if (!home.empty() && report::findUnit(f, home)) roots.push_back(home);
    else
        for (const auto& u : f.units)
            if (u.parentId.empty() && u.mergedIntoId.empty()) roots.push_back(u.id);
    for (const auto& root : roots)
        for (const auto& id : report::unitScope(f, root).units) out.emplace_back(id, report::findUnit(f, id)->name);
    return out;
}

const std::vector<std::pair<std::string, std::string>>& ReportView::unitsCached(const store::Store& store,
                                                                                const std::string& home,
                                                                                std::uint64_t epoch) {
    if (epoch != m_unitsEpoch || home != m_unitsHome || m_unitsEpoch == 0) {
        m_units = units(store, home);
        m_unitsEpoch = epoch;
        m_unitsHome = home;
    }
    return m_units;
}

bool ReportView::validDay(const std::string& t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
    int y = 0, m = 0, d = 0;
    auto num = [&](std::size_t at, std::size_t n, int& v) {
        auto [p, ec] = std::from_chars(t.data() + at, t.data() + at + n, v);
        return ec == std::errc{} && p == t.data() + at + n;
    };
    if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d) || m < 1 || m > 12 || d < 1) return false;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

void ReportView::build() {
    if (m_builtChoice && !(m_builtChoice->unitId == choice.unitId && m_builtChoice->year == choice.year &&
                           m_builtChoice->outline == choice.outline)) {
        m_drafts.clear(); // another report: its own sections
        m_saved.clear();
    }
    m_build = {true, 0, ReportStep::Reading};
    buildError = nullptr;
    std::lock_guard lock(m_mutex);
    // A newer build supersedes one still waiting.
    std::erase_if(m_jobs, [](const Job& j) { return !j.exportFile; });
    m_jobs.push_back({false, choice, {}, ++m_generation});
    m_wake.notify_all();
}

void ReportView::exportTo(const std::filesystem::path& file) {
    m_export = {true, 0, ReportStep::Reading};
    exported.reset();
    exportError = nullptr;
    std::lock_guard lock(m_mutex);
    m_jobs.push_back({true, choice, file, 0});
    m_wake.notify_all();
}

bool ReportView::busy() const {
    std::lock_guard lock(m_mutex);
    return !m_jobs.empty() || m_running > 0 || m_build.running || m_export.running;
}

void ReportView::save(store::Store& store, const std::string& key) {
    // The drafts are the report shown's: its unit and year, even when the choice above
    // was changed since and the new report is not built yet.
    const ReportChoice& c = m_builtChoice ? *m_builtChoice : choice;
    if (c.unitId.empty()) throw Error(ErrorKind::Invalid, "report: no unit chosen");
    report::writeSection(store, c.unitId, c.year, c.outline, key, m_drafts[key]);
    m_saved[key] = m_drafts[key];
}

std::vector<std::string> ReportView::unsaved() const {
    std::vector<std::string> keys;
    for (const auto& [key, draft] : m_drafts) {
        auto it = m_saved.find(key);
        if (draft != (it == m_saved.end() ? std::string() : it->second)) keys.push_back(key);
    }
    return keys;
}

void ReportView::post(bool exportFile, float progress, ReportStep step) {
    m_ui.post([this, exportFile, progress, step] {
        auto& s = exportFile ? m_export : m_build;
        s.progress = progress;
        s.step = step;
    });
}

void ReportView::loop() {
    std::unique_ptr<store::Store> store;
    for (;;) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_stop || !m_jobs.empty(); });
            if (m_stop) return;
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
            ++m_running;
        }
        try {
            if (!store) store = store::Store::open(m_options.db);
            run(*store, job);
        } catch (...) {
            auto error = std::current_exception();
            m_ui.post([this, job, error] {
                auto& s = job.exportFile ? m_export : m_build;
                s = {};
                (job.exportFile ? exportError : buildError) = error;
            });
        }
        std::lock_guard lock(m_mutex);
        --m_running;
    }
}

void ReportView::run(store::Store& store, const Job& job) {
    const auto& c = job.choice;
    if (c.unitId.empty()) throw Error(ErrorKind::Invalid, "report: no unit chosen");
    if (!c.staleSince.empty() && !validDay(c.staleSince)) throw Error(ErrorKind::Invalid, "report: day " + c.staleSince);
    post(job.exportFile, 0.1f, ReportStep::Reading);
    const auto outline = report::loadOutline(m_options.reportDir / ("outline_" + c.outline + ".json"));
    const auto columns =
        catalog::loadStatColumns(m_options.referenceDir / "statistics" / "columns_tt02_2023.json");
    const auto facts = report::loadFacts(store);
    auto prose = report::readSections(store, c.unitId, c.year, c.outline);
    post(job.exportFile, 0.4f, ReportStep::Consolidating);
    auto built = std::make_shared<const report::AnnualReport>(
        report::buildAnnualReport(facts, outline, {c.unitId, c.year, c.staleSince, &columns}, std::move(prose)));
    if (job.exportFile) {
        post(true, 0.7f, ReportStep::Writing);
        report::writeReport(*built, job.file, m_options.reportDir / "docx");
        m_ui.post([this, file = job.file] {
            m_export = {false, 1, ReportStep::Done};
            exported = file;
        });
        return;
    }
    m_ui.post([this, built, gen = job.generation, c] {
        if (gen != m_generation) return; // superseded
        m_build = {false, 1, ReportStep::Done};
        m_report = built;
        m_builtChoice = c;
        for (const auto& sec : built->outline.sections) {
            if (!sec.prose) continue;
            auto it = built->prose.find(sec.key);
            const std::string body = it == built->prose.end() ? std::string() : it->second;
            auto& d = m_drafts[sec.key];
            if (d == m_saved[sec.key]) d = body; // not edited here: the replica's body
            m_saved[sec.key] = body;
        }
    });
}

} // namespace tdkt::app
