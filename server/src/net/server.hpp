#pragma once
/**
 * @brief The network layer's entry point, free of Asio so main.cpp stays cheap.
 */
#include <filesystem>
#include <string>

namespace tdkt::server {

class Service;

struct ServeOptions {
    std::string listen;        // ADDR:PORT; port 0 picks a free port
    std::filesystem::path cert; // TLS certificate chain (PEM)
    std::filesystem::path key;  // its private key (PEM)
    bool plain = false;         // no TLS: loopback addresses only
    int idleSeconds = 120;      // a session silent this long is closed
};

/**
 * Serves until SIGINT/SIGTERM: prints "listening ADDR:PORT" once bound, then
 * runs sessions on two threads (the store on one strand). Returns the process exit code.
 */
int serve(const ServeOptions& options, Service& service);

} // namespace tdkt::server
