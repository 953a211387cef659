#include "history_view.hpp"

#include "typed_value.hpp"

#include "labels.hpp"

#include "tdkt/core/ids.hpp"
#include "tdkt/core/vi_collate.hpp"
#include "tdkt/schema/schema.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace tdkt::app {
namespace {

std::string boolText(const Value& v, Lang lang) {
    if (isNull(v)) return {};
    const auto* i = std::get_if<std::int64_t>(&v);
    const bool yes = i && *i != 0;
    return lang == Lang::Vi ? (yes ? "Có" : "Không") : (yes ? "Yes" : "No");
}

// The versions of each field's edits that hold: from the current value back along
// the bases each edit saw, with the base each one had.
std::map<std::string, std::map<Version, Version>> holdingChains(const store::Store& store, const std::string& table,
                                                                const std::string& id) {
    std::map<std::string, std::map<Version, Version>> bases; // field → version → base
    for (const auto& l : store.rowOps(table, id, UINT64_MAX)) bases[l.op.field][l.op.version()] = l.op.base;
    std::map<std::string, std::map<Version, Version>> chains;
    for (const auto& [field, ops] : bases) {
        const auto current = store.fieldValue(table, id, field);
        if (!current) continue;
        std::set<Version> seen;
        for (Version v = current->version; v.hlc != 0 && seen.insert(v).second;) {
            auto it = ops.find(v);
            if (it == ops.end()) break; // the log does not reach further back
            chains[field][v] = it->second;
            v = it->second;
        }
    }
    return chains;
}

} // namespace

std::vector<std::string> historyColumns(Lang lang) {
    if (lang == Lang::Vi)
        return {"Thời gian", "Người sửa", "Thiết bị", "Trường", "Giá trị cũ", "Giá trị mới", "Kết quả"};
    return {"When", "Who", "Device", "Field", "Before", "After", "Outcome"};
}

std::string shownValueIn(const store::Store& store, const std::string& table, const std::string& field,
                         const Value& value, Lang lang) {
    const auto* t = schema::registry().table(table);
    const auto* f = t ? t->field(field) : nullptr;
    const auto text = valueText(value);
    if (!f || text.empty()) return text;
    if (f->type == schema::FieldType::Enum) return enumLabel(table, field, text, lang);
    if (f->type == schema::FieldType::Date) return shownDate(text); // as the documents write it
    if (f->type != schema::FieldType::Ref) return text;
    const auto* rt = schema::registry().table(f->refTable);
    if (!rt) return text;
    const auto row = store.get(rt->name, text);
    if (!row) return text;
    const auto it = row->fields.find(rt->titleField);
    return it == row->fields.end() ? text : valueText(it->second);
}

std::vector<HistoryLine> historyLines(const store::Store& store, const std::string& table, const std::string& id,
                                      const ValueNamer& shown, Lang lang) {
    const auto& t = schema::registry().require(table);
    const auto chains = holdingChains(store, table, id);
    std::vector<HistoryLine> out;
    for (const auto& h : store.history(table, id)) {
        HistoryLine l;
        l.field = h.field;
        const auto* fd = t.field(h.field);
        if (h.field == schema::DeletedField) {
            l.fieldLabel = lang == Lang::Vi ? "Xoá bản ghi" : "Deleted";
            l.before = boolText(h.oldValue, lang);
            l.after = boolText(h.newValue, lang);
        } else if (fd && fd->type == schema::FieldType::Boolean) {
            l.fieldLabel = labelIn(fd->label, lang);
            l.before = boolText(h.oldValue, lang);
            l.after = boolText(h.newValue, lang);
        } else {
            l.fieldLabel = fd ? labelIn(fd->label, lang) : h.field;
            l.before = shown(table, h.field, h.oldValue);
            l.after = shown(table, h.field, h.newValue);
        }
        l.author = h.author;
        l.hlc = h.hlc;
        l.when = localClock(hlcMillis(h.hlc));
        l.thisDevice = h.site == store.siteId();
        l.device = siteToHex(h.site);
        l.applied = h.applied;
        // Lost when an edit that holds was made after it without having seen it.
        const Version v{h.hlc, h.site};
        if (auto c = chains.find(h.field); l.applied && c != chains.end() && !c->second.contains(v))
            for (const auto& [held, base] : c->second)
                if (base < v && v < held) l.applied = false;
        out.push_back(std::move(l));
    }
    return out;
}

std::vector<std::size_t> historyOrder(const std::vector<HistoryLine>& lines, std::size_t column, bool descending) {
    std::vector<std::size_t> order(lines.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    auto key = [&](const HistoryLine& l) -> const std::string& {
        return column == 1 ? l.author : column == 2 ? l.device : l.fieldLabel;
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const auto &x = lines[a], &y = lines[b];
        int c = 0;
        if (column >= 1 && column < HistorySortColumns) c = compareVietnamese(key(x), key(y));
        if (c == 0) c = x.hlc < y.hlc ? -1 : x.hlc > y.hlc ? 1 : 0;
        if (c == 0) c = a < b ? -1 : a > b; // the same stamp: as the store listed them
        return descending ? c > 0 : c < 0;
    });
    return order;
}

} // namespace tdkt::app
