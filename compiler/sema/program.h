// A program: every file given on the command line plus everything they
// import, parsed. Built by the loader (compiler/pipeline/loader.h), which has
// already reported unreadable files, bad encodings, syntax errors, missing
// imports (E0206) and import cycles (E0207).
#pragma once

#include <memory>
#include <vector>

#include "compiler/diag/source_manager.h"
#include "compiler/syntax/ast.h"

namespace concord::sema {

struct Program {
  diag::SourceManager sources;
  // In load order: a file comes after the files it imports. Standard library
  // files (stdlib/*.concord) are included when imported; `std.minimal` and
  // `std.panarchy` are always loaded, because a charter claims them by name
  // (`minimal` without a `concord` clause) without importing them.
  std::vector<std::unique_ptr<ast::File>> files;
  std::vector<bool> is_stdlib;  // parallel to `files`
};

}  // namespace concord::sema
