// One version of the file `concord revise` compares, already compiled: what
// every comparison (rules, structure, quota) reads.
#pragma once

#include "compiler/diag/source_range.h"
#include "compiler/sema/program.h"

namespace concord::revise {

// Only the declarations of `main` (the file given, not what it imports) are
// compared.
struct Version {
  const sema::Program* program = nullptr;
  const ast::File* main = nullptr;
  diag::FileId file_offset = 0;  // where its files start in the merged sources
};

}  // namespace concord::revise
