# Editor support (editor-support/, docs/editors.md): the TextMate grammar's
# annotated tests, its coverage of the lexer's keywords and its snapshots of
# every example (npm vscode-tmgrammar-test); the VS Code extension's manifest,
# its .vsix and its client starting `concord lsp`; and the Vim files loaded by
# headless Neovim.
# The npm tests skip (exit 77) only when editor-support/vscode/node_modules is
# missing; scripts/test.sh runs `npm ci --prefix editor-support/vscode` first.
# After changing the grammar or an example, regenerate the snapshots with
#   npm --prefix editor-support/vscode run snap:update
set(EDITORS_VSCODE ${CMAKE_SOURCE_DIR}/editor-support/vscode)
set(EDITORS_NEEDS_NPM "test -d node_modules/vscode-tmgrammar-test || exit 77 &&")

file(GLOB EDITORS_GRAMMAR_TESTS CONFIGURE_DEPENDS ${EDITORS_VSCODE}/tests/grammar/*.concord)
list(JOIN EDITORS_GRAMMAR_TESTS " " EDITORS_GRAMMAR_TEST_LIST)
add_test(NAME "editors: textmate grammar annotated tests"
  COMMAND sh -c "${EDITORS_NEEDS_NPM} exec node node_modules/vscode-tmgrammar-test/dist/unit.js -g syntaxes/concord.tmLanguage.json ${EDITORS_GRAMMAR_TEST_LIST}"
  WORKING_DIRECTORY ${EDITORS_VSCODE})

add_test(NAME "editors: textmate grammar scopes every lexer keyword"
  COMMAND sh -c "${EDITORS_NEEDS_NPM} exec node tests/lexer_keywords.js"
  WORKING_DIRECTORY ${EDITORS_VSCODE})

add_test(NAME "editors: textmate grammar snapshots of examples and stdlib"
  COMMAND sh -c "${EDITORS_NEEDS_NPM} exec node tests/snap.js"
  WORKING_DIRECTORY ${EDITORS_VSCODE})

add_test(NAME "editors: vscode package.json contributes paths exist"
  COMMAND ${Python3_EXECUTABLE} ${EDITORS_VSCODE}/tests/check_manifest.py)

add_test(NAME "editors: vscode extension packages into a vsix"
  COMMAND ${Python3_EXECUTABLE} ${EDITORS_VSCODE}/tests/check_vsix.py)

# extension.js activated with a stand-in for the `vscode` module: it starts the
# real `concord lsp`, which must answer, register its providers and publish C002.
add_test(NAME "editors: vscode extension starts concord lsp"
  COMMAND node ${EDITORS_VSCODE}/tests/activate_test.js $<TARGET_FILE:concord>)

find_program(EDITORS_NVIM nvim)
if(EDITORS_NVIM)
  add_test(NAME "editors: vim syntax loads every example in neovim"
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/editor-support/vim/tests/run_nvim_test.py
            --nvim ${EDITORS_NVIM})
else()
  message(WARNING "nvim not found: the Vim syntax test is not registered (scripts/setup.sh installs neovim)")
endif()

get_property(EDITORS_TESTS DIRECTORY PROPERTY TESTS)
list(FILTER EDITORS_TESTS INCLUDE REGEX "^editors: ")
set_tests_properties(${EDITORS_TESTS} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300 LABELS editors)
