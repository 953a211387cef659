#pragma once
/**
 * @brief Writes an annual report to a file: CSV (every table), XLSX (a sheet a
 *        table, libxlsxwriter), DOCX (the document, libzip, parts from a template
 *        directory in assets/report/docx). Library tdkt_report_export.
 *
 * A file is written whole or not at all: into a temporary file beside it, renamed
 * over the target only once complete. Errors: Error(Storage) for a path that cannot
 * be written, Error(Invalid) for a broken template or an unknown format, each
 * naming the file.
 */
#include "tdkt/report/annual_report.hpp"

#include <filesystem>

namespace tdkt::report {

enum class Format { Csv, Xlsx, Docx };

/** From the file's extension (.csv, .xlsx, .docx); throws Error(Invalid) otherwise. */
Format formatOf(const std::filesystem::path& file);

void writeCsv(const AnnualReport& report, const std::filesystem::path& file);
void writeXlsx(const AnnualReport& report, const std::filesystem::path& file);
void writeDocx(const AnnualReport& report, const std::filesystem::path& file, const std::filesystem::path& templateDir);

/** By the file's extension. */
void writeReport(const AnnualReport& report, const std::filesystem::path& file, const std::filesystem::path& templateDir);

} // namespace tdkt::report
