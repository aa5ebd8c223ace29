# The living ledger (docs/ledger.md): replay ≡ run of the export, import∘export
# round trips, refused batches store nothing, concurrent writers serialise,
# damaged files get diagnostics, adopt stores only accepted program versions
# (and a charter a version adds takes part);
# and the SIGKILL crash test.
foreach(check off_disk replay roundtrip refusal writers damaged adopt adopt_charter)
  add_test(NAME "ledger: ${check}"
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/ledger/ledger_test.py
            --concord $<TARGET_FILE:concord> ${check})
endforeach()
add_test(NAME "ledger: crash during record"
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/ledger/crash_test.py
          --concord $<TARGET_FILE:concord>)
set_tests_properties("ledger: crash during record" PROPERTIES TIMEOUT 1800)
# The walkthrough of examples/ledger (README, docs/ledger.md), as a user runs it.
add_test(NAME "examples: ledger walkthrough"
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/ledger/walkthrough_test.py
          --build $<TARGET_FILE_DIR:concord>)
set_tests_properties("examples: ledger walkthrough" PROPERTIES TIMEOUT 600)
