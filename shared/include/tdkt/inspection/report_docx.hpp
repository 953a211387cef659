#pragma once
/**
 * @brief The inspection report as DOCX (issue 18), on the shared writer
 *        (tdkt/report/docx.hpp; library tdkt_report_export): the national header
 *        with the team's số/ký hiệu, place and date, then for each inspected unit
 *        the seed's đề cương — I. Đặc điểm tình hình, II. Kết quả thực hiện (a
 *        table a section: every item's result, notes, evidence), III. Nhận xét,
 *        đánh giá chung (what was achieved, shortcomings with the findings, the
 *        recommendations with their unit, due date and follow-up), IV. the team's
 *        conclusion — and the leader's signature block. Times New Roman 13–14.
 *
 * Written whole or not at all; errors as docx::writePackage's.
 */
#include "tdkt/inspection/report.hpp"

#include <filesystem>

namespace tdkt::inspection {

/** The report's word/document.xml (for tests and the writer). */
std::string reportDocumentXml(const InspectionReport& report);

void writeReportDocx(const InspectionReport& report, const std::filesystem::path& file,
                     const std::filesystem::path& templateDir);

} // namespace tdkt::inspection
