// Typing metrics in the order they read each other. A metric's type is its
// expression's, so checking `metric m0 = m1 + 1` first checks m1, whose
// expression checks m2, and so on: 20,000 chained metrics nested 20,000
// expression checks and overflowed the stack. Before checking a metric, the
// metrics its text reads are checked, dependencies first, with an explicit
// stack; each expression check then finds the types it reads already known
// and nests no further. A metric on the stack that the text reads again is
// a cycle: it counts as being checked (its type an error here), as it did
// when the checks nested, and E0215 reports the cycle.
#include <deque>

#include "compiler/sema/checker.h"

namespace concord::sema {

namespace {

// The comprehension variables in scope, innermost first: they hide metrics.
struct BoundName {
  const std::string* name;
  const BoundName* outer;
};

bool IsBound(const BoundName* bound, const std::string& name) {
  for (; bound; bound = bound->outer) {
    if (*bound->name == name) return true;
  }
  return false;
}

}  // namespace

std::vector<const Symbol*> Checker::MetricReadsInText(const Symbol* metric) {
  std::vector<const Symbol*> reads;
  const CharterInfo* owner = metric_owner_.at(metric);
  const ast::Metric* decl = metric->As<ast::Metric>();
  if (!decl || !decl->value) return reads;
  auto metric_named = [](const NameTable& names, const std::string& name) -> const Symbol* {
    const Symbol* symbol = names.Find(name);
    return symbol && symbol->kind == SymbolKind::kMetric ? symbol : nullptr;
  };
  std::deque<BoundName> scopes;
  std::vector<std::pair<const ast::Expr*, const BoundName*>> pending = {
      {decl->value.get(), nullptr}};
  while (!pending.empty()) {
    auto [e, bound] = pending.back();
    pending.pop_back();
    auto push = [&](const ast::ExprPtr& child, const BoundName* scope) {
      if (child) pending.push_back({child.get(), scope});
    };
    if (const auto* ref = e->As<ast::NameRef>()) {
      if (IsBound(bound, ref->name.name)) continue;
      if (const Symbol* read = metric_named(owner->names, ref->name.name)) reads.push_back(read);
    } else if (const auto* access = e->As<ast::FieldAccess>()) {
      // `other_charter.its_metric`
      const auto* object = access->object->As<ast::NameRef>();
      if (object && !IsBound(bound, object->name.name)) {
        const Symbol* named = owner->names.Find(object->name.name);
        const CharterInfo* charter =
            out_.CharterOf(named ? named : FindAnywhere(object->name.name));
        const Symbol* read = charter ? metric_named(charter->names, access->field.name) : nullptr;
        if (read) reads.push_back(read);
      }
      push(access->object, bound);
    } else if (const auto* call = e->As<ast::CallExpr>()) {
      for (const ast::ExprPtr& arg : call->args) push(arg, bound);
    } else if (const auto* c = e->As<ast::Comprehension>()) {
      push(c->source, bound);
      scopes.push_back({&c->variable.name, bound});
      push(c->filter, &scopes.back());
      push(c->projection, &scopes.back());
    } else if (const auto* set = e->As<ast::SetLit>()) {
      for (const ast::ExprPtr& element : set->elements) push(element, bound);
    } else if (const auto* unary = e->As<ast::UnaryExpr>()) {
      push(unary->operand, bound);
    } else if (const auto* binary = e->As<ast::BinaryExpr>()) {
      push(binary->lhs, bound);
      push(binary->rhs, bound);
    } else if (const auto* if_expr = e->As<ast::IfExpr>()) {
      push(if_expr->condition, bound);
      push(if_expr->then_branch, bound);
      push(if_expr->else_branch, bound);
    }
  }
  return reads;
}

void Checker::TypeMetricsReadBy(const Symbol* metric) {
  ordering_metrics_ = true;
  // Depth-first, finishing a metric after those it reads.
  struct Visit {
    const Symbol* metric;
    std::vector<const Symbol*> reads;
    size_t next = 0;
  };
  std::set<const Symbol*> entered = {metric};
  std::vector<Visit> stack;
  stack.push_back({metric, MetricReadsInText(metric)});
  metric_in_progress_[metric] = true;
  while (!stack.empty()) {
    Visit& top = stack.back();
    if (top.next < top.reads.size()) {
      const Symbol* read = top.reads[top.next++];
      // Typed, being checked further out, or on this stack (a cycle).
      if (metric_types_.count(read) || metric_in_progress_[read] || !entered.insert(read).second) {
        continue;
      }
      stack.push_back({read, MetricReadsInText(read)});
      metric_in_progress_[read] = true;
      continue;
    }
    const Symbol* finished = top.metric;
    stack.pop_back();
    metric_in_progress_[finished] = false;
    if (finished != metric) MetricType(finished);
  }
  ordering_metrics_ = false;
}

}  // namespace concord::sema
