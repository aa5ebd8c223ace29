// Sema's entry point: resolve every name and type every expression of a
// loaded program. The rules are documented in docs/reference-sema.md.
#pragma once

#include <memory>

#include "compiler/sema/checked_program.h"
#include "compiler/sema/program.h"

namespace concord::diag {
class DiagnosticEngine;  // compiler/diag/engine.h; kept out of this header (it pulls in fmt)
}

namespace concord::sema {

// Reports E02xx diagnostics to `diags` and always returns a CheckedProgram,
// complete as far as the errors allow (CheckedProgram::has_errors() says
// whether there were any). `program` must outlive the result. Never throws.
std::unique_ptr<CheckedProgram> Check(const Program& program, diag::DiagnosticEngine& diags);

}  // namespace concord::sema
