// What every lint reads and where it reports. A lint is a function over one
// user file (lints.def lists them); it reads the AST, the checked program for
// anything about names and types, and the source text to place its fix-its.
#pragma once

#include "compiler/diag/engine.h"
#include "compiler/diag/source_manager.h"
#include "compiler/sema/checked_program.h"
#include "compiler/syntax/ast.h"

namespace concord::lint {

struct LintContext {
  const sema::CheckedProgram& checked;
  const diag::SourceManager& sources;
  diag::DiagnosticEngine& diags;
};

}  // namespace concord::lint
