// Random well-typed Concord functions for the differential property test
// (interpreter against JIT). Each case is one `fn f_N(params) -> T = EXPR`,
// possibly with helper fns it calls, plus random arguments and an anchor
// date. The generator knows the type rules of docs/reference-sema.md well
// enough that every program it writes checks clean; one that does not is a
// generator bug and the harness stops with the source.
//
// Sema folds constant expressions and reports their overflow at compile time
// (E0214), so every operation has at least one non-constant operand (a
// parameter, a comprehension variable or a call): literals, edge values
// included, then reach the runtime arithmetic of both engines.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/values/date.h"
#include "runtime/values/value.h"

namespace concord::property {

// One generated fn with everything needed to call it.
struct Case {
  uint64_t index = 0;
  std::string fn_name;                   // "f_12"
  std::string source;                    // helper fns, then the fn; each ends in '\n'
  std::vector<values::Value> args;       // in parameter order
  std::vector<std::string> arg_sources;  // the same arguments as Concord expressions
  values::Date anchor;
};

struct GeneratorOptions {
  int max_depth = 4;
  int max_params = 6;
};

// Case `index` of the run with `seed`; the same pair always gives the same case.
Case GenerateCase(uint64_t seed, uint64_t index, const GeneratorOptions& options = {});

// `// call f_12 at 2026-01-01 with 5 | 1.5 EUR`: how a regression file says
// which fns to call with what.
std::string CallComment(const Case& c);

}  // namespace concord::property
