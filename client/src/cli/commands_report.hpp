#pragma once
// tdkt-cli's annual report commands (issue 19):
//   report annual --unit UNIT_ID --year Y --out FILE.docx|.xlsx|.csv
//                 [--outline lai_chau|lang_son|FILE.json] [--stale-since YYYY-MM-DD]
//       → {"file", "units", "not_synced": [...], "no_data": [...]}
//   report section --unit UNIT_ID --year Y --outline ID --key KEY --text TEXT
//       → the report_sections row id
#include "context.hpp"

#include <filesystem>

namespace tdkt::cli {

int runReportCommand(Context& ctx);

/** assets/report (TDKT_REPORT_DIR in the environment overrides): outlines and the DOCX template. */
std::filesystem::path reportDir();

} // namespace tdkt::cli
