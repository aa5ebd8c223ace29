# Differential tests of the two engines (runtime/jit against runtime/interp):
# every scenario file, the examples together and every golden `run` test are
# played with `--engine interp` and `--engine jit` (run and test, text and
# json), and must give the same exit code, stdout and stderr byte for byte.
set(COMPARE_ENGINES ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/jit/compare_engines.py
    --concord $<TARGET_FILE:concord>)
file(GLOB JIT_SCENARIOS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/scenarios/*.concord)
foreach(scenario ${JIT_SCENARIOS})
  get_filename_component(name ${scenario} NAME)
  add_test(NAME "engines agree: scenarios/${name}" COMMAND ${COMPARE_ENGINES} ${scenario})
endforeach()
file(GLOB JIT_EXAMPLES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/examples/*.concord)
add_test(NAME "engines agree: examples" COMMAND ${COMPARE_ENGINES} ${JIT_EXAMPLES})
file(GLOB JIT_GOLDEN_RUNS CONFIGURE_DEPENDS RELATIVE ${CMAKE_CURRENT_SOURCE_DIR}/golden
  ${CMAKE_CURRENT_SOURCE_DIR}/golden/run/*.concord)
foreach(input ${JIT_GOLDEN_RUNS})
  add_test(NAME "engines agree: golden/${input}"
    COMMAND ${COMPARE_ENGINES} --cwd ${CMAKE_CURRENT_SOURCE_DIR}/golden --args-from-first-line ${input})
endforeach()
# A generated scenario large enough for `--engine auto` to pick the JIT.
add_test(NAME "engines agree: generated federation"
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/jit/generated_scenario.py
          --concord $<TARGET_FILE:concord> --compare ${CMAKE_CURRENT_SOURCE_DIR}/jit/compare_engines.py)
# `--engine auto` picks the interpreter for a small run and the JIT for a large one.
add_test(NAME "engine auto: threshold"
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/jit/generated_scenario.py
          --concord $<TARGET_FILE:concord> --check-auto)
