// Scenarios: members, dated events, `run until` and expectations.
#include <fmt/format.h>

#include "compiler/syntax/builder.h"

namespace concord::syntax {

using diag::Code;

std::vector<ast::Attribute> AstBuilder::Attrs(P::AttrsContext* ctx) {
  std::vector<ast::Attribute> out;
  if (!ctx) return out;
  for (P::AttrContext* a : ctx->attr()) {
    if (!a->ident()) continue;
    ast::ExprPtr value = Expr(a->expr());
    if (value) out.push_back({Ident(a->ident()), std::move(value)});
  }
  return out;
}

namespace {

std::vector<ast::Identifier> Names(const AstBuilder& b, P::IdentListContext* list) {
  std::vector<ast::Identifier> out;
  if (!list) return out;
  for (P::IdentContext* id : list->ident()) out.push_back(b.Ident(id));
  return out;
}

}  // namespace

std::vector<ast::Change> AstBuilder::ChangesOf(const std::vector<P::ChangeContext*>& changes) {
  std::vector<ast::Change> out;
  for (P::ChangeContext* ch : changes) {
    ast::Change change;
    change.range = Range(ch);
    if (auto* amend = dynamic_cast<P::AmendChangeContext*>(ch)) {
      if (!amend->ident()) continue;
      change.kind = ast::ChangeKind::kAmend;
      change.target = Ident(amend->ident());
    } else if (auto* remove = dynamic_cast<P::RemoveChangeContext*>(ch)) {
      if (!remove->ident()) continue;
      change.kind = ast::ChangeKind::kRemove;
      change.target = Ident(remove->ident());
    } else if (auto* reaffirm = dynamic_cast<P::ReaffirmChangeContext*>(ch)) {
      if (!reaffirm->ident()) continue;
      change.kind = ast::ChangeKind::kReaffirm;
      change.target = Ident(reaffirm->ident());
    } else if (auto* add = dynamic_cast<P::AddChangeContext*>(ch)) {
      auto rule = RuleOf(add->ruleDecl());
      if (!rule) continue;
      change.kind = ast::ChangeKind::kAdd;
      change.rule = std::make_unique<ast::Rule>(std::move(*rule));
    } else if (auto* replace = dynamic_cast<P::ReplaceChangeContext*>(ch)) {
      auto rule = RuleOf(replace->ruleDecl());
      if (!replace->ident() || !rule) continue;
      change.kind = ast::ChangeKind::kReplace;
      change.target = Ident(replace->ident());
      change.rule = std::make_unique<ast::Rule>(std::move(*rule));
    }
    out.push_back(std::move(change));
  }
  return out;
}

std::optional<ast::Event> AstBuilder::EventOf(P::EventContext* ctx) {
  if (!ctx) return std::nullopt;
  ast::Event e;
  e.range = Range(ctx);
  auto ids = [](auto* c) { return c->ident(); };
  if (auto* join = dynamic_cast<P::JoinEventContext*>(ctx)) {
    auto v = ids(join);
    if (v.size() < 2) return std::nullopt;
    e.kind = ast::EventKind::kJoin;
    e.subject = Ident(v[0]);
    e.target = Ident(v[1]);
    e.attributes = Attrs(join->attrs());
  } else if (auto* leave = dynamic_cast<P::LeaveEventContext*>(ctx)) {
    auto v = ids(leave);
    if (v.size() < 2) return std::nullopt;
    e.kind = ast::EventKind::kLeave;
    e.subject = Ident(v[0]);
    e.target = Ident(v[1]);
  } else if (auto* sign = dynamic_cast<P::SignEventContext*>(ctx)) {
    if (!sign->ident()) return std::nullopt;
    e.kind = ast::EventKind::kSign;
    e.subject = Ident(sign->ident());
    e.names = Names(*this, sign->identList());
  } else if (auto* renew = dynamic_cast<P::RenewEventContext*>(ctx)) {
    if (!renew->ident()) return std::nullopt;
    e.kind = ast::EventKind::kRenew;
    e.subject = Ident(renew->ident());
    e.names = Names(*this, renew->identList());
  } else if (auto* exit = dynamic_cast<P::ExitEventContext*>(ctx)) {
    auto v = ids(exit);
    if (v.size() < 2) return std::nullopt;
    e.kind = ast::EventKind::kExit;
    e.subject = Ident(v[0]);
    e.target = Ident(v[1]);
  } else if (auto* assembly = dynamic_cast<P::AssemblyEventContext*>(ctx)) {
    if (!assembly->ident()) return std::nullopt;
    e.kind = ast::EventKind::kAssembly;
    e.subject = Ident(assembly->ident());
    if (auto* all = dynamic_cast<P::PresentAllContext*>(assembly->presence())) {
      e.present_all = true;
      e.names = Names(*this, all->identList());
    } else if (auto* some = dynamic_cast<P::PresentNamesContext*>(assembly->presence())) {
      e.names = Names(*this, some->identList());
    }
    e.changes = ChangesOf(assembly->change());
  } else if (auto* dispute = dynamic_cast<P::DisputeEventContext*>(ctx)) {
    auto v = ids(dispute);
    if (v.size() < 4) return std::nullopt;
    e.kind = ast::EventKind::kDispute;
    e.subject = Ident(v[0]);
    e.target = Ident(v[1]);
    e.names = {Ident(v[2]), Ident(v[3])};
    e.flag = Real(dispute->SERIOUS()) != nullptr;
  } else if (auto* ruling = dynamic_cast<P::RulingEventContext*>(ctx)) {
    if (!ruling->ident()) return std::nullopt;
    e.kind = ast::EventKind::kRuling;
    e.subject = Ident(ruling->ident());
    e.flag = Real(ruling->REAFFIRMED()) != nullptr;
  } else if (auto* contribute = dynamic_cast<P::ContributeEventContext*>(ctx)) {
    auto v = ids(contribute);
    e.amount = Expr(contribute->expr());
    if (v.size() < 2 || !e.amount) return std::nullopt;
    e.kind = ast::EventKind::kContribute;
    e.subject = Ident(v[0]);
    e.target = Ident(v[1]);
  } else if (auto* report = dynamic_cast<P::ReportEventContext*>(ctx)) {
    if (!report->ident()) return std::nullopt;
    e.kind = ast::EventKind::kReport;
    e.subject = Ident(report->ident());
  } else if (auto* game = dynamic_cast<P::StressGameEventContext*>(ctx)) {
    auto v = ids(game);
    if (v.empty()) return std::nullopt;
    e.kind = ast::EventKind::kStressGame;
    e.subject = Ident(v[0]);
    if (v.size() > 1) e.names = {Ident(v[1])};
  } else if (auto* refl = dynamic_cast<P::ReflectionEventContext*>(ctx)) {
    if (!refl->ident()) return std::nullopt;
    e.kind = ast::EventKind::kReflection;
    e.subject = Ident(refl->ident());
  } else if (auto* distress = dynamic_cast<P::DistressEventContext*>(ctx)) {
    auto v = ids(distress);
    if (v.size() < 2) return std::nullopt;
    e.kind = ast::EventKind::kDistress;
    e.subject = Ident(v[0]);
    e.names = {Ident(v[1])};
  } else if (auto* respond = dynamic_cast<P::RespondEventContext*>(ctx)) {
    auto v = ids(respond);
    if (v.size() < 2) return std::nullopt;
    e.kind = ast::EventKind::kRespond;
    e.subject = Ident(v[0]);
    e.names = {Ident(v[1])};
  } else if (auto* record = dynamic_cast<P::RecordEventContext*>(ctx)) {
    auto v = ids(record);
    if (v.size() < 3) return std::nullopt;
    e.kind = ast::EventKind::kRecord;
    e.kind_word = Ident(v[0]);
    e.subject = Ident(v[1]);
    e.target = Ident(v[2]);
    e.attributes = Attrs(record->attrs());
  } else {
    bool ok = true;
    if (!PowerEventOf(ctx, e, ok) || !ok) return std::nullopt;
  }
  return e;
}

std::optional<ast::Event> AstBuilder::DatedEvent(P::ScenarioItemContext* item) {
  diag::SourceRange r = Range(item);
  if (auto* ev = dynamic_cast<P::EventClauseContext*>(item)) {
    auto date = DateOf(ev->DATE());
    auto event = EventOf(ev->event());
    if (!date || !event) return std::nullopt;
    event->date = *date;
    event->range = r;
    return event;
  }
  auto* recurring = dynamic_cast<P::RecurringEventClauseContext*>(item);
  if (!recurring) return std::nullopt;
  std::vector<antlr4::tree::TerminalNode*> dates = recurring->DATE();
  auto date = dates.empty() ? std::nullopt : DateOf(dates[0]);
  auto event = EventOf(recurring->event());
  auto every = PeriodOf(recurring->period());
  if (!date || !event || !every) return std::nullopt;
  ast::Event::Recurrence recurrence{*every, std::nullopt};
  if (recurring->UNTIL()) {
    // A malformed `until` date was reported by DateOf; the recurrence
    // then runs to the end of the scenario rather than being dropped.
    if (dates.size() > 1) recurrence.until = DateOf(dates[1]);
  }
  event->date = *date;
  event->range = r;
  event->recurrence = std::move(recurrence);
  return event;
}

std::optional<ast::ScenarioDecl> AstBuilder::Scenario(P::ScenarioDeclContext* ctx) {
  if (!ctx->ident()) return std::nullopt;
  ast::ScenarioDecl s;
  s.name = Ident(ctx->ident());
  s.title = Title(ctx->title());
  s.range = Range(ctx);
  std::string where = fmt::format("scenario `{}`", s.name.name);
  std::vector<P::ScenarioItemContext*> items = ctx->scenarioItem();
  // Almost every item of a long scenario (a ledger's history) is an event:
  // grown once, the events are not moved again at each doubling (an
  // ast::Event is about 470 bytes).
  s.events.reserve(items.size());
  for (P::ScenarioItemContext* item : items) {
    diag::SourceRange r = Range(item);
    if (auto* seed = dynamic_cast<P::SeedClauseContext*>(item)) {
      auto value = String(seed->STRING());
      if (value && FirstClause(s.seed.has_value(), s.seed ? s.seed->range : r, r, "seed", where)) {
        s.seed = std::move(value);
      }
    } else if (auto* start = dynamic_cast<P::StartClauseContext*>(item)) {
      auto date = DateOf(start->DATE());
      if (date &&
          FirstClause(s.start.has_value(), s.start ? s.start->range : r, r, "start", where)) {
        s.start = date;
      }
    } else if (auto* members = dynamic_cast<P::MembersClauseContext*>(item)) {
      auto v = members->ident();
      if (v.size() < 2) continue;
      ast::MembersDecl m;
      m.polity = Ident(v[0]);
      for (size_t i = 1; i < v.size(); ++i) m.members.push_back(Ident(v[i]));
      m.attributes = Attrs(members->attrs());
      m.range = r;
      s.members.push_back(std::move(m));
    } else if (dynamic_cast<P::EventClauseContext*>(item) ||
               dynamic_cast<P::RecurringEventClauseContext*>(item)) {
      if (auto event = DatedEvent(item)) s.events.push_back(std::move(*event));
    } else if (auto* from = dynamic_cast<P::EventsFromClauseContext*>(item)) {
      if (auto path = String(from->STRING())) s.streams.push_back({std::move(*path), r});
    } else if (auto* until = dynamic_cast<P::RunUntilClauseContext*>(item)) {
      auto date = DateOf(until->DATE());
      if (date && FirstClause(s.run_until.has_value(), s.run_until ? s.run_until->range : r, r,
                              "run until", where)) {
        s.run_until = date;
      }
    } else if (auto* on = dynamic_cast<P::ExpectOnContext*>(item)) {
      ast::Expectation x;
      x.kind = ast::ExpectKind::kOnDate;
      x.date = DateOf(on->DATE());
      x.condition = Expr(on->expr());
      x.range = r;
      if (x.date && x.condition) s.expectations.push_back(std::move(x));
    } else if (auto* vio = dynamic_cast<P::ExpectViolationContext*>(item)) {
      antlr4::Token* code = Real(vio->UPPER());
      if (!code) continue;
      std::string text = code->getText();
      bool valid = text.size() >= 4 && text.size() <= 5;
      for (size_t i = 1; valid && i < text.size(); ++i) valid = text[i] >= '0' && text[i] <= '9';
      if (!valid) {
        diags_.Report(Code::E0112, Range(code), text, "diagnostic")
            .WithHelp("diagnostic codes are a capital letter and digits, such as `R001`");
        continue;
      }
      ast::Expectation x;
      x.kind = ast::ExpectKind::kViolation;
      x.code = ast::Located<std::string>{text, Range(code)};
      if (vio->ON()) {
        x.date = DateOf(vio->DATE());
        if (!x.date) continue;
      }
      x.range = r;
      s.expectations.push_back(std::move(x));
    } else if (dynamic_cast<P::ExpectNoViolationsContext*>(item)) {
      ast::Expectation x;
      x.kind = ast::ExpectKind::kNoViolations;
      x.range = r;
      s.expectations.push_back(std::move(x));
    } else if (auto* always = dynamic_cast<P::ExpectAlwaysContext*>(item)) {
      ast::Expectation x;
      x.kind = ast::ExpectKind::kAlways;
      x.condition = Expr(always->expr());
      x.range = r;
      if (x.condition) s.expectations.push_back(std::move(x));
    }
  }
  return s;
}

}  // namespace concord::syntax
