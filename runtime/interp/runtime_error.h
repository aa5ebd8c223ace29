// Runtime errors: what evaluation reports instead of trapping (overflow,
// division by zero, a missing attribute, a currency mismatch, an empty set,
// an unavailable value). Each has a code of codes.def (R020-R025), the range
// of the operation and a message formatted from the code's template, so the
// interpreter and the JIT produce the same text. ToDiagnostic turns one into
// the diagnostic every renderer prints. The codes and their templates are
// compiler/diag's registry, which the runtime links.
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "runtime/values/date.h"
#include "runtime/values/duration.h"

namespace concord::ir {
struct Node;
}

namespace concord::interp {

struct RuntimeError {
  diag::Code code = diag::Code::R025;
  diag::SourceRange range;
  std::string message;
  std::vector<diag::Label> labels;
  std::vector<std::string> notes;

  RuntimeError& WithLabel(diag::SourceRange r, std::string m) {
    labels.push_back({r, std::move(m)});
    return *this;
  }
  RuntimeError& WithNote(std::string n) {
    notes.push_back(std::move(n));
    return *this;
  }
  diag::Diagnostic ToDiagnostic() const;
  friend bool operator==(const RuntimeError& a, const RuntimeError& b) {
    return a.code == b.code && a.range == b.range && a.message == b.message;
  }
};

template <typename... Args>
RuntimeError MakeRuntimeError(diag::Code code, diag::SourceRange range, const Args&... args) {
  return RuntimeError{
      code, range, fmt::format(fmt::runtime(diag::Info(code).message_template), args...), {}, {}};
}

// R020 at `node`: `what` (the operation as shown, "`a + b`") went beyond the
// range of the node's result type. Shared by the interpreter and the JIT so
// the two word an overflow the same way.
RuntimeError OverflowError(const ir::Node& node, std::string_view what);

// R025 at a `today` (or a `within`, which reads it) evaluated without a
// date: sema allows `today` only where the runtime gives one (E0243), so
// only a host evaluating outside a run meets this.
RuntimeError NoTodayError(const ir::Node& node);
// R020 at a `within` whose window starts before year 0000 (`today - d`).
RuntimeError WithinOverflowError(const ir::Node& node, values::Date today,
                                 const values::Duration& d);

}  // namespace concord::interp
