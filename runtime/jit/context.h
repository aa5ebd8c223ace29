// What compiled code and its runtime helpers share: the per-evaluation
// Context (options, the first error, an arena for boxed values) and the
// per-program tables the helpers read (the IR nodes by index, and for the
// ops that are not lowered natively a "shadow" root the interpreter
// evaluates with the operands the native code computed). Internal to
// runtime/jit.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <vector>

#include "compiler/ir/ir.h"
#include "runtime/interp/interp.h"
#include "runtime/values/value.h"

namespace concord::jit {

// The node tables of one compiled program. Built during codegen, read-only
// afterwards, so evaluations on several threads may share them.
struct NodeTable {
  std::vector<const ir::Node*> nodes;
  // shadows[i]: a root whose body is nodes[i] with its operands replaced by
  // inputs, or null. Owned here; only ever evaluated by the interpreter.
  std::vector<std::unique_ptr<ir::Root>> shadows;
};

// One evaluation. Helpers record the first error here; compiled functions
// return false from then on up to the entry point.
struct Context {
  const interp::EvalOptions* options = nullptr;
  const NodeTable* table = nullptr;
  // A compiled body would have reached the depth limit or the stack limit:
  // the caller evaluates the entry again with the interpreter, which
  // reports exactly where (compiled code returns false up to the entry).
  bool needs_interpreter = false;
  std::optional<interp::RuntimeError> error;
  // Boxed values made during the evaluation (host answers, sets, boxes of
  // native scalars); a deque, so their addresses stay put, made on first use
  // because many evaluations box nothing.
  std::optional<std::deque<values::Value>> arena;

  const values::Value* Keep(values::Value v) {
    if (!arena) arena.emplace();
    arena->push_back(std::move(v));
    return &arena->back();
  }
  void Fail(interp::RuntimeError e) {
    if (!error) error = std::move(e);
  }
};

// How the native code packs a currency: the three letters in the low bytes.
inline int32_t PackCurrency(const values::Currency& c) {
  std::string_view code = c.code();
  return static_cast<int32_t>(static_cast<uint8_t>(code[0]) |
                              (static_cast<uint32_t>(static_cast<uint8_t>(code[1])) << 8) |
                              (static_cast<uint32_t>(static_cast<uint8_t>(code[2])) << 16));
}

}  // namespace concord::jit
