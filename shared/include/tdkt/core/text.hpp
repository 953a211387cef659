#pragma once
/**
 * @brief Unicode handling for Vietnamese text: NFC on the way in, folding for search.
 */
#include <string>
#include <string_view>

namespace tdkt {

/** True when the bytes are well-formed UTF-8. */
bool isValidUtf8(std::string_view s);

/** NFC normalisation; throws Error(Invalid) on malformed UTF-8. */
std::string toNfc(std::string_view s);

/**
 * Folds text for diacritics-insensitive search: lower case, marks removed, and
 * đ/Đ → d (Unicode does not decompose them). "Nguyễn Văn Đình" → "nguyen van dinh".
 */
std::string foldForSearch(std::string_view s);

} // namespace tdkt
