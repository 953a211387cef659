#pragma once
/**
 * @brief The little XML the DOCX writer needs: escaping text, and a check that a
 *        part is well-formed (tags nest and close, attributes quoted, one root).
 */
#include <string>
#include <string_view>

namespace tdkt::report {

std::string xmlEscape(std::string_view text);
bool wellFormedXml(std::string_view xml);

} // namespace tdkt::report
