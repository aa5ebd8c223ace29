# The governance templates (examples/templates/): their verdicts under the
# minimal concord and std.panarchy (POWER.md §9; expectations whose codes this
# build does not know are printed as skipped), and `concord new`, which starts
# a charter from one.
add_test(NAME "examples: templates' verdicts (POWER.md §9)"
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/templates_test.py
          --concord $<TARGET_FILE:concord> --root ${CMAKE_SOURCE_DIR})
add_test(NAME "cli: concord new"
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/new_command_test.py
          --concord $<TARGET_FILE:concord> --root ${CMAKE_SOURCE_DIR})
