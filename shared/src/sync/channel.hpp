#pragma once
// Internal: a message channel to the server. The Asio connection implements it;
// the sync steps only see this, so they compile without Asio.
#include "tdkt/protocol/messages.hpp"
#include "tdkt/sync/sync_client.hpp"

namespace tdkt::sync {

class Channel {
public:
    virtual ~Channel() = default;
    virtual void send(const protocol::Message& m) = 0;
    /** The next message; an ErrorMsg from the server is thrown as SyncError. */
    virtual protocol::Message receive() = 0;
    virtual std::uint64_t bytesSent() const = 0;
    virtual std::uint64_t bytesReceived() const = 0;
};

/** Connects (TCP, then TLS unless plain) within the endpoint's timeout. */
std::unique_ptr<Channel> connectChannel(const Endpoint& endpoint);

/** Throws the SyncError that an ErrorMsg from the server means. */
[[noreturn]] void throwServerError(const protocol::ErrorMsg& e);

/** Expects a message of type T; anything else is a protocol error. */
template <class T>
T expect(protocol::Message m) {
    if (auto* e = std::get_if<protocol::ErrorMsg>(&m)) throwServerError(*e);
    if (auto* t = std::get_if<T>(&m)) return std::move(*t);
    throw SyncError(SyncErrorKind::Protocol, "the server answered with an unexpected message");
}

} // namespace tdkt::sync
