// Checklist templates: parsing and checking their items, reading them from the
// replica, and the administrators' copies.
#include "tdkt/inspection/checklist_template.hpp"

#include "tdkt/core/error.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <set>

namespace tdkt::inspection {
namespace {

std::string textOf(const store::Row& row, const char* field) {
    auto it = row.fields.find(field);
    if (it == row.fields.end()) return {};
    const auto* s = std::get_if<std::string>(&it->second);
    return s ? *s : std::string();
}

int intOf(const store::Row& row, const char* field) {
    auto it = row.fields.find(field);
    if (it == row.fields.end()) return 0;
    const auto* n = std::get_if<std::int64_t>(&it->second);
    return n ? static_cast<int>(*n) : 0;
}

std::string member(const nlohmann::json& item, const char* name, const std::string& where, std::size_t i,
                   bool required) {
    auto it = item.find(name);
    if (it == item.end() || it->is_null()) {
        if (required)
            throw Error(ErrorKind::Invalid, where + ": item " + std::to_string(i + 1) + " has no \"" + name + "\"");
        return {};
    }
    if (!it->is_string() || (required && it->get<std::string>().empty()))
        throw Error(ErrorKind::Invalid,
                    where + ": item " + std::to_string(i + 1) + ": \"" + name + "\" must be non-empty text");
    return it->get<std::string>();
}

ChecklistTemplate fromRow(const store::Row& row) {
    ChecklistTemplate t;
    t.id = row.id;
    t.code = textOf(row, "code");
    t.version = intOf(row, "version");
    t.title = textOf(row, "title");
    const std::string where = "checklist template " + row.id;
    const std::string items = textOf(row, "items");
    if (items.empty()) throw Error(ErrorKind::Invalid, where + " has no items");
    t.items = parseTemplateItems(nlohmann::json::parse(items), where);
    return t;
}

} // namespace

std::vector<TemplateItem> parseTemplateItems(const nlohmann::json& items, const std::string& where) {
    if (!items.is_array() || items.empty())
        throw Error(ErrorKind::Invalid, where + ": \"items\" must be a non-empty array of checklist items");
    std::vector<TemplateItem> out;
    std::set<std::string> keys;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& item = items[i];
        if (!item.is_object())
            throw Error(ErrorKind::Invalid, where + ": item " + std::to_string(i + 1) + " is not an object");
        TemplateItem t{member(item, "key", where, i, true), member(item, "section", where, i, true),
                       member(item, "section_title", where, i, false), member(item, "number", where, i, true),
                       member(item, "content", where, i, true)};
        if (!keys.insert(t.key).second)
            throw Error(ErrorKind::Invalid, where + ": item " + std::to_string(i + 1) + " repeats the key \"" +
                                                t.key + "\"");
        out.push_back(std::move(t));
    }
    return out;
}

std::vector<ChecklistTemplate> templatesFromDirectory(const std::filesystem::path& dir) {
    if (!std::filesystem::is_directory(dir))
        throw Error(ErrorKind::NotFound, "no reference directory at " + dir.string());
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::vector<ChecklistTemplate> out;
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::stringstream buf;
        buf << in.rdbuf();
        const auto doc = nlohmann::json::parse(buf.str(), nullptr, false);
        if (doc.is_discarded() || !doc.is_object() || doc.value("table", "") != "checklist_templates") continue;
        for (const auto& row : doc.value("rows", nlohmann::json::array())) {
            const std::string where = file.filename().string() + " (" + row.value("id", std::string("?")) + ")";
            ChecklistTemplate t;
            t.id = row.value("id", "");
            t.code = row.value("code", "");
            t.version = row.value("version", 0);
            t.title = row.value("title", "");
            if (t.id.empty() || t.code.empty() || t.version < 1)
                throw Error(ErrorKind::Invalid, where + ": a checklist template needs an id, a code and a version >= 1");
            t.items = parseTemplateItems(row.value("items", nlohmann::json()), where);
            out.push_back(std::move(t));
        }
    }
    return out;
}

ChecklistTemplate templateFromStore(const store::Store& store, const std::string& id) {
    auto row = store.get("checklist_templates", id);
    if (!row)
        throw Error(ErrorKind::NotFound, "no checklist template " + id +
                                             " (tdkt-cli reference load seeds the shipped one; "
                                             "tdkt-cli inspection templates lists them)");
    return fromRow(*row);
}

std::vector<ChecklistTemplate> listTemplates(const store::Store& store) {
    std::vector<ChecklistTemplate> out;
    for (const auto& row : store.list("checklist_templates")) out.push_back(fromRow(row));
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return std::tie(a.code, a.version, a.id) < std::tie(b.code, b.version, b.id);
    });
    return out;
}

std::string copyTemplate(store::Store& store, const std::string& id, const std::string& title) {
    auto row = store.get("checklist_templates", id);
    if (!row) throw Error(ErrorKind::NotFound, "no checklist template " + id);
    const auto original = fromRow(*row);
    int next = original.version;
    for (const auto& t : listTemplates(store))
        if (t.code == original.code) next = std::max(next, t.version);
    store::Fields fields;
    for (const auto& [name, value] : row->fields)
        if (name != "version" && name != "title" && name != "based_on" && name != "verified")
            fields.emplace_back(name, value);
    fields.emplace_back("version", std::int64_t{next + 1});
    fields.emplace_back("title", title.empty() ? original.title : title);
    fields.emplace_back("based_on", id);
    return store.create("checklist_templates", fields);
}

} // namespace tdkt::inspection
