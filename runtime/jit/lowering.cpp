// The lowering of lowering.h: one recursive walk per Function and Root that
// emits LLVM IR in the order the interpreter evaluates (children left to
// right, `and`/`or` short-circuit, `if` takes one branch, aggregates visit
// the set in order and stop where the interpreter stops). Checked arithmetic
// uses llvm.s{add,sub,mul}.with.overflow; the error branch calls a helper
// that records the interpreter's error for that node and returns false.
#include "runtime/jit/lowering.h"

#include <fmt/format.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Intrinsics.h>
#include <llvm/IR/Verifier.h>

#include <optional>

#include "runtime/interp/keyed_filter.h"
#include "runtime/jit/helpers.h"

namespace concord::jit {
namespace {

using values::ValueKind;

enum class Repr : uint8_t { kBool, kI64, kMoney, kDuration, kBoxed };

Repr ReprOf(const ir::Type* type) {
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

// Thrown no further than LowerBody: a construct this lowering does not cover.
struct Unsupported {
  std::string why;
};

class Lowering {
 public:
  Lowering(const ir::Module& module, llvm::LLVMContext& c, NodeTable& table)
      : module_(module), c_(c), table_(table), b_(c) {
    out_.module = std::make_unique<llvm::Module>("concord", c);
    m_ = out_.module.get();
    i1_ = b_.getInt1Ty();
    i32_ = b_.getInt32Ty();
    i64_ = b_.getInt64Ty();
    ptr_ = b_.getPtrTy();
    money_ = llvm::StructType::get(c, {i64_, i32_});
    duration_ = llvm::StructType::get(c, {i64_, i64_, i64_});
    // Opaque: compiled code only steps over values, the helpers look inside.
    value_ = llvm::ArrayType::get(b_.getInt8Ty(), sizeof(values::Value));
    DeclareHelpers();
  }

  Lowered Run() {
    // Callees come before callers (Module::functions), so a call always
    // finds its callee's declaration.
    size_t index = 0;
    for (const auto& fn : module_.functions()) LowerFunction(*fn, index++);
    index = 0;
    for (const auto& root : module_.roots()) {
      // A literal (the scenario's amounts and dates are lowered as roots)
      // has nothing to compile: the interpreter returns it as fast.
      if (root->body && root->body->op == ir::Op::kConst) {
        ++index;
        continue;
      }
      LowerRoot(*root, index++);
    }
    return std::move(out_);
  }

 private:
  // --- declarations --------------------------------------------------------------

  void DeclareHelpers() {
    auto declare = [&](const char* name, llvm::Type* ret, std::vector<llvm::Type*> args) {
      llvm::Function* f = llvm::Function::Create(llvm::FunctionType::get(ret, args, false),
                                                 llvm::Function::ExternalLinkage, name, m_);
      f->addFnAttr(llvm::Attribute::NoUnwind);
      helpers_[name] = f;
    };
    llvm::Type* void_ = b_.getVoidTy();
    declare("cj_box_i64", ptr_, {ptr_, i32_, i64_});
    declare("cj_box_money", ptr_, {ptr_, i64_, i32_});
    declare("cj_box_duration", ptr_, {ptr_, ptr_});
    declare("cj_unbox_i64", i32_, {ptr_, i32_, ptr_, i32_, ptr_});
    declare("cj_unbox_money", i32_, {ptr_, i32_, ptr_, ptr_, ptr_});
    declare("cj_unbox_duration", i32_, {ptr_, i32_, ptr_, ptr_});
    declare("cj_store_result", void_, {ptr_, ptr_});
    declare("cj_store_i64", void_, {ptr_, i32_, i64_});
    declare("cj_store_money", void_, {ptr_, i64_, i32_});
    declare("cj_apply", ptr_, {ptr_, i32_, ptr_, i32_});
    declare("cj_fail", void_, {ptr_, i32_, ptr_, i32_});
    declare("cj_mul_div_decimal", i32_, {ptr_, i32_, i64_, i64_, ptr_});
    declare("cj_money_scale", i32_, {ptr_, i32_, i64_, i32_, i64_, ptr_});
    declare("cj_money_ratio", i32_, {ptr_, i32_, i64_, i32_, i64_, i32_, ptr_});
    declare("cj_date_shift", i32_, {ptr_, i32_, i64_, ptr_, ptr_});
    declare("cj_duration_arith", i32_, {ptr_, i32_, ptr_, ptr_, i64_, ptr_});
    declare("cj_duration_order", i32_, {ptr_, i32_, i32_, ptr_, ptr_});
    declare("cj_entity", ptr_, {ptr_, i32_});
    declare("cj_metric", ptr_, {ptr_, i32_});
    declare("cj_query", ptr_, {ptr_, i32_, ptr_, i32_});
    declare("cj_field", ptr_, {ptr_, i32_, ptr_, ptr_, i32_});
    declare("cj_make_set", ptr_, {ptr_, ptr_, i32_});
    declare("cj_set_size", i64_, {ptr_, i32_, ptr_});
    declare("cj_set_data", ptr_, {ptr_});
    declare("cj_set_covers", i32_, {ptr_, i32_, ptr_});
    declare("cj_set_matching", ptr_, {ptr_, i32_, ptr_, ptr_, ptr_});
    declare("cj_is_none", i32_, {ptr_});
    declare("cj_eq_value", i32_, {ptr_, i32_, ptr_, ptr_});
    declare("cj_fail_sum", void_, {ptr_, i32_, ptr_, ptr_});
    declare("cj_fail_order", void_, {ptr_, i32_, ptr_, ptr_});
    declare("cj_fail_empty", void_, {ptr_, i32_});
  }

  llvm::Value* Call(const char* helper, std::vector<llvm::Value*> args) {
    return b_.CreateCall(helpers_.at(helper), args);
  }

  llvm::Type* TypeOf(Repr r) {
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

  // --- nodes and their shadows ---------------------------------------------------------

  int32_t Index(const ir::Node& n) {
    auto [it, fresh] = index_.try_emplace(&n, static_cast<int32_t>(table_.nodes.size()));
    if (fresh) {
      table_.nodes.push_back(&n);
      table_.shadows.push_back(MakeShadow(n));
    }
    return it->second;
  }

  // The node with its operands replaced by inputs, for the interpreter.
  static std::unique_ptr<ir::Root> MakeShadow(const ir::Node& n) {
    if (ir::IsAggregate(n.op)) return nullptr;
    auto root = std::make_unique<ir::Root>();
    root->name = fmt::format("{} in the JIT", ir::OpName(n.op));
    root->range = n.range;
    auto body = std::make_unique<ir::Node>();
    body->op = n.op;
    body->type = n.type;
    body->range = n.range;
    body->constant = n.constant;
    body->slot = n.slot;
    body->field = n.field;
    body->cmp = n.cmp;
    body->query = n.query;
    body->entity = n.entity;
    body->name = n.name;
    body->owner = n.owner;
    body->currency = n.currency;
    body->callee = n.callee;
    for (size_t i = 0; i < n.children.size(); ++i) {
      const ir::Node* child = n.child(i);
      if (!child) return nullptr;
      auto input = std::make_unique<ir::Node>();
      input->op = ir::Op::kInput;
      input->type = child->type;
      input->range = child->range;
      input->slot = static_cast<int32_t>(i);
      input->name = child->name;
      root->inputs.push_back({fmt::format("operand {}", i + 1), child->type});
      body->children.push_back(std::move(input));
    }
    root->body = std::move(body);
    return root;
  }

  llvm::Value* NodeId(const ir::Node& n) { return b_.getInt32(Index(n)); }

  // An object of this process that outlives the program (the module's
  // shapes), as a constant of the compiled code.
  llvm::Constant* Pointer(const void* p) {
    return llvm::ConstantExpr::getIntToPtr(b_.getInt64(reinterpret_cast<uintptr_t>(p)), ptr_);
  }

  // --- blocks, allocas, checks --------------------------------------------------------

  llvm::BasicBlock* Block(const char* name) { return llvm::BasicBlock::Create(c_, name, fn_); }

  llvm::AllocaInst* Alloca(llvm::Type* type, unsigned count = 1) {
    llvm::IRBuilder<> entry(&fn_->getEntryBlock(), fn_->getEntryBlock().begin());
    return entry.CreateAlloca(type, count > 1 ? entry.getInt32(count) : nullptr);
  }

  // Continues when `ok` holds; otherwise the function returns false.
  void Check(llvm::Value* ok) {
    if (ok->getType() != i1_) ok = b_.CreateICmpNE(ok, llvm::ConstantInt::get(ok->getType(), 0));
    llvm::BasicBlock* cont = Block("ok");
    b_.CreateCondBr(ok, cont, fail_);
    b_.SetInsertPoint(cont);
  }

  // --- boxing ------------------------------------------------------------------

  llvm::Value* Box(const Native& x) {
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
  Native Unbox(llvm::Value* boxed, const ir::Type* type, const ir::Node& n) {
    switch (ReprOf(type)) {
      case Repr::kBool:
      case Repr::kI64: {
        llvm::Value* slot = Alloca(i64_);
        Check(Call("cj_unbox_i64", {ctx_, NodeId(n), boxed,
                                    b_.getInt32(static_cast<int>(ScalarKind(type))), slot}));
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
  void Store(llvm::Value* out, const Native& x) {
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
  Native Convert(const Native& x, const ir::Type* type, const ir::Node& n) {
    if (x.repr() == ReprOf(type)) return {x.v, type};
    return Unbox(Box(x), type, n);
  }

  llvm::Value* MakeMoney(llvm::Value* amount, llvm::Value* currency) {
    llvm::Value* m = llvm::UndefValue::get(money_);
    m = b_.CreateInsertValue(m, amount, 0);
    return b_.CreateInsertValue(m, currency, 1);
  }

  llvm::Value* OperandArray(const std::vector<llvm::Value*>& boxed) {
    if (boxed.empty()) return llvm::ConstantPointerNull::get(ptr_);
    llvm::Value* array = Alloca(ptr_, static_cast<unsigned>(boxed.size()));
    for (size_t i = 0; i < boxed.size(); ++i) {
      b_.CreateStore(boxed[i], b_.CreateConstGEP1_32(ptr_, array, static_cast<unsigned>(i)));
    }
    return array;
  }

  // Branches to a cold block that has the interpreter word the error of `n`
  // on these operands, when `failed` holds.
  void FailIf(llvm::Value* failed, const ir::Node& n, const std::vector<Native>& operands) {
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
  llvm::Value* Checked(llvm::Intrinsic::ID op, llvm::Value* a, llvm::Value* b, const ir::Node& n,
                       const std::vector<Native>& operands) {
    llvm::Value* r = b_.CreateBinaryIntrinsic(op, a, b);
    FailIf(b_.CreateExtractValue(r, 1), n, operands);
    return b_.CreateExtractValue(r, 0);
  }

  // --- functions and roots --------------------------------------------------------

  void Begin(llvm::Function* f) {
    fn_ = f;
    llvm::BasicBlock* entry = llvm::BasicBlock::Create(c_, "entry", f);
    fail_ = llvm::BasicBlock::Create(c_, "fail", f);
    b_.SetInsertPoint(fail_);
    b_.CreateRet(b_.getFalse());
    b_.SetInsertPoint(entry);
    ctx_ = f->getArg(0);
  }

  llvm::Value* Locals(int32_t count) {
    return count > 0 ? Alloca(ptr_, static_cast<unsigned>(count)) : nullptr;
  }

  void LowerFunction(const ir::Function& fn, size_t index) {
    std::vector<llvm::Type*> params = {ptr_};
    for (const ir::Variable& p : fn.params) params.push_back(TypeOf(ReprOf(p.type)));
    params.push_back(ptr_);
    std::string name = fmt::format("fn.{}", index);
    llvm::Function* f = llvm::Function::Create(llvm::FunctionType::get(i1_, params, false),
                                               llvm::Function::InternalLinkage, name, m_);
    try {
      if (!fn.body) throw Unsupported{"it has no body"};
      Begin(f);
      params_.clear();
      param_types_.clear();
      for (size_t i = 0; i < fn.params.size(); ++i) {
        params_.push_back(f->getArg(static_cast<unsigned>(i + 1)));
        param_types_.push_back(fn.params[i].type);
      }
      inputs_ = nullptr;
      locals_ = Locals(fn.num_locals);
      num_locals_ = fn.num_locals;
      Native r = Convert(Emit(*fn.body), fn.result, *fn.body);
      b_.CreateStore(r.v, f->getArg(static_cast<unsigned>(fn.params.size() + 1)));
      b_.CreateRet(b_.getTrue());
    } catch (const Unsupported& u) {
      f->eraseFromParent();
      out_.skipped.push_back(fmt::format("fn `{}`: {}", fn.name, u.why));
      return;
    }
    functions_[&fn] = {f, fn.result};
    LowerCallEntry(fn, f, index);
  }

  // `i1 @call.N(ptr ctx, ptr args, ptr out)`: Program::Call's way in.
  void LowerCallEntry(const ir::Function& fn, llvm::Function* inner, size_t index) {
    std::string name = fmt::format("call.{}", index);
    llvm::Function* f =
        llvm::Function::Create(llvm::FunctionType::get(i1_, {ptr_, ptr_, ptr_}, false),
                               llvm::Function::ExternalLinkage, name, m_);
    Begin(f);
    std::vector<llvm::Value*> args = {ctx_};
    for (size_t i = 0; i < fn.params.size(); ++i) {
      llvm::Value* boxed =
          b_.CreateConstGEP1_64(b_.getInt8Ty(), f->getArg(1), i * sizeof(values::Value));
      args.push_back(Unbox(boxed, fn.params[i].type, *fn.body).v);
    }
    llvm::Value* result = Alloca(TypeOf(ReprOf(fn.result)));
    args.push_back(result);
    Check(b_.CreateCall(inner, args));
    Store(f->getArg(2), {b_.CreateLoad(TypeOf(ReprOf(fn.result)), result), fn.result});
    b_.CreateRet(b_.getTrue());
    out_.functions[&fn] = name;
  }

  void LowerRoot(const ir::Root& root, size_t index) {
    std::string name = fmt::format("root.{}", index);
    llvm::Function* f =
        llvm::Function::Create(llvm::FunctionType::get(i1_, {ptr_, ptr_, ptr_}, false),
                               llvm::Function::ExternalLinkage, name, m_);
    try {
      if (!root.body) throw Unsupported{"it has no body"};
      Begin(f);
      params_.clear();
      param_types_.clear();
      inputs_ = f->getArg(1);
      input_count_ = root.inputs.size();
      locals_ = Locals(root.num_locals);
      num_locals_ = root.num_locals;
      Store(f->getArg(2), Emit(*root.body));
      b_.CreateRet(b_.getTrue());
    } catch (const Unsupported& u) {
      f->eraseFromParent();
      out_.skipped.push_back(fmt::format("`{}`: {}", root.name, u.why));
      return;
    }
    out_.roots[&root] = name;
  }

  // --- expressions ------------------------------------------------------------------

  const ir::Node& Child(const ir::Node& n, size_t i) {
    const ir::Node* c = n.child(i);
    if (!c) throw Unsupported{fmt::format("`{}` lacks an operand", ir::OpName(n.op))};
    return *c;
  }

  Native Emit(const ir::Node& n) {
    using ir::Op;
    switch (n.op) {
      case Op::kConst:
        return EmitConst(n);
      case Op::kParam:
        if (n.slot < 0 || static_cast<size_t>(n.slot) >= params_.size())
          throw Unsupported{"an unbound parameter"};
        return Convert(
            {params_[static_cast<size_t>(n.slot)], param_types_[static_cast<size_t>(n.slot)]},
            n.type, n);
      case Op::kInput: {
        if (!inputs_ || n.slot < 0 || static_cast<size_t>(n.slot) >= input_count_)
          throw Unsupported{"an unbound input"};
        llvm::Value* boxed = b_.CreateConstGEP1_64(
            b_.getInt8Ty(), inputs_, static_cast<uint64_t>(n.slot) * sizeof(values::Value));
        return Unbox(boxed, n.type, n);
      }
      case Op::kLocal: {
        if (!locals_ || n.slot < 0 || n.slot >= num_locals_) throw Unsupported{"an unbound local"};
        llvm::Value* boxed = b_.CreateLoad(
            ptr_, b_.CreateConstGEP1_32(ptr_, locals_, static_cast<unsigned>(n.slot)));
        return Unbox(boxed, n.type, n);
      }
      case Op::kEntity:
      case Op::kMetric: {
        llvm::Value* v = Call(n.op == Op::kEntity ? "cj_entity" : "cj_metric", {ctx_, NodeId(n)});
        Check(b_.CreateIsNotNull(v));
        return Unbox(v, n.type, n);
      }
      case Op::kHostQuery: {
        std::vector<llvm::Value*> args;
        for (size_t i = 0; i < n.children.size(); ++i) args.push_back(Box(Emit(Child(n, i))));
        llvm::Value* v = Call("cj_query", {ctx_, NodeId(n), OperandArray(args),
                                           b_.getInt32(static_cast<int>(args.size()))});
        Check(b_.CreateIsNotNull(v));
        return Unbox(v, n.type, n);
      }
      case Op::kCall:
        return EmitCall(n);
      case Op::kAnd:
      case Op::kOr:
        return EmitAndOr(n);
      case Op::kNot: {
        Native x = Emit(Child(n, 0));
        if (x.repr() != Repr::kBool) return Generic(n, {x});
        return {b_.CreateNot(x.v), n.type};
      }
      case Op::kIf:
        return EmitIf(n);
      case Op::kField: {
        const ir::Node& of = Child(n, 0);
        Native object = Emit(of);
        const values::RecordShape* shape = of.type ? of.type->Inner()->shape().get() : nullptr;
        llvm::Value* v =
            Call("cj_field", {ctx_, NodeId(n), Box(object), Pointer(shape), b_.getInt32(n.field)});
        Check(b_.CreateIsNotNull(v));
        return Unbox(v, n.type, n);
      }
      case Op::kMakeSet: {
        std::vector<llvm::Value*> elements;
        for (size_t i = 0; i < n.children.size(); ++i) elements.push_back(Box(Emit(Child(n, i))));
        return {Call("cj_make_set", {ctx_, OperandArray(elements),
                                     b_.getInt32(static_cast<int>(elements.size()))}),
                n.type};
      }
      case Op::kIsNone: {
        Native x = Emit(Child(n, 0));
        if (x.repr() != Repr::kBoxed) return {b_.getFalse(), n.type};
        return {b_.CreateICmpNE(Call("cj_is_none", {x.v}), b_.getInt32(0)), n.type};
      }
      case Op::kEqValue: {
        Native a = Emit(Child(n, 0));
        Native b = Emit(Child(n, 1));
        llvm::Value* r = Call("cj_eq_value", {ctx_, NodeId(n), Box(a), Box(b)});
        Check(b_.CreateICmpSGE(r, b_.getInt32(0)));
        return {b_.CreateICmpNE(r, b_.getInt32(0)), n.type};
      }
      default:
        break;
    }
    if (ir::IsAggregate(n.op)) return EmitAggregate(n);
    std::vector<Native> operands;
    for (size_t i = 0; i < n.children.size(); ++i) operands.push_back(Emit(Child(n, i)));
    return EmitOperator(n, operands);
  }

  Native EmitConst(const ir::Node& n) {
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
          return {
              llvm::ConstantStruct::get(duration_, {b_.getInt64(d->days), b_.getInt64(d->months),
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

  Native EmitCall(const ir::Node& n) {
    auto it = n.callee ? functions_.find(n.callee) : functions_.end();
    if (it == functions_.end() || n.callee->params.size() != n.children.size()) {
      throw Unsupported{fmt::format("it calls `{}`, which is not compiled", n.name)};
    }
    std::vector<llvm::Value*> args = {ctx_};
    for (size_t i = 0; i < n.children.size(); ++i) {
      args.push_back(Convert(Emit(Child(n, i)), n.callee->params[i].type, n).v);
    }
    llvm::Type* result_type = TypeOf(ReprOf(it->second.result));
    llvm::Value* result = Alloca(result_type);
    args.push_back(result);
    Check(b_.CreateCall(it->second.f, args));
    return Convert({b_.CreateLoad(result_type, result), it->second.result}, n.type, n);
  }

  Native EmitAndOr(const ir::Node& n) {
    bool is_and = n.op == ir::Op::kAnd;
    Native lhs = Emit(Child(n, 0));
    if (lhs.repr() != Repr::kBool) throw Unsupported{"a logical operand that is not a bool"};
    llvm::BasicBlock* from_lhs = b_.GetInsertBlock();
    llvm::BasicBlock* rhs_block = Block(is_and ? "and.rhs" : "or.rhs");
    llvm::BasicBlock* done = Block(is_and ? "and.done" : "or.done");
    if (is_and) {
      b_.CreateCondBr(lhs.v, rhs_block, done);
    } else {
      b_.CreateCondBr(lhs.v, done, rhs_block);
    }
    b_.SetInsertPoint(rhs_block);
    Native rhs = Emit(Child(n, 1));
    if (rhs.repr() != Repr::kBool) throw Unsupported{"a logical operand that is not a bool"};
    llvm::BasicBlock* from_rhs = b_.GetInsertBlock();
    b_.CreateBr(done);
    b_.SetInsertPoint(done);
    llvm::PHINode* phi = b_.CreatePHI(i1_, 2);
    phi->addIncoming(b_.getInt1(!is_and), from_lhs);
    phi->addIncoming(rhs.v, from_rhs);
    return {phi, n.type};
  }

  Native EmitIf(const ir::Node& n) {
    Native cond = Emit(Child(n, 0));
    if (cond.repr() != Repr::kBool) throw Unsupported{"an `if` condition that is not a bool"};
    llvm::BasicBlock* then_block = Block("then");
    llvm::BasicBlock* else_block = Block("else");
    llvm::BasicBlock* done = Block("endif");
    b_.CreateCondBr(cond.v, then_block, else_block);
    b_.SetInsertPoint(then_block);
    Native a = Convert(Emit(Child(n, 1)), n.type, n);
    llvm::BasicBlock* from_then = b_.GetInsertBlock();
    b_.CreateBr(done);
    b_.SetInsertPoint(else_block);
    Native b = Convert(Emit(Child(n, 2)), n.type, n);
    llvm::BasicBlock* from_else = b_.GetInsertBlock();
    b_.CreateBr(done);
    b_.SetInsertPoint(done);
    llvm::PHINode* phi = b_.CreatePHI(TypeOf(ReprOf(n.type)), 2);
    phi->addIncoming(a.v, from_then);
    phi->addIncoming(b.v, from_else);
    return {phi, n.type};
  }

  // The interpreter on the operands (through the node's shadow): for the ops
  // whose values are boxed anyway and for the rare native combinations.
  Native Generic(const ir::Node& n, const std::vector<Native>& operands) {
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

  llvm::Value* Predicate(values::CompareOp op, llvm::Value* a, llvm::Value* b) {
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

  llvm::Value* Amount(const Native& m) { return b_.CreateExtractValue(m.v, 0); }
  llvm::Value* Currency(const Native& m) { return b_.CreateExtractValue(m.v, 1); }

  llvm::Value* Spill(const Native& d) {
    llvm::Value* slot = Alloca(duration_);
    b_.CreateStore(d.v, slot);
    return slot;
  }

  // `a op b` of durations with the anchor date: an i1.
  llvm::Value* DurationOrder(const ir::Node& n, values::CompareOp op, const Native& a,
                             const Native& b) {
    llvm::Value* r = Call("cj_duration_order",
                          {ctx_, NodeId(n), b_.getInt32(static_cast<int>(op)), Spill(a), Spill(b)});
    Check(b_.CreateICmpSGE(r, b_.getInt32(0)));
    return b_.CreateICmpNE(r, b_.getInt32(0));
  }

  static bool AllNative(const std::vector<Native>& xs, Repr r) {
    for (const Native& x : xs) {
      if (x.repr() != r) return false;
    }
    return true;
  }

  Native EmitOperator(const ir::Node& n, const std::vector<Native>& x) {
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
        values::CompareOp better =
            n.op == Op::kMin ? values::CompareOp::kLt : values::CompareOp::kGt;
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

  // --- aggregates ----------------------------------------------------------------------

  Native EmitAggregate(const ir::Node& n) {
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
    const bool is_sum = op == Op::kSumInt || op == Op::kSumDecimal || op == Op::kSumPercent ||
                        op == Op::kSumMoney || op == Op::kSumDuration;
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
      llvm::Value* match =
          b_.CreateZExt(b_.CreateLoad(i32_, b_.CreateGEP(i32_, matches, iv)), i64_);
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
        Native value =
            projection ? Convert(Emit(*projection), n.type, n) : Unbox(element, n.type, n);
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

  void Accumulate(const ir::Node& n, llvm::Value* acc, llvm::Value* have, const Native& value) {
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
    fail_if(
        b_.CreateOr(b_.CreateICmpNE(Currency(t), Currency(value)), b_.CreateExtractValue(r, 1)));
    b_.CreateStore(MakeMoney(b_.CreateExtractValue(r, 0), Currency(t)), acc);
    b_.CreateBr(cont);
    b_.SetInsertPoint(cont);
  }

  // min/max of a set: `value` replaces the best so far when strictly better.
  void KeepBetter(const ir::Node& n, llvm::Value* acc, llvm::Value* have, const Native& value) {
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
  std::vector<llvm::Value*> params_;
  std::vector<const ir::Type*> param_types_;
  llvm::Value* inputs_ = nullptr;
  size_t input_count_ = 0;
  llvm::Value* locals_ = nullptr;
  int32_t num_locals_ = 0;
};

}  // namespace

Lowered Lower(const ir::Module& module, llvm::LLVMContext& context, NodeTable& table) {
  return Lowering(module, context, table).Run();
}

}  // namespace concord::jit
