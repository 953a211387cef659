#pragma once
// A replica file in a temp dir with the shipped reference data, a province and two
// communes, and dossiers to list and edit: what the tdkt_app tests work on.
#include "fixtures.hpp"

#include "tdkt/rules/catalog.hpp"
#include "tdkt/store/store.hpp"

#include <memory>
#include <string>

namespace tdkt::test {

struct AppWorld {
    TempDir dir;
    std::unique_ptr<store::Store> store;
    std::string province, communeA, communeB;

    AppWorld();

    /** A draft dossier (ca_nhan) for `name` in `unit`. */
    std::string dossier(const std::string& unit, const std::string& name, std::int64_t year,
                        const std::string& award = "lao_dong_tien_tien", const std::string& status = "draft");

    rules::Catalog catalog() const;
};

} // namespace tdkt::test
