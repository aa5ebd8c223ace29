// The reference evaluator of the IR. The JIT (runtime/jit) must give the
// same Outcome, byte for byte, for every root and function; these are the
// semantics both follow:
//
// - Arithmetic is exact and checked (values/decimal.h: six fractional
//   digits, products and quotients rounded half to even). Overflow,
//   division by zero, money in two currencies, `min`/`max` of an empty set
//   and a missing attribute stop evaluation with a RuntimeError (R020-R024)
//   at the range of the operation; a value nobody can provide (no host, a
//   declined question, a value of the wrong kind) is R025.
// - Children are evaluated left to right; the first error stops everything.
//   `and`/`or` short-circuit; `if` evaluates only the branch it takes.
// - Durations: with an anchor date (always, in the runtime) a duration has
//   an exact length, `anchor + d` by calendar arithmetic, and comparisons are
//   exact (a span past year 9999 falls back to the interval rule, and is
//   R020 when that cannot decide). Without one (concord requirements at
//   compile time) comparisons follow the interval rule (values/duration.h)
//   and may be *undecided*.
// - Booleans are then three-valued, with Kleene logic: `undecided or true` is
//   true, `undecided and false` is false, `not undecided` is undecided; `any`
//   and `all` likewise. `if` on an undecided condition evaluates both
//   branches and is decided when they agree. Any other operation on an
//   undecided operand is undecided; an error anywhere still wins. The
//   Outcome then lists each undecided comparison with ExplainUndecided's
//   sentence ("`1 month` can be 31 days long while `30 days` ...").
// - Aggregates visit a set in its order (values::Set: insertion order). For
//   each element the filter is evaluated, then, when it holds (or is
//   undecided), the projection; projected values are not deduplicated (two
//   contributions of 10 EUR sum to 20 EUR). `any(x in s where c)` and
//   `all(x in s where c)` take the filter as the condition when there is no
//   projection. `any` stops at the first true element, `all` at the first
//   false one.
// - A sum of money is in one currency; an empty sum is 0 in the currency the
//   IR node knows (ir::Node::currency), and R024 when it knows none.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "compiler/ir/ir.h"
#include "runtime/interp/host.h"
#include "runtime/interp/runtime_error.h"
#include "runtime/values/value.h"

namespace concord::interp {

enum class Status : uint8_t { kValue, kUndecided, kError };

// One comparison the interval rule could not decide, and why.
struct Undecided {
  diag::SourceRange range;
  std::string explanation;
  friend bool operator==(const Undecided&, const Undecided&) = default;
};

struct Outcome {
  Status status = Status::kValue;
  values::Value value;                // kValue
  std::vector<Undecided> undecided;   // kUndecided: the comparisons that were not decided
  std::optional<RuntimeError> error;  // kError
  // With EvalOptions::trace_fields: the source ranges of the record fields
  // read, in first-read order, so a failed concord requirement can point at
  // the clause the value came from.
  std::vector<diag::SourceRange> fields_read;

  bool ok() const { return status == Status::kValue; }
  // For tests and debugging: the value's literal form, `undecided`, or
  // `error[R020]: arithmetic overflow: ...`.
  std::string ToString() const;
};

struct EvalOptions {
  // The date durations are measured from; none at compile time.
  std::optional<values::Date> anchor;
  // Answers entities, metrics and world queries; null declines them all.
  Host* host = nullptr;
  bool trace_fields = false;
};

// Evaluates a root with its inputs (`charter`, `treaty`, an event, ...), in
// the order of root.inputs.
Outcome Evaluate(const ir::Root& root, std::span<const values::Value> inputs,
                 const EvalOptions& options);

// Calls a fn with its arguments, in the order of fn.params.
Outcome Call(const ir::Function& fn, std::span<const values::Value> args,
             const EvalOptions& options);

}  // namespace concord::interp
