// A writer for the kill -9 test: commits batches of edits through the store API
// forever, printing each batch number once it is committed.
#include "tdkt/store/store.hpp"

#include <cstdio>
#include <string>

int main(int argc, char** argv) {
    if (argc < 2) return 2;
    tdkt::store::OpenOptions o;
    o.create = true;
    auto s = tdkt::store::Store::open(argv[1], o);
    if (!s->exists("units", "crash-unit"))
        s->create("units", {{"name", std::string("Xã Thử")}, {"level", std::string("xa")}}, "crash-unit");
    for (int batch = 1;; ++batch) {
        tdkt::store::Store::Batch b{*s};
        for (int i = 0; i < 20; ++i) {
            auto id = s->create("people", {{"unit_id", std::string("crash-unit")},
                                           {"full_name", "lô " + std::to_string(batch) + " người " + std::to_string(i)}});
            s->update("people", id, {{"position", std::string("Cán bộ")}, {"birth_year", std::int64_t{1980 + i}}});
        }
        b.commit();
        std::printf("%d\n", batch);
        std::fflush(stdout);
    }
}
