#pragma once
// What the window works on: one replica (the UI thread's Store connection), the
// sync worker beside it, the open screens' state (list filter, dossier in the
// editor) and the sync bar's figures. The window only draws what this holds and
// calls these functions (STYLE.md §1-2); everything here is testable headless.
#include "change_epoch.hpp"
#include "components.hpp"
#include "pickers.hpp"
#include "conflicts.hpp"
#include "dossier_editor.hpp"
#include "dossier_list.hpp"
#include "dossier_workflow.hpp"
#include "recorded_decision.hpp" // higher (issue 17)
#include "dossier_search.hpp"
#include "inspection_view.hpp"
#include "messages.hpp"
#include "preferences.hpp"
#include "movement_view.hpp" // movements (issue 17)
#include "report_view.hpp"
#include "run_queue.hpp"
#include "sync_worker.hpp"
#include "records_view.hpp" // records (issue 17)

#include "tdkt/rules/catalog.hpp"
#include "tdkt/store/store.hpp"

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tdkt::app {

struct SyncBar {
    bool signedIn = false, syncing = false, online = false;
    std::string user, server;
    std::size_t pending = 0, conflicts = 0, refused = 0;
    std::optional<std::chrono::system_clock::time_point> lastSync;
    sync::SyncProgress progress;
    std::string lastError; // worded in the session's language; empty when the last attempt went through
    // An administrator reset the password: the sign-in asks for a new one (changePassword).
    bool mustChangePassword = false;
    std::size_t syncsDone = 0;
};

class Session {
public:
    struct Options {
        std::filesystem::path db;
        std::filesystem::path referenceDir; // seeds the catalog when the replica holds none
        std::filesystem::path reportDir;    // assets/report (outlines, DOCX template)
        std::chrono::milliseconds period{std::chrono::minutes(5)};
        bool autoSync = true;
    };
    explicit Session(Options options);
    ~Session();

    /** Once a frame: runs what the worker posted, notices other connections' commits. */
    void frame();

    Lang lang = Lang::Vi;
    /** Switches the language and keeps the choice for the next start (preferences.hpp). */
    void setLang(Lang l);
    /** Keeps the UI scale chosen (none: the monitor's); the window applies it. */
    void setScale(std::optional<float> scale);
    Preferences preferences() const { return loadPreferences(*m_store); }
    const SyncBar& bar() const { return m_bar; }
    store::Store& store() { return *m_store; }
    const rules::Catalog& catalog() const { return m_catalog; }
    std::uint64_t epoch(std::string_view table) const { return m_epochs.of(table); }

    void signIn(const std::string& server, const std::string& user, const std::string& password,
                const std::string& caFile);
    /**
     * Signs in with the current password and sets a new one (typed twice: they must
     * agree), then syncs; what is pending stays and goes up then. A refused new
     * password (the server's policy) comes back in lastError.
     */
    void changePassword(const std::string& server, const std::string& user, const std::string& password,
                        const std::string& newPassword, const std::string& confirm, const std::string& caFile);
    void syncNow();
    void cancelSync();

    // Dossiers
    DossierFilter filter;
    /** Creates a draft and opens it; returns the sentence of what was wrong, or "". */
    std::string newDossier(const NewDossier& d);
    void open(const std::string& id);
    DossierEditor* editor() { return m_editor ? &*m_editor : nullptr; }
    void closeEditor() { m_editor.reset(); }
    /** Commits a field and reruns the rules when the store changed. */
    void commit(const std::string& field);
    /** Submits; returns the blocking finding's message, or "" when submitted. */
    std::string submit();
    /** The status steps this user may take on the open dossier (dossier_workflow.hpp). */
    const std::vector<Step>& steps();
    /** Takes a step on the open dossier; returns "" or the sentence of what was wrong. */
    std::string takeStep(Step step, const StepInput& input);

    // Pickers (pickers.hpp) and the components checklist (components.hpp)
    /** People of the user's units matching `text`. */
    std::vector<Choice> people(const std::string& text) const;
    /** The user's unit and the units below it (every unit when never signed in). */
    const std::vector<Choice>& unitChoices();
    std::vector<Choice> awardChoices(const std::string& nomineeKind) const { return awardForms(m_catalog, nomineeKind); }
    /** The edited dossier's nominee: a person (ca_nhan) or a collective (tap_the, a unit). Returns an error sentence or "". */
    std::string pickNominee(const std::string& kind, const Choice& nominee);
    /** Writes a field chosen from a picker (award_code, unit_id); returns an error sentence or "". */
    std::string pick(const std::string& field, const std::string& value);
    const std::vector<ComponentLine>& components();
    /** Ticks or unticks a component with its reference; returns an error sentence or "". */
    std::string setComponent(const std::string& code, bool present, const std::string& reference);

    // Conflicts and refused changes
    const std::vector<ConflictView>& conflicts();
    /** Keeps candidate `index`, or the typed value when index < 0; returns an error sentence or "". */
    std::string resolve(const std::string& conflictId, int index, const std::string& typed = {});
    std::vector<store::RejectedChange> refused() const { return m_store->rejectedChanges(); }
    /** A field's value as a person reads it: an enum by its label, a reference by its row's title. */
    std::string shownValue(const std::string& table, const std::string& field, const Value& value) const;
    /** A refusal's reason in the session's language, units by their names. */
    std::string refusedReason(const store::RejectedChange& r) const;

    // The annual report (issue 19)
    ReportView& reportView() { return *m_report; }
    /** Saves a prose section's draft; returns the error sentence or "". */
    std::string saveSection(const std::string& key);

    // Inspections (issue 18)
    InspectionView inspections;
    /** Grows whenever an inspection table may have changed. */
    std::uint64_t inspectionEpoch() const;
    const std::filesystem::path& reportDir() const { return m_options.reportDir; }
    const std::filesystem::path& dbPath() const { return m_options.db; }
    /** A local edit of `table` (the sync bar's counts, the screens' epochs). */
    void noteLocal(std::string_view table);

    /** The signed-in user's unit ("" when never signed in). */
    std::string homeUnit() const { return m_store->setting("unit").value_or(""); }
    /** The units of this replica (id, name), for pickers. */
    std::vector<std::pair<std::string, std::string>> units() const;

    // records (issue 17): people, units, reference data, a record's history
    RecordsView records;
    // Movements (issue 17): the list and the open movement with its targets and results
    MovementView movements;

private:
    void counts();
    /** Runs an edit of the open dossier, then the rules; an error sentence or "". */
    std::string write(const std::function<void()>& fn);

    Options m_options;
    std::unique_ptr<store::Store> m_store;
    rules::Catalog m_catalog;
    ChangeEpochs m_epochs;
    RunQueue m_queue;
    SyncBar m_bar;
    std::optional<DossierEditor> m_editor;
    std::vector<Step> m_steps;
    std::string m_stepsOf;
    std::uint64_t m_stepsEpoch = 0;
    std::vector<ConflictView> m_conflicts;
    std::uint64_t m_conflictsEpoch = 0;
    Lang m_conflictsLang = Lang::Vi;
    std::unique_ptr<ReportView> m_report; // its thread posts into m_queue
    std::vector<Choice> m_units;
    std::uint64_t m_unitsEpoch = 0;
    std::vector<ComponentLine> m_components;
    std::string m_componentsOf;
    std::uint64_t m_componentsEpoch = 0;
    std::unique_ptr<SyncWorker> m_worker; // last: its thread posts into m_queue
    // guiperf (issue 17): the dossier list's queries, on their own thread and connection.
    std::unique_ptr<DossierSearch> m_dossierSearch;

public:
    /** The dossier list the window shows (its queries never run on the UI thread). */
    DossierSearch& dossiers() { return *m_dossierSearch; }
};

} // namespace tdkt::app
