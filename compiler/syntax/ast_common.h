// The two smallest pieces of the declaration nodes: a value with the range
// it was written at, and a period (`every 3 months`). Shared by ast.h and
// ast_power.h.
#pragma once

#include "compiler/syntax/expr.h"

namespace concord::ast {

template <typename T>
struct Located {
  T value{};
  SourceRange range;
};

// `every 3 months`, `per month`, `every lunar month`.
struct Period {
  int64_t count = 1;
  values::DurationUnit unit = values::DurationUnit::kMonth;
  SourceRange range;       // some clauses widen it to the whole clause
  SourceRange text_range;  // always the period's own text (`3 months`), for fix-its
  values::Duration AsDuration() const { return values::Duration::Of(count, unit); }
};

}  // namespace concord::ast
