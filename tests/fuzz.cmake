# The fuzz smoke run (tests/fuzz/smoke.sh, docs/reliability.md): each target
# for 30 s on its seed corpus, one ctest entry per target. Only in a build
# configured with -DCONCORD_FUZZ=ON (`cmake --preset fuzz`).
if(CONCORD_FUZZ)
  foreach(target ${CONCORD_FUZZ_TARGETS})
    add_test(NAME "fuzz smoke: ${target}"
      COMMAND ${CMAKE_SOURCE_DIR}/tests/fuzz/smoke.sh --build ${CMAKE_BINARY_DIR} --seconds 30 ${target})
    # Loading the seed corpus comes on top of the 30 s of fuzzing.
    set_tests_properties("fuzz smoke: ${target}" PROPERTIES TIMEOUT 600 LABELS fuzz RUN_SERIAL TRUE)
  endforeach()
endif()
