# The fuzz smoke run (tests/fuzz/smoke.sh, docs/reliability.md): each target
# for a short time on its seed corpus, one ctest entry per target, two at a
# time under `ctest -j2` (a libFuzzer run uses one core). Only in a build
# configured with -DCONCORD_FUZZ=ON, which the `asan` preset sets, so CI's
# sanitizer run includes it.
if(CONCORD_FUZZ)
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
