#include "zip_part.hpp"

#include <doctest/doctest.h>
#include <zip.h>

namespace tdkt::test {

std::string unzipped(const std::filesystem::path& file, const std::string& part) {
    int err = 0;
    zip_t* z = zip_open(file.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &err);
    REQUIRE_MESSAGE(z, "not a zip: ", file.string());
    zip_stat_t st;
    std::string out;
    if (zip_stat(z, part.c_str(), 0, &st) == 0) {
        zip_file_t* f = zip_fopen(z, part.c_str(), 0);
        REQUIRE(f);
        out.resize(st.size);
        CHECK(zip_fread(f, out.data(), st.size) == static_cast<zip_int64_t>(st.size));
        zip_fclose(f);
    }
    zip_close(z);
    return out;
}

} // namespace tdkt::test
