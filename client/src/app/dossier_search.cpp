#include "dossier_search.hpp"

#include "labels.hpp"

#include <algorithm>
#include <unordered_map>

namespace tdkt::app {

// [SECTION] the worker's side: its connection, the filter's ids, the rows of a page

class DossierSearch::Worker {
public:
    explicit Worker(const std::filesystem::path& db) : m_store(store::Store::open(db)) {}

    /** The ids of `f` in its order; the filter's ids and search keys without text are kept for the next keystroke. */
    Ids ids(const DossierFilter& f, std::uint64_t epoch) {
        DossierFilter base = f;
        base.text.clear();
        if (!m_base || !(base == m_baseFilter) || epoch != m_baseEpoch) {
            m_base.reset(); // a failure below leaves nothing half made
            m_unitNames.clear();
            auto keyed = m_store->pageKeys(dossierQuery(base));
            auto all = std::make_shared<std::vector<std::string>>();
            all->reserve(keyed.size());
            // Search keys are the index's row ids: dense, so a vector indexed by key finds
            // a match's place without hashing (61,000 matches of `n`: 0.2 ms, not 2).
            std::int64_t maxKey = 0;
            for (const auto& k : keyed) maxKey = std::max(maxKey, k.key);
            m_at.assign(static_cast<std::size_t>(std::min<std::int64_t>(maxKey, MaxDenseKey)) + 1, NoPlace);
            m_far.clear();
            for (std::size_t i = 0; i < keyed.size(); ++i) {
                const auto at = static_cast<std::uint32_t>(i);
                if (keyed[i].key > MaxDenseKey) m_far.emplace(keyed[i].key, at); // an index grown very sparse
                else if (keyed[i].key > 0) m_at[static_cast<std::size_t>(keyed[i].key)] = at;
                all->push_back(std::move(keyed[i].id));
            }
            m_hit.assign(keyed.size(), 0);
            m_base = std::make_shared<const IdList>(IdList{std::move(all), {}, true});
            m_baseFilter = base;
            m_baseEpoch = epoch;
        }
        if (f.text.empty()) return m_base;
        // The matches marked at their places, then read in the filter's order: no sort.
        IdList out{m_base->all, {}, false};
        std::size_t hits = 0;
        for (auto key : m_store->matchingKeys(f.text)) {
            std::uint32_t at = NoPlace;
            if (key > 0 && key <= MaxDenseKey && static_cast<std::size_t>(key) < m_at.size())
                at = m_at[static_cast<std::size_t>(key)];
            else if (auto it = m_far.find(key); it != m_far.end())
                at = it->second;
            if (at != NoPlace && !m_hit[at]) {
                m_hit[at] = 1;
                ++hits;
            }
        }
        out.at.reserve(hits);
        for (std::size_t i = 0; i < m_hit.size() && out.at.size() < hits; ++i)
            if (m_hit[i]) {
                out.at.push_back(static_cast<std::uint32_t>(i));
                m_hit[i] = 0; // cleared for the next keystroke
            }
        return std::make_shared<const IdList>(std::move(out));
    }

    std::vector<DossierRow> page(const IdList& ids, std::size_t page, const std::string& sortField) {
        std::vector<DossierRow> rows;
        const std::size_t from = page * PageSize, to = std::min(ids.size(), from + PageSize);
        for (std::size_t i = from; i < to; ++i) {
            DossierRow row;
            row.id = ids[i];
            if (auto r = m_store->get("dossiers", ids[i])) fill(row, *r, sortField); // else deleted since: blank
            rows.push_back(std::move(row));
        }
        return rows;
    }

private:
    void fill(DossierRow& row, const store::Row& r, const std::string& sortField) {
        auto text = [&](const char* field) {
            auto it = r.fields.find(field);
            return it == r.fields.end() ? std::string() : valueText(it->second);
        };
        row.nominee = text("nominee_name");
        // Vietnamese here (a worker thread); the list screen shows them labelIn() the session's language.
        row.award = enumLabel("dossiers", "award_code", text("award_code"), Lang::Vi);
        row.statusCode = text("status");
        row.status = enumLabel("dossiers", "status", row.statusCode, Lang::Vi);
        row.unit = unitName(text("unit_id"));
        if (auto y = r.fields.find("year"); y != r.fields.end())
            if (const auto* v = std::get_if<std::int64_t>(&y->second)) row.year = *v;
        if (sortField == "id") row.sortValue = r.id;
        else if (auto s = r.fields.find(sortField); s != r.fields.end()) row.sortValue = s->second;
    }

    const std::string& unitName(const std::string& id) {
        auto it = m_unitNames.find(id);
        if (it != m_unitNames.end()) return it->second;
        std::string name = id;
        if (auto u = m_store->get("units", id))
            if (auto n = u->fields.find("name"); n != u->fields.end()) name = valueText(n->second);
        return m_unitNames.emplace(id, std::move(name)).first->second;
    }

    std::unique_ptr<store::Store> m_store;
    DossierFilter m_baseFilter;
    std::uint64_t m_baseEpoch = 0;
    Ids m_base;
    static constexpr std::int64_t MaxDenseKey = 1 << 24; // 64 MiB of places at most
    static constexpr std::uint32_t NoPlace = UINT32_MAX;
    std::vector<std::uint32_t> m_at;                        // a search key → its row's place in m_base
    std::unordered_map<std::int64_t, std::uint32_t> m_far; // keys above MaxDenseKey → their places
    std::vector<std::uint8_t> m_hit;                        // a keystroke's matches by place (all 0 between)
    std::map<std::string, std::string> m_unitNames;
};

// [SECTION] the thread

DossierSearch::DossierSearch(std::filesystem::path db, RunQueue& ui) : m_db(std::move(db)), m_ui(ui) {
    m_thread = std::thread([this] { loop(); });
}

DossierSearch::~DossierSearch() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

void DossierSearch::loop() {
    std::unique_ptr<Worker> worker;
    std::uint64_t lastGen = 0;
    for (;;) {
        std::optional<Job> job;
        std::optional<PageJob> pageJob;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_stop || m_job || !m_pageJobs.empty(); });
            if (m_stop) return;
            if (m_job) { // a list first: pages of an older result are of no use any more
                job = std::move(m_job);
                m_job.reset();
            } else {
                pageJob = std::move(m_pageJobs.front());
                m_pageJobs.pop_front();
            }
        }
        const std::uint64_t gen = job ? job->gen : pageJob->gen;
        if (pageJob && pageJob->gen < lastGen) continue;
        try {
            if (!worker) worker = std::make_unique<Worker>(m_db);
            if (job) {
                lastGen = job->gen;
                Ids ids = worker->ids(job->filter, job->epoch);
                std::map<std::size_t, std::vector<DossierRow>> pages;
                for (std::size_t p : {std::size_t{0}, job->page}) // the rest on demand: the result comes sooner
                    if (p * PageSize < ids->size() && !pages.contains(p))
                        pages[p] = worker->page(*ids, p, job->filter.sortField);
                m_ui.post([this, j = std::move(*job), ids, pages = std::move(pages)]() mutable {
                    if (j.gen <= m_shownGen) return;
                    m_shownGen = j.gen;
                    m_shownFilter = std::move(j.filter);
                    m_shownEpoch = j.epoch;
                    m_ids = ids;
                    m_pages = std::move(pages);
                    m_pending.clear();
                    m_pagesRead = m_pages.size();
                    error = nullptr;
                });
            } else {
                auto rows = worker->page(*pageJob->ids, pageJob->page, pageJob->sortField);
                m_ui.post([this, g = pageJob->gen, p = pageJob->page, rows = std::move(rows)]() mutable {
                    if (g != m_shownGen) return;
                    m_pending.erase(p);
                    m_pages[p] = std::move(rows);
                    ++m_pagesRead;
                    keepPages(p);
                });
            }
        } catch (...) {
            m_ui.post([this, gen, e = std::current_exception()] {
                if (gen < m_shownGen) return;
                m_shownGen = std::max(m_shownGen, gen); // the old rows stay, with the reason
                m_pending.clear();
                error = e;
            });
        }
    }
}

// [SECTION] the UI thread's side

void DossierSearch::refresh(const DossierFilter& filter, std::uint64_t epoch) {
    if (m_asked && filter == m_askedFilter && epoch == m_askedEpoch) return;
    m_asked = true;
    m_askedFilter = filter;
    m_askedEpoch = epoch;
    ++m_askedGen;
    {
        std::lock_guard lock(m_mutex);
        m_job = Job{filter, epoch, m_askedGen, m_lastPage};
        m_pageJobs.clear();
    }
    m_pending.clear(); // those page reads were dropped: asked again if still wanted
    m_wake.notify_one();
}

void DossierSearch::askPage(std::size_t page) {
    if (!m_ids || page * PageSize >= m_ids->size() || m_pages.contains(page) || m_pending.contains(page)) return;
    if (searching()) return; // the next result brings the page shown
    m_pending.insert(page);
    {
        std::lock_guard lock(m_mutex);
        m_pageJobs.push_back({m_shownGen, page, m_ids, m_shownFilter.sortField});
    }
    m_wake.notify_one();
}

void DossierSearch::keepPages(std::size_t around) {
    while (m_pages.size() > KeptPages) {
        auto first = m_pages.begin(), last = std::prev(m_pages.end());
        const bool dropFirst = around - std::min(around, first->first) >= last->first - std::min(last->first, around);
        m_pages.erase(dropFirst ? first : last);
    }
}

const DossierRow* DossierSearch::row(std::size_t i) {
    if (!m_ids || i >= m_ids->size()) return nullptr;
    const std::size_t page = i / PageSize;
    m_lastPage = page;
    askPage(page);
    // The page the reader moves toward, before it is reached.
    if (i % PageSize >= PageSize / 2) askPage(page + 1);
    else if (page > 0) askPage(page - 1);
    auto it = m_pages.find(page);
    if (it == m_pages.end() || i % PageSize >= it->second.size()) return nullptr;
    return &it->second[i % PageSize];
}

} // namespace tdkt::app
