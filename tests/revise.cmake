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
# Issue 17 item 7: the runtime and `concord revise` read the revision quota the
# same way (added rules never count; `reaffirm NAME` only for `reconsidered`).
add_test(NAME "revise: the runtime and revise read the quota the same way"
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/revise/quota_agreement_test.py
          --concord $<TARGET_FILE:concord>)
set_tests_properties("revise: the runtime and revise read the quota the same way"
  PROPERTIES TIMEOUT 600)
