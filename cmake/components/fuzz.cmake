# libFuzzer targets (tests/fuzz, docs/reliability.md), only with
# -DCONCORD_FUZZ=ON, which the `asan` preset sets together with clang++-19.
# Every object of the build gets the fuzzer's coverage instrumentation and
# ASan + UBSan, so one sanitizer build serves both the whole test suite and
# the fuzz targets; only the fuzz targets link libFuzzer's main.
option(CONCORD_FUZZ "Build the libFuzzer targets in tests/fuzz (needs clang)" OFF)
if(CONCORD_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "CONCORD_FUZZ needs clang++ (use `cmake --preset asan`)")
  endif()
  # CMAKE_CXX_FLAGS is read at the end of the directory, so this reaches the
  # libraries declared before the components too, and tests/ below.
  string(APPEND CMAKE_CXX_FLAGS
    " -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer")
  string(APPEND CMAKE_EXE_LINKER_FLAGS " -fsanitize=address,undefined")
endif()

if(CONCORD_FUZZ)
  set(FUZZ_DIR ${CMAKE_SOURCE_DIR}/tests/fuzz)
  set(CONCORD_FUZZ_TARGETS fuzz_check fuzz_fmt fuzz_engines fuzz_lsp fuzz_scenario)
  foreach(target ${CONCORD_FUZZ_TARGETS})
    add_executable(${target} ${FUZZ_DIR}/${target}.cpp)
    target_link_options(${target} PRIVATE -fsanitize=fuzzer)
    target_link_libraries(${target} PRIVATE concord_driver LLVM)
  endforeach()
  target_link_libraries(fuzz_fmt PRIVATE concord_fmt)
  # concord_property (the property test's generator and differential harness)
  # is declared in tests/property.cmake, later; CMake resolves the name when it
  # generates the build.
  target_link_libraries(fuzz_engines PRIVATE concord_property)
  target_link_libraries(fuzz_lsp PRIVATE concord_lsp)
  target_compile_definitions(fuzz_scenario PRIVATE
    CONCORD_FUZZ_SCENARIO_PREFIX="${CMAKE_SOURCE_DIR}/tests/golden/run/_inputs/valley.concord")
  add_custom_target(fuzz DEPENDS ${CONCORD_FUZZ_TARGETS})
endif()
