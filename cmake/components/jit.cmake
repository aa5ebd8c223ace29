# The LLVM ORC JIT tier (runtime/jit): links the shared libLLVM; the runtime
# itself (concord_runtime) never does, it evaluates through
# engine::ExpressionEngine and the driver plugs the JIT in.
file(GLOB JIT_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/runtime/jit/*.cpp)
add_library(concord_jit STATIC ${JIT_SOURCES})
target_include_directories(concord_jit SYSTEM PRIVATE ${LLVM_INCLUDE_DIRS})
separate_arguments(CONCORD_LLVM_DEFINITIONS NATIVE_COMMAND ${LLVM_DEFINITIONS})
target_compile_definitions(concord_jit PRIVATE ${CONCORD_LLVM_DEFINITIONS})
target_link_libraries(concord_jit PUBLIC concord_runtime PRIVATE LLVM)
target_link_libraries(concord_driver PUBLIC concord_jit)
