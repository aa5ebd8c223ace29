# The federation benchmark's generator (bench/federation/gen.py) keeps
# producing a workload that checks clean and plays, and its LuaJIT rules
# (rules.lua) count the same violations and flags as `concord run`.
add_test(NAME "federation bench workload"
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/bench/federation/check_workload.py
          --concord $<TARGET_FILE:concord>)
