// The interpreter against the JIT on generated well-typed fns: the fuzzer's
// bytes choose the property test's generator seed, case and shape
// (tests/property/generator.h), so coverage feedback steers which programs
// are written. One fn per input keeps each JIT compile small. A program the
// pipeline rejects is a generator bug and a differing outcome an engine
// bug; both abort with the source.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "tests/property/differential.h"
#include "tests/property/generator.h"

namespace {

uint64_t TakeU64(const uint8_t*& data, size_t& size) {
  uint64_t value = 0;
  size_t n = size < sizeof value ? size : sizeof value;
  std::memcpy(&value, data, n);
  data += n;
  size -= n;
  return value;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace concord::property;
  uint64_t seed = TakeU64(data, size);
  uint64_t index = TakeU64(data, size);
  uint64_t shape = TakeU64(data, size);
  GeneratorOptions options;
  options.max_depth = 1 + static_cast<int>(shape % 4);      // 1..4, the generator's default range
  options.max_params = static_cast<int>((shape >> 8) % 7);  // 0..6
  Case c = GenerateCase(seed, index, options);

  std::string error;
  std::unique_ptr<CompiledProgram> program =
      CompileProgram("fuzz_engines.concord", c.source, /*with_jit=*/true, &error);
  if (!program) {
    std::fprintf(stderr, "fuzz_engines: seed %llu case %llu does not compile:\n%s\n%s\n",
                 static_cast<unsigned long long>(seed), static_cast<unsigned long long>(index),
                 error.c_str(), c.source.c_str());
    std::abort();
  }
  Verdict verdict = CompareCall(*program, c.fn_name, c.args, c.anchor);
  if (!verdict.same) {
    std::fprintf(stderr,
                 "fuzz_engines: the engines disagree on seed %llu case %llu\n%s%s"
                 "interpreter: %s\njit:         %s\n",
                 static_cast<unsigned long long>(seed), static_cast<unsigned long long>(index),
                 CallComment(c).c_str(), c.source.c_str(), verdict.interp.c_str(),
                 verdict.jit.c_str());
    std::abort();
  }
  return 0;
}
