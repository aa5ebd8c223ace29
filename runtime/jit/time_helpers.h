// The helpers behind `today` and `within` in compiled code. Both read the
// evaluation's date from the Context, as the interpreter reads
// EvalOptions::anchor, and word their errors with the interpreter's
// functions (interp::NoTodayError, interp::WithinOverflowError), so the two
// engines agree by construction. Internal to runtime/jit; registered in
// helpers.cpp's symbol list.
#pragma once

#include <cstdint>

namespace concord::jit {

struct Context;

// `today` of IR node `node`: its date as days into *out; 0 on failure.
int32_t cj_today(Context* ctx, int32_t node, int64_t* out);
// `date within d` of IR node `node`, d as its three parts (days, months,
// lunar months): 1 or 0 into *out; returns 0 on failure.
int32_t cj_within(Context* ctx, int32_t node, int64_t date, const int64_t* parts, int64_t* out);

}  // namespace concord::jit
