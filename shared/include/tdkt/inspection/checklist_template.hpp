#pragma once
/**
 * @brief Checklist templates (mẫu nội dung kiểm tra): versioned reference rows of
 *        `checklist_templates`, shipped in assets/reference and synced like the
 *        award catalog. The default is section II of the inspection plan in
 *        seeds/ (Kế hoạch 1181/KH-HĐTĐKT) with its đề cương.
 *
 * A template's `items` field is a JSON array of
 * {"key", "section", "section_title", "number", "content"}: keys are unique and
 * stable (a checklist item remembers which template item it came from).
 */
#include "tdkt/store/store.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>

#include <string>
#include <vector>

namespace tdkt::inspection {

struct TemplateItem {
    std::string key;          // stable within the template ("II.4.3")
    std::string section;      // "II.4"
    std::string sectionTitle; // "Công tác khen thưởng"
    std::string number;       // "4.3"
    std::string content;
};

struct ChecklistTemplate {
    std::string id;
    std::string code;
    int version = 0;
    std::string title;
    std::vector<TemplateItem> items;
};

/**
 * The items of a template, checked: a non-empty array of objects, each with a
 * non-empty key, section, number and content, keys unique. Throws
 * Error(Invalid) naming `where` (a file or row) and the item at fault.
 */
std::vector<TemplateItem> parseTemplateItems(const nlohmann::json& items, const std::string& where);

/**
 * The templates of the asset files in `dir` (the rows of every file whose table is
 * checklist_templates), each checked as parseTemplateItems does: `reference load`
 * refuses a broken template before it writes anything.
 */
std::vector<ChecklistTemplate> templatesFromDirectory(const std::filesystem::path& dir);

/** The template held in the store under `id`; Error(NotFound) or Error(Invalid) when there is none or it is broken. */
ChecklistTemplate templateFromStore(const store::Store& store, const std::string& id);

/** Every template row of the replica (newest version of each code last). */
std::vector<ChecklistTemplate> listTemplates(const store::Store& store);

/**
 * An administrator's editable copy: a new row with the same code, the next
 * version, based_on the original, and the given title (or the original's).
 */
std::string copyTemplate(store::Store& store, const std::string& id, const std::string& title);

} // namespace tdkt::inspection
