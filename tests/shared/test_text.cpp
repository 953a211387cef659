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
}
