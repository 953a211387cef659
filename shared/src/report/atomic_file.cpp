// Whole-or-nothing output files for the report writers (issue 19).
#include "atomic_file.hpp"

#include "tdkt/core/error.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>

namespace tdkt::report {

AtomicFile::AtomicFile(std::filesystem::path target) : m_target(std::move(target)) {
    auto dir = m_target.parent_path();
    if (dir.empty()) dir = ".";
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        throw Error(ErrorKind::Storage, m_target.string() + ": no folder " + dir.string());
    if (std::filesystem::is_directory(m_target, ec))
        throw Error(ErrorKind::Storage, m_target.string() + ": is a folder");
    if (::access(dir.c_str(), W_OK) != 0)
        throw Error(ErrorKind::Storage, m_target.string() + ": " + std::strerror(errno));
    std::random_device rd;
    m_temp = dir / ("." + m_target.filename().string() + ".part-" + std::to_string(rd() % 1000000));
}

AtomicFile::~AtomicFile() {
    if (m_done) return;
    std::error_code ec;
    std::filesystem::remove(m_temp, ec);
}

void AtomicFile::commit() {
    std::error_code ec;
    std::filesystem::rename(m_temp, m_target, ec);
    if (ec) throw Error(ErrorKind::Storage, m_target.string() + ": " + ec.message());
    m_done = true;
}

} // namespace tdkt::report
