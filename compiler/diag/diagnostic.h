// One diagnostic: a code from the registry (codes.def), a severity, a primary
// range, secondary labels, notes, help and fix-its. Renderers and the language
// server all read this one structure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diag/source_range.h"

namespace concord::diag {

enum class Code : uint16_t {
#define CONCORD_DIAG(code, severity, slug, summary, message) code,
#include "compiler/diag/codes.def"
#undef CONCORD_DIAG
};

enum class Severity : uint8_t { Error, Warning, Note };

struct CodeInfo {
  Code code;
  std::string_view name;  // "E0101"
  Severity default_severity;
  std::string_view slug;
  std::string_view summary;
  std::string_view message_template;
};

const CodeInfo& Info(Code code);
// The code as shown to users: `custom_code` when set, else the registry name.
std::string_view CodeName(const struct Diagnostic& d);
const std::vector<CodeInfo>& AllCodes();
std::optional<Code> CodeFromName(std::string_view name);
std::string_view SeverityName(Severity severity);

// A secondary location, shown with its own underline and message.
struct Label {
  SourceRange range;
  std::string message;
};

// A note may point somewhere (such as the concord requirement that was broken).
struct Note {
  std::string message;
  SourceRange range;  // invalid when the note has no location
};

// Replace `range` with `replacement` (empty replacement deletes, empty range inserts).
struct FixIt {
  SourceRange range;
  std::string replacement;
  std::string description;
};

struct Diagnostic {
  Code code;
  Severity severity = Severity::Error;
  SourceRange range;
  std::string message;
  std::vector<Label> labels;
  std::vector<Note> notes;
  std::optional<std::string> help;
  std::vector<FixIt> fixits;
  // A code defined by the program rather than the registry: a concord's own
  // requirement (`as C101`) reported under the generic code C000.
  std::string custom_code;

  Diagnostic& WithLabel(SourceRange r, std::string m) {
    labels.push_back({r, std::move(m)});
    return *this;
  }
  Diagnostic& WithNote(std::string m, SourceRange r = {}) {
    notes.push_back({std::move(m), r});
    return *this;
  }
  Diagnostic& WithHelp(std::string h) {
    help = std::move(h);
    return *this;
  }
  Diagnostic& WithFix(SourceRange r, std::string replacement, std::string description) {
    fixits.push_back({r, std::move(replacement), std::move(description)});
    return *this;
  }
};

}  // namespace concord::diag
