# The new moons of runtime/calendar against an independent ephemeris: PyEphem
# (Debian's python3-ephem, importable by /usr/bin/python3 only, which is why
# the interpreter is named here rather than found) over 2000-2100.
add_executable(concord_new_moons ${CMAKE_CURRENT_SOURCE_DIR}/calendar/new_moons_main.cpp)
target_link_libraries(concord_new_moons PRIVATE concord_calendar)

add_test(NAME "calendar: new moons 2000-2100 against ephem"
  COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/calendar/check_new_moons.py
          --new-moons $<TARGET_FILE:concord_new_moons> --from 2000-01-01 --to 2100-12-31)
