# `concord compat` (compiler/compat): treaty compatibility with Z3 witnesses.
# Debian's libz3-dev ships no CMake package config, so the library and its
# C++ header are found directly.
find_library(Z3_LIB z3 REQUIRED)
find_path(Z3_INCLUDE_DIR z3++.h REQUIRED)

file(GLOB COMPAT_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/compiler/compat/*.cpp)
add_library(concord_compat STATIC ${COMPAT_SOURCES})
target_include_directories(concord_compat SYSTEM PUBLIC ${Z3_INCLUDE_DIR})
target_link_libraries(concord_compat PUBLIC concord_model concord_runtime ${Z3_LIB})
target_link_libraries(concord_driver PUBLIC concord_compat)
