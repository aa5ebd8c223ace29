// Expressions: parse tree to AST, one method per precedence level, literals
// validated on the way (E0107 numbers, E0108 dates, E0113 currencies).
#include <fmt/format.h>

#include <algorithm>

#include "compiler/syntax/builder.h"

namespace concord::syntax {

using ast::BinaryOp;
using ast::ExprPtr;
using diag::Code;

namespace {

template <typename T>
std::unique_ptr<T> Make(diag::SourceRange r) {
  return std::make_unique<T>(r);
}

uint32_t Below(const ExprPtr& e) {
  return e ? e->depth : 0;
}

ExprPtr Binary(BinaryOp op, diag::SourceRange op_range, ExprPtr lhs, ExprPtr rhs) {
  auto b = Make<ast::BinaryExpr>(diag::SourceRange::Cover(lhs->range, rhs->range));
  b->depth = 1 + std::max(lhs->depth, rhs->depth);
  b->op = op;
  b->op_range = op_range;
  b->lhs = std::move(lhs);
  b->rhs = std::move(rhs);
  return b;
}

}  // namespace

ExprPtr AstBuilder::Expr(P::ExprContext* ctx) {
  if (!ctx || !ctx->orExpr()) return nullptr;
  return Or(ctx->orExpr());
}

ExprPtr AstBuilder::Or(P::OrExprContext* ctx) {
  auto parts = ctx->andExpr();
  auto ops = ctx->OR();
  if (parts.empty()) return nullptr;
  ExprPtr result = And(parts[0]);
  for (size_t i = 1; i < parts.size() && i <= ops.size(); ++i) {
    ExprPtr rhs = And(parts[i]);
    if (!result || !rhs) return nullptr;
    result = Binary(BinaryOp::kOr, Range(ops[i - 1]), std::move(result), std::move(rhs));
    if (!WithinDepth(result.get())) return nullptr;
  }
  return result;
}

ExprPtr AstBuilder::And(P::AndExprContext* ctx) {
  auto parts = ctx->notExpr();
  auto ops = ctx->AND();
  if (parts.empty()) return nullptr;
  ExprPtr result = Not(parts[0]);
  for (size_t i = 1; i < parts.size() && i <= ops.size(); ++i) {
    ExprPtr rhs = Not(parts[i]);
    if (!result || !rhs) return nullptr;
    result = Binary(BinaryOp::kAnd, Range(ops[i - 1]), std::move(result), std::move(rhs));
    if (!WithinDepth(result.get())) return nullptr;
  }
  return result;
}

ExprPtr AstBuilder::Not(P::NotExprContext* ctx) {
  if (ctx->NOT()) {
    ExprPtr operand = ctx->notExpr() ? Not(ctx->notExpr()) : nullptr;
    if (!operand) return nullptr;
    auto u = Make<ast::UnaryExpr>(Range(ctx));
    u->op = ast::UnaryOp::kNot;
    u->op_range = Range(ctx->NOT());
    u->depth = 1 + operand->depth;
    u->operand = std::move(operand);
    return u;
  }
  return ctx->cmpExpr() ? Cmp(ctx->cmpExpr()) : nullptr;
}

ExprPtr AstBuilder::Cmp(P::CmpExprContext* ctx) {
  auto parts = ctx->addExpr();
  if (parts.empty()) return nullptr;
  ExprPtr lhs = Add(parts[0]);
  if (parts.size() < 2 || !ctx->cmpOp()) return lhs;
  ExprPtr rhs = Add(parts[1]);
  if (!lhs || !rhs) return nullptr;
  P::CmpOpContext* op = ctx->cmpOp();
  BinaryOp kind = op->EQ()   ? BinaryOp::kEq
                  : op->NE() ? BinaryOp::kNe
                  : op->LT() ? BinaryOp::kLt
                  : op->LE() ? BinaryOp::kLe
                  : op->GT() ? BinaryOp::kGt
                  : op->GE() ? BinaryOp::kGe
                             : BinaryOp::kWithin;
  return Binary(kind, Range(op), std::move(lhs), std::move(rhs));
}

ExprPtr AstBuilder::Add(P::AddExprContext* ctx) {
  // Children are fetched once: each accessor call scans every child, which
  // made long chains quadratic.
  auto parts = ctx->mulExpr();
  auto ops = ctx->addOp();
  if (parts.empty()) return nullptr;
  ExprPtr result = Mul(parts[0]);
  for (size_t i = 1; i < parts.size() && i <= ops.size(); ++i) {
    ExprPtr rhs = Mul(parts[i]);
    P::AddOpContext* op = ops[i - 1];
    if (!result || !rhs) return nullptr;
    result = Binary(op->PLUS() ? BinaryOp::kAdd : BinaryOp::kSub, Range(op), std::move(result),
                    std::move(rhs));
    if (!WithinDepth(result.get())) return nullptr;
  }
  return result;
}

ExprPtr AstBuilder::Mul(P::MulExprContext* ctx) {
  auto parts = ctx->unaryExpr();
  auto ops = ctx->mulOp();
  if (parts.empty()) return nullptr;
  ExprPtr result = Unary(parts[0]);
  for (size_t i = 1; i < parts.size() && i <= ops.size(); ++i) {
    ExprPtr rhs = Unary(parts[i]);
    P::MulOpContext* op = ops[i - 1];
    if (!result || !rhs) return nullptr;
    BinaryOp kind = op->STAR() ? BinaryOp::kMul : op->SLASH() ? BinaryOp::kDiv : BinaryOp::kOf;
    result = Binary(kind, Range(op), std::move(result), std::move(rhs));
    if (!WithinDepth(result.get())) return nullptr;
  }
  return result;
}

ExprPtr AstBuilder::Unary(P::UnaryExprContext* ctx) {
  if (ctx->MINUS()) {
    ExprPtr operand = ctx->unaryExpr() ? Unary(ctx->unaryExpr()) : nullptr;
    if (!operand) return nullptr;
    auto u = Make<ast::UnaryExpr>(Range(ctx));
    u->op = ast::UnaryOp::kNeg;
    u->op_range = Range(ctx->MINUS());
    u->depth = 1 + operand->depth;
    u->operand = std::move(operand);
    return u;
  }
  return ctx->postfixExpr() ? Postfix(ctx->postfixExpr()) : nullptr;
}

ExprPtr AstBuilder::Postfix(P::PostfixExprContext* ctx) {
  ExprPtr result = ctx->primary() ? Primary(ctx->primary()) : nullptr;
  if (!result) return nullptr;
  for (P::IdentContext* field : ctx->ident()) {
    auto access = Make<ast::FieldAccess>(diag::SourceRange::Cover(result->range, Range(field)));
    access->depth = 1 + result->depth;
    access->object = std::move(result);
    access->field = Ident(field);
    result = std::move(access);
  }
  return WithinDepth(result.get()) ? std::move(result) : nullptr;
}

ExprPtr AstBuilder::Primary(P::PrimaryContext* ctx) {
  if (auto* lit = dynamic_cast<P::LiteralPrimaryContext*>(ctx)) return Literal(lit->literal());
  if (auto* call = dynamic_cast<P::CallPrimaryContext*>(ctx)) return Call(call);
  if (auto* name = dynamic_cast<P::NamePrimaryContext*>(ctx)) {
    if (!name->ident()) return nullptr;
    auto ref = Make<ast::NameRef>(Range(ctx));
    ref->name = Ident(name->ident());
    return ref;
  }
  if (auto* paren = dynamic_cast<P::ParenPrimaryContext*>(ctx)) {
    ExprPtr inner = Expr(paren->expr());
    // Parentheses widen the range so diagnostics underline what was written.
    if (inner) inner->range = Range(ctx);
    return inner;
  }
  if (auto* set = dynamic_cast<P::SetPrimaryContext*>(ctx)) {
    auto lit = Make<ast::SetLit>(Range(ctx));
    for (P::ExprContext* e : set->expr()) {
      ExprPtr element = Expr(e);
      if (!element) return nullptr;
      lit->depth = std::max(lit->depth, 1 + element->depth);
      lit->elements.push_back(std::move(element));
    }
    return WithinDepth(lit.get()) ? std::move(lit) : nullptr;
  }
  if (auto* cond = dynamic_cast<P::IfPrimaryContext*>(ctx)) {
    auto parts = cond->expr();
    if (parts.size() != 3) return nullptr;
    auto node = Make<ast::IfExpr>(Range(ctx));
    node->condition = Expr(parts[0]);
    node->then_branch = Expr(parts[1]);
    node->else_branch = Expr(parts[2]);
    if (!node->condition || !node->then_branch || !node->else_branch) return nullptr;
    node->depth =
        1 + std::max({node->condition->depth, node->then_branch->depth, node->else_branch->depth});
    return WithinDepth(node.get()) ? std::move(node) : nullptr;
  }
  return nullptr;
}

ExprPtr AstBuilder::Call(P::CallPrimaryContext* ctx) {
  if (!ctx->ident()) return nullptr;
  ast::Identifier callee = Ident(ctx->ident());
  auto args = ctx->callArg();
  bool comprehension = false;
  for (P::CallArgContext* arg : args) {
    if (!dynamic_cast<P::PlainArgContext*>(arg)) comprehension = true;
  }
  if (comprehension) {
    if (args.size() != 1) {
      for (P::CallArgContext* arg : args) {
        if (!dynamic_cast<P::PlainArgContext*>(arg)) {
          diags_.Report(Code::E0111, Range(arg), callee.name)
              .WithHelp("write `count(x in s where ...)` with nothing else inside the parentheses");
        }
      }
      return nullptr;
    }
    auto node = Make<ast::Comprehension>(Range(ctx));
    node->aggregate = callee;
    if (auto* filter = dynamic_cast<P::FilterArgContext*>(args[0])) {
      auto exprs = filter->expr();
      if (!filter->ident() || exprs.empty()) return nullptr;
      node->variable = Ident(filter->ident());
      node->source = Expr(exprs[0]);
      if (exprs.size() > 1) node->filter = Expr(exprs[1]);
    } else if (auto* map = dynamic_cast<P::MapArgContext*>(args[0])) {
      auto exprs = map->expr();
      if (!map->ident() || exprs.size() < 2) return nullptr;
      node->projection = Expr(exprs[0]);
      node->variable = Ident(map->ident());
      node->source = Expr(exprs[1]);
      if (exprs.size() > 2) node->filter = Expr(exprs[2]);
      if (!node->projection) return nullptr;
    }
    if (!node->source) return nullptr;
    node->depth = 1 + std::max({Below(node->source), Below(node->filter), Below(node->projection)});
    return WithinDepth(node.get()) ? std::move(node) : nullptr;
  }
  auto node = Make<ast::CallExpr>(Range(ctx));
  node->callee = callee;
  for (P::CallArgContext* arg : args) {
    auto* plain = dynamic_cast<P::PlainArgContext*>(arg);
    ExprPtr e = plain ? Expr(plain->expr()) : nullptr;
    if (!e) return nullptr;
    node->depth = std::max(node->depth, 1 + e->depth);
    node->args.push_back(std::move(e));
  }
  return WithinDepth(node.get()) ? std::move(node) : nullptr;
}

ExprPtr AstBuilder::Literal(P::LiteralContext* ctx) {
  if (!ctx) return nullptr;
  diag::SourceRange range = Range(ctx);
  if (auto* money = dynamic_cast<P::MoneyLiteralContext*>(ctx)) {
    antlr4::Token* number = Real(money->INT()) ? Real(money->INT()) : Real(money->DECIMAL());
    antlr4::Token* currency = Real(money->UPPER());
    if (!number || !currency) return nullptr;
    std::string why;
    auto amount = values::Decimal::Parse(number->getText(), &why);
    if (!amount) {
      diags_.Report(Code::E0107, Range(number), number->getText(), why);
      return nullptr;
    }
    std::string code = currency->getText();
    bool valid = code.size() == 3;
    for (char c : code) valid = valid && c >= 'A' && c <= 'Z';
    if (!valid) {
      diags_.Report(Code::E0113, Range(currency), code);
      return nullptr;
    }
    auto node = Make<ast::MoneyLit>(range);
    node->amount = *amount;
    node->currency = code;
    return node;
  }
  if (auto* dur = dynamic_cast<P::DurationLiteralContext*>(ctx)) {
    auto count = IntOf(dur->INT());
    auto unit = UnitOf(dur->durationUnit());
    if (!count || !unit) return nullptr;
    auto node = Make<ast::DurationLit>(range);
    node->count = *count;
    node->unit = *unit;
    return node;
  }
  if (auto* i = dynamic_cast<P::IntLiteralContext*>(ctx)) {
    auto value = IntOf(i->INT());
    if (!value) return nullptr;
    auto node = Make<ast::IntLit>(range);
    node->value = *value;
    return node;
  }
  if (auto* d = dynamic_cast<P::DecimalLiteralContext*>(ctx)) {
    antlr4::Token* t = Real(d->DECIMAL());
    if (!t) return nullptr;
    std::string why;
    auto value = values::Decimal::Parse(t->getText(), &why);
    if (!value) {
      diags_.Report(Code::E0107, range, t->getText(), why);
      return nullptr;
    }
    auto node = Make<ast::DecimalLit>(range);
    node->value = *value;
    return node;
  }
  if (auto* p = dynamic_cast<P::PercentLiteralContext*>(ctx)) {
    antlr4::Token* t = Real(p->PERCENT());
    if (!t) return nullptr;
    std::string text = t->getText();
    text.pop_back();  // the `%`
    std::string why;
    auto value = values::Decimal::Parse(text, &why);
    // A percent is stored as a fraction with six digits, so it may itself
    // have at most four: `2.5%` is 0.025, `0.0001%` is 0.000001.
    std::optional<values::Decimal> fraction;
    if (value) {
      auto hundred = *values::Decimal::FromInt(100);
      auto divided = values::Div(*value, hundred);
      if (divided.ok() && values::Mul(*divided.value, hundred).value == value) {
        fraction = *divided.value;
      } else {
        why = "a percent has at most 4 fractional digits";
      }
    }
    if (!fraction) {
      diags_.Report(Code::E0107, range, t->getText(), why);
      return nullptr;
    }
    auto node = Make<ast::PercentLit>(range);
    node->fraction = *fraction;
    return node;
  }
  if (auto* d = dynamic_cast<P::DateLiteralContext*>(ctx)) {
    auto date = DateOf(d->DATE());
    if (!date) return nullptr;
    auto node = Make<ast::DateLit>(range);
    node->value = date->value;
    return node;
  }
  if (auto* s = dynamic_cast<P::StringLiteralContext*>(ctx)) {
    auto text = String(s->STRING());
    if (!text) return nullptr;
    auto node = Make<ast::TextLit>(range);
    node->value = std::move(text->value);
    return node;
  }
  if (dynamic_cast<P::TrueLiteralContext*>(ctx) || dynamic_cast<P::FalseLiteralContext*>(ctx)) {
    auto node = Make<ast::BoolLit>(range);
    node->value = dynamic_cast<P::TrueLiteralContext*>(ctx) != nullptr;
    return node;
  }
  if (dynamic_cast<P::NoneLiteralContext*>(ctx)) return Make<ast::NoneLit>(range);
  return nullptr;
}

}  // namespace concord::syntax
