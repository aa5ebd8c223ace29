// The Lowerer: mirrors the program's schema into the module, maps sema types
// to IR types, and lowers fn declarations and roots (each with its own
// ExprLowerer, because slots are numbered per body).
#include "compiler/lower/lower.h"

#include <fmt/format.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "compiler/lower/lower_expr.h"

namespace concord::lower {

namespace {

// The fns called anywhere in `expr`, in source order.
void CollectCallees(const sema::CheckedProgram& program, const ast::Expr* expr,
                    std::vector<const sema::FnInfo*>& out) {
  if (!expr) return;
  switch (expr->kind) {
    case ast::ExprKind::kFieldAccess:
      CollectCallees(program, expr->As<ast::FieldAccess>()->object.get(), out);
      break;
    case ast::ExprKind::kCall: {
      const auto* call = expr->As<ast::CallExpr>();
      const sema::CallTarget* target = program.CallOf(call);
      if (target && target->fn) out.push_back(target->fn);
      for (const auto& arg : call->args) CollectCallees(program, arg.get(), out);
      break;
    }
    case ast::ExprKind::kComprehension: {
      const auto* c = expr->As<ast::Comprehension>();
      CollectCallees(program, c->source.get(), out);
      CollectCallees(program, c->filter.get(), out);
      CollectCallees(program, c->projection.get(), out);
      break;
    }
    case ast::ExprKind::kSetLit:
      for (const auto& e : expr->As<ast::SetLit>()->elements) {
        CollectCallees(program, e.get(), out);
      }
      break;
    case ast::ExprKind::kUnary:
      CollectCallees(program, expr->As<ast::UnaryExpr>()->operand.get(), out);
      break;
    case ast::ExprKind::kBinary:
      CollectCallees(program, expr->As<ast::BinaryExpr>()->lhs.get(), out);
      CollectCallees(program, expr->As<ast::BinaryExpr>()->rhs.get(), out);
      break;
    case ast::ExprKind::kIf: {
      const auto* e = expr->As<ast::IfExpr>();
      CollectCallees(program, e->condition.get(), out);
      CollectCallees(program, e->then_branch.get(), out);
      CollectCallees(program, e->else_branch.get(), out);
      break;
    }
    default:
      break;
  }
}

}  // namespace

Lowerer::Lowerer(const sema::CheckedProgram& program, Module& module)
    : program_(program), module_(module) {
  MirrorSchema();
}

void Lowerer::MirrorSchema() {
  for (const auto& e : program_.types().enums()) {
    std::shared_ptr<const EnumShape> shape = module_.FindEnum(e->name);
    if (!shape) shape = module_.AddEnum(EnumShape{e->name, e->constants});
    enums_[e.get()] = shape;
  }
  for (const auto& r : program_.types().records()) {
    std::shared_ptr<const RecordShape> shape = module_.FindShape(r->name);
    if (!shape) {
      RecordShape mirror;
      mirror.name = r->name;
      mirror.is_entity = r->is_entity;
      for (const sema::Field& f : r->fields) {
        mirror.fields.push_back({f.name, f.origin == sema::FieldOrigin::kAttribute});
      }
      shape = module_.AddShape(std::move(mirror));
    }
    shapes_[r.get()] = shape;
  }
}

std::shared_ptr<const EnumShape> Lowerer::ShapeOf(const sema::EnumType* type) const {
  auto it = enums_.find(type);
  return it == enums_.end() ? nullptr : it->second;
}

const Type* Lowerer::TypeOf(const sema::Type* type) {
  if (!type) return nullptr;
  auto cached = types_.find(type);
  if (cached != types_.end()) return cached->second;
  TypeTable& t = module_.types();
  const Type* result = nullptr;
  switch (type->kind()) {
    case sema::TypeKind::kError:
      break;
    case sema::TypeKind::kBool:
      result = t.Bool();
      break;
    case sema::TypeKind::kInt:
      result = t.Int();
      break;
    case sema::TypeKind::kDecimal:
      result = t.Decimal();
      break;
    case sema::TypeKind::kPercent:
      result = t.Percent();
      break;
    case sema::TypeKind::kMoney:
      result = t.Money(type->currency());
      break;
    case sema::TypeKind::kDate:
      result = t.Date();
      break;
    case sema::TypeKind::kDuration:
      result = t.Duration();
      break;
    case sema::TypeKind::kText:
      result = t.Text();
      break;
    case sema::TypeKind::kNone:
      result = t.None();
      break;
    case sema::TypeKind::kSet:
      if (const Type* element = TypeOf(type->element())) result = t.Set(element);
      break;
    case sema::TypeKind::kOptional:
      if (const Type* inner = TypeOf(type->element())) result = t.Optional(inner);
      break;
    case sema::TypeKind::kEnum:
      if (auto shape = ShapeOf(type->enum_type())) result = t.Enum(shape);
      break;
    case sema::TypeKind::kRecord: {
      auto it = shapes_.find(type->record());
      if (it == shapes_.end()) break;
      // Members are people, a value kind of their own at run time.
      TypeKind kind = type->record()->name == "member" ? TypeKind::kMember : TypeKind::kRecord;
      result = t.Record(kind, it->second);
      break;
    }
  }
  types_[type] = result;
  return result;
}

Lowered<const Function*> Lowerer::LowerFn(const sema::FnInfo& fn) {
  auto done = lowered_fns_.find(&fn);
  if (done != lowered_fns_.end()) return {done->second, std::nullopt};

  // Callees are lowered before the fns that call them (post-order), with an
  // explicit stack rather than recursion: a chain of fns as long as sema
  // accepts (tens of thousands, each calling the next) must not exhaust the
  // native stack. A frame is a fn whose signature is lowered and whose callees
  // are being lowered one after the other.
  struct Frame {
    const sema::FnInfo* fn;
    std::unique_ptr<Function> function;
    std::vector<const sema::FnInfo*> callees;
    size_t next = 0;
  };
  std::vector<Frame> stack;
  auto unwind = [&](std::optional<LowerError> error) {
    for (const Frame& frame : stack) in_progress_.erase(frame.fn);
    return Lowered<const Function*>{nullptr, std::move(error)};
  };
  auto push = [&](const sema::FnInfo& next) -> std::optional<LowerError> {
    Lowered<std::unique_ptr<Function>> signature = LowerSignature(next);
    if (!signature.ok()) return signature.error;
    Frame frame{&next, std::move(signature.value), {}, 0};
    CollectCallees(program_, next.decl->body.get(), frame.callees);
    in_progress_.insert(&next);
    stack.push_back(std::move(frame));
    return std::nullopt;
  };

  if (std::optional<LowerError> error = push(fn)) return unwind(std::move(error));
  while (!stack.empty()) {
    Frame& top = stack.back();
    if (top.next < top.callees.size()) {
      const sema::FnInfo* callee = top.callees[top.next++];
      if (lowered_fns_.count(callee)) continue;
      if (std::optional<LowerError> error = push(*callee)) return unwind(std::move(error));
      continue;
    }
    // Every callee is lowered: the body's calls find them in lowered_fns_.
    std::optional<LowerError> error = LowerBody(*top.fn, std::move(top.function));
    in_progress_.erase(top.fn);
    stack.pop_back();
    if (error) return unwind(std::move(error));
  }
  return {lowered_fns_.at(&fn), std::nullopt};
}

Lowered<std::unique_ptr<Function>> Lowerer::LowerSignature(const sema::FnInfo& fn) {
  const std::string& name = fn.symbol->name;
  auto fail = [&](std::string message, diag::SourceRange range) {
    return Lowered<std::unique_ptr<Function>>{nullptr, LowerError{std::move(message), range}};
  };
  // Sema reports recursion (E0215); meeting it here means the program had
  // errors, and lowering it would never end.
  if (in_progress_.count(&fn)) {
    return fail(fmt::format("`{}` is recursive", name), fn.decl->name.range);
  }
  if (!fn.decl->body) return fail(fmt::format("`{}` has no body", name), fn.decl->range);

  auto function = std::make_unique<Function>();
  function->name = name;
  function->range = fn.decl->range;
  for (size_t i = 0; i < fn.params.size(); ++i) {
    const Type* type = i < fn.param_types.size() ? TypeOf(fn.param_types[i]) : nullptr;
    if (!type) {
      return fail(fmt::format("parameter `{}` of `{}` has no valid type", fn.params[i]->name, name),
                  fn.params[i]->range);
    }
    function->params.push_back({fn.params[i]->name, type});
  }
  function->result = TypeOf(fn.result);
  if (!function->result) {
    return fail(fmt::format("`{}` has no valid result type", name), fn.decl->result.range);
  }
  return {std::move(function), std::nullopt};
}

std::optional<LowerError> Lowerer::LowerBody(const sema::FnInfo& fn,
                                             std::unique_ptr<Function> function) {
  ExprLowerer lower(*this, &fn, nullptr);
  NodePtr body = lower.Lower(*fn.decl->body);
  if (body) body = lower.Coerce(std::move(body), function->result);
  if (!body) return lower.error();

  function->body = std::move(body);
  function->num_locals = lower.num_locals();
  lowered_fns_[&fn] = module_.AddFunction(std::move(function));
  return std::nullopt;
}

Lowered<const Function*> Lowerer::LowerFn(std::string_view name) {
  for (const auto& fn : program_.fns()) {
    if (fn->symbol->name == name) return LowerFn(*fn);
  }
  return {nullptr, LowerError{fmt::format("no fn named `{}`", name), {}}};
}

std::optional<LowerError> Lowerer::LowerCallees(const ast::Expr& expr) {
  // A root's callees are lowered before its body, so that the body's calls
  // find them lowered (LowerFn does the same for a fn's body).
  std::vector<const sema::FnInfo*> callees;
  CollectCallees(program_, &expr, callees);
  for (const sema::FnInfo* callee : callees) {
    Lowered<const Function*> lowered = LowerFn(*callee);
    if (!lowered.ok()) return lowered.error;
  }
  return std::nullopt;
}

std::optional<LowerError> Lowerer::LowerAllFns() {
  for (const auto& fn : program_.fns()) {
    Lowered<const Function*> lowered = LowerFn(*fn);
    if (!lowered.ok()) return lowered.error;
  }
  return std::nullopt;
}

namespace {

// The sets a charter or treaty provides by name (`rules`, `funds`, ...) have
// the type of the model field of the same meaning.
const sema::Type* ImplicitSetType(const sema::TypeContext& types, sema::Implicit implicit) {
  auto field = [&](const char* record, const char* name) -> const sema::Type* {
    const sema::RecordType* r = types.FindRecord(record);
    const sema::Field* f = r ? r->Find(name) : nullptr;
    return f ? f->type : nullptr;
  };
  switch (implicit) {
    case sema::Implicit::kRules:
      return field("charter", "rules");
    case sema::Implicit::kLedgers:
      return field("charter", "ledgers");
    case sema::Implicit::kFunctions:
      return field("charter", "functions");
    case sema::Implicit::kMetrics:
      return field("charter", "metrics");
    case sema::Implicit::kFunds:
      return field("treaty", "funds");
    case sema::Implicit::kParties:
      return field("treaty", "parties");
    case sema::Implicit::kMembers:
      return field("dispute", "parties");  // set<member>
    default:
      return nullptr;
  }
}

}  // namespace

Lowered<const Root*> Lowerer::LowerRoot(std::string name, const ast::Expr& expr,
                                        const std::vector<Binding>& inputs) {
  auto root = std::make_unique<Root>();
  root->name = std::move(name);
  root->range = expr.range;
  for (const Binding& b : inputs) {
    const Type* ir_type = nullptr;
    if (b.symbol) {
      ir_type = TypeOf(b.symbol->type);
    } else if (b.implicit == sema::Implicit::kCharter) {
      ir_type = TypeOf(program_.types().FindRecord("charter")->type);
    } else if (b.implicit == sema::Implicit::kTreaty) {
      ir_type = TypeOf(program_.types().FindRecord("treaty")->type);
    } else if (const sema::Type* set = ImplicitSetType(program_.types(), b.implicit)) {
      ir_type = TypeOf(set);
    } else if (b.implicit == sema::Implicit::kIncome) {
      ir_type = module_.types().Money("");  // a member's income: currency known at run time
    }
    if (!ir_type) {
      return {nullptr, LowerError{fmt::format("input `{}` has no valid type", b.name), expr.range}};
    }
    root->inputs.push_back({b.name, ir_type});
  }
  if (std::optional<LowerError> error = LowerCallees(expr)) return {nullptr, error};
  ExprLowerer lower(*this, nullptr, &inputs);
  NodePtr body = lower.Lower(expr);
  if (!body) return {nullptr, lower.error()};
  root->body = std::move(body);
  root->num_locals = lower.num_locals();
  return {module_.AddRoot(std::move(root)), std::nullopt};
}

}  // namespace concord::lower
