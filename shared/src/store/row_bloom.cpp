#include "row_bloom.hpp"

#include <algorithm>
#include <cstdint>

namespace tdkt::store {
namespace {

constexpr unsigned Hashes = 7; // with 10 bits a row: ~1% false positives
constexpr std::size_t BitsPerRow = 10;

// Two independent 64-bit hashes (FNV-1a with two offsets), the k probes derived
// from them (Kirsch–Mitzenmacher). Fixed here, not std::hash: the filters are stored.
std::pair<std::uint64_t, std::uint64_t> hashes(std::string_view id) {
    std::uint64_t a = 14695981039346656037ull, b = 0x9e3779b97f4a7c15ull;
    for (unsigned char c : id) {
        a = (a ^ c) * 1099511628211ull;
        b = (b ^ c) * 0x100000001b3ull + 0x2545f4914f6cdd1dull;
    }
    return {a, b | 1};
}

} // namespace

std::string rowBloom(std::span<const std::string_view> ids) {
    const std::size_t bits = std::max<std::size_t>(64, ids.size() * BitsPerRow);
    std::string out(1 + (bits + 7) / 8, '\0');
    out[0] = static_cast<char>(Hashes);
    const std::uint64_t m = (out.size() - 1) * 8;
    for (std::string_view id : ids) {
        auto [a, b] = hashes(id);
        for (unsigned k = 0; k < Hashes; ++k) {
            const std::uint64_t bit = (a + k * b) % m;
            out[1 + bit / 8] = static_cast<char>(static_cast<unsigned char>(out[1 + bit / 8]) | (1u << (bit % 8)));
        }
    }
    return out;
}

bool bloomMayHold(std::string_view bloom, std::string_view id) {
    if (bloom.size() < 2) return true;
    const unsigned k = static_cast<unsigned char>(bloom[0]);
    const std::uint64_t m = (bloom.size() - 1) * 8;
    auto [a, b] = hashes(id);
    for (unsigned i = 0; i < k; ++i) {
        const std::uint64_t bit = (a + i * b) % m;
        if (!(static_cast<unsigned char>(bloom[1 + bit / 8]) & (1u << (bit % 8)))) return false;
    }
    return true;
}

} // namespace tdkt::store
