// The Bloom filter of the rows a received batch names: never a false "not here",
// about 1% false "maybe", and a filter it cannot read answers "maybe".
#include "../../shared/src/store/row_bloom.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace tdkt::store;

TEST_CASE("row bloom: every id put in is found, about 1% of others are false positives") {
    std::vector<std::string> in, out;
    for (int i = 0; i < 833; ++i) in.push_back("01900000-0000-7000-8000-" + std::to_string(100000000000 + i));
    for (int i = 0; i < 20000; ++i) out.push_back("01900000-0000-7000-8000-" + std::to_string(200000000000 + i));
    std::vector<std::string_view> ids(in.begin(), in.end());
    const std::string bloom = rowBloom(ids);
    CHECK(bloom.size() == 1 + 833 * 10 / 8 + 1);
    for (const auto& id : in) CHECK(bloomMayHold(bloom, id));
    int falsePositives = 0;
    for (const auto& id : out) falsePositives += bloomMayHold(bloom, id) ? 1 : 0;
    CHECK(falsePositives < 20000 * 3 / 100);
    CHECK(falsePositives > 0); // a filter that answers "no" to everything would pass the line above
}

TEST_CASE("row bloom: a small batch still gets a usable filter, an unreadable one answers maybe") {
    const std::vector<std::string_view> one{"r1-17-a"};
    const std::string bloom = rowBloom(one);
    CHECK(bloom.size() == 1 + 8);
    CHECK(bloomMayHold(bloom, "r1-17-a"));
    CHECK_FALSE(bloomMayHold(bloom, "r1-17-b"));
    CHECK(bloomMayHold("", "r1-17-b"));
    CHECK(bloomMayHold("\x07", "r1-17-b"));
    CHECK(bloomMayHold(rowBloom({}), "") == false);
}
