#pragma once
// A file written whole or not at all (internal to the report writers): a
// temporary path beside the target, renamed over it by commit(), else removed.
#include <filesystem>

namespace tdkt::report {

class AtomicFile {
public:
    /** Throws Error(Storage) when the target's directory is missing or not writable. */
    explicit AtomicFile(std::filesystem::path target);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    const std::filesystem::path& temp() const { return m_temp; }
    /** Renames the temporary file over the target. */
    void commit();

private:
    std::filesystem::path m_target, m_temp;
    bool m_done = false;
};

} // namespace tdkt::report
