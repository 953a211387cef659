// Reference data: asset files → replica rows (idempotent seeding) and rows → Catalog.
#include "tdkt/rules/reference_io.hpp"

#include "row_values.hpp"
#include "tdkt/core/error.hpp"
#include "tdkt/json/row_json.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace tdkt::rules {
namespace {
namespace fs = std::filesystem;
using detail::text;

struct AssetRow {
    std::string table;
    std::string id;
    store::Fields fields; // validated, in file order
};

Source sourceOf(const store::Row& row) {
    return {text(row, "source_document"), text(row, "source_article"), detail::integer(row, "verified").value_or(0) != 0};
}

Validity validityOf(const store::Row& row) {
    return {text(row, "unit_id"), text(row, "effective_from"), text(row, "effective_to")};
}

std::vector<fs::path> assetFiles(const fs::path& dir) {
    if (!fs::is_directory(dir)) throw Error(ErrorKind::NotFound, "no reference directory at " + dir.string());
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end()); // a stable order: the same ops on every run
    return files;
}

std::vector<AssetRow> readAssets(const fs::path& dir) {
    std::vector<AssetRow> out;
    for (const auto& file : assetFiles(dir)) {
        std::ifstream in(file, std::ios::binary);
        std::stringstream buf;
        buf << in.rdbuf();
        const auto doc = json::parse(buf.str(), file.filename().string());
        const auto& t = schema::registry().require(doc.value("table", ""));
        for (const auto& obj : doc.at("rows")) {
            AssetRow r{t.name, obj.value("id", ""), {}};
            if (r.id.empty()) throw Error(ErrorKind::Invalid, file.filename().string() + ": a row has no id");
            for (auto& [name, v] : json::fieldsFromJson(t, obj))
                r.fields.emplace_back(name, schema::validate(t, *t.field(name), v));
            out.push_back(std::move(r));
        }
    }
    return out;
}

// Only the fields whose value differs, so a second load writes nothing.
store::Fields changedFields(const store::Row& current, const store::Fields& wanted) {
    store::Fields out;
    for (const auto& [name, v] : wanted) {
        auto it = current.fields.find(name);
        const Value have = it == current.fields.end() ? Value{} : it->second;
        if (have != v) out.emplace_back(name, v);
    }
    return out;
}

Catalog catalogFromRows(const std::vector<store::Row>& rules, const std::vector<store::Row>& params) {
    std::vector<AwardRule> r;
    std::vector<Parameter> p;
    for (const auto& row : rules) r.push_back(awardRuleFromRow(row));
    for (const auto& row : params) p.push_back(parameterFromRow(row));
    return Catalog(std::move(r), std::move(p));
}

} // namespace

AwardRule awardRuleFromRow(const store::Row& row) {
    AwardRule r;
    r.id = row.id;
    r.awardCode = text(row, "award_code");
    r.category = text(row, "category");
    r.nomineeKinds = detail::splitList(text(row, "nominee_kinds"));
    r.periodYears = static_cast<int>(detail::integer(row, "period_years").value_or(0));
    const auto components = nlohmann::json::parse(text(row, "components").empty() ? "{}" : text(row, "components"));
    for (const auto& [procedure, list] : components.items())
        if (list.is_array()) r.components[procedure] = list.get<std::vector<std::string>>();
    r.source = sourceOf(row);
    r.componentsSource = r.source;
    r.componentsKnown = !components.is_object() || components.value("known", true);
    if (auto s = components.find("source"); s != components.end() && s->is_object())
        r.componentsSource = {s->value("document", ""), s->value("article", ""), s->value("verified", false)};
    const auto criteria = text(row, "criteria");
    r.criteria = criteria.empty() ? nlohmann::json::array() : nlohmann::json::parse(criteria);
    r.rank = static_cast<int>(detail::integer(row, "rank").value_or(0));
    r.validity = validityOf(row);
    return r;
}

Parameter parameterFromRow(const store::Row& row) {
    Parameter p;
    p.id = row.id;
    p.key = text(row, "key");
    p.awardCode = text(row, "award_code");
    if (auto y = detail::integer(row, "year")) p.year = static_cast<int>(*y);
    p.value = detail::real(row, "value");
    p.text = text(row, "text_value");
    const auto basis = text(row, "date_basis");
    p.basis = basis == "achievement_year" ? DateBasis::AchievementYear
              : basis == "decision_date"  ? DateBasis::DecisionDate
                                          : DateBasis::ReceivedOn;
    p.validity = validityOf(row);
    p.source = sourceOf(row);
    return p;
}

SeedResult seedReference(store::Store& store, const fs::path& dir) {
    const auto rows = readAssets(dir);
    SeedResult result;
    store::Store::Batch batch(store);
    for (const auto& r : rows) {
        if (auto current = store.get(r.table, r.id)) {
            auto changed = changedFields(*current, r.fields);
            if (changed.empty()) {
                ++result.unchanged;
                continue;
            }
            store.update(r.table, r.id, changed);
            ++result.updated;
        } else {
            store.create(r.table, r.fields, r.id);
            ++result.created;
        }
    }
    batch.commit();
    return result;
}

Catalog catalogFromStore(const store::Store& store) {
    return catalogFromRows(store.list("award_rules"), store.list("parameters"));
}

Catalog catalogFromDirectory(const fs::path& dir) {
    std::vector<store::Row> rules;
    std::vector<store::Row> params;
    for (auto& r : readAssets(dir)) {
        store::Row row{r.id, {}};
        for (auto& [name, v] : r.fields)
            if (!isNull(v)) row.fields.emplace(name, std::move(v));
        if (r.table == "award_rules") rules.push_back(std::move(row));
        else if (r.table == "parameters") params.push_back(std::move(row)); // not the checklist templates
    }
    return catalogFromRows(rules, params);
}

} // namespace tdkt::rules
