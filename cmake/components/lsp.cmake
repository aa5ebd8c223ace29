# `concord lsp`: the Language Server (compiler/lsp). It compiles documents
# through the driver's pipeline, and the driver's `lsp` command runs it, so
# the two static libraries name each other (CMake links such cycles).
file(GLOB LSP_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/compiler/lsp/*.cpp)
add_library(concord_lsp STATIC ${LSP_SOURCES})
target_link_libraries(concord_lsp PUBLIC concord_driver concord_lint nlohmann_json::nlohmann_json)
# Formatting goes through `concord fmt` when this build has it
# (cmake/components/fmt.cmake is included before this file).
if(TARGET concord_fmt)
  target_link_libraries(concord_lsp PRIVATE concord_fmt)
  target_compile_definitions(concord_lsp PRIVATE CONCORD_LSP_HAVE_FMT=1)
else()
  target_compile_definitions(concord_lsp PRIVATE CONCORD_LSP_HAVE_FMT=0)
endif()
target_link_libraries(concord_driver PUBLIC concord_lsp)
