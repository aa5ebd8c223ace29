# The jury lottery: concord_draw runs the C++ draw on cases from standard input,
# and crosscheck.py requires it to agree with the Python reference draw.py on a
# few hundred generated cases and the manual to show that reference verbatim.
add_executable(concord_draw ${CMAKE_CURRENT_SOURCE_DIR}/lottery/draw_main.cpp)
target_link_libraries(concord_draw PRIVATE concord_lottery)

add_test(NAME "lottery: C++ draw agrees with the Python reference"
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/lottery/crosscheck.py
          --draw $<TARGET_FILE:concord_draw>)
add_test(NAME "lottery: the manual shows the Python reference verbatim"
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/lottery/crosscheck.py
          --doc ${CMAKE_SOURCE_DIR}/docs/reference-lottery.md)
