# The layers of docs/architecture.md hold in the code (tests/layering_test.py),
# and the check fails on each kind of crossing (tests/layering_selftest.py).
add_test(NAME "layering: includes follow docs/architecture.md"
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/layering_test.py
          --root ${CMAKE_SOURCE_DIR})
add_test(NAME "layering: the check fails on every kind of crossing"
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/layering_selftest.py)
