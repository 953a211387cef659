// Error kinds worded for a person: Vietnamese first, English second, every kind a
// sentence of its own, and describeError at the boundary keeping the detail apart.
#include "app/messages.hpp"

#include <doctest/doctest.h>

#include <set>

namespace tdkt::test {
using app::Lang;

TEST_CASE("app-messages: every error kind has its own Vietnamese and English sentence") {
    std::set<std::string> vi, en;
    for (auto k : {ErrorKind::Invalid, ErrorKind::NotFound, ErrorKind::Conflict, ErrorKind::Storage, ErrorKind::Forbidden}) {
        vi.insert(app::errorSentence(k, Lang::Vi));
        en.insert(app::errorSentence(k, Lang::En));
    }
    CHECK(vi.size() == 5);
    CHECK(en.size() == 5);
    CHECK(app::errorSentence(ErrorKind::Forbidden, Lang::Vi) == "Tài khoản của bạn không có quyền thực hiện thao tác này.");
    CHECK(app::errorSentence(ErrorKind::NotFound, Lang::Vi).find("Không tìm thấy") == 0);

    using K = sync::SyncErrorKind;
    std::set<std::string> svi, sen;
    const auto kinds = {K::Unreachable, K::Tls, K::Timeout, K::UpdateRequired, K::BadCredentials, K::BadToken,
                        K::Protocol, K::NotLoggedIn, K::ReplicaForked, K::AccountLocked, K::AccountDisabled,
                        K::DeviceRevoked, K::PasswordChangeRequired, K::PasswordRefused};
    for (auto k : kinds) {
        svi.insert(app::syncErrorSentence(k, Lang::Vi));
        sen.insert(app::syncErrorSentence(k, Lang::En));
    }
    CHECK(svi.size() == kinds.size());
    CHECK(sen.size() == kinds.size());
    CHECK(app::syncErrorSentence(K::BadCredentials, Lang::Vi) == "Tên đăng nhập hoặc mật khẩu không đúng.");
    CHECK(svi.count(app::syncErrorSentence(K::Unreachable, Lang::En)) == 0);
}

TEST_CASE("app-messages: a lock names its end, a refused password its reason") {
    using K = sync::SyncErrorKind;
    const std::int64_t until = 1'764'000'000'000;
    const auto hhmm = app::clockTime(until);
    CHECK(hhmm.size() == 5);
    auto m = app::describeError(std::make_exception_ptr(sync::SyncError(K::AccountLocked, "account locked", until)),
                                Lang::Vi);
    CHECK(m.sentence.find("Tài khoản tạm khóa đến " + hhmm) == 0);
    m = app::describeError(std::make_exception_ptr(sync::SyncError(K::AccountLocked, "account locked", until)), Lang::En);
    CHECK(m.sentence.find("locked until " + hhmm) != std::string::npos);
    // Without its time (an older server's answer) it is still a sentence.
    CHECK(app::syncErrorSentence(sync::SyncError(K::AccountLocked, "x"), Lang::Vi) ==
          app::syncErrorSentence(K::AccountLocked, Lang::Vi));

    const auto refused = [](const std::string& reason, std::int64_t min, Lang lang) {
        return app::syncErrorSentence(sync::SyncError(K::PasswordRefused, "password refused", reason, min), lang);
    };
    CHECK(refused("too_short", 10, Lang::Vi) == "Mật khẩu mới quá ngắn; cần ít nhất 10 ký tự.");
    CHECK(refused("too_short", 10, Lang::En).find("at least 10 characters") != std::string::npos);
    CHECK(refused("user_name", 0, Lang::Vi).find("tên đăng nhập") != std::string::npos);
    CHECK(refused("common", 0, Lang::Vi) != refused("user_name", 0, Lang::Vi));
    CHECK(refused("something-new", 0, Lang::Vi) == app::syncErrorSentence(K::PasswordRefused, Lang::Vi));
}

TEST_CASE("app-messages: describeError words the kind and keeps the store's words as detail") {
    auto m = app::describeError(std::make_exception_ptr(Error(ErrorKind::NotFound, "no dossiers row with id x")), Lang::Vi);
    CHECK(m.sentence == app::errorSentence(ErrorKind::NotFound, Lang::Vi));
    CHECK(m.detail == "no dossiers row with id x");

    m = app::describeError(std::make_exception_ptr(sync::SyncError(sync::SyncErrorKind::Tls, "certificate verify failed")),
                           Lang::En);
    CHECK(m.sentence == app::syncErrorSentence(sync::SyncErrorKind::Tls, Lang::En));
    CHECK(m.detail == "certificate verify failed");

    m = app::describeError(std::make_exception_ptr(std::runtime_error("disk I/O error")), Lang::Vi);
    CHECK(m.sentence == app::errorSentence(ErrorKind::Storage, Lang::Vi));
    CHECK(m.detail == "disk I/O error");
}

} // namespace tdkt::test
