# `run`, `test` and `compat` print the same whatever the order of the files
# given (tests/file_order_test.py plays the examples both ways).
add_test(NAME "file order: run, test and compat do not depend on it"
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/file_order_test.py
          --concord $<TARGET_FILE:concord> --root ${CMAKE_SOURCE_DIR})
