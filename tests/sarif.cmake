# SARIF output checked by Microsoft's validator (npm @microsoft/sarif-multitool,
# pinned in tests/tools/package.json) with the schema and GitHub code-scanning
# rules. The tests skip (exit 77) only when tests/tools/node_modules is missing;
# CI runs `npm ci --prefix tests/tools` first, so there they always run.
set(SARIF_VALIDATE ${CMAKE_CURRENT_SOURCE_DIR}/sarif/validate_sarif.py)

# The renderer's own sample log, with every SARIF feature Concord uses.
add_test(NAME "sarif: renderer sample is valid"
  COMMAND ${Python3_EXECUTABLE} ${SARIF_VALIDATE} --unit-tests $<TARGET_FILE:concord_unit_tests>)

# What `concord check --format sarif` prints for inputs made to fail.
file(GLOB SARIF_INPUTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/sarif/inputs/*.concord)
add_test(NAME "sarif: concord check output is valid"
  COMMAND ${Python3_EXECUTABLE} ${SARIF_VALIDATE} --concord $<TARGET_FILE:concord> ${SARIF_INPUTS})

# Every failing golden input at once: real diagnostics of every kind.
file(GLOB_RECURSE SARIF_GOLDEN_FAILURES CONFIGURE_DEPENDS
  ${CMAKE_CURRENT_SOURCE_DIR}/golden/fail_*.concord)
if(SARIF_GOLDEN_FAILURES)
  add_test(NAME "sarif: golden failures are valid"
    COMMAND ${Python3_EXECUTABLE} ${SARIF_VALIDATE} --concord $<TARGET_FILE:concord>
            ${SARIF_GOLDEN_FAILURES})
endif()

get_property(SARIF_TESTS DIRECTORY PROPERTY TESTS)
list(FILTER SARIF_TESTS INCLUDE REGEX "^sarif: ")
set_tests_properties(${SARIF_TESTS} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600 LABELS sarif)
