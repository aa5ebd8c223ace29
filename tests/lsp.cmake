# `concord lsp` driven by real LSP clients (docs/reference-lsp.md):
#  - the npm client library VS Code extensions use (vscode-jsonrpc and
#    vscode-languageserver-protocol, pinned in tests/tools/package.json);
#  - headless Neovim 0.7 (Debian package neovim), an independent client.
# Each skips (exit 77) only when its client is missing: node_modules before
# `npm ci --prefix tests/tools`, or no nvim. The Catch2 tests of framing,
# positions and edits are tests/unit/lsp_*_test.cpp.
find_program(NODE_EXECUTABLE node)
if(NODE_EXECUTABLE)
  add_test(NAME "lsp: vscode-languageserver-protocol client session"
    COMMAND ${NODE_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/lsp/client_test.mjs $<TARGET_FILE:concord>)
endif()
add_test(NAME "lsp: headless neovim client session"
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/lsp/run_nvim_client.sh $<TARGET_FILE:concord>)

get_property(LSP_TESTS DIRECTORY PROPERTY TESTS)
list(FILTER LSP_TESTS INCLUDE REGEX "^lsp: ")
set_tests_properties(${LSP_TESTS} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 180 LABELS lsp)
