# Sync (issue 4): the store's sync bookkeeping, the wire protocol, and the client
# library. Included from shared/CMakeLists.txt.
find_package(cereal CONFIG REQUIRED)
find_package(zstd CONFIG REQUIRED)
find_package(OpenSSL REQUIRED)
find_package(Boost 1.81 CONFIG REQUIRED COMPONENTS headers
             PATHS /usr/lib/x86_64-linux-gnu/cmake/Boost-1.81.0 NO_DEFAULT_PATH)
# server/ and tests/ use the same imported targets.
set_target_properties(Boost::headers OpenSSL::SSL OpenSSL::Crypto PROPERTIES IMPORTED_GLOBAL TRUE)

target_sources(tdkt_shared PRIVATE src/store/store_server.cpp src/store/store_client.cpp src/sync/replica_digest.cpp)
# The op batch encoding is the wire's and also how a replica keeps what it pulled
# (store/received_log.cpp), so it lives in the store's library.
target_sources(tdkt_shared PRIVATE src/protocol/op_batch.cpp)
target_link_libraries(tdkt_shared PRIVATE zstd::libzstd_shared)

# Frames and messages; no sockets here.
add_library(tdkt_protocol STATIC src/protocol/codec.cpp)
add_library(tdkt::protocol ALIAS tdkt_protocol)
target_link_libraries(tdkt_protocol PUBLIC tdkt::shared PRIVATE cereal::cereal zstd::libzstd_shared tdkt_warnings)

# The client side of the protocol (Asio + TLS stay inside its .cpp files).
add_library(tdkt_sync_client STATIC src/sync/sync_client.cpp src/sync/connection.cpp src/sync/sync_steps.cpp
            src/sync/verify_steps.cpp src/sync/disabled_account.cpp)
add_library(tdkt::sync_client ALIAS tdkt_sync_client)
target_include_directories(tdkt_sync_client PUBLIC include)
target_link_libraries(tdkt_sync_client PUBLIC tdkt::protocol
                      PRIVATE Boost::headers OpenSSL::SSL Threads::Threads tdkt_warnings)
target_compile_options(tdkt_sync_client PRIVATE -include utility)
