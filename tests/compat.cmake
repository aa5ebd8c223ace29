# `concord compat`: golden tests live in tests/golden/compat/ (registered with
# every golden test) and unit tests in tests/unit/compat_*_test.cpp; this
# runs the examples matrix the README's main job shows, which must not crash
# or fail on usage (exit 0 or 1, the table on stdout).
add_test(NAME "compat: matrix over examples/"
  COMMAND $<TARGET_FILE:concord> compat --matrix ${CMAKE_SOURCE_DIR}/examples)
set_tests_properties("compat: matrix over examples/" PROPERTIES
  PASS_REGULAR_EXPRESSION "can be signed by every party")

# The conflicts as SARIF (the charter clause as a related location) pass the
# SARIF 2.1.0 validator; skipped (exit 77) where the validator is not installed.
add_test(NAME "compat: the examples matrix as SARIF is valid"
  COMMAND bash -c "\"$1\" compat --matrix \"$2\" --format sarif > \"$3\"; test $? -le 1 && \"$4\" \"$5\" --sarif \"$3\""
          compat-sarif $<TARGET_FILE:concord> ${CMAKE_SOURCE_DIR}/examples
          ${CMAKE_CURRENT_BINARY_DIR}/compat-matrix.sarif ${Python3_EXECUTABLE}
          ${CMAKE_CURRENT_SOURCE_DIR}/sarif/validate_sarif.py)
set_tests_properties("compat: the examples matrix as SARIF is valid" PROPERTIES
  SKIP_RETURN_CODE 77 LABELS sarif)
