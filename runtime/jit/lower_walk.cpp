// The walk of lowering_internal.h: the module's functions and roots and
// their entry points, the node table and shadows, blocks and checks, and the
// dispatch over nodes with the ops that are control flow or plumbing (slots,
// host questions, fields, sets, calls, `and`/`or`, `not`, `if`). Constants
// and conversions are in lower_values.cpp, operators in lower_operators.cpp,
// aggregates in lower_aggregates.cpp.
#include <fmt/format.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "runtime/interp/depth.h"
#include "runtime/jit/lowering_internal.h"

namespace concord::jit {

Lowering::Lowering(const ir::Module& module, llvm::LLVMContext& c, NodeTable& table)
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

Lowered Lowering::Run() {
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

void Lowering::DeclareHelpers() {
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
  declare("cj_today", i32_, {ptr_, i32_, ptr_});
  declare("cj_within", i32_, {ptr_, i32_, i64_, ptr_, ptr_});
  declare("cj_duration_arith", i32_, {ptr_, i32_, ptr_, ptr_, i64_, ptr_});
  declare("cj_duration_order", i32_, {ptr_, i32_, i32_, ptr_, ptr_});
  declare("cj_entity", ptr_, {ptr_, i32_, i32_});
  declare("cj_metric", ptr_, {ptr_, i32_, i32_});
  declare("cj_query", ptr_, {ptr_, i32_, ptr_, i32_, i32_});
  declare("cj_too_deep", void_, {ptr_});
  declare("cj_note_level", void_, {i32_});
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

int32_t Lowering::Index(const ir::Node& n) {
  auto [it, fresh] = index_.try_emplace(&n, static_cast<int32_t>(table_.nodes.size()));
  if (fresh) {
    table_.nodes.push_back(&n);
    table_.shadows.push_back(MakeShadow(n));
  }
  return it->second;
}

// The node with its operands replaced by inputs, for the interpreter.
std::unique_ptr<ir::Root> Lowering::MakeShadow(const ir::Node& n) {
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

llvm::AllocaInst* Lowering::Alloca(llvm::Type* type, unsigned count) {
  llvm::IRBuilder<> entry(&fn_->getEntryBlock(), fn_->getEntryBlock().begin());
  return entry.CreateAlloca(type, count > 1 ? entry.getInt32(count) : nullptr);
}

// Continues when `ok` holds; otherwise the function returns false.
void Lowering::Check(llvm::Value* ok) {
  if (ok->getType() != i1_) ok = b_.CreateICmpNE(ok, llvm::ConstantInt::get(ok->getType(), 0));
  llvm::BasicBlock* cont = Block("ok");
  b_.CreateCondBr(ok, cont, fail_);
  b_.SetInsertPoint(cont);
}

void Lowering::Begin(llvm::Function* f) {
  fn_ = f;
  llvm::BasicBlock::Create(c_, "entry", f);
  fail_ = llvm::BasicBlock::Create(c_, "fail", f);
  b_.SetInsertPoint(fail_);
  b_.CreateRet(b_.getFalse());
  body_ = llvm::BasicBlock::Create(c_, "body", f);
  b_.SetInsertPoint(body_);
  ctx_ = f->getArg(0);
  level_ = 0;
  max_level_ = 0;
}

namespace {

// How many levels below its top a tree reaches, not counting calls: at
// least every level the interpreter can visit it at (a keyed filter's key
// is visited higher than its place in the tree, never lower).
int32_t Height(const ir::Node& body) {
  int32_t height = 0;
  std::vector<std::pair<const ir::Node*, int32_t>> pending = {{&body, 0}};
  while (!pending.empty()) {
    auto [node, at] = pending.back();
    pending.pop_back();
    height = std::max(height, at);
    for (const auto& child : node->children) {
      if (child) pending.push_back({child.get(), at + 1});
    }
  }
  return height;
}

}  // namespace

// The body runs natively only when no node of it can reach the depth limit
// and the stack has room; otherwise the entry's evaluation goes to the
// interpreter (cj_too_deep), which stops at the very node it reaches the
// limit at, if it does: the engines agree by construction. Calls and host
// questions check again at the body they start.
void Lowering::Enter(const ir::Node& body) {
  int32_t height = std::max(max_level_, Height(body));
  b_.SetInsertPoint(&fn_->getEntryBlock());
  llvm::Value* deepest = b_.CreateAdd(base_level_, b_.getInt32(height));
  llvm::Value* too_deep = b_.CreateICmpSGE(deepest, b_.getInt32(interp::kMaxEvaluationDepth));
  llvm::Function* frame_address =
      llvm::Intrinsic::getDeclaration(m_, llvm::Intrinsic::frameaddress, {ptr_});
  llvm::Value* frame = b_.CreatePtrToInt(b_.CreateCall(frame_address, {b_.getInt32(0)}), i64_);
  llvm::Value* no_stack = b_.CreateICmpULT(frame, stack_limit_);
  llvm::BasicBlock* give_up = Block("too_deep");
  llvm::BasicBlock* native = Block("native");
  b_.CreateCondBr(b_.CreateOr(too_deep, no_stack), give_up, native);
  // The static height bounds the levels the body reaches (depth.h, NoteLevel).
  b_.SetInsertPoint(native);
  Call("cj_note_level", {deepest});
  b_.CreateBr(body_);
  b_.SetInsertPoint(give_up);
  Call("cj_too_deep", {ctx_});
  b_.CreateBr(fail_);
}

llvm::Value* Lowering::Locals(int32_t count) {
  return count > 0 ? Alloca(ptr_, static_cast<unsigned>(count)) : nullptr;
}

void Lowering::LowerFunction(const ir::Function& fn, size_t index) {
  // ctx, the body's level, the stack limit, the parameters, the result.
  std::vector<llvm::Type*> params = {ptr_, i32_, i64_};
  for (const ir::Variable& p : fn.params) params.push_back(TypeOf(ReprOf(p.type)));
  params.push_back(ptr_);
  std::string name = fmt::format("fn.{}", index);
  llvm::Function* f = llvm::Function::Create(llvm::FunctionType::get(i1_, params, false),
                                             llvm::Function::InternalLinkage, name, m_);
  try {
    if (!fn.body) throw Unsupported{"it has no body"};
    Begin(f);
    base_level_ = f->getArg(1);
    stack_limit_ = f->getArg(2);
    params_.clear();
    param_types_.clear();
    for (size_t i = 0; i < fn.params.size(); ++i) {
      params_.push_back(f->getArg(static_cast<unsigned>(i + 3)));
      param_types_.push_back(fn.params[i].type);
    }
    inputs_ = nullptr;
    locals_ = Locals(fn.num_locals);
    num_locals_ = fn.num_locals;
    Native r = Convert(Emit(*fn.body), fn.result, *fn.body);
    b_.CreateStore(r.v, f->getArg(static_cast<unsigned>(fn.params.size() + 3)));
    b_.CreateRet(b_.getTrue());
    Enter(*fn.body);
  } catch (const Unsupported& u) {
    f->eraseFromParent();
    out_.skipped.push_back(fmt::format("fn `{}`: {}", fn.name, u.why));
    return;
  }
  functions_[&fn] = {f, fn.result};
  LowerCallEntry(fn, f, index);
}

// `i1 @call.N(ptr ctx, ptr args, ptr out, i32 level, i64 stack limit)`:
// Program::Call's way in. The fn checks the depth itself.
void Lowering::LowerCallEntry(const ir::Function& fn, llvm::Function* inner, size_t index) {
  std::string name = fmt::format("call.{}", index);
  llvm::Function* f =
      llvm::Function::Create(llvm::FunctionType::get(i1_, {ptr_, ptr_, ptr_, i32_, i64_}, false),
                             llvm::Function::ExternalLinkage, name, m_);
  Begin(f);
  b_.SetInsertPoint(&f->getEntryBlock());
  b_.CreateBr(body_);
  b_.SetInsertPoint(body_);
  std::vector<llvm::Value*> args = {ctx_, f->getArg(3), f->getArg(4)};
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

// `i1 @root.N(ptr ctx, ptr inputs, ptr out, i32 level, i64 stack limit)`;
// `out` is a values::Value, or a byte for a root of type bool.
void Lowering::LowerRoot(const ir::Root& root, size_t index) {
  std::string name = fmt::format("root.{}", index);
  bool condition = false;
  llvm::Function* f =
      llvm::Function::Create(llvm::FunctionType::get(i1_, {ptr_, ptr_, ptr_, i32_, i64_}, false),
                             llvm::Function::ExternalLinkage, name, m_);
  try {
    if (!root.body) throw Unsupported{"it has no body"};
    Begin(f);
    base_level_ = f->getArg(3);
    stack_limit_ = f->getArg(4);
    params_.clear();
    param_types_.clear();
    inputs_ = f->getArg(1);
    input_count_ = root.inputs.size();
    locals_ = Locals(root.num_locals);
    num_locals_ = root.num_locals;
    Native result = Emit(*root.body);
    condition = result.repr() == Repr::kBool;
    if (condition) {
      // A condition's truth as a byte: the caller boxes it only if it wants
      // a Value (docs/reference-jit.md, "Conditions").
      b_.CreateStore(b_.CreateZExt(result.v, b_.getInt8Ty()), f->getArg(2));
    } else {
      Store(f->getArg(2), result);
    }
    b_.CreateRet(b_.getTrue());
    Enter(*root.body);
  } catch (const Unsupported& u) {
    f->eraseFromParent();
    out_.skipped.push_back(fmt::format("`{}`: {}", root.name, u.why));
    return;
  }
  out_.roots[&root] = name;
  if (condition) out_.conditions.insert(&root);
}

const ir::Node& Lowering::Child(const ir::Node& n, size_t i) {
  const ir::Node* c = n.child(i);
  if (!c) throw Unsupported{fmt::format("`{}` lacks an operand", ir::OpName(n.op))};
  return *c;
}

namespace {

// While a node is emitted, level_ is its operands' level (relative to the
// body): the interpreter's Visit counts the same way.
class Descend {
 public:
  Descend(int32_t& level, int32_t& deepest) : level_(level), at_(level) {
    deepest = std::max(deepest, at_);
    ++level_;
  }
  ~Descend() { level_ = at_; }

 private:
  int32_t& level_;
  int32_t at_;
};

}  // namespace

Native Lowering::Emit(const ir::Node& n) {
  using ir::Op;
  Descend descend(level_, max_level_);
  switch (n.op) {
    case Op::kConst:
      return EmitConst(n);
    case Op::kParam:
      if (n.slot < 0 || static_cast<size_t>(n.slot) >= params_.size())
        throw Unsupported{"an unbound parameter"};
      return Convert(
          {params_[static_cast<size_t>(n.slot)], param_types_[static_cast<size_t>(n.slot)]}, n.type,
          n);
    case Op::kInput: {
      if (!inputs_ || n.slot < 0 || static_cast<size_t>(n.slot) >= input_count_)
        throw Unsupported{"an unbound input"};
      llvm::Value* boxed = b_.CreateConstGEP1_64(
          b_.getInt8Ty(), inputs_, static_cast<uint64_t>(n.slot) * sizeof(values::Value));
      return Unbox(boxed, n.type, n);
    }
    case Op::kLocal: {
      if (!locals_ || n.slot < 0 || n.slot >= num_locals_) throw Unsupported{"an unbound local"};
      llvm::Value* boxed =
          b_.CreateLoad(ptr_, b_.CreateConstGEP1_32(ptr_, locals_, static_cast<unsigned>(n.slot)));
      return Unbox(boxed, n.type, n);
    }
    case Op::kEntity:
    case Op::kMetric: {
      llvm::Value* v =
          Call(n.op == Op::kEntity ? "cj_entity" : "cj_metric", {ctx_, NodeId(n), Level()});
      Check(b_.CreateIsNotNull(v));
      return Unbox(v, n.type, n);
    }
    case Op::kHostQuery: {
      std::vector<llvm::Value*> args;
      for (size_t i = 0; i < n.children.size(); ++i) args.push_back(Box(Emit(Child(n, i))));
      llvm::Value* v = Call("cj_query", {ctx_, NodeId(n), OperandArray(args),
                                         b_.getInt32(static_cast<int>(args.size())), Level()});
      Check(b_.CreateIsNotNull(v));
      return Unbox(v, n.type, n);
    }
    case Op::kCall:
      return EmitCall(n);
    case Op::kToday: {
      llvm::Value* out = Alloca(i64_);
      Check(Call("cj_today", {ctx_, NodeId(n), out}));
      return {b_.CreateLoad(i64_, out), n.type};
    }
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
      return {Call("cj_make_set",
                   {ctx_, OperandArray(elements), b_.getInt32(static_cast<int>(elements.size()))}),
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

Native Lowering::EmitCall(const ir::Node& n) {
  auto it = n.callee ? functions_.find(n.callee) : functions_.end();
  if (it == functions_.end() || n.callee->params.size() != n.children.size()) {
    throw Unsupported{fmt::format("it calls `{}`, which is not compiled", n.name)};
  }
  std::vector<llvm::Value*> args;
  for (size_t i = 0; i < n.children.size(); ++i) {
    args.push_back(Convert(Emit(Child(n, i)), n.callee->params[i].type, n).v);
  }
  // The callee's body is one level below this call, as Visit counts.
  args.insert(args.begin(), {ctx_, Level(), stack_limit_});
  llvm::Type* result_type = TypeOf(ReprOf(it->second.result));
  llvm::Value* result = Alloca(result_type);
  args.push_back(result);
  Check(b_.CreateCall(it->second.f, args));
  return Convert({b_.CreateLoad(result_type, result), it->second.result}, n.type, n);
}

Native Lowering::EmitAndOr(const ir::Node& n) {
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

Native Lowering::EmitIf(const ir::Node& n) {
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

Lowered Lower(const ir::Module& module, llvm::LLVMContext& context, NodeTable& table) {
  return Lowering(module, context, table).Run();
}

}  // namespace concord::jit
