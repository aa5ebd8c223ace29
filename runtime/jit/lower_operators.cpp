// Operators of lowering_internal.h: conversions between numbers, checked
// arithmetic on ints, decimals, percents and money, durations and dates
// through their helpers, comparisons and `min`/`max`. A combination without
// a native lowering goes to the interpreter through the node's shadow
// (Generic); so do the errors of the checks (FailIf).
#include <fmt/format.h>

#include <optional>

#include "runtime/jit/lowering_internal.h"

namespace concord::jit {

// Branches to a cold block that has the interpreter word the error of `n`
// on these operands, when `failed` holds.
void Lowering::FailIf(llvm::Value* failed, const ir::Node& n, const std::vector<Native>& operands) {
  llvm::BasicBlock* bad = Block("error");
  llvm::BasicBlock* cont = Block("ok");
  b_.CreateCondBr(failed, bad, cont);
  b_.SetInsertPoint(bad);
  std::vector<llvm::Value*> boxed;
  for (const Native& x : operands) boxed.push_back(Box(x));
  Call("cj_fail",
       {ctx_, NodeId(n), OperandArray(boxed), b_.getInt32(static_cast<int>(boxed.size()))});
  b_.CreateBr(fail_);
  b_.SetInsertPoint(cont);
}

// a op b with an overflow check; the error is the interpreter's at `n`.
llvm::Value* Lowering::Checked(llvm::Intrinsic::ID op, llvm::Value* a, llvm::Value* b,
                               const ir::Node& n, const std::vector<Native>& operands) {
  llvm::Value* r = b_.CreateBinaryIntrinsic(op, a, b);
  FailIf(b_.CreateExtractValue(r, 1), n, operands);
  return b_.CreateExtractValue(r, 0);
}

// The interpreter on the operands (through the node's shadow): for the ops
// whose values are boxed anyway and for the rare native combinations.
Native Lowering::Generic(const ir::Node& n, const std::vector<Native>& operands) {
  if (!table_.shadows[static_cast<size_t>(Index(n))]) {
    throw Unsupported{fmt::format("`{}` has no lowering", ir::OpName(n.op))};
  }
  std::vector<llvm::Value*> boxed;
  for (const Native& x : operands) boxed.push_back(Box(x));
  llvm::Value* v = Call("cj_apply", {ctx_, NodeId(n), OperandArray(boxed),
                                     b_.getInt32(static_cast<int>(boxed.size()))});
  Check(b_.CreateIsNotNull(v));
  return Unbox(v, n.type, n);
}

llvm::Value* Lowering::Predicate(values::CompareOp op, llvm::Value* a, llvm::Value* b) {
  switch (op) {
    case values::CompareOp::kEq:
      return b_.CreateICmpEQ(a, b);
    case values::CompareOp::kNe:
      return b_.CreateICmpNE(a, b);
    case values::CompareOp::kLt:
      return b_.CreateICmpSLT(a, b);
    case values::CompareOp::kLe:
      return b_.CreateICmpSLE(a, b);
    case values::CompareOp::kGt:
      return b_.CreateICmpSGT(a, b);
    case values::CompareOp::kGe:
      return b_.CreateICmpSGE(a, b);
  }
  return b_.getFalse();
}

// `a op b` of durations with the anchor date: an i1.
llvm::Value* Lowering::DurationOrder(const ir::Node& n, values::CompareOp op, const Native& a,
                                     const Native& b) {
  llvm::Value* r = Call("cj_duration_order",
                        {ctx_, NodeId(n), b_.getInt32(static_cast<int>(op)), Spill(a), Spill(b)});
  Check(b_.CreateICmpSGE(r, b_.getInt32(0)));
  return b_.CreateICmpNE(r, b_.getInt32(0));
}

bool Lowering::AllNative(const std::vector<Native>& xs, Repr r) {
  for (const Native& x : xs) {
    if (x.repr() != r) return false;
  }
  return true;
}

Native Lowering::EmitOperator(const ir::Node& n, const std::vector<Native>& x) {
  using ir::Op;
  using llvm::Intrinsic::sadd_with_overflow;
  using llvm::Intrinsic::smul_with_overflow;
  using llvm::Intrinsic::ssub_with_overflow;
  const Repr result = ReprOf(n.type);
  const bool ints = AllNative(x, Repr::kI64);
  const bool moneys = AllNative(x, Repr::kMoney);
  const bool durations = AllNative(x, Repr::kDuration);
  switch (n.op) {
    case Op::kIntToDecimal:
      if (ints && result == Repr::kI64)
        return {Checked(smul_with_overflow, x[0].v, b_.getInt64(values::Decimal::kScale), n, x),
                n.type};
      break;
    case Op::kPercentToDecimal:
      if (ints && result == Repr::kI64) return {x[0].v, n.type};
      break;
    case Op::kCheckCurrency: {
      std::optional<values::Currency> want = values::Currency::Parse(n.currency);
      if (!moneys || result != Repr::kMoney || !want) break;
      FailIf(b_.CreateICmpNE(Currency(x[0]), b_.getInt32(PackCurrency(*want))), n, x);
      return {x[0].v, n.type};
    }
    case Op::kNegInt:
    case Op::kNegDecimal:
    case Op::kNegPercent:
      if (ints) return {Checked(ssub_with_overflow, b_.getInt64(0), x[0].v, n, x), n.type};
      break;
    case Op::kAddInt:
    case Op::kAddDecimal:
    case Op::kAddPercent:
      if (ints) return {Checked(sadd_with_overflow, x[0].v, x[1].v, n, x), n.type};
      break;
    case Op::kSubInt:
    case Op::kSubDecimal:
    case Op::kSubPercent:
      if (ints) return {Checked(ssub_with_overflow, x[0].v, x[1].v, n, x), n.type};
      break;
    case Op::kMulInt:
      if (ints) return {Checked(smul_with_overflow, x[0].v, x[1].v, n, x), n.type};
      break;
    case Op::kMulDecimal:
    case Op::kMulPercent:
    case Op::kDivDecimal:
      if (ints) {
        llvm::Value* out = Alloca(i64_);
        Check(Call("cj_mul_div_decimal", {ctx_, NodeId(n), x[0].v, x[1].v, out}));
        return {b_.CreateLoad(i64_, out), n.type};
      }
      break;
    case Op::kNegMoney:
      if (moneys) {
        return {MakeMoney(Checked(ssub_with_overflow, b_.getInt64(0), Amount(x[0]), n, x),
                          Currency(x[0])),
                n.type};
      }
      break;
    case Op::kAddMoney:
    case Op::kSubMoney:
      if (moneys) {
        FailIf(b_.CreateICmpNE(Currency(x[0]), Currency(x[1])), n, x);
        auto op = n.op == Op::kAddMoney ? sadd_with_overflow : ssub_with_overflow;
        return {MakeMoney(Checked(op, Amount(x[0]), Amount(x[1]), n, x), Currency(x[0])), n.type};
      }
      break;
    case Op::kMulMoneyDecimal:
    case Op::kMulMoneyPercent:
    case Op::kDivMoneyDecimal:
    case Op::kMulDecimalMoney:
    case Op::kMulPercentMoney: {
      bool money_first = n.op != Op::kMulDecimalMoney && n.op != Op::kMulPercentMoney;
      const Native& m = x[money_first ? 0 : 1];
      const Native& f = x[money_first ? 1 : 0];
      if (m.repr() != Repr::kMoney || f.repr() != Repr::kI64) break;
      llvm::Value* out = Alloca(i64_);
      Check(Call("cj_money_scale", {ctx_, NodeId(n), Amount(m), Currency(m), f.v, out}));
      return {MakeMoney(b_.CreateLoad(i64_, out), Currency(m)), n.type};
    }
    case Op::kDivMoney:
      if (moneys) {
        llvm::Value* out = Alloca(i64_);
        Check(Call("cj_money_ratio", {ctx_, NodeId(n), Amount(x[0]), Currency(x[0]), Amount(x[1]),
                                      Currency(x[1]), out}));
        return {b_.CreateLoad(i64_, out), n.type};
      }
      break;
    case Op::kNegDuration:
    case Op::kAddDuration:
    case Op::kSubDuration:
    case Op::kMulDurationInt:
    case Op::kMulIntDuration: {
      if (result != Repr::kDuration) break;
      llvm::Value* a = nullptr;
      llvm::Value* b = llvm::ConstantPointerNull::get(ptr_);
      llvm::Value* k = b_.getInt64(0);
      if (n.op == Op::kMulDurationInt || n.op == Op::kMulIntDuration) {
        bool duration_first = n.op == Op::kMulDurationInt;
        const Native& d = x[duration_first ? 0 : 1];
        const Native& i = x[duration_first ? 1 : 0];
        if (d.repr() != Repr::kDuration || i.repr() != Repr::kI64) break;
        a = Spill(d);
        k = i.v;
      } else {
        if (!durations) break;
        a = Spill(x[0]);
        if (x.size() > 1) b = Spill(x[1]);
      }
      llvm::Value* out = Alloca(duration_);
      Check(Call("cj_duration_arith", {ctx_, NodeId(n), a, b, k, out}));
      return {b_.CreateLoad(duration_, out), n.type};
    }
    case Op::kAddDateDuration:
    case Op::kSubDateDuration:
    case Op::kAddDurationDate: {
      bool date_first = n.op != Op::kAddDurationDate;
      const Native& date = x[date_first ? 0 : 1];
      const Native& d = x[date_first ? 1 : 0];
      if (date.repr() != Repr::kI64 || d.repr() != Repr::kDuration || result != Repr::kI64) break;
      llvm::Value* out = Alloca(i64_);
      Check(Call("cj_date_shift", {ctx_, NodeId(n), date.v, Spill(d), out}));
      return {b_.CreateLoad(i64_, out), n.type};
    }
    case Op::kWithinDate: {
      if (x[0].repr() != Repr::kI64 || x[1].repr() != Repr::kDuration) break;
      llvm::Value* out = Alloca(i64_);
      Check(Call("cj_within", {ctx_, NodeId(n), x[0].v, Spill(x[1]), out}));
      return {b_.CreateICmpNE(b_.CreateLoad(i64_, out), b_.getInt64(0)), n.type};
    }
    case Op::kSubDate:
      if (ints && result == Repr::kDuration) {
        llvm::Value* days = Checked(ssub_with_overflow, x[0].v, x[1].v, n, x);
        llvm::Value* d = llvm::ConstantAggregateZero::get(duration_);
        return {b_.CreateInsertValue(d, days, 0), n.type};
      }
      break;
    case Op::kCmpInt:
    case Op::kCmpDecimal:
    case Op::kCmpPercent:
    case Op::kCmpDate:
      if (ints) return {Predicate(n.cmp, x[0].v, x[1].v), n.type};
      break;
    case Op::kCmpMoney:
      if (moneys) {
        FailIf(b_.CreateICmpNE(Currency(x[0]), Currency(x[1])), n, x);
        return {Predicate(n.cmp, Amount(x[0]), Amount(x[1])), n.type};
      }
      break;
    case Op::kCmpDuration:
      if (durations) return {DurationOrder(n, n.cmp, x[0], x[1]), n.type};
      break;
    case Op::kMin:
    case Op::kMax: {
      // The second replaces the first only when strictly better.
      values::CompareOp better = n.op == Op::kMin ? values::CompareOp::kLt : values::CompareOp::kGt;
      if (ints && result == Repr::kI64) {
        return {b_.CreateSelect(Predicate(better, x[1].v, x[0].v), x[1].v, x[0].v), n.type};
      }
      if (moneys && result == Repr::kMoney) {
        FailIf(b_.CreateICmpNE(Currency(x[0]), Currency(x[1])), n, x);
        return {b_.CreateSelect(Predicate(better, Amount(x[1]), Amount(x[0])), x[1].v, x[0].v),
                n.type};
      }
      if (durations && result == Repr::kDuration) {
        return {b_.CreateSelect(DurationOrder(n, better, x[1], x[0]), x[1].v, x[0].v), n.type};
      }
      break;
    }
    default:
      break;
  }
  return Generic(n, x);
}

}  // namespace concord::jit
