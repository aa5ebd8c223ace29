// Time in expressions (POWER.md §5): the name `today` and where it has a
// value. The runtime evaluates rules on the event's date and metrics and
// `expect`s on the day they are asked, so there `today` is that date; a
// concord requirement, a charter or treaty clause and a scenario's setup are
// evaluated once, at compile time, on no date, so `today` (and `within`,
// which measures back from it) is E0243 there. A fn may read `today`: it is
// evaluated on its caller's date, so the check moves to its callers.
#include <map>
#include <vector>

#include "compiler/sema/checker.h"

namespace concord::sema {
namespace {

// What the surroundings of an undated expression are, for E0243.
const char* UndatedPlace(const Context& ctx) {
  switch (ctx.kind) {
    case ContextKind::kConcord:
      return "a concord requirement, which is checked when the program is compiled,";
    case ContextKind::kCharter:
      return "a charter clause, which is evaluated when the program is compiled,";
    case ContextKind::kTreaty:
      return "a treaty clause, which is evaluated when the program is compiled,";
    case ContextKind::kScenario:
      return "a scenario's setup, which is evaluated before the run starts,";
    case ContextKind::kFn:
      break;
  }
  return "this expression";
}

}  // namespace

const Symbol* Checker::Today() {
  if (!today_) {
    Symbol* symbol = out_.NewSymbol(SymbolKind::kImplicit, "today", {}, types().Date(),
                                    std::monostate{}, nullptr);
    symbol->implicit = Implicit::kToday;
    today_ = symbol;
  }
  return today_;
}

const diag::SourceRange* Checker::ReadsToday(const Symbol* fn) const {
  auto it = reads_today_.find(fn);
  return it == reads_today_.end() ? nullptr : &it->second;
}

diag::Diagnostic* Checker::NoteToday(const Context& ctx, diag::SourceRange site,
                                     std::string_view what) {
  if (ctx.dated) return nullptr;
  if (ctx.kind == ContextKind::kFn && ctx.fn) {
    reads_today_.emplace(ctx.fn->symbol, site);
    return nullptr;
  }
  return &diags_.Report(diag::Code::E0243, site, what, UndatedPlace(ctx))
              .WithHelp(
                  "`today` is the date of an evaluation in the runtime: the event's date in a "
                  "rule, "
                  "the day a metric or an `expect` line is evaluated; write a date (`2027-01-31`) "
                  "here");
}

void Checker::PropagateToday() {
  // A fn that calls a fn reading `today` reads it too, at the call: a walk
  // back along the call edges from the fns that read it directly, linear in
  // the edges (a program may chain thousands of fns).
  std::map<const Symbol*, std::vector<const Dependency*>> callers;
  for (const Dependency& d : dependencies_) {
    if (d.from && d.from->kind == SymbolKind::kFn) callers[d.to].push_back(&d);
  }
  std::vector<const Symbol*> pending;
  for (const auto& [fn, site] : reads_today_) pending.push_back(fn);
  while (!pending.empty()) {
    const Symbol* fn = pending.back();
    pending.pop_back();
    auto it = callers.find(fn);
    if (it == callers.end()) continue;
    for (const Dependency* d : it->second) {
      if (reads_today_.emplace(d->from, d->site).second) pending.push_back(d->from);
    }
  }
}

}  // namespace concord::sema
