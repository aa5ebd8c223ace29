# The fuzz smoke run (tests/fuzz/smoke.sh, docs/reliability.md): each target
# for a short time on its seed corpus, one ctest entry per target, two at a
# time under `ctest -j2` (a libFuzzer run uses one core). Only in a build
# configured with -DCONCORD_FUZZ=ON, which the `asan` preset sets, so CI's
# sanitizer run includes it.
if(CONCORD_FUZZ)
  # The targets (CONCORD_FUZZ in the root CMakeLists.txt instruments the whole
  # build); only these link libFuzzer's main.
  set(FUZZ_DIR ${CMAKE_SOURCE_DIR}/tests/fuzz)
  set(CONCORD_FUZZ_TARGETS fuzz_check fuzz_fmt fuzz_engines fuzz_lsp fuzz_scenario fuzz_ledger)
  foreach(target ${CONCORD_FUZZ_TARGETS})
    add_executable(${target} ${FUZZ_DIR}/${target}.cpp)
    target_link_options(${target} PRIVATE -fsanitize=fuzzer)
    target_link_libraries(${target} PRIVATE concord_driver)
    # At the top of the build directory, where smoke.sh and campaign.sh look.
    set_target_properties(${target} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
  endforeach()
  target_link_libraries(fuzz_fmt PRIVATE concord_format)
  # concord_property (the property test's generator and differential harness)
  # is declared in tests/property.cmake; CMake resolves the name when it
  # generates the build.
  target_link_libraries(fuzz_engines PRIVATE concord_property)
  target_link_libraries(fuzz_lsp PRIVATE concord_lsp)
  target_compile_definitions(fuzz_scenario PRIVATE
    CONCORD_FUZZ_SCENARIO_PREFIX="${CMAKE_SOURCE_DIR}/tests/golden/run/_inputs/valley.concord"
    CONCORD_FUZZ_SCENARIO_POWER="${CMAKE_SOURCE_DIR}/tests/golden/run/_inputs/linden.concord")
  add_custom_target(fuzz DEPENDS ${CONCORD_FUZZ_TARGETS})

  set(CONCORD_FUZZ_SMOKE_SECONDS 20 CACHE STRING "Seconds of fuzzing per target in the smoke tests")
  # The seed corpora, made once before the smoke tests (which would race to
  # make them otherwise).
  add_test(NAME "fuzz smoke: seed corpora"
    COMMAND ${CMAKE_SOURCE_DIR}/tests/fuzz/make_corpus.sh ${CMAKE_BINARY_DIR}/corpus)
  set_tests_properties("fuzz smoke: seed corpora" PROPERTIES
    LABELS fuzz FIXTURES_SETUP fuzz_corpus)
  foreach(target ${CONCORD_FUZZ_TARGETS})
    add_test(NAME "fuzz smoke: ${target}"
      COMMAND ${CMAKE_SOURCE_DIR}/tests/fuzz/smoke.sh --build ${CMAKE_BINARY_DIR}
              --seconds ${CONCORD_FUZZ_SMOKE_SECONDS} ${target})
    # Loading the seed corpus comes on top of the fuzzing time.
    set_tests_properties("fuzz smoke: ${target}" PROPERTIES
      TIMEOUT 600 LABELS fuzz FIXTURES_REQUIRED fuzz_corpus)
  endforeach()
endif()
