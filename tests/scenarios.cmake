# Scenario tests: each tests/scenarios/*.concord is played by `concord test`,
# which must pass every `expect` line (exit 0). The examples' own scenarios
# run together with the charters and treaties they need.
file(GLOB SCENARIO_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/scenarios/*.concord)
foreach(scenario ${SCENARIO_TESTS})
  get_filename_component(name ${scenario} NAME)
  add_test(NAME "scenario: ${name}" COMMAND $<TARGET_FILE:concord> test ${scenario})
endforeach()
file(GLOB SCENARIO_EXAMPLES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/examples/*.concord)
add_test(NAME "scenario: examples" COMMAND $<TARGET_FILE:concord> test ${SCENARIO_EXAMPLES})
