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
    case K::AccountDisabled: return "Tài khoản đã bị quản trị viên khóa; hãy liên hệ quản trị viên.";
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

} // namespace tdkt::app::detail
