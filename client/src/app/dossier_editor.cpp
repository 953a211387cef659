#include "dossier_editor.hpp"

#include "labels.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/json/row_json.hpp"
#include "tdkt/rules/engine.hpp"
#include "tdkt/schema/schema.hpp"

namespace tdkt::app {
namespace {

const schema::TableDef& dossiers() { return schema::registry().require("dossiers"); }

} // namespace

std::string createDossier(store::Store& store, const NewDossier& d) {
    store::Fields f{{"unit_id", d.unitId},       {"nominee_kind", d.nomineeKind}, {"nominee_name", d.nomineeName},
                    {"award_code", d.awardCode}, {"status", std::string("draft")}};
    if (d.year > 0) f.emplace_back("year", d.year);
    if (!d.personId.empty()) f.emplace_back("person_id", d.personId);
    if (!d.collectiveUnitId.empty()) f.emplace_back("collective_unit_id", d.collectiveUnitId);
    for (const auto& [field, value] : f)
        if (const auto* s = std::get_if<std::string>(&value); s && s->empty())
            throw Error(ErrorKind::Invalid, "field " + field + " is required");
    if (d.year <= 0) throw Error(ErrorKind::Invalid, "field year is required");
    return store.create("dossiers", f);
}

void DossierEditor::load(const store::Store& store, const std::string& id) {
    auto row = store.get("dossiers", id);
    if (!row) throw Error(ErrorKind::NotFound, "no dossiers row with id " + id);
    m_id = id;
    m_texts.clear();
    m_saved.clear();
    m_errors.clear();
    for (const auto& f : dossiers().fields) {
        auto it = row->fields.find(f.name);
        m_saved[f.name] = m_texts[f.name] = it == row->fields.end() ? std::string() : valueText(it->second);
    }
}

const std::string* DossierEditor::error(const std::string& field) const {
    auto it = m_errors.find(field);
    return it == m_errors.end() ? nullptr : &it->second;
}

bool DossierEditor::commit(store::Store& store, const std::string& field, Lang lang) {
    const auto& t = dossiers();
    const auto* fd = t.field(field);
    if (!fd) throw Error(ErrorKind::Invalid, "unknown field '" + field + "' in table dossiers");
    const std::string& typed = m_texts[field];
    if (typed == m_saved[field]) {
        m_errors.erase(field);
        return false;
    }
    try {
        Value v = json::valueFromText(t, *fd, typed);
        store.update("dossiers", m_id, {{field, v}});
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::Invalid) throw;
        m_errors[field] = invalidFieldSentence(labelIn(fd->label, lang), lang);
        return false;
    }
    m_errors.erase(field);
    m_saved[field] = typed;
    return true;
}

void DossierEditor::set(store::Store& store, const store::Fields& fields) {
    store.update("dossiers", m_id, fields);
    for (const auto& [field, value] : fields) {
        m_saved[field] = m_texts[field] = valueText(value);
        m_errors.erase(field);
    }
}

void DossierEditor::recheck(const store::Store& store, const rules::Catalog& catalog) {
    m_findings = rules::checkDossier(store, m_id, catalog);
}

std::optional<rules::Finding> DossierEditor::submit(store::Store& store, const rules::Catalog& catalog) {
    if (auto block = rules::blockingFindingForStatus(store, dossiers(), m_id, "submitted", catalog)) return block;
    store.update("dossiers", m_id, {{"status", std::string("submitted")}, {"submitted_on", rules::todayIso()}});
    m_saved["status"] = m_texts["status"] = "submitted";
    m_saved["submitted_on"] = m_texts["submitted_on"] = rules::todayIso();
    return std::nullopt;
}

} // namespace tdkt::app
