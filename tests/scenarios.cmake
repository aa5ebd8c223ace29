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
# A recurring event and the same occurrences written out by hand play the
# same history (docs/reference-runtime.md, "Recurring events").
add_test(NAME "scenario: recurring lunar year equals the written-out one"
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/golden/same_timeline.py
          --concord $<TARGET_FILE:concord>
          ${CMAKE_CURRENT_SOURCE_DIR}/golden/run/recurring_lunar_year.concord
          ${CMAKE_CURRENT_SOURCE_DIR}/golden/run/recurring_lunar_year_written_out.concord)

# `events from "FILE"` (docs/reference.md, Event files): the same events read
# from an event-syntax file and from a JSON Lines file play the timeline of
# the scenario that writes them inline.
foreach(form text jsonl)
  add_test(NAME "scenario: events from a ${form} file equal the inline events"
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/golden/same_timeline.py
            --concord $<TARGET_FILE:concord> --expect contributes
            ${CMAKE_CURRENT_SOURCE_DIR}/golden/run/stream_inline.concord
            ${CMAKE_CURRENT_SOURCE_DIR}/golden/run/stream_${form}.concord)
endforeach()
