// Declarations: fn, concord, charter (every section) and treaty. A section
// that may appear once is kept at its first occurrence; a second one is E0110.
#include <fmt/format.h>

#include "compiler/syntax/builder.h"
#include "runtime/values/money.h"

namespace concord::syntax {

using diag::Code;

std::optional<ast::TypeRef> AstBuilder::Type(P::TypeRefContext* ctx) {
  if (!ctx || !ctx->ident()) return std::nullopt;
  ast::TypeRef t;
  t.name = Ident(ctx->ident());
  t.range = Range(ctx);
  if (ctx->typeRef()) {
    auto arg = Type(ctx->typeRef());
    if (!arg) return std::nullopt;
    t.argument = std::make_unique<ast::TypeRef>(std::move(*arg));
  }
  return t;
}

std::optional<ast::FnDecl> AstBuilder::Fn(P::FnDeclContext* ctx) {
  if (!ctx->ident()) return std::nullopt;
  ast::FnDecl fn;
  fn.name = Ident(ctx->ident());
  fn.range = Range(ctx);
  for (P::ParamContext* p : ctx->param()) {
    auto type = Type(p->typeRef());
    if (!p->ident() || !type) return std::nullopt;
    fn.params.push_back({Ident(p->ident()), std::move(*type)});
  }
  auto result = Type(ctx->typeRef());
  fn.body = Expr(ctx->expr());
  if (!result || !fn.body) return std::nullopt;
  fn.result = std::move(*result);
  return fn;
}

std::optional<ast::ConcordDecl> AstBuilder::Concord(P::ConcordDeclContext* ctx) {
  auto names = ctx->ident();
  if (names.empty()) return std::nullopt;
  ast::ConcordDecl c;
  c.name = Ident(names[0]);
  c.title = Title(ctx->title());
  if (ctx->EXTENDS() && names.size() > 1) c.extends = Ident(names[1]);
  c.range = Range(ctx);
  for (P::RequirementContext* req : ctx->requirement()) {
    ast::Requirement r;
    r.condition = Expr(req->expr());
    antlr4::Token* code = Real(req->UPPER());
    auto reason = String(req->STRING());
    if (!r.condition || !code || !reason) continue;
    std::string text = code->getText();
    bool valid = text.size() == 4 && text[0] == 'C';
    for (size_t i = 1; valid && i < text.size(); ++i) valid = text[i] >= '0' && text[i] <= '9';
    if (!valid) {
      diags_.Report(Code::E0112, Range(code), text, "concord")
          .WithHelp("concord requirement codes are `C` and three digits, such as `C101`");
      continue;
    }
    r.code = {text, Range(code)};
    r.reason = std::move(*reason);
    r.range = Range(req);
    c.requirements.push_back(std::move(r));
  }
  return c;
}

std::optional<ast::Rule> AstBuilder::RuleOf(P::RuleDeclContext* ctx) {
  if (!ctx || !ctx->ident()) return std::nullopt;
  ast::Rule rule;
  rule.name = Ident(ctx->ident());
  rule.title = Title(ctx->title());
  rule.range = Range(ctx);
  std::string where = fmt::format("rule `{}`", rule.name.name);
  for (P::RuleItem_Context* item : ctx->ruleItem_()) {
    diag::SourceRange r = Range(item);
    if (auto* text = dynamic_cast<P::RuleTextContext*>(item)) {
      auto s = String(text->STRING());
      if (s &&
          FirstClause(rule.text.has_value(), rule.text ? rule.text->range : r, r, "text", where)) {
        rule.text = std::move(s);
      }
    } else if (auto* on = dynamic_cast<P::RuleOnContext*>(item)) {
      auto ids = on->ident();
      if (ids.size() < 2) continue;
      if (!FirstClause(rule.trigger.has_value(), rule.trigger ? rule.trigger->range : r, r, "on",
                       where)) {
        continue;
      }
      ast::RuleTrigger t{Ident(ids[0]), Ident(ids[1]), nullptr, r};
      if (on->WHERE()) {
        t.where = Expr(on->expr());
        if (!t.where) continue;
      }
      rule.trigger = std::move(t);
    } else if (auto* req = dynamic_cast<P::RuleRequireContext*>(item)) {
      ast::RuleRequire q{Expr(req->expr()), std::nullopt, r};
      if (!q.condition) continue;
      if (req->ELSE()) q.message = String(req->STRING());
      rule.requires_.push_back(std::move(q));
    } else if (auto* when = dynamic_cast<P::RuleWhenContext*>(item)) {
      ast::RuleWhen w;
      w.condition = Expr(when->expr());
      w.range = r;
      P::EffectContext* effect = when->effect();
      if (!w.condition || !effect) continue;
      antlr4::tree::TerminalNode* message = nullptr;
      if (auto* flag = dynamic_cast<P::EffectFlagContext*>(effect)) {
        w.effect = ast::EffectKind::kFlag;
        message = flag->STRING();
      } else if (auto* reject = dynamic_cast<P::EffectRejectContext*>(effect)) {
        w.effect = ast::EffectKind::kReject;
        message = reject->STRING();
      }
      auto s = String(message);
      if (!s) continue;
      w.message = std::move(*s);
      rule.whens.push_back(std::move(w));
    } else if (auto* rep = dynamic_cast<P::RuleReplacesContext*>(item)) {
      if (!rep->ident()) continue;
      if (FirstClause(rule.replaces.has_value(), rule.replaces ? rule.replaces->range : r, r,
                      "replaces", where)) {
        rule.replaces = Ident(rep->ident());
      }
    }
  }
  return rule;
}

void AstBuilder::Charteritem(P::CharterItemContext* item, ast::CharterDecl& c) {
  diag::SourceRange r = Range(item);
  std::string where = fmt::format("charter `{}`", c.name.name);
  if (auto* adopted = dynamic_cast<P::AdoptedClauseContext*>(item)) {
    auto date = DateOf(adopted->DATE());
    if (date &&
        FirstClause(c.adopted.has_value(), c.adopted ? c.adopted->range : r, r, "adopted", where)) {
      c.adopted = date;
    }
  } else if (auto* claims = dynamic_cast<P::ClaimsConcordContext*>(item)) {
    if (claims->ident() &&
        FirstClause(c.concord.has_value(), c.concord_range, r, "concord", where)) {
      c.concord = Ident(claims->ident());
      c.concord_range = r;
    }
  } else if (auto* m = dynamic_cast<P::MembershipSectionContext*>(item)) {
    if (!FirstClause(c.membership.has_value(), c.membership ? c.membership->range : r, r,
                     "membership", where)) {
      return;
    }
    ast::Membership membership;
    membership.range = r;
    for (P::MembershipItemContext* mi : m->membershipItem()) {
      diag::SourceRange mr = Range(mi);
      if (auto* entry = dynamic_cast<P::EntryClauseContext*>(mi)) {
        P::EntryModeContext* mode = entry->entryMode();
        if (!mode || !FirstClause(membership.entry.has_value(),
                                  membership.entry ? membership.entry->range : mr, mr, "entry",
                                  "membership")) {
          continue;
        }
        ast::Entry e;
        e.range = mr;
        if (dynamic_cast<P::EntryOpenContext*>(mode)) {
          e.mode = ast::EntryMode::kOpen;
        } else if (auto* sp = dynamic_cast<P::EntrySponsoredContext*>(mode)) {
          auto n = IntOf(sp->INT());
          if (!n) continue;
          e.mode = ast::EntryMode::kSponsored;
          e.sponsors = *n;
        } else if (auto* vote = dynamic_cast<P::EntryVoteContext*>(mode)) {
          antlr4::Token* t = Real(vote->PERCENT());
          if (!t) continue;
          std::string text = t->getText();
          text.pop_back();
          auto v = values::Decimal::Parse(text);
          auto hundred = *values::Decimal::FromInt(100);
          auto share = v ? values::Div(*v, hundred) : values::Checked<values::Decimal>{};
          if (!share.ok()) {
            diags_.Report(Code::E0107, Range(t), t->getText(), "not a valid percent");
            continue;
          }
          e.mode = ast::EntryMode::kVote;
          e.vote_share = *share.value;
        } else if (auto* by = dynamic_cast<P::EntryByDecisionContext*>(mode)) {
          // `decision` stays an ordinary name (`record decision ...`).
          if (!by->ident()) continue;
          if (by->ident()->getText() != "decision") {
            diags_.Report(Code::E0101, Range(by->ident()),
                          fmt::format("name `{}`", by->ident()->getText()),
                          "; expected `entry by decision`");
            continue;
          }
          e.mode = ast::EntryMode::kByDecision;
        } else {
          e.mode = ast::EntryMode::kCompulsory;
        }
        membership.entry = e;
      } else if (auto* exit = dynamic_cast<P::ExitClauseContext*>(mi)) {
        if (!FirstClause(membership.exit.has_value(), membership.exit ? membership.exit->range : mr,
                         mr, "exit", "membership")) {
          continue;
        }
        ast::ExitRule x;
        x.anytime = Real(exit->ANYTIME()) != nullptr;
        x.notice = Expr(exit->expr());
        x.range = mr;
        if (!x.notice) continue;
        if (exit->PENALTY()) x.penalty = String(exit->STRING());
        membership.exit = std::move(x);
      } else {
        MembershipPowerItem(mi, membership);
      }
    }
    c.membership = std::move(membership);
  } else if (auto* rev = dynamic_cast<P::RevisionSectionContext*>(item)) {
    if (!FirstClause(c.revision.has_value(), c.revision ? c.revision->range : r, r, "revision",
                     where)) {
      return;
    }
    ast::Revision revision;
    revision.range = r;
    for (P::RevisionItemContext* ri : rev->revisionItem()) {
      diag::SourceRange rr = Range(ri);
      if (auto* every = dynamic_cast<P::RevisionEveryContext*>(ri)) {
        if (FirstClause(revision.every.has_value(), revision.every ? revision.every->range : rr, rr,
                        "every", "revision")) {
          revision.every = PeriodOf(every->period());
        }
      } else if (auto* quota = dynamic_cast<P::RevisionQuotaContext*>(ri)) {
        if (FirstClause(revision.quota != nullptr, revision.quota_range, rr, "quota", "revision")) {
          revision.quota = Expr(quota->expr());
          revision.quota_range = rr;
          QuotaWords(quota->ident(), revision);
        }
      } else if (auto* quorum = dynamic_cast<P::RevisionQuorumContext*>(ri)) {
        if (FirstClause(revision.quorum != nullptr, revision.quorum_range, rr, "quorum",
                        "revision")) {
          revision.quorum = Expr(quorum->expr());
          revision.quorum_range = rr;
        }
      }
    }
    c.revision = std::move(revision);
  } else if (auto* fn = dynamic_cast<P::FunctionSectionContext*>(item)) {
    if (!fn->ident()) return;
    ast::Function f;
    f.name = Ident(fn->ident());
    f.title = Title(fn->title());
    f.essential = Real(fn->ESSENTIAL()) != nullptr;
    f.range = r;
    for (P::TeamDeclContext* team : fn->teamDecl()) {
      if (!team->ident()) continue;
      ast::Team t{Ident(team->ident()), std::nullopt, Range(team)};
      if (team->METHOD()) t.method = String(team->STRING());
      f.teams.push_back(std::move(t));
    }
    c.functions.push_back(std::move(f));
  } else if (auto* jury = dynamic_cast<P::JurySectionContext*>(item)) {
    if (!FirstClause(c.jury.has_value(), c.jury ? c.jury->range : r, r, "jury", where)) return;
    ast::Jury j;
    j.range = r;
    for (P::JuryItemContext* ji : jury->juryItem()) {
      diag::SourceRange jr = Range(ji);
      if (auto* size = dynamic_cast<P::JurySizeContext*>(ji)) {
        auto n = IntOf(size->INT());
        if (n && FirstClause(j.size.has_value(), j.size ? j.size->range : jr, jr, "size", "jury")) {
          j.size = ast::Located<int64_t>{*n, jr};
        }
        continue;
      }
      ast::JuryDraw draw;
      draw.range = jr;
      std::vector<P::IdentContext*> ids;
      bool is_draw = true;
      if (auto* lot = dynamic_cast<P::JuryDrawContext*>(ji)) {
        draw.mode = ast::DrawMode::kLottery;
        ids = lot->ident();
      } else if (auto* rot = dynamic_cast<P::JuryRotationDrawContext*>(ji)) {
        draw.mode = ast::DrawMode::kRotation;
        ids = rot->ident();
      } else if (dynamic_cast<P::JuryAppointedContext*>(ji)) {
        draw.mode = ast::DrawMode::kAppointed;
      } else {
        is_draw = false;
      }
      if (is_draw) {
        if (!ids.empty()) draw.from = Ident(ids[0]);
        if (ids.size() > 1) draw.excluding = Ident(ids[1]);
        if (FirstClause(j.draw.has_value(), j.draw ? j.draw->range : jr, jr, "draw", "jury")) {
          j.draw = draw;
        }
      } else if (auto* ext = dynamic_cast<P::JuryExternalContext*>(ji)) {
        auto n = IntOf(ext->INT());
        auto ids2 = ext->ident();
        if (!n || ids2.empty()) continue;
        ast::JuryExternal e{*n, Ident(ids2[0]), std::nullopt, jr};
        if (ids2.size() > 1) e.when = Ident(ids2[1]);
        if (FirstClause(j.external.has_value(), j.external ? j.external->range : jr, jr, "external",
                        "jury")) {
          j.external = std::move(e);
        }
      } else if (auto* exp = dynamic_cast<P::JuryRulingExpiresContext*>(ji)) {
        ast::RulingExpiry e;
        e.after = Expr(exp->expr());
        e.unless_reaffirmed = Real(exp->REAFFIRMED()) != nullptr;
        e.range = jr;
        if (e.after && FirstClause(j.ruling.has_value(), j.ruling ? j.ruling->range : jr, jr,
                                   "ruling", "jury")) {
          j.ruling = std::move(e);
        }
      } else if (dynamic_cast<P::JuryRulingPermanentContext*>(ji)) {
        ast::RulingExpiry e;
        e.permanent = true;
        e.range = jr;
        if (FirstClause(j.ruling.has_value(), j.ruling ? j.ruling->range : jr, jr, "ruling",
                        "jury")) {
          j.ruling = std::move(e);
        }
      }
    }
    c.jury = std::move(j);
  } else if (auto* led = dynamic_cast<P::LedgerSectionContext*>(item)) {
    if (!led->ident()) return;
    ast::Ledger l;
    l.name = Ident(led->ident());
    l.title = Title(led->title());
    l.range = r;
    std::string in = fmt::format("ledger `{}`", l.name.name);
    for (P::LedgerItemContext* li : led->ledgerItem()) {
      diag::SourceRange lr = Range(li);
      if (dynamic_cast<P::LedgerPublicContext*>(li) || dynamic_cast<P::LedgerPrivateContext*>(li)) {
        if (FirstClause(l.is_public.has_value(), l.is_public ? l.is_public->range : lr, lr,
                        "public/private", in)) {
          l.is_public =
              ast::Located<bool>{dynamic_cast<P::LedgerPublicContext*>(li) != nullptr, lr};
        }
      } else if (auto* rep = dynamic_cast<P::LedgerReportContext*>(li)) {
        if (FirstClause(l.report_every.has_value(), l.report_every ? l.report_every->range : lr, lr,
                        "report", in)) {
          l.report_every = PeriodOf(rep->period());
          if (l.report_every) l.report_every->range = lr;
        }
      } else if (auto* st = dynamic_cast<P::LedgerStewardContext*>(li)) {
        bool seen = l.steward.has_value() || l.fixed_steward.has_value();
        if (FirstClause(seen, l.steward ? l.steward->range : lr, lr, "steward", in)) {
          l.steward = RotationOf(st->rotation());
          if (l.steward) l.steward->range = lr;
        }
      } else if (auto* fixed = dynamic_cast<P::LedgerStewardFixedContext*>(li)) {
        bool seen = l.steward.has_value() || l.fixed_steward.has_value();
        if (fixed->ident() &&
            FirstClause(seen, l.steward ? l.steward->range : lr, lr, "steward", in)) {
          l.fixed_steward = Ident(fixed->ident());
        }
      } else if (auto* cap = dynamic_cast<P::LedgerCapContext*>(li)) {
        if (FirstClause(l.cap != nullptr, l.cap_range, lr, "cap", in)) {
          l.cap = Expr(cap->expr());
          l.cap_range = lr;
        }
      } else if (auto* cur = dynamic_cast<P::LedgerCurrencyContext*>(li)) {
        antlr4::Token* code = Real(cur->UPPER());
        if (code && FirstClause(l.currency.has_value(), l.currency ? l.currency->range : lr, lr,
                                "currency", in)) {
          if (values::Currency::Parse(code->getText())) {
            l.currency = ast::Located<std::string>{code->getText(), lr};
          } else {
            diags_.Report(Code::E0113, Range(code), code->getText());
          }
        }
      }
    }
    c.ledgers.push_back(std::move(l));
  } else if (auto* sg = dynamic_cast<P::StressGameClauseContext*>(item)) {
    auto every = PeriodOf(sg->period());
    if (!every || !FirstClause(c.stress_game.has_value(), c.stress_game ? c.stress_game->range : r,
                               r, "stress_game", where)) {
      return;
    }
    ast::StressGame s{*every, std::nullopt, r};
    if (sg->rotation()) s.designer = RotationOf(sg->rotation());
    c.stress_game = std::move(s);
  } else if (auto* refl = dynamic_cast<P::ReflectionClauseContext*>(item)) {
    auto every = PeriodOf(refl->period());
    if (every && FirstClause(c.reflection.has_value(), c.reflection ? c.reflection->range : r, r,
                             "reflection", where)) {
      c.reflection = ast::Reflection{*every, r};
    }
  } else if (auto* tr = dynamic_cast<P::TreatiesSectionContext*>(item)) {
    if (!FirstClause(c.treaty_limits.has_value(), c.treaty_limits ? c.treaty_limits->range : r, r,
                     "treaties", where)) {
      return;
    }
    ast::TreatyLimits limits;
    limits.range = r;
    for (P::AcceptItemContext* ai : tr->acceptItem()) {
      diag::SourceRange ar = Range(ai);
      if (auto* term = dynamic_cast<P::AcceptTermContext*>(ai)) {
        if (FirstClause(limits.term_at_most != nullptr, limits.term_range, ar, "accept term",
                        "treaties")) {
          limits.term_at_most = Expr(term->expr());
          limits.term_range = ar;
        }
      } else if (auto* notice = dynamic_cast<P::AcceptNoticeContext*>(ai)) {
        if (FirstClause(limits.notice_at_most != nullptr, limits.notice_range, ar, "accept notice",
                        "treaties")) {
          limits.notice_at_most = Expr(notice->expr());
          limits.notice_range = ar;
        }
      } else if (auto* ren = dynamic_cast<P::AcceptRenewalContext*>(ai)) {
        if (FirstClause(limits.renewal.has_value(), limits.renewal ? limits.renewal->range : ar, ar,
                        "accept renewal", "treaties")) {
          limits.renewal = RenewalOf(ren->renewalMode());
          if (limits.renewal) limits.renewal->range = ar;
        }
      } else if (auto* con = dynamic_cast<P::AcceptContributionContext*>(ai)) {
        auto per = PeriodOf(con->period());
        ast::ExprPtr amount = Expr(con->expr());
        if (!per || !amount) continue;
        if (FirstClause(limits.contribution.has_value(),
                        limits.contribution ? limits.contribution->range : ar, ar,
                        "accept contribution", "treaties")) {
          limits.contribution = ast::ContributionLimit{std::move(amount), *per, ar};
        }
      } else if (auto* total = dynamic_cast<P::AcceptTotalContributionContext*>(ai)) {
        auto per = PeriodOf(total->period());
        ast::ExprPtr amount = Expr(total->expr());
        if (!per || !amount) continue;
        if (FirstClause(limits.total_contribution.has_value(),
                        limits.total_contribution ? limits.total_contribution->range : ar, ar,
                        "accept total contribution", "treaties")) {
          limits.total_contribution = ast::ContributionLimit{std::move(amount), *per, ar};
        }
      }
    }
    c.treaty_limits = std::move(limits);
  } else if (auto* rule = dynamic_cast<P::RuleItemContext*>(item)) {
    if (auto built = RuleOf(rule->ruleDecl())) c.rules.push_back(std::move(*built));
  } else if (PowerItem(item, c)) {
    // an office, `decisions` or `sanctions` (build_power.cpp)
  } else if (auto* metric = dynamic_cast<P::MetricItemContext*>(item)) {
    P::MetricDeclContext* m = metric->metricDecl();
    if (!m || !m->ident()) return;
    ast::Metric built{Ident(m->ident()), Title(m->title()), Expr(m->expr()), r};
    if (built.value) c.metrics.push_back(std::move(built));
  }
}

std::optional<ast::CharterDecl> AstBuilder::Charter(P::CharterDeclContext* ctx) {
  if (!ctx->ident()) return std::nullopt;
  ast::CharterDecl c;
  c.name = Ident(ctx->ident());
  c.title = Title(ctx->title());
  c.range = Range(ctx);
  for (P::CharterItemContext* item : ctx->charterItem()) Charteritem(item, c);
  return c;
}

void AstBuilder::TreatyItem(P::TreatyItemContext* item, ast::TreatyDecl& t) {
  diag::SourceRange r = Range(item);
  std::string where = fmt::format("treaty `{}`", t.name.name);
  if (auto* parties = dynamic_cast<P::PartiesClauseContext*>(item)) {
    if (!FirstClause(!t.parties.empty(), t.parties_range, r, "parties", where)) return;
    for (P::IdentContext* id : parties->ident()) t.parties.push_back(Ident(id));
    t.parties_range = r;
  } else if (auto* eff = dynamic_cast<P::EffectiveClauseContext*>(item)) {
    auto date = DateOf(eff->DATE());
    if (date && FirstClause(t.effective.has_value(), t.effective ? t.effective->range : r, r,
                            "effective", where)) {
      t.effective = date;
    }
  } else if (auto* term = dynamic_cast<P::TermClauseContext*>(item)) {
    ast::ExprPtr length = Expr(term->expr());
    if (!length || !FirstClause(t.term.has_value(), t.term ? t.term->range : r, r, "term", where)) {
      return;
    }
    ast::Term built{std::move(length), std::nullopt, r};
    if (term->RENEW()) built.renewal = RenewalOf(term->renewalMode());
    t.term = std::move(built);
  } else if (auto* exit = dynamic_cast<P::TreatyExitClauseContext*>(item)) {
    ast::ExprPtr notice = Expr(exit->expr());
    if (!notice || !FirstClause(t.exit.has_value(), t.exit ? t.exit->range : r, r, "exit", where)) {
      return;
    }
    ast::TreatyExit x{std::move(notice), std::nullopt, r};
    if (exit->PENALTY()) x.penalty = String(exit->STRING());
    t.exit = std::move(x);
  } else if (auto* distress = dynamic_cast<P::DistressClauseContext*>(item)) {
    auto signal = String(distress->STRING());
    ast::ExprPtr within = Expr(distress->expr());
    if (!signal || !within ||
        !FirstClause(t.distress.has_value(), t.distress ? t.distress->range : r, r,
                     "distress_signal", where)) {
      return;
    }
    t.distress = ast::DistressSignal{std::move(*signal), std::move(within), r};
  } else if (auto* fund = dynamic_cast<P::FundSectionContext*>(item)) {
    if (!fund->ident()) return;
    ast::Fund f;
    f.name = Ident(fund->ident());
    f.title = Title(fund->title());
    f.range = r;
    std::string in = fmt::format("fund `{}`", f.name.name);
    for (P::FundItemContext* fi : fund->fundItem()) {
      diag::SourceRange fr = Range(fi);
      if (auto* con = dynamic_cast<P::FundContributionContext*>(fi)) {
        if (!FirstClause(f.contribution.has_value(), f.contribution ? f.contribution->range : fr,
                         fr, "contribution", in)) {
          continue;
        }
        auto per = PeriodOf(con->period());
        auto exprs = con->expr();
        if (!per || exprs.empty()) continue;
        ast::FundContribution fc;
        fc.per = *per;
        fc.range = fr;
        // The amount comes first; `cap` and `floor` follow in that order.
        size_t cap_index = Real(con->CAP()) ? con->CAP()->getSymbol()->getTokenIndex() : SIZE_MAX;
        size_t floor_index =
            Real(con->FLOOR()) ? con->FLOOR()->getSymbol()->getTokenIndex() : SIZE_MAX;
        for (P::ExprContext* e : exprs) {
          size_t at = e->getStart()->getTokenIndex();
          ast::ExprPtr built = Expr(e);
          if (!built) continue;
          if (at > floor_index)
            fc.floor = std::move(built);
          else if (at > cap_index)
            fc.cap = std::move(built);
          else
            fc.amount = std::move(built);
        }
        if (fc.amount) f.contribution = std::move(fc);
      } else if (auto* st = dynamic_cast<P::FundStewardContext*>(fi)) {
        bool seen = f.steward.has_value() || f.fixed_steward.has_value();
        if (FirstClause(seen, f.steward ? f.steward->range : fr, fr, "steward", in)) {
          f.steward = RotationOf(st->rotation());
          if (f.steward) f.steward->range = fr;
        }
      } else if (auto* fixed = dynamic_cast<P::FundStewardFixedContext*>(fi)) {
        bool seen = f.steward.has_value() || f.fixed_steward.has_value();
        if (fixed->ident() &&
            FirstClause(seen, f.steward ? f.steward->range : fr, fr, "steward", in)) {
          f.fixed_steward = Ident(fixed->ident());
        }
      }
    }
    t.funds.push_back(std::move(f));
  } else if (auto* ct = dynamic_cast<P::CrossTrainingClauseContext*>(item)) {
    auto every = PeriodOf(ct->period());
    if (every &&
        FirstClause(t.cross_training.has_value(), t.cross_training ? t.cross_training->range : r, r,
                    "cross_training", where)) {
      t.cross_training = every;
      t.cross_training->range = r;
    }
  } else if (auto* rule = dynamic_cast<P::TreatyRuleItemContext*>(item)) {
    if (auto built = RuleOf(rule->ruleDecl())) t.rules.push_back(std::move(*built));
  }
}

std::optional<ast::TreatyDecl> AstBuilder::Treaty(P::TreatyDeclContext* ctx) {
  if (!ctx->ident()) return std::nullopt;
  ast::TreatyDecl t;
  t.name = Ident(ctx->ident());
  t.title = Title(ctx->title());
  t.range = Range(ctx);
  for (P::TreatyItemContext* item : ctx->treatyItem()) TreatyItem(item, t);
  return t;
}

}  // namespace concord::syntax
