#pragma once
/**
 * @brief Vietnamese alphabetical order, for lists sorted by name.
 *
 * Letters in the order of the Vietnamese alphabet (a ă â b c d đ e ê … o ô ơ … u ư
 * … y), case and tone marks ignored at first; on a tie the tones decide (none,
 * huyền, hỏi, ngã, sắc, nặng), then the case, then the bytes. So "Đinh" sorts
 * after "Dũng" and before "Em", not after "Z" as bytes would put it. Text is
 * read as NFC UTF-8 (what the store holds); bytes that are no UTF-8 compare as
 * themselves. Thread safety: pure functions.
 */
#include <string_view>

namespace tdkt {

/** < 0, 0, > 0 as `a` sorts before, with, or after `b`. */
int compareVietnamese(std::string_view a, std::string_view b);

/** By the given name (the last word) first, then the whole name: "Trần Văn An" before "Lê Thị Bình". */
int compareGivenName(std::string_view a, std::string_view b);

/** The SQLite collations the store registers on each connection (store_page.cpp uses them). */
inline constexpr const char* VietnameseCollation = "tdkt_vi";
inline constexpr const char* GivenNameCollation = "tdkt_vi_given";

} // namespace tdkt
