// The class behind lowering.h's Lower, shared by the files that implement
// it. Internal to those files (jit.cpp needs only lowering.h). Split the way
// the interpreter is (runtime/interp/evaluator.h):
// lower_walk.cpp (the walk: functions, roots and entry points, dispatch,
// slots, host questions, fields, sets, calls, `and`/`or`, `if`),
// lower_values.cpp (native forms: constants, boxing, unboxing, conversions),
// lower_operators.cpp (arithmetic, comparisons, `min`/`max`, checked ops
// and their errors, the interpreter fallback) and lower_aggregates.cpp
// (count, sum, any, all, min and max of a set).
//
// The lowering is one recursive walk per Function and Root that emits LLVM
// IR in the order the interpreter evaluates (children left to right,
// `and`/`or` short-circuit, `if` takes one branch, aggregates visit the set
// in order and stop where the interpreter stops). Checked arithmetic uses
// llvm.s{add,sub,mul}.with.overflow; the error branch calls a helper that
// records the interpreter's error for that node and returns false.
#pragma once

#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Intrinsics.h>

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/ir/ir.h"
#include "runtime/jit/context.h"
#include "runtime/jit/lowering.h"

namespace concord::jit {

enum class Repr : uint8_t { kBool, kI64, kMoney, kDuration, kBoxed };

inline Repr ReprOf(const ir::Type* type) {
  switch (type ? type->kind() : ir::TypeKind::kNone) {
    case ir::TypeKind::kBool:
      return Repr::kBool;
    case ir::TypeKind::kInt:
    case ir::TypeKind::kDecimal:
    case ir::TypeKind::kPercent:
    case ir::TypeKind::kDate:
      return Repr::kI64;
    case ir::TypeKind::kMoney:
      return Repr::kMoney;
    case ir::TypeKind::kDuration:
      return Repr::kDuration;
    default:
      return Repr::kBoxed;
  }
}

// A lowered value and the IR type it has.
struct Native {
  llvm::Value* v = nullptr;
  const ir::Type* type = nullptr;
  Repr repr() const { return ReprOf(type); }
};

// Thrown no further than LowerFunction and LowerRoot: a construct this
// lowering does not cover.
struct Unsupported {
  std::string why;
};

class Lowering {
 public:
  Lowering(const ir::Module& module, llvm::LLVMContext& c, NodeTable& table);
  Lowered Run();

 private:
  // lower_walk.cpp: declarations
  void DeclareHelpers();
  llvm::Value* Call(const char* helper, std::vector<llvm::Value*> args) {
    return b_.CreateCall(helpers_.at(helper), args);
  }

  // lower_walk.cpp: nodes and their shadows
  int32_t Index(const ir::Node& n);
  static std::unique_ptr<ir::Root> MakeShadow(const ir::Node& n);
  llvm::Value* NodeId(const ir::Node& n) { return b_.getInt32(Index(n)); }

  // lower_walk.cpp: blocks, allocas, checks
  llvm::BasicBlock* Block(const char* name) { return llvm::BasicBlock::Create(c_, name, fn_); }
  llvm::AllocaInst* Alloca(llvm::Type* type, unsigned count = 1);
  void Check(llvm::Value* ok);

  // lower_walk.cpp: functions and roots. Begin opens the entry block and
  // leaves the builder in the body's; Enter closes the entry with the check
  // of runtime/interp/depth.h's limit and the stack's, once the body is
  // lowered and its height known.
  void Begin(llvm::Function* f);
  void Enter(const ir::Node& body);
  llvm::Value* Level() { return b_.CreateAdd(base_level_, b_.getInt32(level_)); }
  llvm::Value* Locals(int32_t count);
  void LowerFunction(const ir::Function& fn, size_t index);
  void LowerCallEntry(const ir::Function& fn, llvm::Function* inner, size_t index);
  void LowerRoot(const ir::Root& root, size_t index);

  // lower_walk.cpp: expressions
  const ir::Node& Child(const ir::Node& n, size_t i);
  Native Emit(const ir::Node& n);
  Native EmitCall(const ir::Node& n);
  Native EmitAndOr(const ir::Node& n);
  Native EmitIf(const ir::Node& n);

  // lower_values.cpp
  llvm::Type* TypeOf(Repr r);
  llvm::Constant* Pointer(const void* p);
  llvm::Value* Box(const Native& x);
  Native Unbox(llvm::Value* boxed, const ir::Type* type, const ir::Node& n);
  void Store(llvm::Value* out, const Native& x);
  Native Convert(const Native& x, const ir::Type* type, const ir::Node& n);
  llvm::Value* MakeMoney(llvm::Value* amount, llvm::Value* currency);
  llvm::Value* OperandArray(const std::vector<llvm::Value*>& boxed);
  Native EmitConst(const ir::Node& n);
  llvm::Value* Amount(const Native& m) { return b_.CreateExtractValue(m.v, 0); }
  llvm::Value* Currency(const Native& m) { return b_.CreateExtractValue(m.v, 1); }
  llvm::Value* Spill(const Native& d);

  // lower_operators.cpp
  void FailIf(llvm::Value* failed, const ir::Node& n, const std::vector<Native>& operands);
  llvm::Value* Checked(llvm::Intrinsic::ID op, llvm::Value* a, llvm::Value* b, const ir::Node& n,
                       const std::vector<Native>& operands);
  Native Generic(const ir::Node& n, const std::vector<Native>& operands);
  llvm::Value* Predicate(values::CompareOp op, llvm::Value* a, llvm::Value* b);
  llvm::Value* DurationOrder(const ir::Node& n, values::CompareOp op, const Native& a,
                             const Native& b);
  static bool AllNative(const std::vector<Native>& xs, Repr r);
  Native EmitOperator(const ir::Node& n, const std::vector<Native>& x);

  // lower_aggregates.cpp
  Native EmitAggregate(const ir::Node& n);
  void Accumulate(const ir::Node& n, llvm::Value* acc, llvm::Value* have, const Native& value);
  void KeepBetter(const ir::Node& n, llvm::Value* acc, llvm::Value* have, const Native& value);

  struct CompiledFunction {
    llvm::Function* f = nullptr;
    const ir::Type* result = nullptr;
  };

  const ir::Module& module_;
  llvm::LLVMContext& c_;
  NodeTable& table_;
  llvm::IRBuilder<> b_;
  Lowered out_;
  llvm::Module* m_ = nullptr;
  llvm::Type* i1_ = nullptr;
  llvm::Type* i32_ = nullptr;
  llvm::Type* i64_ = nullptr;
  llvm::PointerType* ptr_ = nullptr;
  llvm::StructType* money_ = nullptr;
  llvm::StructType* duration_ = nullptr;
  llvm::ArrayType* value_ = nullptr;  // a values::Value, by size only
  std::unordered_map<std::string, llvm::Function*> helpers_;
  std::unordered_map<const ir::Node*, int32_t> index_;
  std::unordered_map<const ir::Function*, CompiledFunction> functions_;

  // The function being lowered.
  llvm::Function* fn_ = nullptr;
  llvm::Value* ctx_ = nullptr;
  llvm::BasicBlock* fail_ = nullptr;
  llvm::BasicBlock* body_ = nullptr;
  // Depth (runtime/interp/depth.h): the i32 level of the body, the i64
  // stack limit, and while a node is emitted, its operands' level relative
  // to the body (level_) and the deepest relative level seen (max_level_).
  llvm::Value* base_level_ = nullptr;
  llvm::Value* stack_limit_ = nullptr;
  int32_t level_ = 0;
  int32_t max_level_ = 0;
  std::vector<llvm::Value*> params_;
  std::vector<const ir::Type*> param_types_;
  llvm::Value* inputs_ = nullptr;
  size_t input_count_ = 0;
  llvm::Value* locals_ = nullptr;
  int32_t num_locals_ = 0;
};

}  // namespace concord::jit
