# `concord revise`: golden tests live in tests/golden/revise/ (registered with
# every golden test); these run the parts a golden file cannot: a git history
# built in a temp dir, and the examples/ kitchen against its revised version
# with the SARIF log checked by the validator (skips, exit 77, without it).
add_test(NAME "revise: git history and calcification"
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/revise/git_history_test.py
          --concord $<TARGET_FILE:concord>)
add_test(NAME "revise: the examples kitchen and its first revision"
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/revise/examples_test.py
          --concord $<TARGET_FILE:concord>
          --sarif-validator ${CMAKE_CURRENT_SOURCE_DIR}/sarif/validate_sarif.py)
set_tests_properties("revise: the examples kitchen and its first revision"
  PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600)
