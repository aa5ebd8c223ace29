// `// concord: allow L101` comments: a community's recorded decision to depart
// from a practice at one place. The AST keeps no comments, so they are found
// by scanning the file text with just enough of the lexer (strings, block
// comments) to tell a real line comment from `//` inside a string.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diag/engine.h"
#include "compiler/diag/source_manager.h"
#include "compiler/sema/program.h"

namespace concord::lint {

// One code named by an allow comment, as written but upper-cased ("L101").
struct SuppressedCode {
  std::string name;
  diag::SourceRange range;
};

struct Suppression {
  diag::SourceRange range;  // the comment, from `//` to the end of its line
  uint32_t line = 0;        // 1-based
  // Nothing but whitespace before the comment on its line: it then also
  // covers the next line.
  bool own_line = false;
  // The codes, up to the first word that is not a code (the rest of the
  // comment is a reason for people: `// concord: allow L101 one farm is all`).
  std::vector<SuppressedCode> codes;

  bool Covers(uint32_t diagnostic_line) const {
    return diagnostic_line == line || (own_line && diagnostic_line == line + 1);
  }
};

// Every allow comment of `text`, in source order. `file` only labels the ranges.
std::vector<Suppression> ScanSuppressions(diag::FileId file, std::string_view text);

// Drops every diagnostic of a lint code (default severity warning) that an
// allow comment in its file covers, then reports L100 for each code of an
// allow comment in a user file that dropped nothing: a stale or misplaced
// comment would otherwise hide the next real warning on that line.
void ApplySuppressions(const sema::Program& program, diag::DiagnosticEngine& diags);

}  // namespace concord::lint
