// `fn` declarations: bodies against their declared result, and recursion.
// Concord expressions are total, so a function (or a metric) may not depend
// on itself, directly or through others (E0215).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>
#include <unordered_map>
#include <vector>

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

namespace {

// The strongly connected components of a graph given as adjacency lists of
// node indices (Tarjan's algorithm, with an explicit stack: a chain of
// 100,000 functions calling each other must not overflow the native stack).
// Returns each node's component number.
std::vector<int> StronglyConnectedComponents(const std::vector<std::vector<int>>& successors) {
  const int n = static_cast<int>(successors.size());
  std::vector<int> index(n, -1), low(n, 0), component(n, -1);
  std::vector<int> stack;
  std::vector<bool> on_stack(n, false);
  struct Frame {
    int node;
    size_t next_edge;
  };
  std::vector<Frame> frames;
  int counter = 0, components = 0;
  for (int root = 0; root < n; ++root) {
    if (index[root] != -1) continue;
    frames.push_back({root, 0});
    index[root] = low[root] = counter++;
    stack.push_back(root);
    on_stack[root] = true;
    while (!frames.empty()) {
      Frame& frame = frames.back();
      const int v = frame.node;
      if (frame.next_edge < successors[v].size()) {
        const int w = successors[v][frame.next_edge++];
        if (index[w] == -1) {
          index[w] = low[w] = counter++;
          stack.push_back(w);
          on_stack[w] = true;
          frames.push_back({w, 0});  // invalidates `frame`
        } else if (on_stack[w]) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      if (low[v] == index[v]) {
        int w;
        do {
          w = stack.back();
          stack.pop_back();
          on_stack[w] = false;
          component[w] = components;
        } while (w != v);
        ++components;
      }
      frames.pop_back();
      if (!frames.empty()) {
        const int parent = frames.back().node;
        low[parent] = std::min(low[parent], low[v]);
      }
    }
  }
  return component;
}

}  // namespace

void Checker::FindCycles(const std::vector<const Symbol*>& nodes) {
  std::unordered_map<const Symbol*, int> number;
  for (const Symbol* node : nodes) number.emplace(node, static_cast<int>(number.size()));
  // Edges in the order they were met, which is source order.
  std::vector<std::vector<const Dependency*>> edges(nodes.size());
  std::vector<std::vector<int>> successors(nodes.size());
  for (const Dependency& d : dependencies_) {
    auto from = number.find(d.from), to = number.find(d.to);
    if (from == number.end() || to == number.end()) continue;
    edges[from->second].push_back(&d);
    successors[from->second].push_back(to->second);
  }
  const std::vector<int> component = StronglyConnectedComponents(successors);
  auto verb = [](const Symbol* to) { return to->kind == SymbolKind::kFn ? "calls" : "uses"; };
  // One diagnostic per set of declarations that depend on each other,
  // reported at the first of them in source order with the shortest cycle
  // through it: a cycle through 100,000 functions is one mistake, and
  // searching from each of its members would take quadratic time.
  std::vector<bool> reported(nodes.size(), false);
  for (int start = 0; start < static_cast<int>(nodes.size()); ++start) {
    const int group = component[start];
    if (reported[group]) continue;
    // Breadth first from `start` within its component (a path back to
    // `start` never leaves it), edges in source order.
    std::unordered_map<int, const Dependency*> via;
    std::vector<int> queue = {start};
    const Dependency* closing = nullptr;
    for (size_t i = 0; i < queue.size() && !closing; ++i) {
      for (const Dependency* d : edges[queue[i]]) {
        const int to = number.at(d->to);
        if (to == start) {
          closing = d;
          break;
        }
        if (component[to] == group && !via.count(to)) {
          via.emplace(to, d);
          queue.push_back(to);
        }
      }
    }
    if (!closing) continue;  // not part of any cycle
    reported[group] = true;
    const Symbol* first = nodes[start];
    std::vector<const Dependency*> chain = {closing};
    for (const Symbol* at = closing->from; at != first; at = via.at(number.at(at))->from) {
      chain.push_back(via.at(number.at(at)));
    }
    std::reverse(chain.begin(), chain.end());
    // A long cycle is shown by its first and last steps: the message and
    // the labels stay readable, and a hostile file cannot make them huge.
    constexpr size_t kShownSteps = 8;
    std::vector<const Dependency*> shown = chain;
    if (chain.size() > kShownSteps) {
      shown.assign(chain.begin(), chain.begin() + kShownSteps - 2);
      shown.insert(shown.end(), chain.end() - 2, chain.end());
    }
    std::string text =
        fmt::format("`{}` {} `{}`", first->name, verb(chain.front()->to), chain.front()->to->name);
    for (size_t i = 1; i < shown.size(); ++i) {
      if (shown.size() < chain.size() && i == kShownSteps - 2) {
        text += fmt::format(", ... ({} more steps)", chain.size() - shown.size());
      }
      text += fmt::format(", which {} `{}`", verb(shown[i]->to), shown[i]->to->name);
    }
    bool is_fn = first->kind == SymbolKind::kFn;
    diag::Diagnostic& d = diags_.Report(diag::Code::E0215, first->range,
                                        is_fn ? "function" : "metric", first->name, text);
    for (const Dependency* step : shown) {
      d.WithLabel(step->site, chain.size() == 1
                                  ? std::string(is_fn ? "the recursive call" : "the recursive use")
                                  : fmt::format("`{}` {} `{}` here", step->from->name,
                                                verb(step->to), step->to->name));
    }
    std::set<const Symbol*> on_chain;
    for (const Dependency* step : chain) on_chain.insert(step->from);
    // The others caught in the same knot are not reported one by one.
    std::vector<std::string> others;
    size_t other_count = 0;
    for (size_t i = 0; i < nodes.size(); ++i) {
      if (component[i] != group || on_chain.count(nodes[i])) continue;
      if (++other_count <= 5) others.push_back(fmt::format("`{}`", nodes[i]->name));
    }
    if (other_count > 0) {
      d.WithNote(fmt::format("{} other declaration{} depend{} on `{}` and it on them: {}{}",
                             other_count, other_count == 1 ? "" : "s", other_count == 1 ? "s" : "",
                             first->name, fmt::join(others, ", "),
                             other_count > others.size() ? ", ..." : ""));
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
