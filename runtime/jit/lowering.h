// Lowering of an ir::Module to one LLVM module. Every Function becomes
// `i1 @fn.N(ptr ctx, <params in their native form>, ptr out)`; every Root an
// entry `i1 @root.N(ptr ctx, ptr inputs, ptr out)` that reads its inputs from
// an array of values::Value and writes its result as one (a root of type
// bool, a condition, writes one byte, 0 or 1, instead); every Function also
// gets such an entry (`@call.N`) for Program::Call. The i1 is false when the
// evaluation stopped with an error, which the Context holds.
//
// Scalars live in registers: bool as i1; int, decimal, percent (raw fixed
// point) and date (days) as i64; money as {i64 amount, i32 currency};
// duration as {i64 days, i64 months, i64 lunar months}. Everything else
// (text, members, enums, sets, records, optionals) is a `const Value*`
// handled by helpers. Internal to runtime/jit.
#pragma once

#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "compiler/ir/ir.h"
#include "runtime/jit/context.h"

namespace concord::jit {

struct Lowered {
  std::unique_ptr<llvm::Module> module;
  // Entry symbol of each root and function that was lowered. A construct
  // the lowering does not cover leaves its root (and the roots calling its
  // function) to the interpreter; `skipped` says which and why.
  std::unordered_map<const ir::Root*, std::string> roots;
  std::unordered_map<const ir::Function*, std::string> functions;
  // The lowered roots of type bool, whose `out` is a byte (Program::Decide).
  std::unordered_set<const ir::Root*> conditions;
  std::vector<std::string> skipped;
};

Lowered Lower(const ir::Module& module, llvm::LLVMContext& context, NodeTable& table);

}  // namespace concord::jit
