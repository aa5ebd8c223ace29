// One version of the file `concord revise` compares, already compiled: what
// every comparison (rules, structure, quota) reads.
#pragma once

#include <vector>

#include "compiler/diag/source_range.h"
#include "compiler/sema/program.h"

namespace concord::revise {

// Only the declarations of `files` are compared: for `concord revise` the file
// given, not what it imports; for `concord ledger adopt` every file of the
// program, so that a charter moved to another file is still the same charter.
struct Version {
  const sema::Program* program = nullptr;
  std::vector<const ast::File*> files;
  diag::FileId file_offset = 0;  // where its files start in the merged sources
};

}  // namespace concord::revise
