// Vietnamese wording of error kinds (the GUI's first language).
#include "messages.hpp"

namespace tdkt::app::detail {

std::string errorVi(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::Invalid: return "Dữ liệu nhập chưa hợp lệ; hãy kiểm tra lại trường được đánh dấu.";
    case ErrorKind::NotFound: return "Không tìm thấy bản ghi này; có thể nó đã bị xóa hoặc chưa được đồng bộ về máy.";
    case ErrorKind::Conflict: return "Thao tác không thực hiện được vì dữ liệu đã thay đổi; hãy tải lại và thử lại.";
    case ErrorKind::Storage: return "Không ghi được vào cơ sở dữ liệu trên máy (đầy ổ đĩa, chỉ đọc hoặc tệp hỏng). Dữ liệu đã nhập vẫn còn trên màn hình.";
    case ErrorKind::Forbidden: return "Tài khoản của bạn không có quyền thực hiện thao tác này.";
    }
    return "Đã xảy ra lỗi.";
}

std::string syncVi(sync::SyncErrorKind kind) {
    using K = sync::SyncErrorKind;
    switch (kind) {
    case K::Unreachable: return "Không kết nối được máy chủ; bạn vẫn làm việc ngoại tuyến, dữ liệu sẽ được gửi khi có mạng.";
    case K::Tls: return "Không xác thực được chứng chỉ của máy chủ; hãy kiểm tra tệp chứng chỉ.";
    case K::Timeout: return "Máy chủ không phản hồi kịp; sẽ thử lại sau.";
    case K::UpdateRequired: return "Phiên bản phần mềm đã cũ; hãy cập nhật TĐKT để đồng bộ.";
    case K::BadCredentials: return "Tên đăng nhập hoặc mật khẩu không đúng.";
    case K::BadToken: return "Phiên đăng nhập đã hết hạn; hãy đăng nhập lại.";
    case K::Protocol: return "Máy chủ trả lời không đúng giao thức; hãy báo cho quản trị viên.";
    case K::NotLoggedIn: return "Bản sao này chưa đăng nhập máy chủ; hãy đăng nhập để đồng bộ.";
    case K::ReplicaForked: return "Mã bản sao trùng với một máy khác; bản sao đã nhận mã mới, không mất dữ liệu.";
    case K::AccountLocked: return "Tài khoản tạm khóa vì đăng nhập sai nhiều lần; hãy thử lại sau.";
    case K::AccountDisabled: return "Tài khoản đã bị quản trị viên vô hiệu hóa: máy này không còn giữ dữ liệu của đơn vị, các thay đổi chưa gửi nằm trong mục thay đổi bị từ chối. Hãy liên hệ quản trị viên.";
    case K::DeviceRevoked: return "Máy này đã bị thu hồi quyền đồng bộ; hãy đăng nhập lại bằng mật khẩu.";
    case K::PasswordChangeRequired: return "Quản trị viên đã đặt lại mật khẩu; hãy đặt mật khẩu mới để tiếp tục. Dữ liệu chờ gửi vẫn còn trên máy.";
    case K::PasswordRefused: return "Mật khẩu mới không được chấp nhận; hãy chọn mật khẩu khác.";
    }
    return "Đồng bộ không thành công.";
}

std::string lockedVi(const std::string& hhmm) {
    return "Tài khoản tạm khóa đến " + hhmm + " vì đăng nhập sai nhiều lần; hãy thử lại sau giờ đó.";
}

std::string passwordRefusedVi(const std::string& reason, std::int64_t minLength) {
    if (reason == "too_short") return "Mật khẩu mới quá ngắn; cần ít nhất " + std::to_string(minLength) + " ký tự.";
    if (reason == "user_name") return "Mật khẩu mới không được chứa tên đăng nhập.";
    if (reason == "common") return "Mật khẩu mới quá phổ biến, dễ bị đoán; hãy chọn mật khẩu khác.";
    return syncVi(sync::SyncErrorKind::PasswordRefused);
}

std::string_view refusalVi(protocol::RefusalKind kind) {
    using K = protocol::RefusalKind;
    switch (kind) {
    case K::UnknownTable: return "Máy chủ không nhận bảng dữ liệu “{table}” (máy chủ và máy này khác phiên bản).";
    case K::InvalidRowId: return "Mã bản ghi không hợp lệ.";
    case K::BadDeleted: return "Dấu xóa bản ghi không hợp lệ (chỉ nhận 0 hoặc 1).";
    case K::UnknownField: return "Máy chủ không nhận trường “{field}” của {table} (máy chủ và máy này khác phiên bản).";
    case K::UnknownValue: return "Máy chủ không nhận giá trị “{value}” của trường “{field}”.";
    case K::InvalidValue: return "Giá trị của trường “{field}” không hợp lệ ({detail}).";
    case K::ClockAhead: return "Thay đổi mang giờ nhanh hơn đồng hồ máy chủ {minutes} phút; hãy chỉnh lại ngày giờ của máy tính.";
    case K::RulesBlocked: return "Hồ sơ chưa đủ điều kiện để chuyển sang “{status}” ({rule}): {message} — {source}.";
    case K::ServerWritten: return "Xung đột do máy chủ ghi; hãy xử lý trong hộp xung đột (giữ một giá trị hoặc nhập giá trị gộp).";
    case K::UnitsAdminOnly: return "Chỉ quản trị viên được thay đổi danh sách đơn vị.";
    case K::ReferenceAdminOnly: return "Dữ liệu tham chiếu ({table}) chỉ quản trị viên được thay đổi.";
    case K::AdminNoUnitRecords: return "Quản trị viên quản lý đơn vị, tài khoản và dữ liệu tham chiếu, không sửa {table} của đơn vị.";
    case K::RowWithoutUnit: return "Bản ghi chưa có đơn vị (trường “{field}” còn trống).";
    case K::UnitNotCleared: return "Không được để trống trường đơn vị “{field}”.";
    case K::CollectiveOwn: return "Đơn vị {unit} không tự thẩm định hay quyết định hồ sơ tập thể của chính mình (trường “{field}”); cấp trên làm việc này.";
    case K::OfficerNoReview: return "Cán bộ đề nghị không được thẩm định hay quyết định hồ sơ của đơn vị mình (trường “{field}”); người thẩm định của đơn vị hoặc cơ quan thẩm định cấp trên làm việc này.";
    case K::ReviewerOtherRecords: return "Người thẩm định chỉ đưa hồ sơ qua các bước thẩm định và quyết định; {table} của đơn vị {unit} do cán bộ đơn vị đó cập nhật.";
    case K::ForeignUnit: return "Đơn vị {unit} không thuộc phạm vi của bạn: {role} của {home} không được sửa {table} của đơn vị này.";
    case K::DecidingUnitOther: return "Người thẩm định chỉ ghi đơn vị mình ({home}) là đơn vị quyết định, không ghi {other}; cấp quyết định tự ghi quyết định của mình.";
    case K::DecisionNoAward: return "Hồ sơ chưa có danh hiệu / hình thức khen thưởng nên chưa cấp nào quyết định được (trường “{field}”).";
    case K::DecidingNoLevel: return "Đơn vị {unit} chưa có cấp hành chính nên chưa xác định được thẩm quyền quyết định.";
    case K::NoAuthority: return "Không có thẩm quyền quyết định (trường “{field}”): {message} — {source}. Nếu cấp trên ngoài cây đơn vị đã quyết định, ghi cơ quan tặng và số quyết định của cấp đó.";
    case K::IssuerInTree: return "{award} do {unit} quyết định và đơn vị này có trong cây đơn vị: người thẩm định của {unit} ghi quyết định của mình (trường “{field}”), không ghi như cơ quan tặng ở ngoài.";
    case K::RecordNoIssuerName: return "Ghi tên cơ quan tặng ({issuer}) trước khi ghi quyết định của cơ quan đó (trường “{field}”).";
    case K::RecordNoNumber: return "Ghi quyết định của {issuer} cần có số quyết định (trường “{field}”): nhập số quyết định của cơ quan đó cùng lúc.";
    case K::TeamRowId: return "Mã thành viên đoàn kiểm tra phải lập từ kế hoạch và tài khoản (tdkt-cli inspection team add).";
    case K::TeamUnit: return "Thành viên đoàn thuộc đơn vị ban hành kế hoạch {plan}.";
    case K::NoTarget: return "Bản ghi kiểm tra ({table}) chưa có đối tượng kiểm tra.";
    case K::TargetNoPlan: return "Đối tượng kiểm tra {target} không thuộc kế hoạch nào.";
    case K::ConclusionRow: return "Kết luận của đoàn là bản ghi kết luận kiểm tra riêng; đơn vị được xem khi trưởng đoàn công bố.";
    case K::LeaderPublishes: return "Chỉ trưởng đoàn kiểm tra của kế hoạch {plan} được công bố kết luận (trường “{field}”).";
    case K::SelfSubmitted: return "Bản tự kiểm tra đã nộp nên không sửa được nữa (trường “{field}”).";
    case K::SelfSubmitOnly: return "Đơn vị chỉ được nộp bản tự kiểm tra; đơn vị ban hành kế hoạch mới mở lại được.";
    case K::PlanManaged: return "Kế hoạch {plan} do đơn vị {unit} và đoàn kiểm tra quản lý.";
    case K::InspectedUnitRow: return "Bản ghi này thuộc đơn vị được kiểm tra {unit} (trường “{field}”).";
    case K::ChecklistSubmitted: return "Bản tự kiểm tra của đối tượng {target} đã nộp: chỉ được xem.";
    case K::FollowUpOnly: return "Đơn vị nhận kiến nghị chỉ cập nhật phần theo dõi thực hiện; trường “{field}” không sửa được.";
    case K::TeamOnly: return "Chỉ đoàn kiểm tra của kế hoạch {plan} ghi kết quả kiểm tra đối tượng {target}.";
    case K::AccountDisabled: return "Tài khoản đã bị quản trị viên vô hiệu hóa nên máy chủ không nhận thay đổi này ({table}); giá trị bạn đã nhập vẫn được giữ ở đây.";
    }
    return {};
}

std::string roleVi(std::string_view role) {
    if (role == "officer") return "cán bộ";
    if (role == "reviewer") return "người thẩm định";
    if (role == "inspector") return "thanh tra viên";
    if (role == "admin") return "quản trị viên";
    return std::string(role);
}

} // namespace tdkt::app::detail

// Movements (issue 17): a typed value refused before it is written.
namespace tdkt::app::detail {

std::string fieldProblemVi(FieldProblem problem, const std::string& label, const std::string& other) {
    const std::string f = "“" + label + "”";
    switch (problem) {
    case FieldProblem::NotADate: return f + " phải là một ngày có thật, viết ngày/tháng/năm (ví dụ 04/06/2021).";
    case FieldProblem::NotANumber: return f + " phải là một số (ví dụ 19 hoặc 4,5).";
    case FieldProblem::Negative: return f + " không được là số âm.";
    case FieldProblem::NotAYear: return f + " phải là một năm có bốn chữ số (ví dụ 2025).";
    case FieldProblem::Required: return f + " không được để trống.";
    case FieldProblem::EndBeforeStart: return f + " không được trước “" + other + "”.";
    }
    return f + " không hợp lệ; hãy sửa lại.";
}

} // namespace tdkt::app::detail
