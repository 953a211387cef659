#include "step_input.hpp"

#include "typed_value.hpp"

#include <charconv>

namespace tdkt::app {

std::string stepSentence(StepProblem p, Lang lang) {
    const bool vi = lang == Lang::Vi;
    switch (p) {
    case StepProblem::NotAllowed:
        return vi ? "Vai trò của bạn không được thực hiện bước này với hồ sơ ở trạng thái hiện tại."
                  : "Your role may not take this step on the dossier in its present status.";
    case StepProblem::NoReason: return vi ? "Cần ghi lý do." : "A reason is needed.";
    case StepProblem::BadMembers:
        return vi ? "Số thành viên Hội đồng phải là số nguyên lớn hơn 0." : "Council members must be a whole number above 0.";
    case StepProblem::BadVotes:
        return vi ? "Số phiếu đồng ý phải là số nguyên từ 0 đến số thành viên Hội đồng."
                  : "Votes for must be a whole number from 0 to the council members.";
    case StepProblem::NoDecisionNumber: return vi ? "Cần ghi số quyết định." : "A decision number is needed.";
    case StepProblem::BadDate:
        return vi ? "Ngày quyết định phải có dạng ngày/tháng/năm (ví dụ 01/12/2026)."
                  : "The decision date must be day/month/year (e.g. 01/12/2026).";
    case StepProblem::BadAmount: return vi ? "Tiền thưởng phải là số đồng không âm." : "The amount must be whole đồng, not negative.";
    case StepProblem::NoIssuer:
        return vi ? "Cần chọn cơ quan đã quyết định." : "Choose the authority that decided.";
    case StepProblem::BadIssuer:
        return vi ? "Cơ quan đã chọn không có thẩm quyền quyết định hình thức này, hoặc là cấp trong cây đơn vị "
                    "(cấp đó tự ghi quyết định của mình)."
                  : "The authority chosen may not decide this award form, or is a level of the unit tree "
                    "(that level records its own decision).";
    case StepProblem::NoIssuerName:
        return vi ? "Cần ghi tên cơ quan đã quyết định (ví dụ «Bộ Giáo dục và Đào tạo»)."
                  : "The name of the authority that decided is needed (e.g. «Bộ Giáo dục và Đào tạo»).";
    }
    return {};
}

std::string trimmedInput(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    return b == std::string::npos ? std::string() : s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::optional<std::int64_t> wholeInput(const std::string& s) {
    std::int64_t v = 0;
    const auto* end = s.data() + s.size();
    auto [p, ec] = std::from_chars(s.data(), end, v);
    if (s.empty() || ec != std::errc() || p != end) return std::nullopt;
    return v;
}

std::optional<std::string> dateInput(const std::string& s) {
    schema::FieldDef date;
    date.name = "decision_date";
    date.type = schema::FieldType::Date;
    const auto typed = parseTyped(date, s);
    const auto* iso = std::get_if<std::string>(&typed.value);
    if (typed.problem || !iso) return std::nullopt;
    return *iso;
}

} // namespace tdkt::app
