# `concord publish` (docs/publish.md): the data of the examples' site against
# its golden files, and the site in a real browser (Debian's chromium through
# puppeteer-core from tests/tools; skipped, exit 77, only when tests/tools is
# not installed: scripts/test.sh installs it). The time limits only detect a
# hang: the browser test takes about a minute on an idle machine.
add_test(NAME "publish: examples site data"
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/publish/site_data_test.py
          --concord $<TARGET_FILE:concord>)
set_tests_properties("publish: examples site data" PROPERTIES TIMEOUT 600 LABELS publish)

find_program(NODE_EXECUTABLE node)
if(NODE_EXECUTABLE)
  add_test(NAME "publish: examples site in chromium"
    COMMAND ${NODE_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/publish/browser_test.mjs
            --concord $<TARGET_FILE:concord> --root ${CMAKE_SOURCE_DIR} --out ${CMAKE_BINARY_DIR})
  set_tests_properties("publish: examples site in chromium" PROPERTIES
    TIMEOUT 1200 SKIP_RETURN_CODE 77 LABELS publish RUN_SERIAL TRUE)
endif()
