# The federation rule benchmark (bench/federation/, run by
# bench/federation.sh). Not part of `all`, so normal builds and CI never
# build it: `cmake --build --preset release --target rule_bench`. It links the
# JIT when the concord_jit target exists (cmake/components/jit.cmake); the
# generator expressions are evaluated after every component is included, so
# the order of the files here does not matter.
add_executable(rule_bench EXCLUDE_FROM_ALL
  bench/federation/rule_bench.cpp
  bench/federation/handwritten.cpp)
target_include_directories(rule_bench PRIVATE ${CMAKE_SOURCE_DIR})
target_link_libraries(rule_bench PRIVATE concord_driver $<TARGET_NAME_IF_EXISTS:concord_jit>)
target_compile_definitions(rule_bench PRIVATE
  $<$<TARGET_EXISTS:concord_jit>:CONCORD_BENCH_HAS_JIT=1>)
