// Values in lowering_internal.h's native forms: the LLVM type of each Repr,
// constants, boxing into a values::Value and unboxing out of one (the
// helpers check the kind), conversions between the two, and storing an
// entry point's result.
#include <optional>

#include "runtime/jit/helpers.h"
#include "runtime/jit/lowering_internal.h"

namespace concord::jit {

using values::ValueKind;

llvm::Type* Lowering::TypeOf(Repr r) {
  switch (r) {
    case Repr::kBool:
      return i1_;
    case Repr::kI64:
      return i64_;
    case Repr::kMoney:
      return money_;
    case Repr::kDuration:
      return duration_;
    case Repr::kBoxed:
      return ptr_;
  }
  return ptr_;
}

// An object of this process that outlives the program (the module's
// shapes), as a constant of the compiled code.
llvm::Constant* Lowering::Pointer(const void* p) {
  return llvm::ConstantExpr::getIntToPtr(b_.getInt64(reinterpret_cast<uintptr_t>(p)), ptr_);
}

llvm::Value* Lowering::Box(const Native& x) {
  switch (x.repr()) {
    case Repr::kBool:
      return Call("cj_box_i64", {ctx_, b_.getInt32(static_cast<int>(ValueKind::kBool)),
                                 b_.CreateZExt(x.v, i64_)});
    case Repr::kI64:
      return Call("cj_box_i64", {ctx_, b_.getInt32(static_cast<int>(ScalarKind(x.type))), x.v});
    case Repr::kMoney:
      return Call("cj_box_money",
                  {ctx_, b_.CreateExtractValue(x.v, 0), b_.CreateExtractValue(x.v, 1)});
    case Repr::kDuration: {
      llvm::Value* slot = Alloca(duration_);
      b_.CreateStore(x.v, slot);
      return Call("cj_box_duration", {ctx_, slot});
    }
    case Repr::kBoxed:
      return x.v;
  }
  return x.v;
}

// A boxed value as `type`'s native form; a value of another kind is R025 at `n`.
Native Lowering::Unbox(llvm::Value* boxed, const ir::Type* type, const ir::Node& n) {
  switch (ReprOf(type)) {
    case Repr::kBool:
    case Repr::kI64: {
      llvm::Value* slot = Alloca(i64_);
      Check(Call("cj_unbox_i64",
                 {ctx_, NodeId(n), boxed, b_.getInt32(static_cast<int>(ScalarKind(type))), slot}));
      llvm::Value* v = b_.CreateLoad(i64_, slot);
      if (ReprOf(type) == Repr::kBool) v = b_.CreateICmpNE(v, b_.getInt64(0));
      return {v, type};
    }
    case Repr::kMoney: {
      llvm::Value* amount = Alloca(i64_);
      llvm::Value* currency = Alloca(i32_);
      Check(Call("cj_unbox_money", {ctx_, NodeId(n), boxed, amount, currency}));
      return {MakeMoney(b_.CreateLoad(i64_, amount), b_.CreateLoad(i32_, currency)), type};
    }
    case Repr::kDuration: {
      llvm::Value* slot = Alloca(duration_);
      Check(Call("cj_unbox_duration", {ctx_, NodeId(n), boxed, slot}));
      return {b_.CreateLoad(duration_, slot), type};
    }
    case Repr::kBoxed:
      return {boxed, type};
  }
  return {boxed, type};
}

// Writes the result of an entry point into the caller's Value.
void Lowering::Store(llvm::Value* out, const Native& x) {
  switch (x.repr()) {
    case Repr::kBool:
      Call("cj_store_i64",
           {out, b_.getInt32(static_cast<int>(ValueKind::kBool)), b_.CreateZExt(x.v, i64_)});
      return;
    case Repr::kI64:
      Call("cj_store_i64", {out, b_.getInt32(static_cast<int>(ScalarKind(x.type))), x.v});
      return;
    case Repr::kMoney:
      Call("cj_store_money", {out, b_.CreateExtractValue(x.v, 0), b_.CreateExtractValue(x.v, 1)});
      return;
    default:
      Call("cj_store_result", {out, Box(x)});
      return;
  }
}

// `x` in the form of `type` (a native value where an optional is expected,
// or the other way round).
Native Lowering::Convert(const Native& x, const ir::Type* type, const ir::Node& n) {
  if (x.repr() == ReprOf(type)) return {x.v, type};
  return Unbox(Box(x), type, n);
}

llvm::Value* Lowering::MakeMoney(llvm::Value* amount, llvm::Value* currency) {
  llvm::Value* m = llvm::UndefValue::get(money_);
  m = b_.CreateInsertValue(m, amount, 0);
  return b_.CreateInsertValue(m, currency, 1);
}

llvm::Value* Lowering::OperandArray(const std::vector<llvm::Value*>& boxed) {
  if (boxed.empty()) return llvm::ConstantPointerNull::get(ptr_);
  llvm::Value* array = Alloca(ptr_, static_cast<unsigned>(boxed.size()));
  for (size_t i = 0; i < boxed.size(); ++i) {
    b_.CreateStore(boxed[i], b_.CreateConstGEP1_32(ptr_, array, static_cast<unsigned>(i)));
  }
  return array;
}

Native Lowering::EmitConst(const ir::Node& n) {
  const values::Value& c = n.constant;
  switch (ReprOf(n.type)) {
    case Repr::kBool:
      if (const bool* x = c.AsBool()) return {b_.getInt1(*x), n.type};
      break;
    case Repr::kI64: {
      std::optional<int64_t> raw;
      if (const int64_t* i = c.AsInt()) raw = *i;
      if (const values::Decimal* d = c.AsDecimal()) raw = d->raw();
      if (const values::Percent* p = c.AsPercent()) raw = p->fraction.raw();
      if (const values::Date* d = c.AsDate()) raw = d->days();
      if (raw && ScalarKind(n.type) == c.kind()) return {b_.getInt64(*raw), n.type};
      break;
    }
    case Repr::kMoney:
      if (const values::Money* m = c.AsMoney()) {
        return {MakeMoney(b_.getInt64(m->amount.raw()), b_.getInt32(PackCurrency(m->currency))),
                n.type};
      }
      break;
    case Repr::kDuration:
      if (const values::Duration* d = c.AsDuration()) {
        return {llvm::ConstantStruct::get(duration_, {b_.getInt64(d->days), b_.getInt64(d->months),
                                                      b_.getInt64(d->lunar_months)}),
                n.type};
      }
      break;
    case Repr::kBoxed:
      break;
  }
  // The node (and so its constant) outlives the compiled program.
  llvm::Value* boxed = b_.CreateIntToPtr(b_.getInt64(reinterpret_cast<uint64_t>(&c)), ptr_);
  return Unbox(boxed, n.type, n);
}

llvm::Value* Lowering::Spill(const Native& d) {
  llvm::Value* slot = Alloca(duration_);
  b_.CreateStore(d.v, slot);
  return slot;
}

}  // namespace concord::jit
