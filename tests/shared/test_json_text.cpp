#include "tdkt/json/json_text.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <random>
#include <string>
#include <vector>

using tdkt::json::isJsonText;

TEST_SUITE("json text") {
    TEST_CASE("json text: documents are accepted, broken ones refused") {
        for (const char* good : {"{}", "[]", "0", "-0.5e+3", "\"Nguyễn Văn A\"", " [1, 2.5, true, false, null] ",
                                 R"({"thành viên": ["Lê Thị B", {"vai trò": "trưởng đoàn"}], "số": -12})",
                                 R"("\u00e1\n\t\"\\\/")"})
            CHECK_MESSAGE(isJsonText(good), good);
        for (const char* bad : {"", " ", "{", "[1,]", "{\"a\":}", "{\"a\" 1}", "01", "1.", ".5", "1e", "-", "tru",
                                "nul", "[1] 2", "\"open", "\"\\x\"", "\"\\u12g4\"", "{1: 2}", "'x'", "[\"a\nb\"]"})
            CHECK_MESSAGE(!isJsonText(bad), bad);
        CHECK(!isJsonText("\"\xC3\x28\"")); // invalid UTF-8 inside a string
        CHECK(!isJsonText(std::string(100000, '['))); // too deep: refused, not a stack overflow
    }

    TEST_CASE("json text: agrees with nlohmann on mutated documents") {
        const std::vector<std::string> seeds = {
            R"({"team": ["Nguyễn Văn A", "Trần Thị B"], "lead": {"name": "Lê C", "n": 3}})",
            R"([1, -2.5e-3, true, false, null, "x\u0041\"y", {}, []])"};
        const std::string alphabet = "{}[],:\"\\0123456789.eE+-tfnul \n";
        std::mt19937 rng(7);
        int both = 0;
        for (int i = 0; i < 20000; ++i) {
            std::string s = seeds[i % seeds.size()];
            const int edits = 1 + static_cast<int>(rng() % 3);
            for (int e = 0; e < edits && !s.empty(); ++e) {
                const std::size_t at = rng() % s.size();
                switch (rng() % 3) {
                case 0: s.erase(at, 1); break;
                case 1: s.insert(at, 1, alphabet[rng() % alphabet.size()]); break;
                default: s[at] = alphabet[rng() % alphabet.size()]; break;
                }
            }
            const bool ours = isJsonText(s);
            CHECK_MESSAGE(ours == nlohmann::json::accept(s), s);
            both += ours ? 1 : 0;
        }
        CHECK(both > 100); // the mutations also produce valid documents, so both answers are exercised
    }

    TEST_CASE("json text: appendQuoted writes what nlohmann's dump writes") {
        std::vector<std::string> texts{"", "Nguyễn Thị Lan", "dòng 1\ndòng 2\r\n\tthụt", "\"trích\" \\ / \x7f",
                                       "Đặng Văn Ánh — ủy ban"};
        for (int b = 0; b < 0x80; ++b) texts.push_back(std::string(1, static_cast<char>(b)) + "x");
        for (const auto& t : texts) {
            std::string ours = "[";
            tdkt::json::appendQuoted(ours, t);
            CHECK(ours.substr(1) == nlohmann::json(t).dump());
        }
    }
}
