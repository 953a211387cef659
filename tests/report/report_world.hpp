#pragma once
// A replica seeded with the shipped reference data and a slice of Yên Khánh 2023's
// § 3.5 (seed 003): the world of the annual report's figure tests.
#include "temp_dir.hpp"

#include "tdkt/store/store.hpp"

#include <memory>
#include <string>

namespace tdkt::test {

struct YenKhanh {
    std::string province, district, communeA, communeB, communeOld, empty;
};

/** Huyện Yên Khánh under Ninh Bình; xã B absorbed xã Cũ (its history counts under B); xã Trống holds no data. */
YenKhanh tree(store::Store& s);

/** Adds `times` dossiers of one kind, form, method, status and year. */
struct Maker {
    store::Store& s;
    int n = 0;
    void add(const std::string& unit, const std::string& kind, const std::string& code, const std::string& method,
             const std::string& status, int year, int times, const std::string& person = {},
             const std::string& dossierKind = {}, const std::string& reason = {});
};

struct Seeded {
    TempDir dir;
    std::unique_ptr<store::Store> s;
    YenKhanh w;
};

/** The seed's 2023 commendations (and 2022's, for the change), every status, hiệp y apart. */
void yenKhanh2023(Seeded& x);

} // namespace tdkt::test
