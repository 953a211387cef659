#pragma once
// Reading one part of a zip (a DOCX's word/document.xml, an XLSX's sheet) in tests.
#include <filesystem>
#include <string>

namespace tdkt::test {

/** The part's bytes, "" when the zip has no such part; fails the test when the file is not a sound zip. */
std::string unzipped(const std::filesystem::path& file, const std::string& part);

} // namespace tdkt::test
