// `fn` declarations: bodies against their declared result, and recursion.
// Concord expressions are total, so a function (or a metric) may not depend
// on itself, directly or through others (E0215).
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "compiler/sema/checker.h"
#include "compiler/sema/expr_checker.h"

namespace concord::sema {

void Checker::CheckFns() {
  for (auto& info : out_.fns_) {
    Context ctx;
    ctx.kind = ContextKind::kFn;
    ctx.fn = info.get();
    ctx.locals = info->params;
    if (!info->decl->body) continue;
    ExprChecker checker(*this, ctx);
    const Type* body = checker.Check(*info->decl->body, info->result);
    if (!IsAssignable(body, info->result)) {
      checker.Mismatch(
          *info->decl->body, Describe(info->result), body,
          fmt::format("`{}` is declared to return {}", info->symbol->name, Describe(info->result)));
    }
  }
}

void Checker::FindCycles(const std::vector<const Symbol*>& nodes) {
  std::set<const Symbol*> in_graph(nodes.begin(), nodes.end());
  // Edges in the order they were met, which is source order.
  std::map<const Symbol*, std::vector<const Dependency*>> edges;
  for (const Dependency& d : dependencies_) {
    if (in_graph.count(d.from) && in_graph.count(d.to)) edges[d.from].push_back(&d);
  }
  auto verb = [](const Symbol* to) { return to->kind == SymbolKind::kFn ? "calls" : "uses"; };
  std::set<const Symbol*> reported;
  for (const Symbol* start : nodes) {
    if (reported.count(start)) continue;
    // The shortest path from `start` back to itself (breadth first, edges in
    // source order), so the reported chain is short and stable.
    std::map<const Symbol*, const Dependency*> via;
    std::vector<const Symbol*> queue = {start};
    const Dependency* closing = nullptr;
    for (size_t i = 0; i < queue.size() && !closing; ++i) {
      for (const Dependency* d : edges[queue[i]]) {
        if (d->to == start) {
          closing = d;
          break;
        }
        if (!via.count(d->to)) {
          via[d->to] = d;
          queue.push_back(d->to);
        }
      }
    }
    if (!closing) continue;
    std::vector<const Dependency*> chain = {closing};
    for (const Symbol* at = closing->from; at != start; at = via[at]->from) {
      chain.push_back(via[at]);
    }
    std::reverse(chain.begin(), chain.end());
    std::string text =
        fmt::format("`{}` {} `{}`", start->name, verb(chain.front()->to), chain.front()->to->name);
    for (size_t i = 1; i < chain.size(); ++i) {
      text += fmt::format(", which {} `{}`", verb(chain[i]->to), chain[i]->to->name);
    }
    bool is_fn = start->kind == SymbolKind::kFn;
    diag::Diagnostic& d = diags_.Report(diag::Code::E0215, start->range,
                                        is_fn ? "function" : "metric", start->name, text);
    for (const Dependency* step : chain) {
      d.WithLabel(step->site, chain.size() == 1
                                  ? std::string(is_fn ? "the recursive call" : "the recursive use")
                                  : fmt::format("`{}` {} `{}` here", step->from->name,
                                                verb(step->to), step->to->name));
      reported.insert(step->from);
    }
    if (is_fn) d.WithHelp("express the limit with `min`, `max` or `if` instead of a call");
  }
}

void Checker::ReportCycles() {
  // One graph: a metric may call a fn that reads a charter's metric.
  std::vector<const Symbol*> nodes;
  for (const auto& info : out_.fns_) nodes.push_back(info->symbol);
  for (const auto& info : out_.charters_) {
    nodes.insert(nodes.end(), info->metrics.begin(), info->metrics.end());
  }
  FindCycles(nodes);
}

}  // namespace concord::sema
