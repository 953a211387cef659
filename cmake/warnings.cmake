# Warnings for our own code only: linked PRIVATE, so third-party headers and
# CMAKE_CXX_FLAGS stay untouched.
add_library(tdkt_warnings INTERFACE)
target_compile_options(tdkt_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
