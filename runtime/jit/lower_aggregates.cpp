// Aggregates of lowering_internal.h: count, sum, any, all, min and max of a
// set as one loop over its elements (or over the matches of a keyed
// filter), in the set's order, stopping where the interpreter stops.
#include <fmt/format.h>

#include <optional>

#include "runtime/interp/keyed_filter.h"
#include "runtime/jit/lowering_internal.h"

namespace concord::jit {

Native Lowering::EmitAggregate(const ir::Node& n) {
  using ir::Op;
  const ir::Node* filter = n.child(1);
  const ir::Node* projection = n.child(2);
  Native source = Emit(Child(n, 0));
  if (source.repr() != Repr::kBoxed) throw Unsupported{"an aggregate over a scalar"};
  bool binds = filter || projection;
  if (binds && (!locals_ || n.slot < 0 || n.slot >= num_locals_)) {
    throw Unsupported{"an aggregate without its variable"};
  }
  const Op op = n.op;
  const bool logical = op == Op::kAny || op == Op::kAll;
  const Repr repr = ReprOf(n.type);
  const bool is_sum = ir::GroupOf(op) == ir::OpGroup::kSum;
  if (!logical && op != Op::kCount && repr == Repr::kBoxed) {
    throw Unsupported{fmt::format("`{}` of boxed values", ir::OpName(op))};
  }
  if (is_sum && op != Op::kSumMoney && op != Op::kSumDuration && repr != Repr::kI64) {
    throw Unsupported{"a sum of an unexpected type"};
  }

  llvm::Value* size = Call("cj_set_size", {ctx_, NodeId(n), source.v});
  Check(b_.CreateICmpSGE(size, b_.getInt64(0)));
  llvm::Value* elements = Call("cj_set_data", {source.v});

  llvm::Type* acc_type = logical ? i1_ : op == Op::kCount ? i64_ : TypeOf(repr);
  llvm::Value* i = Alloca(i64_);
  llvm::Value* acc = Alloca(acc_type);
  llvm::Value* have = Alloca(i1_);
  b_.CreateStore(b_.getInt64(0), i);
  b_.CreateStore(b_.getFalse(), have);
  if (op == Op::kCount || (is_sum && repr == Repr::kI64)) b_.CreateStore(b_.getInt64(0), acc);
  if (op == Op::kSumDuration) b_.CreateStore(llvm::ConstantAggregateZero::get(duration_), acc);

  // `where x.field == key` over a set whose index covers the field: the
  // loop runs over the matches' positions instead (runtime/interp/
  // keyed_filter.h; the interpreter does the same).
  llvm::Value* matches = nullptr;  // i32 positions, or null: every element
  llvm::Value* visits = size;
  if (std::optional<interp::KeyedFilter> keyed = interp::FindKeyedFilter(n)) {
    llvm::Value* positions = Alloca(ptr_);
    llvm::Value* count = Alloca(i64_);
    b_.CreateStore(llvm::ConstantPointerNull::get(ptr_), positions);
    b_.CreateStore(size, count);
    llvm::BasicBlock* ask = Block("agg.keyed");
    llvm::BasicBlock* start = Block("agg.start");
    llvm::Value* covers = Call("cj_set_covers", {ctx_, NodeId(*keyed->field), source.v});
    b_.CreateCondBr(b_.CreateAnd(b_.CreateICmpSGT(size, b_.getInt64(0)),
                                 b_.CreateICmpNE(covers, b_.getInt32(0))),
                    ask, start);
    b_.SetInsertPoint(ask);
    llvm::Value* key = Box(Emit(*keyed->key));
    b_.CreateStore(Call("cj_set_matching", {ctx_, NodeId(*keyed->field), source.v, key, count}),
                   positions);
    b_.CreateBr(start);
    b_.SetInsertPoint(start);
    matches = b_.CreateLoad(ptr_, positions);
    visits = b_.CreateLoad(i64_, count);
  }

  llvm::BasicBlock* header = Block("agg.header");
  llvm::BasicBlock* body = Block("agg.body");
  llvm::BasicBlock* next = Block("agg.next");
  llvm::BasicBlock* end = Block("agg.end");
  llvm::BasicBlock* done = Block("agg.done");
  b_.CreateBr(header);
  b_.SetInsertPoint(header);
  llvm::Value* iv = b_.CreateLoad(i64_, i);
  b_.CreateCondBr(b_.CreateICmpSLT(iv, visits), body, end);

  b_.SetInsertPoint(body);
  llvm::Value* position = iv;
  if (matches) {
    llvm::BasicBlock* keyed = Block("agg.match");
    llvm::BasicBlock* element_at = Block("agg.element");
    llvm::BasicBlock* from = b_.GetInsertBlock();
    b_.CreateCondBr(b_.CreateIsNotNull(matches), keyed, element_at);
    b_.SetInsertPoint(keyed);
    llvm::Value* match = b_.CreateZExt(b_.CreateLoad(i32_, b_.CreateGEP(i32_, matches, iv)), i64_);
    b_.CreateBr(element_at);
    b_.SetInsertPoint(element_at);
    llvm::PHINode* phi = b_.CreatePHI(i64_, 2);
    phi->addIncoming(iv, from);
    phi->addIncoming(match, keyed);
    position = phi;
  }
  llvm::Value* element = b_.CreateGEP(value_, elements, position);
  if (binds) {
    b_.CreateStore(element, b_.CreateConstGEP1_32(ptr_, locals_, static_cast<unsigned>(n.slot)));
  }
  const ir::Type* bool_type = module_.types().Bool();

  if (logical) {
    // Some (any) or every (all) element satisfies the condition; the
    // decisive element ends the loop with the answer.
    bool is_any = op == Op::kAny;
    llvm::Value* condition = nullptr;
    if (projection) {
      if (filter) {
        Native f = Convert(Emit(*filter), bool_type, n);
        llvm::BasicBlock* selected = Block("agg.selected");
        b_.CreateCondBr(f.v, selected, next);
        b_.SetInsertPoint(selected);
      }
      condition = Convert(Emit(*projection), bool_type, n).v;
    } else if (filter) {
      condition = Convert(Emit(*filter), bool_type, n).v;
    } else {
      condition = Unbox(element, bool_type, n).v;
    }
    llvm::BasicBlock* decided = Block("agg.decided");
    if (is_any) {
      b_.CreateCondBr(condition, decided, next);
    } else {
      b_.CreateCondBr(condition, next, decided);
    }
    b_.SetInsertPoint(decided);
    b_.CreateStore(b_.getInt1(is_any), acc);
    b_.CreateBr(done);
    b_.SetInsertPoint(end);
    b_.CreateStore(b_.getInt1(!is_any), acc);
    b_.CreateBr(done);
  } else {
    if (filter) {
      Native f = Convert(Emit(*filter), bool_type, n);
      llvm::BasicBlock* selected = Block("agg.selected");
      b_.CreateCondBr(f.v, selected, next);
      b_.SetInsertPoint(selected);
    }
    if (op == Op::kCount) {
      if (projection) Emit(*projection);  // evaluated for its errors, as the interpreter does
      b_.CreateStore(b_.CreateAdd(b_.CreateLoad(i64_, acc), b_.getInt64(1)), acc);
    } else {
      Native value = projection ? Convert(Emit(*projection), n.type, n) : Unbox(element, n.type, n);
      if (is_sum) {
        Accumulate(n, acc, have, value);
      } else {
        KeepBetter(n, acc, have, value);
      }
    }
    b_.CreateBr(next);
    b_.SetInsertPoint(end);
    if (op == Op::kSumMoney || op == Op::kMinOf || op == Op::kMaxOf) {
      llvm::BasicBlock* empty = Block("agg.empty");
      b_.CreateCondBr(b_.CreateLoad(i1_, have), done, empty);
      b_.SetInsertPoint(empty);
      std::optional<values::Currency> currency = values::Currency::Parse(n.currency);
      if (op == Op::kSumMoney && currency) {
        b_.CreateStore(MakeMoney(b_.getInt64(0), b_.getInt32(PackCurrency(*currency))), acc);
        b_.CreateBr(done);
      } else {
        Call("cj_fail_empty", {ctx_, NodeId(n)});
        b_.CreateBr(fail_);
      }
    } else {
      b_.CreateBr(done);
    }
  }

  b_.SetInsertPoint(next);
  b_.CreateStore(b_.CreateAdd(b_.CreateLoad(i64_, i), b_.getInt64(1)), i);
  b_.CreateBr(header);

  b_.SetInsertPoint(done);
  return {b_.CreateLoad(acc_type, acc), n.type};
}

void Lowering::Accumulate(const ir::Node& n, llvm::Value* acc, llvm::Value* have,
                          const Native& value) {
  using llvm::Intrinsic::sadd_with_overflow;
  Repr repr = ReprOf(n.type);
  llvm::Value* total = b_.CreateLoad(TypeOf(repr), acc);
  auto fail_if = [&](llvm::Value* failed) {
    llvm::BasicBlock* bad = Block("sum.error");
    llvm::BasicBlock* cont = Block("sum.ok");
    b_.CreateCondBr(failed, bad, cont);
    b_.SetInsertPoint(bad);
    Call("cj_fail_sum", {ctx_, NodeId(n), Box({total, n.type}), Box(value)});
    b_.CreateBr(fail_);
    b_.SetInsertPoint(cont);
  };
  if (repr == Repr::kI64) {
    llvm::Value* r = b_.CreateBinaryIntrinsic(sadd_with_overflow, total, value.v);
    fail_if(b_.CreateExtractValue(r, 1));
    b_.CreateStore(b_.CreateExtractValue(r, 0), acc);
    return;
  }
  if (repr == Repr::kDuration) {
    llvm::Value* sum = llvm::UndefValue::get(duration_);
    llvm::Value* overflow = b_.getFalse();
    for (unsigned part = 0; part < 3; ++part) {
      llvm::Value* r =
          b_.CreateBinaryIntrinsic(sadd_with_overflow, b_.CreateExtractValue(total, part),
                                   b_.CreateExtractValue(value.v, part));
      overflow = b_.CreateOr(overflow, b_.CreateExtractValue(r, 1));
      sum = b_.CreateInsertValue(sum, b_.CreateExtractValue(r, 0), part);
    }
    fail_if(overflow);
    b_.CreateStore(sum, acc);
    return;
  }
  // Money: the first amount gives the currency.
  llvm::BasicBlock* first = Block("sum.first");
  llvm::BasicBlock* add = Block("sum.add");
  llvm::BasicBlock* cont = Block("sum.next");
  b_.CreateCondBr(b_.CreateLoad(i1_, have), add, first);
  b_.SetInsertPoint(first);
  b_.CreateStore(value.v, acc);
  b_.CreateStore(b_.getTrue(), have);
  b_.CreateBr(cont);
  b_.SetInsertPoint(add);
  Native t{total, n.type};
  llvm::Value* r = b_.CreateBinaryIntrinsic(sadd_with_overflow, Amount(t), Amount(value));
  fail_if(b_.CreateOr(b_.CreateICmpNE(Currency(t), Currency(value)), b_.CreateExtractValue(r, 1)));
  b_.CreateStore(MakeMoney(b_.CreateExtractValue(r, 0), Currency(t)), acc);
  b_.CreateBr(cont);
  b_.SetInsertPoint(cont);
}

// min/max of a set: `value` replaces the best so far when strictly better.
void Lowering::KeepBetter(const ir::Node& n, llvm::Value* acc, llvm::Value* have,
                          const Native& value) {
  Repr repr = ReprOf(n.type);
  values::CompareOp better =
      n.op == ir::Op::kMinOf ? values::CompareOp::kLt : values::CompareOp::kGt;
  llvm::BasicBlock* first = Block("best.first");
  llvm::BasicBlock* compare = Block("best.compare");
  llvm::BasicBlock* replace = Block("best.replace");
  llvm::BasicBlock* cont = Block("best.next");
  b_.CreateCondBr(b_.CreateLoad(i1_, have), compare, first);
  b_.SetInsertPoint(first);
  b_.CreateStore(b_.getTrue(), have);
  b_.CreateBr(replace);
  b_.SetInsertPoint(compare);
  Native best{b_.CreateLoad(TypeOf(repr), acc), n.type};
  llvm::Value* wins = nullptr;
  switch (repr) {
    case Repr::kI64:
      wins = Predicate(better, value.v, best.v);
      break;
    case Repr::kMoney: {
      llvm::BasicBlock* bad = Block("best.error");
      llvm::BasicBlock* same = Block("best.same");
      b_.CreateCondBr(b_.CreateICmpNE(Currency(value), Currency(best)), bad, same);
      b_.SetInsertPoint(bad);
      Call("cj_fail_order", {ctx_, NodeId(n), Box(value), Box(best)});
      b_.CreateBr(fail_);
      b_.SetInsertPoint(same);
      wins = Predicate(better, Amount(value), Amount(best));
      break;
    }
    case Repr::kDuration:
      wins = DurationOrder(n, better, value, best);
      break;
    default:
      throw Unsupported{fmt::format("`{}` of values that are not ordered", ir::OpName(n.op))};
  }
  b_.CreateCondBr(wins, replace, cont);
  b_.SetInsertPoint(replace);
  b_.CreateStore(value.v, acc);
  b_.CreateBr(cont);
  b_.SetInsertPoint(cont);
}

}  // namespace concord::jit
