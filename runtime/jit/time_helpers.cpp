// `today` and `within` for compiled code: see time_helpers.h.
#include "runtime/jit/time_helpers.h"

#include "runtime/calendar/date_arithmetic.h"
#include "runtime/jit/context.h"

namespace concord::jit {

int32_t cj_today(Context* ctx, int32_t node, int64_t* out) {
  const ir::Node& n = *ctx->table->nodes[static_cast<size_t>(node)];
  if (!ctx->options->anchor) {
    ctx->Fail(interp::NoTodayError(n));
    return 0;
  }
  *out = ctx->options->anchor->days();
  return 1;
}

int32_t cj_within(Context* ctx, int32_t node, int64_t date, const int64_t* parts, int64_t* out) {
  const ir::Node& n = *ctx->table->nodes[static_cast<size_t>(node)];
  if (!ctx->options->anchor) {
    ctx->Fail(interp::NoTodayError(n));
    return 0;
  }
  values::Duration d;
  d.days = parts[0];
  d.months = parts[1];
  d.lunar_months = parts[2];
  std::optional<bool> within =
      calendar::IsWithin(values::Date::FromDays(date), d, *ctx->options->anchor);
  if (!within) {
    ctx->Fail(interp::WithinOverflowError(n, *ctx->options->anchor, d));
    return 0;
  }
  *out = *within ? 1 : 0;
  return 1;
}

}  // namespace concord::jit
