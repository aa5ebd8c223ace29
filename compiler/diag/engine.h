// Collects the diagnostics of one run. Every phase reports through an engine;
// nothing prints directly, so the command line, the tests and the language
// server see the same diagnostics.
#pragma once

#include <fmt/format.h>

#include <vector>

#include "compiler/diag/diagnostic.h"

namespace concord::diag {

class DiagnosticEngine {
 public:
  // Formats the code's message template with `args` and records the
  // diagnostic; the returned reference stays valid until the next Report.
  template <typename... Args>
  Diagnostic& Report(Code code, SourceRange range, const Args&... args) {
    const CodeInfo& info = Info(code);
    Diagnostic d;
    d.code = code;
    d.severity = info.default_severity;
    d.range = range;
    d.message = fmt::format(fmt::runtime(info.message_template), args...);
    return Add(std::move(d));
  }

  Diagnostic& Add(Diagnostic d);

  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  size_t error_count() const;
  size_t warning_count() const;
  bool has_errors() const { return error_count() > 0; }
  // Diagnostics in source order (file, then offset); stable for ties.
  std::vector<Diagnostic> Sorted() const;
  void Clear() { diagnostics_.clear(); }

 private:
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace concord::diag
