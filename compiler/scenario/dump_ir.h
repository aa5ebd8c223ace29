// `concord check --dump-ir`: the IR module that `concord run` plays, as text.
// A debugging aid: the format may change from one version to the next.
#pragma once

#include <string>

#include "compiler/diag/source_manager.h"
#include "compiler/model/model.h"
#include "compiler/sema/checked_program.h"

namespace concord::scenario {

struct IrDump {
  std::string text;
  std::string error;  // set when an expression could not be lowered (an internal failure)
};

// Lowers a program that checked clean exactly as `concord run` does (every
// fn, every rule's `where`, `require` and `when`, metrics, fund formulas, the
// constants and `expect` lines of scenarios) and prints the module: the
// functions (callees first), then the roots, in the order they were lowered.
// Each entry is followed by a `#` line with where it comes from; a root's
// also shows its source text, framed by its clause where the root's name
// does not say it (`where X`, `when X then flag`). Node ranges are `LINE:COL..LINE:COL`
// (half-open), prefixed by the file when it is not the entry's.
IrDump DumpIr(const sema::CheckedProgram& checked, const model::Model& model,
              const diag::SourceManager& sources);

}  // namespace concord::scenario
