#include "session.hpp"

#include "history_view.hpp"

#include "labels.hpp"
#include "refusals.hpp"

#include "tdkt/rules/reference_io.hpp"
#include "tdkt/schema/schema.hpp"

namespace tdkt::app {
namespace {

bool failedAs(const std::exception_ptr& e, sync::SyncErrorKind kind) {
    try {
        std::rethrow_exception(e);
    } catch (const sync::SyncError& err) {
        return err.kind() == kind;
    } catch (...) {
        return false;
    }
}

} // namespace

Session::Session(Options options) : m_options(std::move(options)) {
    store::OpenOptions o;
    o.create = true;
    m_store = store::Store::open(m_options.db, o);
    m_catalog = rules::catalogFromStore(*m_store);
    if (m_catalog.rules().empty() && !m_options.referenceDir.empty())
        m_catalog = rules::catalogFromDirectory(m_options.referenceDir);
    m_bar.user = m_store->setting("user").value_or("");
    m_bar.server = m_store->setting("server").value_or("");
    m_bar.signedIn = !m_store->setting("token").value_or("").empty();
    SyncWorker::Listener l;
    l.progress = [this](const sync::SyncProgress& p) {
        m_bar.progress = p;
        m_bar.syncing = true;
    };
    l.done = [this](const SyncResult& r) {
        m_bar.syncing = false;
        ++m_bar.syncsDone;
        if (r.outcome == SyncResult::Outcome::Done) {
            m_bar.online = true;
            m_bar.lastSync = r.at;
            m_bar.lastError.clear();
            m_bar.mustChangePassword = false;
            if (r.login) {
                m_bar.user = r.login->user;
                m_bar.signedIn = true;
                m_bar.server = m_store->setting("server").value_or("");
            }
        } else if (r.outcome == SyncResult::Outcome::Failed) {
            m_bar.online = false;
            m_bar.lastError = describeError(r.error, lang).sentence;
            // Asked for until a change goes through (a refused new password keeps asking).
            if (failedAs(r.error, sync::SyncErrorKind::PasswordChangeRequired)) m_bar.mustChangePassword = true;
            // A disabled account's replica let go of its session with its rows (issue 23).
            if (failedAs(r.error, sync::SyncErrorKind::AccountDisabled))
                m_bar.signedIn = !m_store->setting("token").value_or("").empty();
        }
        m_epochs.poll(*m_store);
        counts();
    };
    m_report = std::make_unique<ReportView>(
        ReportView::Options{.db = m_options.db, .reportDir = m_options.reportDir, .referenceDir = m_options.referenceDir},
        m_queue);
    m_worker = std::make_unique<SyncWorker>(
        SyncWorker::Options{.db = m_options.db, .period = m_options.period, .autoStart = m_options.autoSync && m_bar.signedIn},
        m_queue, std::move(l));
    m_dossierSearch = std::make_unique<DossierSearch>(m_options.db, m_queue); // guiperf (issue 17)
    counts();
}

Session::~Session() = default;

void Session::counts() {
    m_bar.pending = m_store->pendingCount();
    m_bar.conflicts = m_store->count("conflicts", {{"status", std::string("open")}});
    m_bar.refused = m_store->rejectedChanges().size();
}

void Session::frame() {
    m_queue.run();
    m_epochs.poll(*m_store);
    if (m_worker->busy()) m_bar.syncing = true;
}

std::string Session::saveSection(const std::string& key) {
    try {
        m_report->save(*m_store, key);
        noteLocal("report_sections");
        return {};
    } catch (...) {
        return describeError(std::current_exception(), lang).sentence;
    }
}

void Session::noteLocal(std::string_view table) {
    m_epochs.noteLocal(table);
    counts();
}

void Session::signIn(const std::string& server, const std::string& user, const std::string& password,
                     const std::string& caFile) {
    try {
        auto ep = sync::parseEndpoint(server);
        ep.caFile = caFile;
        m_bar.lastError.clear();
        m_bar.syncing = true;
        m_worker->login(ep, user, password);
    } catch (...) {
        m_bar.lastError = describeError(std::current_exception(), lang).sentence;
    }
}

void Session::changePassword(const std::string& server, const std::string& user, const std::string& password,
                             const std::string& newPassword, const std::string& confirm, const std::string& caFile) {
    if (newPassword != confirm) {
        m_bar.lastError = passwordsDifferSentence(lang);
        return;
    }
    try {
        auto ep = sync::parseEndpoint(server);
        // A replica signed in before (its session refused since the reset) knows its certificate.
        ep.caFile = caFile.empty() ? m_store->setting("server_ca").value_or("") : caFile;
        m_bar.lastError.clear();
        m_bar.syncing = true;
        m_worker->changePassword(ep, user, password, newPassword);
    } catch (...) {
        m_bar.lastError = describeError(std::current_exception(), lang).sentence;
    }
}

void Session::syncNow() {
    m_bar.syncing = true;
    m_worker->syncNow();
}

void Session::cancelSync() { m_worker->cancel(); }

std::string Session::newDossier(const NewDossier& d) {
    try {
        const auto id = createDossier(*m_store, d);
        noteLocal("dossiers");
        open(id);
        return {};
    } catch (...) {
        return describeError(std::current_exception(), lang).sentence;
    }
}

void Session::open(const std::string& id) {
    m_editor.emplace();
    m_editor->load(*m_store, id);
    m_editor->recheck(*m_store, m_catalog);
}

void Session::commit(const std::string& field) {
    if (!m_editor) return;
    if (m_editor->commit(*m_store, field, lang)) {
        noteLocal("dossiers");
        m_editor->recheck(*m_store, m_catalog);
    }
}

std::string Session::submit() {
    if (!m_editor) return {};
    auto block = m_editor->submit(*m_store, m_catalog);
    if (block) return block->message;
    noteLocal("dossiers");
    m_editor->recheck(*m_store, m_catalog);
    return {};
}

const std::vector<Step>& Session::steps() {
    if (!m_editor) {
        m_steps.clear();
        return m_steps;
    }
    const auto e = m_epochs.of("dossiers") + m_epochs.of("units") + m_epochs.of("parameters");
    if (m_stepsOf != m_editor->id() || e != m_stepsEpoch) {
        m_steps = allowedSteps(*m_store, m_catalog, actorOf(*m_store), m_editor->id());
        m_stepsOf = m_editor->id();
        m_stepsEpoch = e;
    }
    return m_steps;
}

std::string Session::takeStep(Step step, const StepInput& input) {
    if (!m_editor) return {};
    if (step == Step::Submit) return submit();
    std::string why;
    if (auto err = write([&] { why = app::takeStep(*m_store, m_catalog, actorOf(*m_store), m_editor->id(), step, input, lang); });
        !err.empty())
        return err;
    if (why.empty()) m_editor->load(*m_store, m_editor->id()); // the step's fields, shown as stored
    m_stepsOf.clear();
    return why;
}

const std::vector<ConflictView>& Session::conflicts() {
    const auto e = m_epochs.of("conflicts");
    if (e != m_conflictsEpoch || lang != m_conflictsLang) {
        m_conflicts = openConflicts(*m_store, m_options.reportDir, lang);
        m_conflictsEpoch = e;
        m_conflictsLang = lang;
    }
    return m_conflicts;
}

std::string Session::resolve(const std::string& conflictId, int index, const std::string& typed) {
    try {
        const auto c = openConflictJson(*m_store, conflictId);
        nlohmann::json chosen;
        if (index >= 0) chosen = c.at("candidates").at(static_cast<std::size_t>(index)).at("value");
        else chosen = typedValue(c, typed);
        resolveConflict(*m_store, c, chosen);
        noteLocal("conflicts");
        noteLocal(c.value("table_name", ""));
        return {};
    } catch (...) {
        return describeError(std::current_exception(), lang).sentence;
    }
}

std::uint64_t Session::inspectionEpoch() const {
    std::uint64_t sum = 0;
    for (const char* t : InspectionTables) sum += m_epochs.of(t);
    return sum;
}

std::vector<Choice> Session::people(const std::string& text) const {
    return findPeople(*m_store, homeUnit(), text);
}

const std::vector<Choice>& Session::unitChoices() {
    if (const auto e = m_epochs.of("units"); e != m_unitsEpoch) {
        m_units = unitSubtree(*m_store, homeUnit());
        m_unitsEpoch = e;
    }
    return m_units;
}

std::string Session::pickNominee(const std::string& kind, const Choice& nominee) {
    if (!m_editor) return {};
    const bool person = kind != "tap_the";
    return write([&] {
        m_editor->set(*m_store, {{"nominee_kind", kind},
                                 {"person_id", person ? Value{nominee.id} : Value{}},
                                 {"collective_unit_id", person ? Value{} : Value{nominee.id}},
                                 {"nominee_name", nominee.name.empty() ? nominee.label : nominee.name}});
    });
}

std::string Session::pick(const std::string& field, const std::string& value) {
    if (!m_editor) return {};
    return write([&] { m_editor->set(*m_store, {{field, value}}); });
}

const std::vector<ComponentLine>& Session::components() {
    const auto e = std::max(m_epochs.of("dossier_items"), m_epochs.of("dossiers"));
    const std::string id = m_editor ? m_editor->id() : std::string();
    if (e != m_componentsEpoch || id != m_componentsOf) {
        m_components = id.empty() ? std::vector<ComponentLine>{} : dossierComponents(*m_store, m_catalog, id);
        m_componentsEpoch = e;
        m_componentsOf = id;
    }
    return m_components;
}

std::string Session::setComponent(const std::string& code, bool present, const std::string& reference) {
    if (!m_editor) return {};
    try {
        if (app::setComponent(*m_store, m_editor->id(), code, present, reference)) {
            noteLocal("dossier_items");
            m_editor->recheck(*m_store, m_catalog);
        }
        return {};
    } catch (...) {
        return describeError(std::current_exception(), lang).sentence;
    }
}

std::string Session::write(const std::function<void()>& fn) {
    try {
        fn();
        noteLocal("dossiers");
        m_editor->recheck(*m_store, m_catalog);
        return {};
    } catch (...) {
        return describeError(std::current_exception(), lang).sentence;
    }
}

void Session::setLang(Lang l) {
    lang = l;
    saveLanguage(*m_store, l);
}

void Session::setScale(std::optional<float> scale) { saveScale(*m_store, scale); }

std::string Session::shownValue(const std::string& table, const std::string& field, const Value& value) const {
    return shownValueIn(*m_store, table, field, value, lang);
}

std::string Session::refusedReason(const store::RejectedChange& r) const {
    return refusalSentence(r.reason, lang, [this](const std::string& id) -> std::string {
        auto row = m_store->get("units", id);
        if (!row) return {};
        auto it = row->fields.find("name");
        return it == row->fields.end() ? std::string() : valueText(it->second);
    });
}

std::vector<std::pair<std::string, std::string>> Session::units() const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& r : m_store->list("units")) {
        auto it = r.fields.find("name");
        out.emplace_back(r.id, it == r.fields.end() ? r.id : valueText(it->second));
    }
    return out;
}

} // namespace tdkt::app
