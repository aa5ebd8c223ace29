// A readable dump of the IR, for debugging and golden tests: one node per
// line, indented by depth, with the op, its resolved details, the result type
// and the source range as byte offsets.
//
//   fn capped(rate: percent, income: money, cap: money) -> money
//     Min : money @69..91
//       MulPercentMoney : money @73..84
//         Param #0 rate : percent @73..77
//         Param #1 income : money @80..86
//       Param #2 cap : money @88..91
#pragma once

#include <functional>
#include <string>

#include "compiler/ir/ir.h"

namespace concord::ir {

struct PrintOptions {
  bool ranges = true;  // append `@begin..end`
  // When set, a node's range is shown as `@` and what this returns (such as
  // `3:5..3:20`, lines and columns) instead of byte offsets.
  std::function<std::string(const diag::SourceRange&)> locate;
};

std::string Print(const Node& node, const PrintOptions& options = {}, int indent = 0);
std::string Print(const Function& fn, const PrintOptions& options = {});
std::string Print(const Root& root, const PrintOptions& options = {});
// Every function (callees first), then every root.
std::string Print(const Module& module, const PrintOptions& options = {});

// `==`, `<=`, ...
const char* CompareSpelling(values::CompareOp op);

}  // namespace concord::ir
