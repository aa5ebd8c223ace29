# The differential property test: random well-typed fns evaluated by the
# reference interpreter and the JIT, which must agree exactly
# (docs/reference-jit.md, "Differential testing").
add_library(concord_property STATIC
  ${CMAKE_CURRENT_SOURCE_DIR}/property/generator.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/property/generator_args.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/property/generator_bool.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/property/generator_calendar.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/property/generator_fn.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/property/generator_literals.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/property/generator_numeric.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/property/generator_sets.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/property/differential.cpp)
target_link_libraries(concord_property PUBLIC concord_driver concord_jit)

add_executable(concord_property_test ${CMAKE_CURRENT_SOURCE_DIR}/property/main.cpp)
target_link_libraries(concord_property_test PRIVATE concord_property CLI11::CLI11)

add_executable(concord_property_generator_tests
  ${CMAKE_CURRENT_SOURCE_DIR}/unit/main.cpp ${CMAKE_CURRENT_SOURCE_DIR}/property/generator_test.cpp)
target_link_libraries(concord_property_generator_tests PRIVATE concord_property Catch2::Catch2)
catch_discover_tests(concord_property_generator_tests TEST_PREFIX "property generator: ")

# CI: 100,000 generated expressions (seed 1, cases 0..99999) in four ctest
# entries of 25,000, so `ctest -j2` runs them on both cores; 2,500 fns per
# module, so the JIT's compile time is paid 10 times per entry, not 25,000.
# The sanitizer build (the `asan` preset) runs 2,500 per entry, 10,000 in
# all: under ASan and UBSan each case costs several times more, and the
# point there is memory and undefined-behaviour errors, not agreement.
set(CONCORD_PROPERTY_CASES 25000 CACHE STRING
  "Generated expressions per property-test ctest entry (there are four)")
foreach(part RANGE 3)
  math(EXPR property_start "${part} * ${CONCORD_PROPERTY_CASES}")
  math(EXPR property_end "${property_start} + ${CONCORD_PROPERTY_CASES} - 1")
  set(property_test "property: cases ${property_start}-${property_end} of seed 1 agree on the interpreter and the JIT")
  add_test(NAME "${property_test}"
    COMMAND concord_property_test --seed 1 --start ${property_start}
            --count ${CONCORD_PROPERTY_CASES} --batch 2500)
  set_tests_properties("${property_test}" PROPERTIES TIMEOUT 1200 LABELS property)
endforeach()

# Every mismatch ever found, kept as a small program with its `// call` lines.
file(GLOB PROPERTY_REGRESSIONS CONFIGURE_DEPENDS
  ${CMAKE_CURRENT_SOURCE_DIR}/property/regressions/*.concord)
foreach(regression ${PROPERTY_REGRESSIONS})
  get_filename_component(regression_name ${regression} NAME)
  add_test(NAME "property regression: ${regression_name}"
    COMMAND concord_property_test --file ${regression})
  set_tests_properties("property regression: ${regression_name}" PROPERTIES LABELS property)
endforeach()

# Nightly-style: two million expressions under another seed, not in ctest.
#   cmake --build build/dev --target property-nightly
add_custom_target(property-nightly
  COMMAND concord_property_test --seed 2 --count 2000000 --batch 4000
          --save-mismatches ${CMAKE_BINARY_DIR}/property-mismatches
  DEPENDS concord_property_test
  USES_TERMINAL
  COMMENT "Differential property test: 2,000,000 expressions, interpreter vs JIT")

# The `--file` mode refuses call lines that name no fn, give the wrong number
# of arguments or no date, instead of checking nothing.
add_test(NAME "property: --file refuses call lines that check nothing"
  COMMAND concord_property_test --file ${CMAKE_CURRENT_SOURCE_DIR}/property/invalid/wrong_calls.concord)
set_tests_properties("property: --file refuses call lines that check nothing"
  PROPERTIES LABELS property
  PASS_REGULAR_EXPRESSION "`f` takes 1 argument.*`missing` is not a fn of the file.*some files could not be checked")

# Random scenarios with every decision event (propose, vote, decide, elect,
# petition, verdict, waive) over tests/golden/run/_inputs/linden.concord:
# each checks clean, plays identically on the interpreter and the JIT, and
# formats idempotently (tests/property/decision_events.py).
add_test(NAME "property: decision events check, play the same on both engines, format"
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/property/decision_events.py
          --concord $<TARGET_FILE:concord> --seed 1 --cases 40)
set_tests_properties("property: decision events check, play the same on both engines, format"
  PROPERTIES TIMEOUT 1200)
