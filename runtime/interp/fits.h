// Whether a value can be a value of an IR type: the check the interpreter
// makes on the inputs and arguments it is given and on host answers (R025
// when it fails, interp.h), and the JIT makes before running native code
// and on host answers, so both tiers accept the same values.
#pragma once

#include "compiler/ir/types.h"
#include "runtime/values/value.h"

namespace concord::interp {

// Whether `v` can be a value of `type` (kinds and shapes; elements of sets
// are not inspected).
bool Fits(const values::Value& v, const ir::Type* type);

}  // namespace concord::interp
