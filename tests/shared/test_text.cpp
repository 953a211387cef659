#include "tdkt/core/error.hpp"
#include "tdkt/core/text.hpp"

#include <doctest/doctest.h>

using namespace tdkt;

TEST_SUITE("text") {
    TEST_CASE("text: decomposed Vietnamese is composed to NFC") {
        // "Nguyễn" typed with combining marks: e + circumflex (U+0302) + tilde (U+0303).
        const std::string nfd = "Nguye\xCC\x82\xCC\x83n";
        CHECK(toNfc(nfd) == "Nguyễn");
        CHECK(toNfc("Đình") == "Đình");
        CHECK(toNfc("plain ascii") == "plain ascii");
    }

    TEST_CASE("text: folding removes marks, case, and folds đ/Đ") {
        CHECK(foldForSearch("Nguyễn Văn Đình") == "nguyen van dinh");
        CHECK(foldForSearch("ĐỖ THỊ HƯƠNG") == "do thi huong");
        CHECK(foldForSearch("Chiến sĩ thi đua cơ sở") == "chien si thi dua co so");
        CHECK(foldForSearch("Nguye\xCC\x82\xCC\x83n") == "nguyen");
    }

    TEST_CASE("text: malformed UTF-8 is refused, not mangled") {
        CHECK_FALSE(isValidUtf8("\xC3\x28"));
        CHECK_FALSE(isValidUtf8("abc\xFF"));
        CHECK(isValidUtf8("Lai Châu"));
        CHECK_THROWS_AS(toNfc("\xC3\x28 x"), Error);
    }

    TEST_CASE("text: UTF-8 is checked as Unicode's table 3-7 has it, at every position") {
        for (const char* good : {"", "Đ", "Nguyễn Văn Đình", "\xF0\x9F\x8E\x89", "\xEF\xBF\xBF", "\xF4\x8F\xBF\xBF",
                                 "\xE0\xA0\x80", "\xED\x9F\xBF", "\xC2\x80", "\xEE\x80\x80"})
            CHECK_MESSAGE(isValidUtf8(good), good);
        for (const char* bad : {"\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xE0\x9F\xBF", "\xED\xA0\x80", "\xED\xBF\xBF",
                                "\xF0\x80\x80\x80", "\xF0\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xFE",
                                "\x80", "\xBF", "\xC3", "\xE1\xBB", "\xF0\x9F\x8E", "\xE1\x28\x87", "\xF0\x9F\x28\x89"})
            CHECK_MESSAGE(!isValidUtf8(bad), bad);
        // The same faults anywhere in a longer text (ASCII is taken eight bytes at a time).
        for (std::size_t at = 0; at < 20; ++at) {
            std::string text(24, 'a');
            CHECK(isValidUtf8(text));
            text[at] = '\x80';
            CHECK_FALSE(isValidUtf8(text));
            text.replace(at, 1, "\xE1\xBB\x87"); // ệ
            CHECK(isValidUtf8(text));
            text.resize(at + 2); // cut inside it
            CHECK_FALSE(isValidUtf8(text));
        }
    }
}
