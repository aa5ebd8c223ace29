// The code registry, built from codes.def.
#include "compiler/diag/diagnostic.h"

namespace concord::diag {

const std::vector<CodeInfo>& AllCodes() {
  static const std::vector<CodeInfo> kCodes = {
#define CONCORD_DIAG(code, severity, slug, summary, message) \
  {Code::code, #code, Severity::severity, slug, summary, message},
#include "compiler/diag/codes.def"
#undef CONCORD_DIAG
  };
  return kCodes;
}

const CodeInfo& Info(Code code) {
  return AllCodes()[static_cast<size_t>(code)];
}

std::string_view CodeName(const Diagnostic& d) {
  return d.custom_code.empty() ? Info(d.code).name : std::string_view(d.custom_code);
}

std::optional<Code> CodeFromName(std::string_view name) {
  for (const CodeInfo& info : AllCodes()) {
    if (info.name == name) return info.code;
  }
  return std::nullopt;
}

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Note:
      return "note";
  }
  return "error";
}

}  // namespace concord::diag
