# `concord fmt`: golden tests live in tests/golden/fmt/ (registered with every
# golden test). These cover what a golden file cannot: every .concord file in
# the repository formatted twice (idempotence and the safety net), `--write`
# on real files, and the examples and stdlib being in the canonical layout.
add_test(NAME "fmt: every repository file, twice, and --write"
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/fmt/repository_test.py
          --concord $<TARGET_FILE:concord>)
# A hang detector: 9 minutes of wall time in a niced dev build on a machine
# with seven other builds; ASan is slower still.
set_tests_properties("fmt: every repository file, twice, and --write" PROPERTIES TIMEOUT 2400)
add_test(NAME "fmt: examples, templates and stdlib are formatted"
  COMMAND sh -c "$0 fmt --check ${CMAKE_SOURCE_DIR}/examples/*.concord ${CMAKE_SOURCE_DIR}/examples/templates/*.concord ${CMAKE_SOURCE_DIR}/stdlib/*.concord"
          $<TARGET_FILE:concord>)
