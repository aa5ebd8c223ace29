// From typed AST to model. The one analysis here is `binds_non_members`: a
// rule binds people outside its polity when its trigger, conditions or
// effects reach into another polity — they read `members(X)`, `X` itself, or
// a metric or ledger of a charter X other than the rule's own, directly or
// through a `fn` it calls. A rule can
// only govern its own members (the minimal concord's C004).
#include "compiler/model/build_model.h"

#include <fmt/format.h>

#include <functional>
#include <set>
#include <vector>

#include "compiler/lower/lower.h"
#include "compiler/model/build_power.h"
#include "runtime/interp/interp.h"

namespace concord::model {
namespace {

using values::Value;

const Charter* FindIn(const std::vector<Charter>& v, std::string_view name) {
  for (const Charter& c : v) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

std::optional<std::string> TitleOf(const std::optional<ast::Located<std::string>>& t) {
  if (!t) return std::nullopt;
  return t->value;
}

// Whether a rule can refuse its event: a `require` turns every event that
// fails it into a breach (R010), and `then reject` refuses the event when
// its condition holds. Conditions are not evaluated: `when false then
// reject` still counts, because a concord judges what the rule says it may
// do, not whether the condition happens to hold. `then flag` only records.
bool RefusesItsEvent(const ast::Rule& r) {
  if (!r.requires_.empty()) return true;
  for (const ast::RuleWhen& w : r.whens) {
    if (w.effect == ast::EffectKind::kReject) return true;
  }
  return false;
}

class Builder {
 public:
  Builder(const sema::CheckedProgram& program, diag::DiagnosticEngine& diags)
      : program_(program), diags_(diags), lowerer_(program, module_) {}

  Model Build() {
    Model model;
    for (const auto& info : program_.charters()) model.charters.push_back(BuildCharter(*info));
    for (const auto& info : program_.treaties()) model.treaties.push_back(BuildTreaty(*info));
    return model;
  }

 private:
  // Evaluates a clause expression with no inputs and no anchor date.
  std::optional<Value> Eval(const ast::Expr* expr, const std::vector<lower::Binding>& bindings = {},
                            const std::vector<Value>& inputs = {}) {
    if (!expr) return std::nullopt;
    auto root = lowerer_.LowerRoot("clause", *expr, bindings);
    if (!root.ok()) return std::nullopt;
    interp::EvalOptions options;
    interp::Outcome out = interp::Evaluate(*root.value, inputs, options);
    if (out.status == interp::Status::kError && out.error) {
      diags_.Add(out.error->ToDiagnostic());
      return std::nullopt;
    }
    if (!out.ok()) return std::nullopt;
    return out.value;
  }

  std::optional<values::Duration> Duration(const ast::Expr* expr) {
    auto v = Eval(expr);
    if (v && v->AsDuration()) return *v->AsDuration();
    return std::nullopt;
  }

  std::optional<values::Money> MoneyOf(const ast::Expr* expr) {
    auto v = Eval(expr);
    if (v && v->AsMoney()) return *v->AsMoney();
    return std::nullopt;
  }

  static std::optional<values::Decimal> AsNumber(const Value& v) {
    if (auto* d = v.AsDecimal()) return *d;
    if (auto* i = v.AsInt()) return values::Decimal::FromInt(*i);
    return std::nullopt;
  }

  // `P of X` with a percent literal P: the share P.
  static std::optional<values::Decimal> ShareOf(const ast::Expr* expr) {
    const auto* b = expr ? expr->As<ast::BinaryExpr>() : nullptr;
    if (!b || (b->op != ast::BinaryOp::kOf && b->op != ast::BinaryOp::kMul)) return std::nullopt;
    if (const auto* p = b->lhs->As<ast::PercentLit>()) return p->fraction;
    return std::nullopt;
  }

  bool BindsNonMembers(const ast::Rule& rule, const sema::Symbol* own) {
    bool found = false;
    std::set<const sema::FnInfo*> walked_fns;
    // Bodies of called fns, walked after the expression that calls them: a
    // chain of thousands of fns must not nest as deep on the native stack.
    std::vector<const ast::Expr*> fn_bodies;
    std::function<void(const ast::Expr*)> walk = [&](const ast::Expr* e) {
      if (!e || found) return;
      auto other_polity = [&](const sema::Symbol* s) {
        return s &&
               (s->kind == sema::SymbolKind::kCharter || s->kind == sema::SymbolKind::kTreaty) &&
               s != own;
      };
      switch (e->kind) {
        case ast::ExprKind::kNameRef:
          found = other_polity(program_.SymbolOf(e->As<ast::NameRef>()));
          return;
        case ast::ExprKind::kFieldAccess: {
          const auto* f = e->As<ast::FieldAccess>();
          if (const sema::FieldRef* ref = program_.FieldOf(f); ref && ref->metric) {
            found = ref->metric->owner && ref->metric->owner != own;
          }
          walk(f->object.get());
          return;
        }
        case ast::ExprKind::kCall: {
          const auto* call = e->As<ast::CallExpr>();
          for (const auto& a : call->args) walk(a.get());
          // A `fn` can reach into another polity on the rule's behalf. Sema
          // forbids recursion, and each fn body is walked once.
          const sema::CallTarget* target = program_.CallOf(call);
          if (target && target->fn && target->fn->decl && walked_fns.insert(target->fn).second) {
            fn_bodies.push_back(target->fn->decl->body.get());
          }
          return;
        }
        case ast::ExprKind::kComprehension: {
          const auto* c = e->As<ast::Comprehension>();
          walk(c->source.get());
          walk(c->filter.get());
          walk(c->projection.get());
          return;
        }
        case ast::ExprKind::kSetLit:
          for (const auto& a : e->As<ast::SetLit>()->elements) walk(a.get());
          return;
        case ast::ExprKind::kUnary:
          walk(e->As<ast::UnaryExpr>()->operand.get());
          return;
        case ast::ExprKind::kBinary:
          walk(e->As<ast::BinaryExpr>()->lhs.get());
          walk(e->As<ast::BinaryExpr>()->rhs.get());
          return;
        case ast::ExprKind::kIf: {
          const auto* i = e->As<ast::IfExpr>();
          walk(i->condition.get());
          walk(i->then_branch.get());
          walk(i->else_branch.get());
          return;
        }
        default:
          return;
      }
    };
    if (rule.trigger) walk(rule.trigger->where.get());
    for (const auto& r : rule.requires_) walk(r.condition.get());
    for (const auto& w : rule.whens) walk(w.condition.get());
    while (!found && !fn_bodies.empty()) {
      const ast::Expr* body = fn_bodies.back();
      fn_bodies.pop_back();
      walk(body);
    }
    return found;
  }

  Rule BuildRule(const ast::Rule& r, const sema::Symbol* own) {
    Rule rule;
    rule.name = r.name.name;
    rule.title = TitleOf(r.title);
    rule.prose = r.text.has_value();
    rule.executable = r.trigger.has_value();
    if (r.trigger) rule.event = r.trigger->event.name;
    rule.binds_non_members = {BindsNonMembers(r, own), r.range};
    rule.rejects = {RefusesItsEvent(r), r.range};
    for (const auto& q : r.requires_) rule.has_message = rule.has_message && q.message.has_value();
    rule.range = r.range;
    rule.name_range = r.name.range;
    rule.decl = &r;
    return rule;
  }

  Charter BuildCharter(const sema::CharterInfo& info) {
    const ast::CharterDecl& d = *info.decl;
    Charter c;
    c.name = d.name.name;
    c.title = TitleOf(d.title);
    c.range = d.range;
    c.name_range = d.name.range;
    c.decl = &d;
    if (d.adopted) c.adopted = {d.adopted->value, d.adopted->range};
    c.concord = d.concord ? Field<std::string>{d.concord->name, d.concord_range}
                          : Field<std::string>{"minimal", {}};

    if (d.membership) {
      const ast::Membership& m = *d.membership;
      c.membership.range = m.range;
      if (m.entry) {
        c.membership.entry = {m.entry->mode, m.entry->range};
        c.membership.sponsors = m.entry->sponsors;
        if (m.entry->mode == ast::EntryMode::kVote) c.membership.vote = m.entry->vote_share;
      }
      if (m.exit) {
        ExitPolicy& x = c.membership.exit;
        x.range = m.exit->range;
        x.anytime = {m.exit->anytime, m.exit->range};
        if (auto n = Duration(m.exit->notice.get())) x.notice = {*n, m.exit->notice->range};
        x.penalty = {m.exit->penalty.has_value(),
                     m.exit->penalty ? m.exit->penalty->range : m.exit->range};
        if (m.exit->penalty) x.penalty_text = m.exit->penalty->value;
      }
    }

    for (const ast::Rule& r : d.rules) c.rules.push_back(BuildRule(r, info.symbol));
    BuildPower(d,
               {[this](const ast::Expr* e) { return Duration(e); },
                [this](const ast::Expr* e) { return MoneyOf(e); }},
               c);

    if (d.revision) {
      const ast::Revision& r = *d.revision;
      c.revision.range = r.range;
      if (r.every) c.revision.every = {r.every->AsDuration(), r.every->range};
      if (r.quota) {
        // `quota 25% of rules` reads the rules as written.
        std::vector<Value> rules;
        auto shape = module_.FindShape("rule");
        for (const Rule& rule : c.rules) {
          auto rec = std::make_shared<values::Record>(shape, rule.name, c.name);
          rules.push_back(Value::MakeRecord(rec));
        }
        auto v = Eval(r.quota.get(), {lower::Binding::Implicit(sema::Implicit::kRules)},
                      {values::MakeSetValue(rules)});
        if (v && v->AsPercent()) {
          // `quota 25%` alone is a share of the rules, as `quota 25% of rules`.
          values::Decimal fraction = v->AsPercent()->fraction;
          c.revision.quota_share = fraction;
          auto count = values::Decimal::FromInt(static_cast<int64_t>(c.rules.size()));
          auto share = values::Mul(fraction, count.value_or(values::Decimal()));
          v = share.ok() ? std::optional<Value>(Value::MakeDecimal(*share.value)) : std::nullopt;
        }
        if (v) {
          // A share of the rules is rounded up: 25% of 5 rules is 2 rules.
          if (auto n = AsNumber(*v)) {
            c.revision.quota = {values::Decimal::FromInt(n->Ceil()).value_or(*n), r.quota_range};
          }
        }
        if (!c.revision.quota_share) c.revision.quota_share = ShareOf(r.quota.get());
        c.revision.quota_counts = {r.quota_counts, r.quota_range};
      }
      if (r.quorum) {
        if (auto share = ShareOf(r.quorum.get())) {
          c.revision.quorum_share = share;
        } else if (auto v = Eval(r.quorum.get())) {
          if (auto* p = v->AsPercent())
            c.revision.quorum_share = p->fraction;
          else
            c.revision.quorum_count = AsNumber(*v);
        }
      }
    }

    for (const ast::Function& f : d.functions) {
      Function fn{f.name.name, TitleOf(f.title), f.essential, {}, f.range};
      for (const ast::Team& t : f.teams) {
        fn.teams.push_back(
            {t.name.name, t.method ? std::optional(t.method->value) : std::nullopt, t.range});
      }
      c.functions.push_back(std::move(fn));
    }

    if (d.jury) {
      const ast::Jury& j = *d.jury;
      c.jury.range = j.range;
      c.jury.ruling.range = j.range;
      if (j.size) c.jury.size = {j.size->value, j.size->range};
      if (j.draw) c.jury.draw = {j.draw->mode, j.draw->range};
      if (j.external) {
        c.jury.external = {j.external->count, j.external->range};
        if (j.external->when) c.jury.external_when = j.external->when->name;
      }
      if (j.ruling) {
        RulingPolicy& p = c.jury.ruling;
        p.range = j.ruling->range;
        p.expires = {!j.ruling->permanent, j.ruling->range};
        p.reaffirmable = j.ruling->unless_reaffirmed;
        if (!j.ruling->permanent) p.after = Duration(j.ruling->after.get());
      } else {
        c.jury.ruling.expires = {false, j.range};
      }
    }

    for (const ast::Ledger& l : d.ledgers) {
      Ledger ledger;
      ledger.name = l.name.name;
      ledger.title = TitleOf(l.title);
      ledger.range = l.range;
      ledger.is_public = l.is_public ? Field<bool>{l.is_public->value, l.is_public->range}
                                     : Field<bool>{false, l.range};
      if (l.report_every) {
        ledger.report_every = {l.report_every->AsDuration(), l.report_every->range};
      } else {
        ledger.report_every = {std::nullopt, l.range};
      }
      ledger.steward_rotates = {l.steward.has_value(), l.steward ? l.steward->range : l.range};
      if (l.steward && l.steward->every) ledger.steward_every = l.steward->every->AsDuration();
      ledger.cap = MoneyOf(l.cap.get());
      c.ledgers.push_back(std::move(ledger));
    }

    for (const ast::Metric& m : d.metrics) {
      c.metrics.push_back({m.name.name, TitleOf(m.title), m.value.get(), m.range});
    }

    c.stress_game.held = {d.stress_game.has_value(),
                          d.stress_game ? d.stress_game->range : d.name.range};
    if (d.stress_game) {
      c.stress_game.range = d.stress_game->range;
      c.stress_game.every = d.stress_game->every.AsDuration();
      c.stress_game.designer_rotates = {d.stress_game->designer.has_value(), d.stress_game->range};
    }
    c.reflection.held = {d.reflection.has_value(),
                         d.reflection ? d.reflection->range : d.name.range};
    if (d.reflection) {
      c.reflection.range = d.reflection->range;
      c.reflection.every = d.reflection->every.AsDuration();
    }

    if (d.treaty_limits) {
      const ast::TreatyLimits& t = *d.treaty_limits;
      TreatyLimits& limits = c.treaty_limits;
      limits.range = t.range;
      if (t.term_at_most) limits.term = {Duration(t.term_at_most.get()), t.term_range};
      if (t.notice_at_most) limits.notice = {Duration(t.notice_at_most.get()), t.notice_range};
      if (t.renewal) limits.renewal = {t.renewal->value, t.renewal->range};
      if (t.contribution) {
        limits.contribution = ContributionLimit{
            t.contribution->amount.get(), t.contribution->per.AsDuration(), t.contribution->range};
      }
      if (t.total_contribution) {
        limits.total_contribution =
            ContributionLimit{t.total_contribution->amount.get(),
                              t.total_contribution->per.AsDuration(), t.total_contribution->range};
      }
    }
    return c;
  }

  Treaty BuildTreaty(const sema::TreatyInfo& info) {
    const ast::TreatyDecl& d = *info.decl;
    Treaty t;
    t.name = d.name.name;
    t.title = TitleOf(d.title);
    t.range = d.range;
    t.name_range = d.name.range;
    t.decl = &d;
    for (const ast::Identifier& p : d.parties) t.parties.push_back({p.name, p.range});
    if (d.effective) t.effective = {d.effective->value, d.effective->range};
    t.renewal = {ast::RenewalMode::kExplicit, {}};
    if (d.term) {
      if (auto n = Duration(d.term->length.get())) t.term = {*n, d.term->length->range};
      if (d.term->renewal) t.renewal = {d.term->renewal->value, d.term->renewal->range};
    }
    if (d.exit) {
      t.exit.range = d.exit->range;
      if (auto n = Duration(d.exit->notice.get())) t.exit.notice = {*n, d.exit->notice->range};
      t.exit.penalty = {d.exit->penalty.has_value(),
                        d.exit->penalty ? d.exit->penalty->range : d.exit->range};
    }
    if (d.distress) {
      t.distress.declared = true;
      t.distress.signal = d.distress->signal.value;
      t.distress.respond_within = Duration(d.distress->respond_within.get());
      t.distress.range = d.distress->range;
    }
    for (const ast::Fund& f : d.funds) {
      Fund fund;
      fund.name = f.name.name;
      fund.title = TitleOf(f.title);
      fund.range = f.range;
      fund.name_range = f.name.range;
      fund.cap = {std::nullopt, f.contribution ? f.contribution->range : f.range};
      if (f.contribution) {
        fund.contribution = f.contribution->amount.get();
        fund.per = f.contribution->per.AsDuration();
        if (f.contribution->cap) {
          fund.cap = {MoneyOf(f.contribution->cap.get()), f.contribution->cap->range};
        }
        fund.floor = MoneyOf(f.contribution->floor.get());
      }
      fund.steward_rotates = {f.steward.has_value(), f.steward ? f.steward->range : f.range};
      if (f.steward && f.steward->every) fund.steward_every = f.steward->every->AsDuration();
      t.funds.push_back(std::move(fund));
    }
    if (d.cross_training) t.cross_training = d.cross_training->AsDuration();
    for (const ast::Rule& r : d.rules) t.rules.push_back(BuildRule(r, info.symbol));
    return t;
  }

  const sema::CheckedProgram& program_;
  diag::DiagnosticEngine& diags_;
  ir::Module module_;
  lower::Lowerer lowerer_;
};

}  // namespace

const Charter* Model::FindCharter(std::string_view name) const {
  return FindIn(charters, name);
}

const Treaty* Model::FindTreaty(std::string_view name) const {
  for (const Treaty& t : treaties) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

Model BuildModel(const sema::CheckedProgram& program, diag::DiagnosticEngine& diags) {
  return Builder(program, diags).Build();
}

}  // namespace concord::model
