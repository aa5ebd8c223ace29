#include "compiler/compat/compat.h"

#include <fmt/format.h>

#include <algorithm>

#include "compiler/compat/witness_text.h"
#include "compiler/concord_check/check_concords.h"
#include "runtime/calendar/date_arithmetic.h"
#include "runtime/interp/interp.h"

namespace concord::compat {
namespace {

using values::CompareOp;
using values::Decision;

const model::Charter* FindCharter(const model::Model& model, std::string_view name) {
  return model.FindCharter(name);
}

bool NamesParty(const model::Treaty& t, std::string_view party) {
  for (const auto& p : t.parties) {
    if (p.value == party) return true;
  }
  return false;
}

// [start, end) of a treaty in force; no end when it renews automatically or
// when the end is beyond the calendar.
struct InForce {
  values::Date start;
  std::optional<values::Date> end;
};

InForce PeriodOf(const model::Treaty& t) {
  InForce p{t.effective.value, std::nullopt};
  if (t.renewal.value != ast::RenewalMode::kAutomatic) {
    p.end = calendar::AddDuration(t.effective.value, t.term.value);
  }
  return p;
}

bool Before(values::Date a, const std::optional<values::Date>& end) {
  return !end || a < *end;
}

bool Inside(diag::SourceRange inner, diag::SourceRange outer) {
  return inner.valid() && outer.valid() && inner.file == outer.file && inner.begin >= outer.begin &&
         inner.end <= outer.end;
}

const ast::Fund* FundDecl(const model::Treaty& t, std::string_view name) {
  if (!t.decl) return nullptr;
  for (const ast::Fund& f : t.decl->funds) {
    if (f.name.name == name) return &f;
  }
  return nullptr;
}

}  // namespace

bool TreatyVerdict::compatible() const {
  for (const PartyVerdict& p : parties) {
    if (!p.compatible()) return false;
  }
  return true;
}

bool ActiveAlongside(const model::Treaty& candidate, const model::Treaty& other,
                     std::string_view party) {
  if (&candidate == &other || candidate.name == other.name) return false;
  if (!NamesParty(other, party)) return false;
  InForce a = PeriodOf(candidate);
  InForce b = PeriodOf(other);
  return Before(a.start, b.end) && Before(b.start, a.end);
}

Checker::Checker(const sema::CheckedProgram& program, const model::Model& model,
                 const diag::SourceManager& sources, CompatOptions options)
    : program_(program),
      model_(model),
      sources_(sources),
      options_(options),
      lowerer_(program, module_),
      values_(module_) {
  for (const model::Charter& c : model_.charters) charter_values_[c.name] = values_.Charter(c);
}

std::string Checker::Text(diag::SourceRange range) const {
  if (!range.valid()) return {};
  return std::string(sources_.Slice(range));
}

const ir::Root* Checker::Lower(const std::string& name, const ast::Expr* expr) {
  if (!expr) return nullptr;
  auto it = formulas_.find(expr);
  if (it != formulas_.end()) return it->second;
  lower::Lowered<const ir::Root*> root =
      lowerer_.LowerRoot(name, *expr, {lower::Binding::Implicit(sema::Implicit::kIncome)});
  const ir::Root* result = root.ok() ? root.value : nullptr;
  formulas_[expr] = result;
  return result;
}

std::vector<Payment> Checker::PaymentsOf(const model::Treaty& treaty) {
  std::vector<Payment> out;
  for (const model::Fund& f : treaty.funds) {
    if (!f.contribution || !f.per) continue;
    Payment p;
    p.treaty = treaty.name;
    p.fund = f.name;
    p.formula = Lower("fund " + f.name, f.contribution);
    p.cap = f.cap.value;
    p.floor = f.floor;
    p.per = *f.per;
    const ast::Fund* decl = FundDecl(treaty, f.name);
    p.range = decl && decl->contribution ? decl->contribution->range : f.range;
    out.push_back(std::move(p));
  }
  return out;
}

std::optional<Limit> Checker::LimitOf(const model::Charter& charter, bool total) {
  const std::optional<model::ContributionLimit>& l =
      total ? charter.treaty_limits.total_contribution : charter.treaty_limits.contribution;
  if (!l) return std::nullopt;
  Limit limit;
  limit.formula = Lower(
      fmt::format("{} limit of {}", total ? "total" : "contribution", charter.name), l->amount);
  limit.per = l->per;
  return limit;
}

TreatyVerdict Checker::Check(const model::Treaty& treaty,
                             const std::optional<std::string>& only_party) {
  TreatyVerdict verdict;
  verdict.treaty = &treaty;
  for (const auto& p : treaty.parties) {
    if (only_party && p.value != *only_party) continue;
    const model::Charter* charter = FindCharter(model_, p.value);
    if (!charter) continue;  // sema reported the unknown party
    verdict.parties.push_back(CheckParty(treaty, *charter));
  }
  if (only_party && verdict.parties.empty()) {
    PartyVerdict v;
    v.party = *only_party;
    v.charter = FindCharter(model_, *only_party);
    diag::Diagnostic d;
    d.code = diag::Code::K009;
    d.severity = diag::Severity::Error;
    d.range = treaty.decl ? treaty.decl->parties_range : treaty.name_range;
    d.message = fmt::format("`{}` is not a party of treaty `{}`", *only_party, treaty.name);
    if (v.charter) d.WithLabel(v.charter->name_range, "this charter");
    std::vector<std::string> names;
    for (const auto& p : treaty.parties) names.push_back("`" + p.value + "`");
    d.WithNote(fmt::format("the parties are {}", fmt::join(names, ", ")));
    v.conflicts.push_back(std::move(d));
    verdict.parties.push_back(std::move(v));
  }
  return verdict;
}

PartyVerdict Checker::CheckParty(const model::Treaty& treaty, const model::Charter& charter) {
  PartyVerdict v;
  v.party = charter.name;
  v.charter = &charter;
  for (const model::Treaty& other : model_.treaties) {
    if (ActiveAlongside(treaty, other, charter.name)) v.active.push_back(&other);
  }
  // By name: the JSON's `active_treaties` and the notes of K005 do not
  // depend on the order of the files given.
  std::sort(v.active.begin(), v.active.end(),
            [](const model::Treaty* a, const model::Treaty* b) { return a->name < b->name; });
  CheckConcord(treaty, charter, v.conflicts);
  CheckDurations(treaty, charter, v.conflicts);
  CheckContributions(treaty, charter, v.active, v.conflicts);
  return v;
}

void Checker::CheckConcord(const model::Treaty& treaty, const model::Charter& charter,
                           std::vector<diag::Diagnostic>& out) {
  const sema::CharterInfo* info = program_.InfoOf(charter.decl);
  if (!info || !info->concord) return;
  values::Value treaty_value = values_.Treaty(treaty);
  for (const sema::RequirementInfo* req : concord_check::RequirementsOf(program_, *info->concord)) {
    if (!req->uses_treaty) continue;
    std::vector<lower::Binding> bindings = {lower::Binding::Implicit(sema::Implicit::kTreaty)};
    std::vector<values::Value> inputs = {treaty_value};
    if (req->uses_charter) {
      bindings.push_back(lower::Binding::Implicit(sema::Implicit::kCharter));
      inputs.push_back(charter_values_[charter.name]);
    }
    auto key = std::make_pair(req, bindings.size());
    auto it = requirements_.find(key);
    if (it == requirements_.end()) {
      auto lowered =
          lowerer_.LowerRoot(req->requirement->code.value, *req->requirement->condition, bindings);
      it = requirements_.emplace(key, lowered.ok() ? lowered.value : nullptr).first;
    }
    if (!it->second) continue;
    interp::EvalOptions options;
    options.trace_fields = true;
    interp::Outcome o = interp::Evaluate(*it->second, inputs, options);
    bool satisfied = o.ok() && o.value.AsBool() && *o.value.AsBool();
    if (satisfied) continue;
    const ast::Requirement& r = *req->requirement;
    diag::SourceRange at = treaty.name_range;
    for (auto f = o.fields_read.rbegin(); f != o.fields_read.rend(); ++f) {
      if (Inside(*f, treaty.range)) {
        at = *f;
        break;
      }
    }
    const std::string& concord_name = info->concord->symbol->name;
    diag::Diagnostic d;
    d.code = diag::Code::K006;
    d.severity = diag::Severity::Error;
    d.range = at;
    d.message = fmt::format("signing treaty `{}` breaks the concord `{}` that `{}` claims: {}",
                            treaty.name, concord_name, charter.name, r.reason.value);
    d.WithLabel(charter.concord.range.valid() ? charter.concord.range : charter.name_range,
                fmt::format("`{}` claims concord `{}`", charter.name, concord_name));
    for (const interp::Undecided& u : o.undecided) {
      d.WithNote(fmt::format(
          "this cannot be decided for every calendar, so it is not satisfied: {}", u.explanation));
    }
    if (o.status == interp::Status::kError && o.error) {
      d.WithNote(fmt::format("the requirement could not be evaluated: {}", o.error->message));
    }
    d.WithNote(
        fmt::format("requirement {} of concord `{}`", r.code.value, req->concord->symbol->name),
        r.range);
    out.push_back(std::move(d));
  }
}

void Checker::CheckDurations(const model::Treaty& treaty, const model::Charter& charter,
                             std::vector<diag::Diagnostic>& out) {
  const model::TreatyLimits& limits = charter.treaty_limits;
  // Durations as the user wrote them (`14 days`, not `2 weeks`).
  auto spelled = [&](const values::Duration& d, const ast::Expr* expr) {
    std::string text = expr ? Text(expr->range) : std::string();
    return text.empty() ? d.ToString() : text;
  };
  const ast::TreatyLimits* written =
      charter.decl && charter.decl->treaty_limits ? &*charter.decl->treaty_limits : nullptr;
  auto compare = [&](diag::Code code, const char* what, const values::Duration& value_d,
                     const std::string& value, diag::SourceRange value_range,
                     const values::Duration& limit_d, const std::string& limit,
                     diag::SourceRange limit_range) {
    Decision decided = values::CompareDurations(value_d, CompareOp::kLe, limit_d);
    if (decided == Decision::kTrue) return;
    diag::Diagnostic d;
    d.severity = diag::Severity::Error;
    d.range = value_range.valid() ? value_range : treaty.name_range;
    d.WithLabel(limit_range, fmt::format("`{}` accepts {} {} of at most {}", charter.name,
                                         what[0] == 'e' ? "an" : "a", what, limit));
    if (decided == Decision::kFalse) {
      d.code = code;
      d.message = code == diag::Code::K001
                      ? fmt::format("treaty `{}` runs for {}, longer than the {} that `{}` accepts",
                                    treaty.name, value, limit, charter.name)
                      : fmt::format(
                            "treaty `{}` asks for {} of notice to leave, more than the {} that "
                            "`{}` accepts",
                            treaty.name, value, limit, charter.name);
    } else {
      d.code = diag::Code::K007;
      d.message = fmt::format(
          "cannot decide whether `{}` can sign treaty `{}`: the {} `{}` is not at most `{}` for "
          "every calendar",
          charter.name, treaty.name, what, value, limit);
      d.WithNote(values::ExplainUndecided(value_d, CompareOp::kLe, limit_d));
      d.WithHelp(
          fmt::format("write the {} in days, weeks or lunar months, or the accepted limit "
                      "in the same unit, so that it is decided for every calendar",
                      what));
    }
    out.push_back(std::move(d));
  };
  if (limits.term.value) {
    diag::SourceRange at =
        treaty.decl && treaty.decl->term ? treaty.decl->term->range : treaty.term.range;
    compare(diag::Code::K001, "term", treaty.term.value,
            spelled(treaty.term.value,
                    treaty.decl && treaty.decl->term ? treaty.decl->term->length.get() : nullptr),
            at, *limits.term.value,
            spelled(*limits.term.value, written ? written->term_at_most.get() : nullptr),
            limits.term.range);
  }
  if (limits.notice.value) {
    compare(diag::Code::K002, "exit notice", treaty.exit.notice.value,
            spelled(treaty.exit.notice.value,
                    treaty.decl && treaty.decl->exit ? treaty.decl->exit->notice.get() : nullptr),
            treaty.exit.range.valid() ? treaty.exit.range : treaty.exit.notice.range,
            *limits.notice.value,
            spelled(*limits.notice.value, written ? written->notice_at_most.get() : nullptr),
            limits.notice.range);
  }
  if (limits.renewal.value && *limits.renewal.value == ast::RenewalMode::kExplicit &&
      treaty.renewal.value == ast::RenewalMode::kAutomatic) {
    diag::Diagnostic d;
    d.code = diag::Code::K003;
    d.severity = diag::Severity::Error;
    d.range = treaty.renewal.range.valid() ? treaty.renewal.range : treaty.name_range;
    d.message = fmt::format(
        "treaty `{}` renews automatically, but `{}` accepts only treaties renewed explicitly by "
        "all",
        treaty.name, charter.name);
    d.WithLabel(limits.renewal.range, fmt::format("`{}` accepts this renewal only", charter.name));
    d.WithHelp(
        "write `renew explicitly by all`: the treaty then lapses unless every party renews it");
    out.push_back(std::move(d));
  }
}

void Checker::CheckContributions(const model::Treaty& treaty, const model::Charter& charter,
                                 const std::vector<const model::Treaty*>& active,
                                 std::vector<diag::Diagnostic>& out) {
  std::vector<Payment> own = PaymentsOf(treaty);
  if (own.empty()) return;  // nothing to pay: decided without the solver
  const model::TreatyLimits& limits = charter.treaty_limits;

  auto report = [&](bool total, const std::vector<Payment>& payments, const Limit& limit,
                    diag::SourceRange limit_range) {
    ++stats_.checks;
    ContributionResult r = contributions_.Check(payments, limit, options_.solver);
    stats_.solver_calls += r.solver_calls;
    if (r.verdict == Verdict::kCompatible) return;
    WitnessContext ctx{treaty, charter, payments, limit, limit_range, total, sources_};
    out.push_back(ContributionDiagnostic(ctx, r, options_.solver));
  };

  if (limits.contribution) {
    std::optional<Limit> limit = LimitOf(charter, false);
    if (limit) report(false, own, *limit, limits.contribution->range);
  }
  if (limits.total_contribution) {
    std::optional<Limit> limit = LimitOf(charter, true);
    std::vector<Payment> all;
    for (const model::Treaty* t : active) {
      std::vector<Payment> theirs = PaymentsOf(*t);
      all.insert(all.end(), theirs.begin(), theirs.end());
    }
    all.insert(all.end(), own.begin(), own.end());
    if (limit) report(true, all, *limit, limits.total_contribution->range);
  }
}

}  // namespace concord::compat
