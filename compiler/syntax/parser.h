// Parses one file into our AST. The only entry point to the generated ANTLR
// parser: no ANTLR type appears in this header or leaves compiler/syntax/.
#pragma once

#include "compiler/diag/engine.h"
#include "compiler/diag/source_manager.h"
#include "compiler/syntax/ast.h"
#include "compiler/syntax/concrete.h"

namespace concord::syntax {

struct ParseOptions {
  // Expressions and blocks nested deeper than this are reported as E0109
  // instead of recursing further.
  int max_nesting = 256;
  // Files with more tokens than this (comments not counted) are reported as
  // E0114 and not parsed: the parse tree costs several hundred bytes per
  // token, and an 8 MiB file of `+1` took 5.7 GB. The federation benchmark's
  // largest accepted file (scale 0.1, 7.6 MB) has about 1.1 million.
  size_t max_tokens = 2'000'000;
  // Parse with fast SLL prediction first and fall back to full LL only when
  // that fails (ANTLR's recommended two-stage strategy). Off only to measure
  // the gain: `CONCORD_PARSE_LL_ONLY=1` in the environment.
  bool two_stage = true;
  // When set, also receives the concrete syntax tree and the comments (for
  // the formatter). Filled only when the file parsed.
  SyntaxTree* concrete = nullptr;
  // When set, parsed instead of the file's text: the same length, so every
  // range is a range of the file. A ledger's history is parsed with its
  // events blanked out, and each event is then read on its own
  // (ParseEventLine), so a history of any length is never one parse tree.
  const std::string* text = nullptr;
};

// Always returns a File: what could be parsed, with every independent syntax
// error reported to `diags` (E01xx). Never throws.
ast::File ParseFile(const diag::SourceManager& sources, diag::FileId file,
                    diag::DiagnosticEngine& diags, const ParseOptions& options = {});

}  // namespace concord::syntax
