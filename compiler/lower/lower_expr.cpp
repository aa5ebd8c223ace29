// Lowering of names, fields, calls, comprehensions, set literals and `if`.
// Every name resolves to a slot (parameter, input, comprehension variable),
// a constant (enum constants) or a question to the host (entities, metrics,
// implicit sets such as `members`).
#include "compiler/lower/lower_expr.h"

#include <fmt/format.h>

namespace concord::lower {

ExprLowerer::ExprLowerer(Lowerer& lowerer, const sema::FnInfo* fn,
                         const std::vector<Binding>* inputs)
    : lowerer_(lowerer),
      types_(lowerer.module().types()),
      program_(lowerer.program()),
      fn_(fn),
      inputs_(inputs) {}

// --- builders --------------------------------------------------------------

NodePtr ExprLowerer::Make(Op op, const Type* type, diag::SourceRange range) {
  auto node = std::make_unique<Node>();
  node->op = op;
  node->type = type;
  node->range = range;
  return node;
}

NodePtr ExprLowerer::Make(Op op, const Type* type, diag::SourceRange range, NodePtr a) {
  if (!a) return nullptr;
  NodePtr node = Make(op, type, range);
  node->children.push_back(std::move(a));
  return node;
}

NodePtr ExprLowerer::Make(Op op, const Type* type, diag::SourceRange range, NodePtr a, NodePtr b) {
  if (!a || !b) return nullptr;
  NodePtr node = Make(op, type, range);
  node->children.push_back(std::move(a));
  node->children.push_back(std::move(b));
  return node;
}

NodePtr ExprLowerer::Fail(std::string message, diag::SourceRange range) {
  if (!error_) error_ = LowerError{std::move(message), range};
  return nullptr;
}

const Type* ExprLowerer::TypeOf(const ast::Expr& expr) {
  return lowerer_.TypeOf(program_.TypeOf(&expr));
}

// --- dispatch --------------------------------------------------------------

NodePtr ExprLowerer::Lower(const ast::Expr& expr) {
  if (error_) return nullptr;
  struct DepthGuard {
    int& depth;
    explicit DepthGuard(int& d) : depth(++d) {}
    ~DepthGuard() { --depth; }
  } guard(depth_);
  if (depth_ > kMaxDepth) {
    return Fail(fmt::format("the expression is nested more than {} levels deep", kMaxDepth),
                expr.range);
  }
  const Type* type = TypeOf(expr);
  if (!type) return Fail("the expression has no valid type (sema reported an error)", expr.range);
  // Sema folded it: reuse its value, so compile time and run time agree.
  if (const sema::Constant* constant = program_.ConstantOf(&expr)) {
    return LowerConstant(expr, *constant, type);
  }
  switch (expr.kind) {
    case ast::ExprKind::kBoolLit:
    case ast::ExprKind::kIntLit:
    case ast::ExprKind::kDecimalLit:
    case ast::ExprKind::kPercentLit:
    case ast::ExprKind::kMoneyLit:
    case ast::ExprKind::kDateLit:
    case ast::ExprKind::kDurationLit:
    case ast::ExprKind::kTextLit:
    case ast::ExprKind::kNoneLit:
      // Sema records a constant for every valid literal; one without is a
      // literal it rejected (an out-of-range duration).
      return Fail("a literal without a value (sema reported an error)", expr.range);
    case ast::ExprKind::kNameRef:
      return LowerName(*expr.As<ast::NameRef>(), type);
    case ast::ExprKind::kFieldAccess:
      return LowerField(*expr.As<ast::FieldAccess>(), type);
    case ast::ExprKind::kCall:
      return LowerCall(*expr.As<ast::CallExpr>(), type);
    case ast::ExprKind::kComprehension:
      return LowerComprehension(*expr.As<ast::Comprehension>(), type);
    case ast::ExprKind::kSetLit:
      return LowerSet(*expr.As<ast::SetLit>(), type);
    case ast::ExprKind::kUnary:
      return LowerUnary(*expr.As<ast::UnaryExpr>(), type);
    case ast::ExprKind::kBinary:
      return LowerBinary(*expr.As<ast::BinaryExpr>(), type);
    case ast::ExprKind::kIf:
      return LowerIf(*expr.As<ast::IfExpr>(), type);
  }
  return Fail("unknown expression kind", expr.range);
}

// --- constants and literals --------------------------------------------------

NodePtr ExprLowerer::LowerConstant(const ast::Expr& expr, const sema::Constant& c,
                                   const Type* type) {
  values::Value v;
  if (const bool* b = c.As<bool>()) {
    v = values::Value::MakeBool(*b);
  } else if (const int64_t* i = c.As<int64_t>()) {
    // An int folded where a decimal is expected (sema widens `if` branches).
    if (type->Inner()->Is(TypeKind::kDecimal)) {
      std::optional<values::Decimal> d = values::Decimal::FromInt(*i);
      if (!d) return Fail("integer constant too large for a decimal", expr.range);
      v = values::Value::MakeDecimal(*d);
    } else {
      v = values::Value::MakeInt(*i);
    }
  } else if (const auto* d = c.As<values::Decimal>()) {
    v = values::Value::MakeDecimal(*d);
  } else if (const auto* p = c.As<sema::PercentValue>()) {
    v = values::Value::MakePercent(p->fraction);
  } else if (const auto* m = c.As<sema::MoneyValue>()) {
    std::optional<values::Currency> currency = values::Currency::Parse(m->currency);
    if (!currency) return Fail(fmt::format("invalid currency `{}`", m->currency), expr.range);
    v = values::Value::MakeMoney(values::Money{m->amount, *currency});
  } else if (const auto* date = c.As<values::Date>()) {
    v = values::Value::MakeDate(*date);
  } else if (const auto* duration = c.As<values::Duration>()) {
    v = values::Value::MakeDuration(*duration);
  } else if (const auto* text = c.As<std::string>()) {
    v = values::Value::MakeText(*text);
  }  // NoneValue: the default Value
  NodePtr node = Make(Op::kConst, type, expr.range);
  node->constant = std::move(v);
  return node;
}

// --- names -------------------------------------------------------------------

NodePtr ExprLowerer::EntityOf(const sema::Symbol* s, diag::SourceRange range) {
  EntityKind kind = EntityKind::kCharter;
  switch (s->kind) {
    case sema::SymbolKind::kCharter:
      kind = EntityKind::kCharter;
      break;
    case sema::SymbolKind::kTreaty:
      kind = EntityKind::kTreaty;
      break;
    case sema::SymbolKind::kRule:
      kind = EntityKind::kRule;
      break;
    case sema::SymbolKind::kLedger:
      kind = EntityKind::kLedger;
      break;
    case sema::SymbolKind::kFunction:
      kind = EntityKind::kFunction;
      break;
    case sema::SymbolKind::kFund:
      kind = EntityKind::kFund;
      break;
    case sema::SymbolKind::kMember:
      kind = EntityKind::kMember;
      break;
    case sema::SymbolKind::kDispute:
      kind = EntityKind::kDispute;
      break;
    case sema::SymbolKind::kHistoryRecord:
      kind = EntityKind::kHistoryRecord;
      break;
    case sema::SymbolKind::kProposal:
      kind = EntityKind::kProposal;
      break;
    default:
      return Fail(fmt::format("`{}` is a {}, not an entity", s->name, sema::KindName(s->kind)),
                  range);
  }
  const Type* type = lowerer_.TypeOf(s->type);
  if (!type) return Fail(fmt::format("`{}` has no valid type", s->name), range);
  NodePtr node = Make(Op::kEntity, type, range);
  node->entity = kind;
  node->name = s->name;
  if (s->owner) node->owner = s->owner->name;
  return node;
}

NodePtr ExprLowerer::LowerName(const ast::NameRef& ref, const Type* type) {
  const sema::Symbol* symbol = program_.SymbolOf(&ref);
  if (!symbol) return Fail(fmt::format("`{}` was not resolved", ref.name.name), ref.range);
  return LowerSymbol(symbol, ref.range, type);
}

namespace {

std::optional<HostQuery> QueryFor(sema::Implicit implicit) {
  switch (implicit) {
    case sema::Implicit::kMembers:
      return HostQuery::kMembers;
    case sema::Implicit::kRules:
      return HostQuery::kRules;
    case sema::Implicit::kDecisions:
      return HostQuery::kDecisions;
    case sema::Implicit::kConflicts:
      return HostQuery::kConflicts;
    case sema::Implicit::kResources:
      return HostQuery::kResources;
    case sema::Implicit::kLedgers:
      return HostQuery::kLedgers;
    case sema::Implicit::kFunctions:
      return HostQuery::kFunctions;
    case sema::Implicit::kMetrics:
      return HostQuery::kMetrics;
    case sema::Implicit::kParties:
      return HostQuery::kParties;
    case sema::Implicit::kFunds:
      return HostQuery::kFunds;
    default:
      return std::nullopt;
  }
}

}  // namespace

NodePtr ExprLowerer::LowerSymbol(const sema::Symbol* s, diag::SourceRange range, const Type* type) {
  if (inputs_) {
    for (size_t i = 0; i < inputs_->size(); ++i) {
      const Binding& b = (*inputs_)[i];
      bool bound = b.symbol ? b.symbol == s
                            : (b.implicit != sema::Implicit::kNone &&
                               s->kind == sema::SymbolKind::kImplicit && s->implicit == b.implicit);
      if (!bound) continue;
      NodePtr node = Make(Op::kInput, type, range);
      node->slot = static_cast<int32_t>(i);
      node->name = b.name;
      return node;
    }
  }
  switch (s->kind) {
    case sema::SymbolKind::kParam: {
      if (fn_) {
        for (size_t i = 0; i < fn_->params.size(); ++i) {
          if (fn_->params[i] != s) continue;
          NodePtr node = Make(Op::kParam, type, range);
          node->slot = static_cast<int32_t>(i);
          node->name = s->name;
          return node;
        }
      }
      return Fail(fmt::format("parameter `{}` is not in scope", s->name), range);
    }
    case sema::SymbolKind::kVariable: {
      auto it = locals_.find(s);
      if (it == locals_.end()) return Fail(fmt::format("`{}` is not in scope", s->name), range);
      NodePtr node = Make(Op::kLocal, type, range);
      node->slot = it->second;
      node->name = s->name;
      return node;
    }
    case sema::SymbolKind::kImplicit: {
      // `today` reads the evaluation's date, which every runtime evaluation has.
      if (s->implicit == sema::Implicit::kToday) return Make(Op::kToday, type, range);
      std::optional<HostQuery> query = QueryFor(s->implicit);
      if (!query || !s->owner) {
        return Fail(fmt::format("`{}` is not bound to an input here", s->name), range);
      }
      // `members` inside a charter is `members(that charter)`.
      NodePtr owner = EntityOf(s->owner, range);
      NodePtr node = Make(Op::kHostQuery, type, range, std::move(owner));
      if (node) node->query = *query;
      return node;
    }
    case sema::SymbolKind::kTriggerVariable:
      return Fail(fmt::format("the event variable `{}` is not bound to an input here", s->name),
                  range);
    case sema::SymbolKind::kMetric: {
      NodePtr node = Make(Op::kMetric, type, range);
      node->name = s->name;
      if (s->owner) node->owner = s->owner->name;
      return node;
    }
    case sema::SymbolKind::kEnumConstant: {
      const sema::EnumType* e = s->type ? s->type->enum_type() : nullptr;
      std::shared_ptr<const EnumShape> shape = e ? lowerer_.ShapeOf(e) : nullptr;
      if (!shape) return Fail(fmt::format("`{}` has no enum", s->name), range);
      NodePtr node = Make(Op::kConst, type, range);
      node->constant = values::Value::MakeEnum(shape, s->enum_index);
      return node;
    }
    default:
      return EntityOf(s, range);
  }
}

// --- fields ------------------------------------------------------------------

NodePtr ExprLowerer::LowerField(const ast::FieldAccess& access, const Type* type) {
  const sema::FieldRef* ref = program_.FieldOf(&access);
  if (!ref)
    return Fail(fmt::format("field `{}` was not resolved", access.field.name), access.range);
  if (ref->metric) {
    // `eastside_kitchen.meals_served`: the charter is named, not computed.
    NodePtr node = Make(Op::kMetric, type, access.range);
    node->name = ref->metric->name;
    if (ref->metric->owner) node->owner = ref->metric->owner->name;
    return node;
  }
  NodePtr node = Make(Op::kField, type, access.range, Lower(*access.object));
  if (!node) return nullptr;
  node->field = ref->index;
  node->name = access.field.name;
  return node;
}

// --- calls -------------------------------------------------------------------

NodePtr ExprLowerer::LowerCall(const ast::CallExpr& call, const Type* type) {
  const sema::CallTarget* target = program_.CallOf(&call);
  if (!target)
    return Fail(fmt::format("call of `{}` was not resolved", call.callee.name), call.range);
  if (target->builtin) return LowerBuiltin(call, *target->builtin, type);
  if (!target->fn) return Fail(fmt::format("`{}` is not a fn", call.callee.name), call.range);

  Lowered<const Function*> callee = lowerer_.LowerFn(*target->fn);
  if (!callee.ok()) {
    if (!error_) error_ = callee.error;
    return nullptr;
  }
  const Function* fn = callee.value;
  if (call.args.size() != fn->params.size()) {
    return Fail(fmt::format("`{}` takes {} arguments", fn->name, fn->params.size()), call.range);
  }
  NodePtr node = Make(Op::kCall, type, call.range);
  node->callee = fn;
  node->name = fn->name;
  for (size_t i = 0; i < call.args.size(); ++i) {
    NodePtr arg = Lower(*call.args[i]);
    if (!arg) return nullptr;
    node->children.push_back(Coerce(std::move(arg), fn->params[i].type));
  }
  return node;
}

NodePtr ExprLowerer::LowerBuiltin(const ast::CallExpr& call, sema::Builtin builtin,
                                  const Type* type) {
  if (builtin == sema::Builtin::kHolders) return LowerHolders(call, type);
  std::vector<NodePtr> args;
  for (const auto& a : call.args) {
    args.push_back(Lower(*a));
    if (!args.back()) return nullptr;
  }
  auto one = [&]() -> NodePtr {
    if (args.size() != 1)
      return Fail(fmt::format("`{}` takes one argument", call.callee.name), call.range);
    return std::move(args[0]);
  };
  auto aggregate = [&](Op op) -> NodePtr {
    NodePtr source = one();
    if (!source) return nullptr;
    NodePtr node = Make(op, type, call.range, std::move(source));
    if (node && op == Op::kSumMoney) node->currency = type->currency();
    return node;
  };
  auto query = [&](HostQuery q) -> NodePtr {
    NodePtr node = Make(Op::kHostQuery, type, call.range, one());
    if (node) node->query = q;
    return node;
  };
  switch (builtin) {
    case sema::Builtin::kCount:
      return aggregate(Op::kCount);
    case sema::Builtin::kSum:
      if (std::optional<Op> sum = ir::FindOp(ir::OpGroup::kSum, type->kind()))
        return aggregate(*sum);
      return Fail(fmt::format("cannot sum {}", type->ToString()), call.range);
    case sema::Builtin::kAny:
      return aggregate(Op::kAny);
    case sema::Builtin::kAll:
      return aggregate(Op::kAll);
    case sema::Builtin::kMin:
    case sema::Builtin::kMax: {
      if (args.size() != 2) return Fail("`min` and `max` take two values", call.range);
      NodePtr a = Coerce(std::move(args[0]), type);
      NodePtr b = Coerce(std::move(args[1]), type);
      if (type->Is(TypeKind::kMoney)) HintEachOther(*a, *b);
      Op op = builtin == sema::Builtin::kMin ? Op::kMin : Op::kMax;
      return Make(op, type, call.range, std::move(a), std::move(b));
    }
    case sema::Builtin::kMembers:
      return query(HostQuery::kMembers);
    case sema::Builtin::kContributions:
      return query(HostQuery::kContributions);
    case sema::Builtin::kStatus:
      return query(HostQuery::kStatus);
    case sema::Builtin::kJury:
      return query(HostQuery::kJury);
    case sema::Builtin::kExitOptions:
      return query(HostQuery::kExitOptions);
    case sema::Builtin::kParties:
      return query(HostQuery::kParties);
    case sema::Builtin::kOutcome:
      return query(HostQuery::kOutcome);
    case sema::Builtin::kFindings:
      return query(HostQuery::kFindings);
    case sema::Builtin::kHolders:  // LowerHolders
      break;
  }
  return Fail(fmt::format("unknown standard function `{}`", call.callee.name), call.range);
}

// `holders(o)` / `holders(P.o)`: the office is not a value, so the query
// gets its charter and its name (sema bound the office's identifier).
NodePtr ExprLowerer::LowerHolders(const ast::CallExpr& call, const Type* type) {
  const ast::Identifier* id = nullptr;
  if (call.args.size() == 1) {
    if (const auto* name = call.args[0]->As<ast::NameRef>()) id = &name->name;
    if (const auto* field = call.args[0]->As<ast::FieldAccess>()) id = &field->field;
  }
  const sema::Symbol* office = id ? program_.SymbolAt(id) : nullptr;
  if (!office || office->kind != sema::SymbolKind::kOffice || !office->owner) {
    return Fail("`holders` needs an office", call.range);
  }
  NodePtr charter = EntityOf(office->owner, call.args[0]->range);
  if (!charter) return nullptr;
  NodePtr name = Make(Op::kConst, types_.Text(), call.args[0]->range);
  name->constant = values::Value::MakeText(office->name);
  NodePtr node = Make(Op::kHostQuery, type, call.range, std::move(charter), std::move(name));
  if (node) node->query = HostQuery::kHolders;
  return node;
}

// --- comprehensions ------------------------------------------------------------

std::string ExprLowerer::AmountsCurrency(const ast::Comprehension& c,
                                         const sema::Symbol* variable) const {
  if (!c.source || !c.projection || c.source->kind != ast::ExprKind::kCall ||
      c.projection->kind != ast::ExprKind::kFieldAccess) {
    return {};
  }
  const auto& amount = *c.projection->As<ast::FieldAccess>();
  if (amount.field.name != "amount" || !amount.object ||
      amount.object->kind != ast::ExprKind::kNameRef ||
      program_.SymbolOf(amount.object->As<ast::NameRef>()) != variable) {
    return {};
  }
  const auto& call = *c.source->As<ast::CallExpr>();
  const sema::CallTarget* target = program_.CallOf(&call);
  if (!target || target->builtin != sema::Builtin::kContributions || call.args.size() != 1 ||
      !call.args[0] || call.args[0]->kind != ast::ExprKind::kNameRef) {
    return {};
  }
  return program_.AccountCurrency(program_.SymbolOf(call.args[0]->As<ast::NameRef>()));
}

NodePtr ExprLowerer::LowerComprehension(const ast::Comprehension& c, const Type* type) {
  std::optional<sema::Builtin> aggregate = program_.AggregateOf(&c);
  const sema::Symbol* variable = program_.VariableOf(&c);
  if (!aggregate || !variable) {
    return Fail(fmt::format("`{}` is not an aggregate", c.aggregate.name), c.range);
  }
  Op op = Op::kCount;
  switch (*aggregate) {
    case sema::Builtin::kCount:
      op = Op::kCount;
      break;
    case sema::Builtin::kAny:
      op = Op::kAny;
      break;
    case sema::Builtin::kAll:
      op = Op::kAll;
      break;
    case sema::Builtin::kMin:
      op = Op::kMinOf;
      break;
    case sema::Builtin::kMax:
      op = Op::kMaxOf;
      break;
    case sema::Builtin::kSum: {
      std::optional<Op> sum = ir::FindOp(ir::OpGroup::kSum, type->kind());
      if (!sum) return Fail(fmt::format("cannot sum {}", type->ToString()), c.range);
      op = *sum;
      break;
    }
    default:
      return Fail(fmt::format("`{}` is not an aggregate", c.aggregate.name), c.range);
  }

  NodePtr source = Lower(*c.source);
  if (!source) return nullptr;
  int32_t slot = num_locals_++;
  locals_[variable] = slot;
  NodePtr filter = c.filter ? Lower(*c.filter) : nullptr;
  NodePtr projection = c.projection ? Lower(*c.projection) : nullptr;
  locals_.erase(variable);
  if (error_) return nullptr;
  // Sums, minimums and maximums produce the aggregate's type from each value.
  bool valued = op != Op::kCount && op != Op::kAny && op != Op::kAll;
  if (projection && valued) projection = Coerce(std::move(projection), type);

  NodePtr node = Make(op, type, c.range);
  node->slot = slot;
  node->name = variable->name;
  if (op == Op::kSumMoney) {
    node->currency = type->currency();
    if (node->currency.empty()) node->currency = AmountsCurrency(c, variable);
  }
  node->children.push_back(std::move(source));
  node->children.push_back(std::move(filter));
  node->children.push_back(std::move(projection));
  return node;
}

// --- sets and `if` -------------------------------------------------------------

NodePtr ExprLowerer::LowerSet(const ast::SetLit& set, const Type* type) {
  const Type* element = type->Is(TypeKind::kSet) ? type->element() : nullptr;
  if (!element) return Fail("a set literal of a non-set type", set.range);
  NodePtr node = Make(Op::kMakeSet, type, set.range);
  for (const auto& e : set.elements) {
    NodePtr lowered = Lower(*e);
    if (!lowered) return nullptr;
    node->children.push_back(Coerce(std::move(lowered), element));
  }
  return node;
}

NodePtr ExprLowerer::LowerIf(const ast::IfExpr& expr, const Type* type) {
  NodePtr condition = Lower(*expr.condition);
  NodePtr then_branch = Lower(*expr.then_branch);
  NodePtr else_branch = Lower(*expr.else_branch);
  if (!condition || !then_branch || !else_branch) return nullptr;
  then_branch = Coerce(std::move(then_branch), type);
  else_branch = Coerce(std::move(else_branch), type);
  if (type->Inner()->Is(TypeKind::kMoney)) HintEachOther(*then_branch, *else_branch);
  NodePtr node = Make(Op::kIf, type, expr.range);
  node->children.push_back(std::move(condition));
  node->children.push_back(std::move(then_branch));
  node->children.push_back(std::move(else_branch));
  return node;
}

}  // namespace concord::lower
