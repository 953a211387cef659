#include "app_world.hpp"

#include "tdkt/rules/reference_io.hpp"

namespace tdkt::test {

AppWorld::AppWorld() : store(openStore(dir / "replica.db")) {
    rules::seedReference(*store, TDKT_REFERENCE_DIR);
    province = store->create("units", {{"name", std::string("Tỉnh Ninh Bình")}, {"level", std::string("tinh")}});
    communeA = store->create("units", {{"name", std::string("Xã Khánh Hòa")}, {"level", std::string("xa")},
                                       {"parent_id", province}});
    communeB = store->create("units", {{"name", std::string("Xã Yên Mạc")}, {"level", std::string("xa")},
                                       {"parent_id", province}});
}

std::string AppWorld::dossier(const std::string& unit, const std::string& name, std::int64_t year,
                              const std::string& award, const std::string& status) {
    return store->create("dossiers", {{"unit_id", unit},
                                      {"nominee_kind", std::string("ca_nhan")},
                                      {"nominee_name", name},
                                      {"award_code", award},
                                      {"year", year},
                                      {"status", status}});
}

rules::Catalog AppWorld::catalog() const { return rules::catalogFromStore(*store); }

} // namespace tdkt::test
