// Error kinds worded for a person: Vietnamese first, English second, every kind a
// sentence of its own, and describeError at the boundary keeping the detail apart.
#include "app/labels.hpp"
#include "app/messages.hpp"
#include "app/refusals.hpp"

#include "tdkt/schema/schema.hpp"

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


TEST_CASE("app-messages: every refusal kind has its own Vietnamese and English sentence") {
    std::set<std::string> vi, en;
    for (auto k : protocol::allRefusalKinds()) {
        const std::string code(protocol::refusalCode(k));
        CAPTURE(code);
        CHECK(protocol::refusalKindOf(code) == k);
        const protocol::Refusal r(k, {{"table", "dossiers"}, {"field", "status"}, {"unit", "xa-b"}, {"role", "officer"},
                                      {"home", "xa-a"}, {"status", "submitted"}, {"message", "Thiếu tờ trình"}});
        const auto sv = app::refusalSentence(r.encode(), Lang::Vi);
        const auto se = app::refusalSentence(r.encode(), Lang::En);
        CHECK(sv.find('{') == std::string::npos); // every slot filled
        CHECK(se.find('{') == std::string::npos);
        CHECK(sv.find(code) == std::string::npos);
        CHECK(sv != se);
        vi.insert(sv);
        en.insert(se);
    }
    CHECK(vi.size() == protocol::allRefusalKinds().size());
    CHECK(en.size() == protocol::allRefusalKinds().size());
}

TEST_CASE("app-messages: a refusal's parameters survive the wire form and are worded with names and labels") {
    using protocol::RefusalKind;
    const protocol::Refusal r(RefusalKind::ForeignUnit,
                              {{"table", "dossiers"}, {"unit", "xa-b"}, {"role", "officer"}, {"home", "xa-a"}});
    CHECK(r.encode() == "rights.foreign_unit table=dossiers unit=xa-b role=officer home=xa-a");
    const protocol::Refusal odd(RefusalKind::RulesBlocked,
                                {{"message", "Thiếu \"tờ trình\" \\ biên bản"}, {"rule", ""}, {"article", "Đ 5=6"}});
    const auto back = protocol::decodeRefusal(odd.encode());
    REQUIRE(back);
    CHECK(back->params == odd.params);
    // An older server's sentence, or a newer server's kind, is shown as it came.
    CHECK_FALSE(protocol::decodeRefusal("unit xa-b is not yours: a officer of unit xa-a may not change its dossiers"));
    CHECK_FALSE(protocol::decodeRefusal("rights.kind_from_the_future unit=x"));
    CHECK(app::refusalSentence("dossiers.status: old words", Lang::Vi) == "dossiers.status: old words");
    CHECK(app::refusalCodeOf(r.encode()) == "rights.foreign_unit");

    auto names = [](const std::string& id) { return id == "xa-b" ? std::string("Xã Bình An") : std::string(); };
    CHECK(app::refusalSentence(r.encode(), Lang::Vi, names) ==
          "Đơn vị Xã Bình An không thuộc phạm vi của bạn: cán bộ của xa-a không được sửa " +
              schema::registry().require("dossiers").label +
              " của đơn vị này.");
    CHECK(app::refusalSentence(r.encode(), Lang::En, names) ==
          "Unit Xã Bình An (xa-b) is not yours: an officer of unit xa-a may not change its dossiers.");
    const protocol::Refusal blocked(RefusalKind::RulesBlocked, {{"status", "submitted"},
                                                                {"rule", "completeness.to_trinh"},
                                                                {"message", "Thiếu tờ trình"},
                                                                {"document", "Nghị định 152/2025"},
                                                                {"article", ""}});
    CHECK(app::refusalSentence(blocked.encode(), Lang::Vi) ==
          "Hồ sơ chưa đủ điều kiện để chuyển sang “" + app::enumLabel("dossiers", "status", "submitted", Lang::Vi) +
              "” (completeness.to_trinh): Thiếu tờ trình — Nghị định 152/2025.");
}

} // namespace tdkt::test
