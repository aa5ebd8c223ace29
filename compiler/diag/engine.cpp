#include "compiler/diag/engine.h"

#include <algorithm>

namespace concord::diag {

Diagnostic& DiagnosticEngine::Add(Diagnostic d) {
  diagnostics_.push_back(std::move(d));
  return diagnostics_.back();
}

size_t DiagnosticEngine::error_count() const {
  return std::count_if(diagnostics_.begin(), diagnostics_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

size_t DiagnosticEngine::warning_count() const {
  return std::count_if(diagnostics_.begin(), diagnostics_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Warning; });
}

std::vector<Diagnostic> DiagnosticEngine::Sorted() const {
  std::vector<Diagnostic> out = diagnostics_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.range.file != b.range.file) return a.range.file < b.range.file;
    return a.range.begin < b.range.begin;
  });
  return out;
}

}  // namespace concord::diag
