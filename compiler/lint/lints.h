// The lint functions of lints.def, for lint.cpp to run in order.
#pragma once

#include "compiler/lint/lint_context.h"

namespace concord::lint {

#define CONCORD_LINT(code, function) void function(const ast::File& file, LintContext& cx);
#include "compiler/lint/lints.def"
#undef CONCORD_LINT

}  // namespace concord::lint
