#include "compiler/compat/witness_text.h"

#include <fmt/format.h>

#include <algorithm>

namespace concord::compat {
namespace {

using values::Decimal;

std::string MoneyText(values::Decimal amount, const std::string& currency) {
  std::string text = FormatAmount(amount);
  if (!currency.empty()) text += " " + currency;
  return text;
}

std::string Quoted(std::string_view text) {
  return fmt::format("`{}`", text);
}

// `fund a`, `fund a` and `fund b`, `fund a`, `fund b` and `fund c`.
std::string FundList(const std::vector<const Payment*>& payments) {
  std::string out;
  for (size_t i = 0; i < payments.size(); ++i) {
    if (i > 0) out += i + 1 == payments.size() ? " and " : ", ";
    out += Quoted("fund " + payments[i]->fund);
  }
  return out;
}

size_t TreatyCount(const std::vector<Payment>& payments) {
  std::vector<std::string> names;
  for (const Payment& p : payments) {
    if (std::find(names.begin(), names.end(), p.treaty) == names.end()) names.push_back(p.treaty);
  }
  return names.size();
}

// The clause the diagnostic points at: the candidate treaty's fund that owes
// the most at the witness (its first fund without one).
size_t PrimaryPayment(const WitnessContext& ctx, const std::optional<Witness>& w) {
  size_t best = ctx.payments.size();
  for (size_t i = 0; i < ctx.payments.size(); ++i) {
    if (ctx.payments[i].treaty != ctx.treaty.name) continue;
    if (best == ctx.payments.size()) best = i;
    if (w && i < w->owed.size() && best < w->owed.size() && w->owed[best] < w->owed[i]) best = i;
  }
  return best == ctx.payments.size() ? 0 : best;
}

}  // namespace

std::string FormatAmount(values::Decimal amount) {
  std::string text = amount.ToString();
  bool negative = !text.empty() && text[0] == '-';
  if (negative) text.erase(0, 1);
  size_t dot = text.find('.');
  std::string whole = text.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : text.substr(dot + 1);
  if (frac.size() == 1) frac += "0";
  std::string grouped;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
    grouped += whole[i];
  }
  return (negative ? "-" : "") + grouped + (frac.empty() ? "" : "." + frac);
}

std::string PerText(const values::Duration& per) {
  std::string text = per.ToString();
  if (text.rfind("1 ", 0) == 0) return "per " + text.substr(2);
  return "per " + text;
}

diag::Diagnostic ContributionDiagnostic(const WitnessContext& ctx, const ContributionResult& r,
                                        const SolverOptions& limits) {
  diag::Diagnostic d;
  d.severity = diag::Severity::Error;
  size_t primary = PrimaryPayment(ctx, r.witness);
  d.range = ctx.payments.empty() ? ctx.treaty.name_range : ctx.payments[primary].range;
  d.WithLabel(ctx.limit_range, fmt::format("`{}` accepts at most this{}", ctx.charter.name,
                                           ctx.total ? " in total over its active treaties" : ""));
  const char* what = ctx.total ? "the total contribution limit" : "the contribution limit";

  switch (r.verdict) {
    case Verdict::kCompatible:
      break;
    case Verdict::kTimeout:
      d.code = diag::Code::K008;
      d.message =
          fmt::format("{} of `{}` under treaty `{}` undecided within {} ms{}", what,
                      ctx.charter.name, ctx.treaty.name, limits.timeout_ms,
                      limits.steps > 0 ? fmt::format(" or {} solver steps", limits.steps) : "");
      d.WithHelp(
          "raise the limit with `--timeout MS` (or `--solver-steps N`), or write the "
          "contribution with rates, caps, floors, `min`, `max` and `if` of income, which the "
          "solver decides exactly");
      return d;
    case Verdict::kUnsupported:
      d.code = diag::Code::K010;
      d.message =
          fmt::format("cannot compare contributions of treaty `{}` with what `{}` accepts: {}",
                      ctx.treaty.name, ctx.charter.name, r.explanation);
      return d;
    case Verdict::kConflict:
    case Verdict::kUndecided:
      break;
  }

  const Witness& w = *r.witness;
  std::string per = PerText(ctx.limit.per);
  std::string income = MoneyText(w.income, r.currency);
  // Cents are enough to read the conflict unless rounding would hide it.
  auto cents = [](Decimal d) { return *Decimal::Parse(d.ToFixed(2)); };
  bool round = w.owed_total.raw() % 10000 != 0 && cents(w.owed_total) > cents(w.accepted);
  std::string owed = MoneyText(round ? cents(w.owed_total) : w.owed_total, r.currency);
  if (round) owed = "about " + owed;
  std::string accepted = MoneyText(w.accepted, r.currency);
  std::string sentence;
  if (ctx.total && TreatyCount(ctx.payments) == 1) {
    std::vector<const Payment*> funds;
    for (const Payment& p : ctx.payments) funds.push_back(&p);
    sentence = fmt::format(
        "a member with income {} would owe {} {} under {}, above the {} in total that `{}` "
        "accepts over all its treaties",
        income, owed, per, FundList(funds), accepted, ctx.charter.name);
  } else if (ctx.total) {
    sentence = fmt::format(
        "a member with income {} would owe {} {} across {} treaties, above the {} in total that "
        "`{}` accepts",
        income, owed, per, TreatyCount(ctx.payments), accepted, ctx.charter.name);
  } else {
    std::vector<const Payment*> funds;
    for (const Payment& p : ctx.payments) funds.push_back(&p);
    sentence = fmt::format(
        "a member with income {} would owe {} {} under {}, above the {} that "
        "`{}` accepts",
        income, owed, per, FundList(funds), accepted, ctx.charter.name);
  }

  if (!w.verified) {
    // The amounts the runtime computes do not show the conflict (it rounds
    // to six digits): say what the solver found, not "0 EUR above 0 EUR".
    sentence = fmt::format(
        "at income {}, the contribution {} under treaty `{}` exceeds what `{}` accepts{}, by "
        "less than the runtime's six-digit rounding shows",
        income, per, ctx.treaty.name, ctx.charter.name,
        ctx.total ? " in total over its treaties" : "");
  }
  if (!w.calendar.empty()) sentence += ", in " + w.calendar;

  if (r.verdict == Verdict::kUndecided) {
    d.code = diag::Code::K007;
    d.message = fmt::format("cannot decide whether `{}` can sign treaty `{}`: {}", ctx.charter.name,
                            ctx.treaty.name, r.explanation);
    d.WithNote(w.calendar.empty() ? fmt::format("for the longest such period, {}", sentence)
                                  : sentence);
    d.WithHelp(
        fmt::format("state the contribution and the limit per periods of the same unit "
                    "(days and weeks, months and years, or lunar months)"));
    return d;
  }
  d.code = ctx.total ? diag::Code::K005 : diag::Code::K004;
  d.message = sentence;
  if (ctx.total) {
    for (size_t i = 0; i < ctx.payments.size(); ++i) {
      const Payment& p = ctx.payments[i];
      std::string share =
          i < w.owed.size() ? MoneyText(w.owed[i], r.currency) + " " + per : "an amount";
      d.WithNote(fmt::format("{} under `fund {}` of {}treaty `{}`", share, p.fund,
                             p.treaty == ctx.treaty.name ? "this " : "active ", p.treaty),
                 p.treaty == ctx.treaty.name ? diag::SourceRange{} : p.range);
    }
  }
  std::string in_calendar = w.calendar.empty() ? "" : " in " + w.calendar;
  if (!w.smallest_proved) {
    d.WithNote(
        fmt::format("the smallest income found that conflicts{} is {}; the solver ran out of "
                    "time before showing that no smaller one does",
                    in_calendar, MoneyText(w.smallest, r.currency)));
  } else if (w.smallest == w.income) {
    d.WithNote(fmt::format("{} is the smallest income that conflicts{} (to the cent)", income,
                           in_calendar));
  } else if (w.searched_up) {
    d.WithNote(fmt::format(
        "the smallest income that conflicts{} is {} (to the cent), where the runtime, which "
        "rounds to six digits, cannot show it; {} is the first power of ten at which it can",
        in_calendar, MoneyText(w.smallest, r.currency), income));
  } else {
    d.WithNote(
        fmt::format("the smallest income that conflicts{} is {} (to the cent); {} is the "
                    "smallest round one",
                    in_calendar, MoneyText(w.smallest, r.currency), income));
  }
  if (w.every_calendar && w.calendar_shortest.empty()) {
    d.WithNote(fmt::format("from {} it conflicts whatever the lengths of the periods",
                           MoneyText(*w.every_calendar, r.currency)));
  } else if (w.every_calendar) {
    d.WithNote(fmt::format("from {} it conflicts in every calendar, even in {}",
                           MoneyText(*w.every_calendar, r.currency), w.calendar_shortest));
  }
  if (w.verified) {
    d.WithNote(fmt::format("found by Z3 and checked by evaluating the formulas at {}", income));
  } else {
    d.WithNote(
        "found by Z3; the runtime's six-digit rounding could not confirm it at any income up "
        "to the largest amount");
  }
  return d;
}

}  // namespace concord::compat
