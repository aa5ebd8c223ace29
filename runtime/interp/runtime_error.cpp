// Runtime errors as diagnostics, and the code registry read without linking
// compiler/diag.
#include "runtime/interp/runtime_error.h"

namespace concord::interp {

std::string_view CodeName(diag::Code code) {
  switch (code) {
#define CONCORD_DIAG(name, severity, slug, summary, message) \
  case diag::Code::name:                                     \
    return #name;
#include "compiler/diag/codes.def"
#undef CONCORD_DIAG
  }
  return "?";
}

std::string_view MessageTemplate(diag::Code code) {
  switch (code) {
#define CONCORD_DIAG(name, severity, slug, summary, message) \
  case diag::Code::name:                                     \
    return message;
#include "compiler/diag/codes.def"
#undef CONCORD_DIAG
  }
  return "{}";
}

diag::Diagnostic RuntimeError::ToDiagnostic() const {
  diag::Diagnostic d{code, diag::Severity::Error, range, message, labels, {}, std::nullopt, {}, {}};
  for (const std::string& n : notes) d.WithNote(n);
  return d;
}

}  // namespace concord::interp
