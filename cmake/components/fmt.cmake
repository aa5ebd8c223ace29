# `concord fmt`: the canonical layout (compiler/fmt, docs/reference-fmt.md).
# Namespace concord::format, so nothing clashes with the {fmt} library.
file(GLOB FORMAT_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/compiler/fmt/*.cpp)
add_library(concord_fmt STATIC ${FORMAT_SOURCES})
target_link_libraries(concord_fmt PUBLIC concord_syntax)
target_link_libraries(concord_driver PUBLIC concord_fmt)
