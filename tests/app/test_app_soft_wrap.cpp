// The multi-line field's word wrap (polish, issue 17): the field shows the user's
// text with spaces turned into soft breaks at its width; what is stored is the
// user's text, byte for byte, and an edit keeps the soft breaks it did not touch.
#include "app/soft_wrap.hpp"

#include <doctest/doctest.h>

#include <sstream>

namespace tdkt::test {
namespace {

// Every code point one pixel wide: a width is a count of letters.
float letters(std::string_view s) {
    float n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::vector<std::string> lines(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream in(s);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

constexpr const char* Long = "Hoàn thành xuất sắc nhiệm vụ được giao, dẫn đầu phong trào thi đua của xã về cải "
                             "cách hành chính và chuyển đổi số trong hai năm liền";

} // namespace

TEST_CASE("soft-wrap: long Vietnamese text breaks at spaces within the width and unwraps to itself") {
    const std::string text = Long;
    const auto w = app::softWrap(text, 30, letters);
    CHECK(w.shown.size() == text.size());
    REQUIRE(w.soft.size() >= 4);
    for (const auto& l : lines(w.shown)) CHECK(letters(l) <= 30);
    CHECK(app::unwrap(w.shown, w.soft) == text);
    CHECK(text.find('\n') == std::string::npos);
}

TEST_CASE("soft-wrap: the user's own line breaks stay and a word wider than the field stays whole") {
    const std::string text = "Kết quả:\nchuyểnđổisốtoàndiệnvàtriệtđể trong xã";
    const auto w = app::softWrap(text, 12, letters);
    const auto ls = lines(w.shown);
    REQUIRE(ls.size() == 3);
    CHECK(ls[0] == "Kết quả:");
    CHECK(ls[1] == "chuyểnđổisốtoàndiệnvàtriệtđể");
    CHECK(ls[2] == "trong xã");
    CHECK(app::unwrap(w.shown, w.soft) == text);
    CHECK(app::softWrap("ngắn", 12, letters).soft.empty());
}

TEST_CASE("soft-wrap: an edit keeps the soft breaks it did not touch and a typed newline is the user's") {
    const std::string text = Long;
    const auto w = app::softWrap(text, 30, letters);
    const auto first = w.soft.front();
    SUBCASE("a letter typed at the start shifts every break by its bytes") {
        const std::string after = "Đ" + w.shown;
        const auto soft = app::carrySoft(w.shown, w.soft, after);
        REQUIRE(soft.size() == w.soft.size());
        CHECK(soft.front() == first + 2);
        CHECK(app::unwrap(after, soft) == "Đ" + text);
    }
    SUBCASE("Enter typed after the first word is a line break the user keeps") {
        std::string after = w.shown;
        after.insert(4, "\n"); // "Hoàn" is 5 bytes: the newline before its last letter
        const auto soft = app::carrySoft(w.shown, w.soft, after);
        const auto user = app::unwrap(after, soft);
        CHECK(user == std::string(text).insert(4, "\n"));
        CHECK(app::softWrap(user, 30, letters).shown.size() == user.size());
    }
    SUBCASE("an undo that puts back a word with its soft break keeps it soft, not a newline") {
        std::string cut = w.shown;
        cut.erase(first - 2, 4);
        const auto softCut = app::carrySoft(w.shown, w.soft, cut);
        const auto undone = app::carrySoft(cut, softCut, w.shown, true); // the shown bytes come back
        CHECK(undone == w.soft);
        CHECK(app::unwrap(w.shown, undone) == text);
        CHECK(app::unwrap(w.shown, app::carrySoft(cut, softCut, w.shown)).find('\n') != std::string::npos); // as typed: kept
    }
    SUBCASE("a selection copied is the user's text: its soft breaks are spaces") {
        const auto copied = app::unwrapRange(w, 0, w.shown.size());
        CHECK(copied == text);
        CHECK(app::unwrapRange(w, first - 2, first + 2) == text.substr(first - 2, 4));
        CHECK(app::unwrapRange(w, 5, 5).empty());
        CHECK(app::unwrapRange(w, 0, 1'000'000) == text);
    }
    SUBCASE("a word deleted across a soft break leaves the others") {
        std::string after = w.shown;
        after.erase(first - 2, 4); // two bytes either side of the break
        const auto soft = app::carrySoft(w.shown, w.soft, after);
        CHECK(soft.size() == w.soft.size() - 1);
        CHECK(app::unwrap(after, soft).find('\n') == std::string::npos);
    }
}

} // namespace tdkt::test
