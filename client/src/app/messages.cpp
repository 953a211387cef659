#include "messages.hpp"

namespace tdkt::app {

std::string errorSentence(ErrorKind kind, Lang lang) {
    return lang == Lang::Vi ? detail::errorVi(kind) : detail::errorEn(kind);
}

std::string syncErrorSentence(sync::SyncErrorKind kind, Lang lang) {
    return lang == Lang::Vi ? detail::syncVi(kind) : detail::syncEn(kind);
}

std::string invalidFieldSentence(const std::string& fieldLabel, Lang lang) {
    return lang == Lang::Vi ? "Giá trị của trường “" + fieldLabel + "” không hợp lệ; hãy sửa lại."
                            : "The value of “" + fieldLabel + "” is not valid; please correct it.";
}

UserMessage describeError(const std::exception_ptr& e, Lang lang) {
    try {
        std::rethrow_exception(e);
    } catch (const Error& err) {
        return {errorSentence(err.kind(), lang), err.what()};
    } catch (const sync::SyncError& err) {
        return {syncErrorSentence(err.kind(), lang), err.what()};
    } catch (const std::exception& err) {
        return {errorSentence(ErrorKind::Storage, lang), err.what()};
    }
}

} // namespace tdkt::app
