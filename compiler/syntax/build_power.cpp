// Power (POWER.md §1-§4): offices, `decisions`, `sanctions`, and the
// membership clauses `class` and `dues`. The builder keeps what is written;
// whether it makes sense (a term limit without a term, 120% of members) is
// sema's business (check_power.cpp), so every clause here is kept as long as
// its pieces parsed.
#include <fmt/format.h>

#include "compiler/syntax/builder.h"

namespace concord::syntax {

using diag::Code;

std::optional<ast::Share> AstBuilder::ShareOf(P::ShareContext* ctx) {
  if (!ctx) return std::nullopt;
  ast::Share share;
  share.range = Range(ctx);
  share.text = ctx->getText();
  if (antlr4::Token* t = Real(ctx->PERCENT())) {
    std::string text = t->getText();
    text.pop_back();
    auto v = values::Decimal::Parse(text);
    auto hundred = *values::Decimal::FromInt(100);
    auto fraction = v ? values::Div(*v, hundred) : values::Checked<values::Decimal>{};
    if (!fraction.ok()) {
      diags_.Report(Code::E0107, Range(t), t->getText(), "not a valid percent");
      return std::nullopt;
    }
    share.value = *fraction.value;
    return share;
  }
  auto ints = ctx->INT();
  if (ints.size() != 2) return std::nullopt;
  auto numerator = IntOf(ints[0]);
  auto denominator = IntOf(ints[1]);
  if (!numerator || !denominator) return std::nullopt;
  share.is_fraction = true;
  share.numerator = *numerator;
  share.denominator = *denominator;
  share.text = fmt::format("{}/{}", *numerator, *denominator);
  auto n = values::Decimal::FromInt(*numerator);
  auto d = values::Decimal::FromInt(*denominator);
  auto fraction =
      (n && d && *denominator != 0) ? values::Div(*n, *d) : values::Checked<values::Decimal>{};
  if (fraction.ok()) {
    share.value = *fraction.value;
  } else {
    share.valid = false;  // sema reports a zero denominator as a share of zero
  }
  return share;
}

std::optional<ast::Office> AstBuilder::OfficeOf(P::OfficeSectionContext* ctx) {
  if (!ctx->ident()) return std::nullopt;
  ast::Office office;
  office.name = Ident(ctx->ident());
  office.title = Title(ctx->title());
  office.range = Range(ctx);
  std::string in = fmt::format("office `{}`", office.name.name);
  for (P::OfficeItemContext* item : ctx->officeItem()) {
    diag::SourceRange r = Range(item);
    if (auto* seats = dynamic_cast<P::OfficeSeatsContext*>(item)) {
      auto n = IntOf(seats->INT());
      if (n && FirstClause(office.seats.has_value(), office.seats ? office.seats->range : r, r,
                           "seats", in)) {
        office.seats = ast::Located<int64_t>{*n, r};
      }
    } else if (auto* chosen = dynamic_cast<P::OfficeChosenContext*>(item)) {
      P::SelectionContext* sel = chosen->selection();
      if (!sel || !FirstClause(office.chosen.has_value(), office.chosen ? office.chosen->range : r,
                               r, "chosen by", in)) {
        continue;
      }
      ast::OfficeSelection s;
      s.range = r;
      if (auto* e = dynamic_cast<P::SelectElectionContext*>(sel)) {
        s.mode = ast::SelectionMode::kElection;
        if (!e->ident()) continue;
        s.among = Ident(e->ident());
      } else if (auto* l = dynamic_cast<P::SelectLotteryContext*>(sel)) {
        s.mode = ast::SelectionMode::kLottery;
        if (!l->ident()) continue;
        s.among = Ident(l->ident());
      } else if (auto* rot = dynamic_cast<P::SelectRotationContext*>(sel)) {
        s.mode = ast::SelectionMode::kRotation;
        auto every = PeriodOf(rot->period());
        if (!rot->ident() || !every) continue;
        s.among = Ident(rot->ident());
        s.every = every;
      } else if (auto* a = dynamic_cast<P::SelectAppointmentContext*>(sel)) {
        s.mode = ast::SelectionMode::kAppointment;
        if (!a->ident()) continue;
        s.appointer = Ident(a->ident());
      } else {
        s.mode = ast::SelectionMode::kHolders;
      }
      office.chosen = std::move(s);
    } else if (auto* held = dynamic_cast<P::OfficeHeldContext*>(item)) {
      if (held->ident() &&
          FirstClause(office.held_by.has_value(), office.held_range, r, "held by", in)) {
        office.held_by = Ident(held->ident());
        office.held_range = r;
      }
    } else if (auto* term = dynamic_cast<P::OfficeTermContext*>(item)) {
      if (FirstClause(office.term != nullptr, office.term_range, r, "term", in)) {
        office.term = Expr(term->expr());
        office.term_range = r;
      }
    } else if (auto* limit = dynamic_cast<P::OfficeLimitContext*>(item)) {
      auto n = IntOf(limit->INT());
      P::IdentContext* article = limit->ident();
      if (!n || !article) continue;
      if (article->getText() != "a") {
        diags_.Report(Code::E0101, Range(article), fmt::format("name `{}`", article->getText()),
                      "; expected `in a row`");
        continue;
      }
      if (FirstClause(office.limit.has_value(), office.limit ? office.limit->range : r, r, "limit",
                      in)) {
        office.limit = ast::Located<int64_t>{*n, r};
      }
    } else if (auto* recall = dynamic_cast<P::OfficeRecallContext*>(item)) {
      auto share = ShareOf(recall->share());
      if (share && FirstClause(office.recall.has_value(), office.recall_range, r, "recall", in)) {
        office.recall = std::move(share);
        office.recall_range = r;
      }
    } else if (auto* decides = dynamic_cast<P::OfficeDecidesContext*>(item)) {
      if (!decides->ident()) continue;
      ast::OfficeDecides d{Ident(decides->ident()), nullptr, {}, r};
      if (decides->UP()) {
        d.up_to = Expr(decides->expr());
        if (!d.up_to) continue;
        d.up_to_range = diag::SourceRange::Cover(Range(decides->UP()), Range(decides->expr()));
      }
      office.decides.push_back(std::move(d));
    }
  }
  return office;
}

std::optional<ast::DecisionMethod> AstBuilder::MethodOf(P::DecisionMethodContext* ctx) {
  if (!ctx) return std::nullopt;
  ast::DecisionMethod m;
  m.range = Range(ctx);
  if (dynamic_cast<P::MethodMajorityContext*>(ctx)) {
    m.kind = ast::MethodKind::kMajority;
  } else if (auto* cast = dynamic_cast<P::MethodVoteCastContext*>(ctx)) {
    m.kind = ast::MethodKind::kVoteCast;
    m.share = ShareOf(cast->share());
    if (!m.share) return std::nullopt;
  } else if (auto* members = dynamic_cast<P::MethodVoteMembersContext*>(ctx)) {
    m.kind = ast::MethodKind::kVoteMembers;
    m.share = ShareOf(members->share());
    if (!m.share) return std::nullopt;
  } else if (auto* consent = dynamic_cast<P::MethodConsentContext*>(ctx)) {
    m.kind = ast::MethodKind::kConsent;
    m.share = ShareOf(consent->share());
    if (!m.share) return std::nullopt;
  } else if (dynamic_cast<P::MethodConsensusContext*>(ctx)) {
    m.kind = ast::MethodKind::kConsensus;
  } else if (auto* office = dynamic_cast<P::MethodOfficeContext*>(ctx)) {
    m.kind = ast::MethodKind::kOffice;
    if (!office->ident()) return std::nullopt;
    m.office = Ident(office->ident());
    if (office->UP()) {
      m.up_to = Expr(office->expr());
      if (!m.up_to) return std::nullopt;
      m.up_to_range = diag::SourceRange::Cover(Range(office->UP()), Range(office->expr()));
    }
  } else if (dynamic_cast<P::MethodJuryContext*>(ctx)) {
    m.kind = ast::MethodKind::kJury;
  } else if (dynamic_cast<P::MethodAssemblyContext*>(ctx)) {
    m.kind = ast::MethodKind::kAssembly;
  } else {
    return std::nullopt;
  }
  return m;
}

std::optional<ast::DecisionRule> AstBuilder::DecisionRuleOf(P::DecisionRuleContext* ctx) {
  if (!ctx || !ctx->ident()) return std::nullopt;
  auto method = MethodOf(ctx->decisionMethod());
  if (!method) return std::nullopt;
  ast::DecisionRule rule;
  rule.matter = Ident(ctx->ident());
  rule.method = std::move(*method);
  rule.range = Range(ctx);
  std::string in = fmt::format("the `{}` decision rule", rule.matter.name);
  for (P::DecisionOptionContext* option : ctx->decisionOption()) {
    diag::SourceRange r = Range(option);
    bool has_quorum = rule.quorum_share.has_value() || rule.quorum_count.has_value();
    if (auto* qs = dynamic_cast<P::OptionQuorumShareContext*>(option)) {
      auto share = ShareOf(qs->share());
      if (share && FirstClause(has_quorum, rule.quorum_range, r, "quorum", in)) {
        rule.quorum_share = std::move(share);
        rule.quorum_range = r;
      }
    } else if (auto* qc = dynamic_cast<P::OptionQuorumCountContext*>(option)) {
      auto n = IntOf(qc->INT());
      if (n && FirstClause(has_quorum, rule.quorum_range, r, "quorum", in)) {
        rule.quorum_count = *n;
        rule.quorum_range = r;
      }
    } else if (auto* notice = dynamic_cast<P::OptionNoticeContext*>(option)) {
      if (FirstClause(rule.notice != nullptr, rule.notice_range, r, "notice", in)) {
        rule.notice = Expr(notice->expr());
        rule.notice_range = r;
      }
    } else if (auto* window = dynamic_cast<P::OptionWindowContext*>(option)) {
      if (FirstClause(rule.window != nullptr, rule.window_range, r, "window", in)) {
        rule.window = Expr(window->expr());
        rule.window_range = r;
      }
    } else if (auto* fb = dynamic_cast<P::OptionFallbackContext*>(option)) {
      auto share = ShareOf(fb->share());
      auto rounds = IntOf(fb->INT());
      if (share && rounds &&
          FirstClause(rule.fallback.has_value(), rule.fallback ? rule.fallback->range : r, r,
                      "fallback", in)) {
        rule.fallback = ast::Fallback{std::move(*share), *rounds, r};
      }
    }
  }
  return rule;
}

std::optional<ast::SanctionRule> AstBuilder::SanctionOf(P::SanctionItemContext* ctx) {
  ast::SanctionRule rule;
  rule.range = Range(ctx);
  P::SanctionMethodContext* how = nullptr;
  if (auto* w = dynamic_cast<P::SanctionWarningContext*>(ctx)) {
    rule.kind = ast::SanctionKind::kWarning;
    how = w->sanctionMethod();
  } else if (auto* s = dynamic_cast<P::SanctionSuspensionContext*>(ctx)) {
    rule.kind = ast::SanctionKind::kSuspension;
    rule.at_most = Expr(s->expr());
    if (!rule.at_most) return std::nullopt;
    how = s->sanctionMethod();
  } else if (auto* rm = dynamic_cast<P::SanctionRemovalContext*>(ctx)) {
    rule.kind = ast::SanctionKind::kRemoval;
    how = rm->sanctionMethod();
  }
  if (!how) return std::nullopt;
  auto method = MethodOf(how->decisionMethod());
  if (!method) return std::nullopt;
  rule.method = std::move(*method);
  auto ints = how->INT();
  size_t next = 0;
  if (how->VERDICT()) {
    if (ints.size() < 2) return std::nullopt;
    auto n = IntOf(ints[0]);
    auto m = IntOf(ints[1]);
    if (!n || !m) return std::nullopt;
    diag::SourceRange vr = Range(how->VERDICT());
    vr.end = Range(ints[1]).end;
    rule.verdict = ast::Located<std::pair<int64_t, int64_t>>{{*n, *m}, vr};
    next = 2;
  }
  if (how->FINDINGS()) {
    if (ints.size() <= next) return std::nullopt;
    auto n = IntOf(ints[next]);
    rule.within = Expr(how->expr());
    if (!n || !rule.within) return std::nullopt;
    diag::SourceRange fr = Range(how->AFTER());
    fr.end = Range(how->expr()).end;
    rule.findings = ast::Located<int64_t>{*n, fr};
  }
  return rule;
}

bool AstBuilder::PowerItem(P::CharterItemContext* item, ast::CharterDecl& c) {
  diag::SourceRange r = Range(item);
  std::string where = fmt::format("charter `{}`", c.name.name);
  if (auto* office = dynamic_cast<P::OfficeSectionContext*>(item)) {
    if (auto built = OfficeOf(office)) c.offices.push_back(std::move(*built));
    return true;
  }
  if (auto* decisions = dynamic_cast<P::DecisionsSectionContext*>(item)) {
    if (!FirstClause(c.decisions.has_value(), c.decisions ? c.decisions->range : r, r, "decisions",
                     where)) {
      return true;
    }
    ast::Decisions d;
    d.range = r;
    for (P::DecisionRuleContext* rule : decisions->decisionRule()) {
      if (auto built = DecisionRuleOf(rule)) d.rules.push_back(std::move(*built));
    }
    c.decisions = std::move(d);
    return true;
  }
  if (auto* sanctions = dynamic_cast<P::SanctionsSectionContext*>(item)) {
    if (!FirstClause(c.sanctions.has_value(), c.sanctions ? c.sanctions->range : r, r, "sanctions",
                     where)) {
      return true;
    }
    ast::Sanctions s;
    s.range = r;
    for (P::SanctionItemContext* si : sanctions->sanctionItem()) {
      diag::SourceRange sr = Range(si);
      if (auto* expires = dynamic_cast<P::SanctionFindingExpiresContext*>(si)) {
        if (FirstClause(s.finding_expires != nullptr, s.finding_range, sr, "finding expires",
                        "sanctions")) {
          s.finding_expires = Expr(expires->expr());
          s.finding_range = sr;
        }
      } else if (auto built = SanctionOf(si)) {
        s.rules.push_back(std::move(*built));
      }
    }
    c.sanctions = std::move(s);
    return true;
  }
  return false;
}

void AstBuilder::MembershipPowerItem(P::MembershipItemContext* item, ast::Membership& m) {
  diag::SourceRange r = Range(item);
  if (auto* cls = dynamic_cast<P::ClassClauseContext*>(item)) {
    if (!cls->ident()) return;
    ast::MemberClass c;
    c.name = Ident(cls->ident());
    c.title = Title(cls->title());
    c.range = r;
    std::string in = fmt::format("class `{}`", c.name.name);
    for (P::ClassItemContext* ci : cls->classItem()) {
      diag::SourceRange cr = Range(ci);
      if (FirstClause(c.votes.has_value(), c.votes ? c.votes->range : cr, cr, "votes", in)) {
        c.votes = ast::Located<bool>{Real(ci->TRUE()) != nullptr, cr};
      }
    }
    m.classes.push_back(std::move(c));
  } else if (auto* dues = dynamic_cast<P::DuesClauseContext*>(item)) {
    auto per = PeriodOf(dues->period());
    ast::ExprPtr amount = Expr(dues->expr());
    if (!per || !amount || !dues->ident()) return;
    if (FirstClause(m.dues.has_value(), m.dues ? m.dues->range : r, r, "dues", "membership")) {
      m.dues = ast::Dues{std::move(amount), *per, Ident(dues->ident()), r};
    }
  }
}

}  // namespace concord::syntax
