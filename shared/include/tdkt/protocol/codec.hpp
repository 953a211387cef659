#pragma once
/**
 * @brief Frames on the wire: encode a message, and decode untrusted bytes.
 *
 * decode() is the only place untrusted bytes are parsed: it caps sizes first and
 * turns every failure (cereal exceptions, bad zstd, bad values) into an error
 * string; it never throws and never allocates more than the frame allows.
 */
#include "tdkt/protocol/messages.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace tdkt::protocol {

using Bytes = std::vector<std::uint8_t>;

/** Header + payload, ready to write. */
Bytes encodeFrame(const Message& m);

struct FrameHeader {
    std::uint32_t length = 0; // bytes after the 4-byte length: type + payload
    std::uint8_t type = 0;
};

/** Parses and checks the 5 header bytes; an error when the length is 0 or too big. */
std::optional<std::string> checkHeader(std::span<const std::uint8_t, FrameHeaderBytes> header, FrameHeader& out);

struct Decoded {
    std::optional<Message> message;
    std::string error; // set when message is empty
};

/** Decodes one frame's payload of the given type. */
Decoded decode(std::uint8_t type, std::span<const std::uint8_t> payload);

/** Decodes a whole frame (header + payload), for tests and simple readers. */
Decoded decodeFrame(std::span<const std::uint8_t> frame);

} // namespace tdkt::protocol
