#include "messages.hpp"

#include <ctime>

namespace tdkt::app {

std::string clockTime(std::int64_t ms) {
    const auto t = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%H:%M", &tm);
    return buf;
}

std::string syncErrorSentence(const sync::SyncError& error, Lang lang) {
    using K = sync::SyncErrorKind;
    const bool vi = lang == Lang::Vi;
    if (error.kind() == K::AccountLocked && error.untilMs() > 0)
        return vi ? detail::lockedVi(clockTime(error.untilMs())) : detail::lockedEn(clockTime(error.untilMs()));
    if (error.kind() == K::PasswordRefused && !error.reason().empty())
        return vi ? detail::passwordRefusedVi(error.reason(), error.minLength())
                  : detail::passwordRefusedEn(error.reason(), error.minLength());
    return syncErrorSentence(error.kind(), lang);
}

std::string errorSentence(ErrorKind kind, Lang lang) {
    return lang == Lang::Vi ? detail::errorVi(kind) : detail::errorEn(kind);
}

std::string syncErrorSentence(sync::SyncErrorKind kind, Lang lang) {
    return lang == Lang::Vi ? detail::syncVi(kind) : detail::syncEn(kind);
}

std::string passwordsDifferSentence(Lang lang) {
    return lang == Lang::Vi ? "Hai lần nhập mật khẩu mới không khớp nhau; hãy nhập lại."
                            : "The two new passwords differ; type them again.";
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
        return {syncErrorSentence(err, lang), err.what()};
    } catch (const std::exception& err) {
        return {errorSentence(ErrorKind::Storage, lang), err.what()};
    }
}

} // namespace tdkt::app

// Movements (issue 17)
namespace tdkt::app {

std::string fieldProblemSentence(FieldProblem problem, const std::string& fieldLabel, Lang lang,
                                 const std::string& other) {
    return lang == Lang::Vi ? detail::fieldProblemVi(problem, fieldLabel, other)
                            : detail::fieldProblemEn(problem, fieldLabel, other);
}

} // namespace tdkt::app
