// Runtime errors as diagnostics.
#include "runtime/interp/runtime_error.h"

#include "compiler/ir/ir.h"

namespace concord::interp {
namespace {

// How far a value of the result's kind may go, for overflow messages.
std::string RangeOf(const ir::Type* type) {
  switch (type ? type->Inner()->kind() : ir::TypeKind::kNone) {
    case ir::TypeKind::kInt:
      return "beyond the range of an int";
    case ir::TypeKind::kDate:
      return "outside the years 0000-9999";
    case ir::TypeKind::kDuration:
      return "beyond the range of a duration";
    case ir::TypeKind::kMoney:
      return "beyond the range of an amount of money";
    case ir::TypeKind::kPercent:
      return "beyond the range of a percentage";
    default:
      return "beyond the range of a decimal";
  }
}

}  // namespace

RuntimeError OverflowError(const ir::Node& node, std::string_view what) {
  return MakeRuntimeError(diag::Code::R020, node.range,
                          fmt::format("{} is {}", what, RangeOf(node.type)));
}

RuntimeError NoTodayError(const ir::Node& node) {
  return MakeRuntimeError(diag::Code::R025, node.range,
                          "`today` has no date outside a running scenario");
}

RuntimeError WithinOverflowError(const ir::Node& node, values::Date today,
                                 const values::Duration& d) {
  return MakeRuntimeError(
      diag::Code::R020, node.range,
      fmt::format("`{} - {}`, where the window of `within` starts, is outside the years 0000-9999",
                  today.ToString(), d.ToString()));
}

diag::Diagnostic RuntimeError::ToDiagnostic() const {
  diag::Diagnostic d{code, diag::Severity::Error, range, message, labels, {}, std::nullopt, {}, {}};
  for (const std::string& n : notes) d.WithNote(n);
  return d;
}

}  // namespace concord::interp
