// The registry as an older build knew it: the tables, fields and enumeration
// values of migrations up to a version. The server tells what a client of that
// schema can hold by it; tests run a replica of an older build with it.
#include "tdkt/schema/schema.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>

namespace tdkt::schema {
namespace {

std::vector<TableDef> tablesAt(int version) {
    std::vector<TableDef> out;
    for (const auto& t : registry().tables()) {
        if (t.since > version) continue;
        TableDef old = t;
        std::erase_if(old.fields, [&](const FieldDef& fd) { return fd.since > version; });
        for (auto& fd : old.fields) std::erase_if(fd.values, [&](const EnumValue& v) { return v.since > version; });
        out.push_back(std::move(old));
    }
    return out;
}

} // namespace

const Registry& registryAt(int version) {
    if (version <= 0 || version >= registry().latestVersion()) return registry();
    static std::mutex mutex;
    static std::map<int, std::unique_ptr<Registry>> made; // never freed: callers keep references
    const std::lock_guard lock(mutex);
    auto& r = made[version];
    if (!r) r = std::make_unique<Registry>(tablesAt(version));
    return *r;
}

bool knownAt(const TableDef& table, std::string_view field, int version) {
    if (table.since > version) return false;
    if (field == DeletedField) return true;
    const auto* fd = table.field(field);
    return fd && fd->since <= version;
}

} // namespace tdkt::schema
