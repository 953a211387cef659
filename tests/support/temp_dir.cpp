#include "temp_dir.hpp"

#include <cstdlib>
#include <stdexcept>
#include <string>

namespace tdkt::test {

TempDir::TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "tdkt-test-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    m_path = tmpl;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

} // namespace tdkt::test
