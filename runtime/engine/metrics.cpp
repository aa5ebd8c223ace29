// Metric values inside a run: the host's answer to a metric read, memoized
// while the state cannot change, and the metrics of the report. A chain of
// metrics (`metric m0 = m1 + 1`, `metric m1 = m2 + 1`, ...) reads each
// link once per snapshot instead of once per reader, which made a report of
// 5,000 chained metrics quadratic (docs/performance.md, "Metric chains").
//
// The memo changes no result, whichever engine evaluates: levels go on
// counting through a metric read (runtime/interp/depth.h), so the same
// metric can have a value when read near the top and none when read close
// to the depth limit. Each memoized value keeps how many levels its
// evaluation went below its start, and is reused only where evaluating
// again would stay above the limit; where it would not, the answer is the
// one evaluating again gives, "no value".
#include <fmt/format.h>

#include "compiler/ir/currency_hint.h"
#include "runtime/engine/simulation.h"
#include "runtime/interp/depth.h"
#include "runtime/interp/runtime_error.h"

namespace concord::engine {

Simulation::MetricSnapshot::MetricSnapshot(Simulation& s) : s_(s) {
  if (s_.metric_snapshots_++ == 0) s_.metric_memo_.clear();
}

Simulation::MetricSnapshot::~MetricSnapshot() {
  if (--s_.metric_snapshots_ == 0) s_.metric_memo_.clear();
}

void Simulation::IndexMetrics() {
  if (!metric_index_built_) {
    for (const CharterSpec& c : program_->charters) {
      auto& by_name = metric_index_[c.name];
      for (const MetricSpec& m : c.metrics) {
        if (!m.value) continue;
        by_name.emplace(m.name, &m);
        charter_of_metric_[&m] = c.name;
      }
    }
    metric_index_built_ = true;
  }
}

const MetricSpec* Simulation::FindMetric(std::string_view owner, std::string_view name) {
  IndexMetrics();
  auto charter = metric_index_.find(owner);
  if (charter == metric_index_.end()) return nullptr;
  auto metric = charter->second.find(name);
  return metric == charter->second.end() ? nullptr : metric->second;
}

const ir::Root& Simulation::HintedMetric(const MetricSpec& m, std::string_view currency) {
  if (currency.empty()) return *m.value;
  auto key = std::make_pair(&m, std::string(currency));
  auto it = hinted_metrics_.find(key);
  if (it != hinted_metrics_.end()) return *it->second;
  // The metric as if written where it is read: its empty sums take the
  // reader's currency (compiler/ir/currency_hint.h). The copy has no
  // compiled code, so the interpreter evaluates it, with the same result.
  auto root = std::make_unique<ir::Root>();
  root->name = m.value->name;
  root->inputs = m.value->inputs;
  root->num_locals = m.value->num_locals;
  root->range = m.value->range;
  if (m.value->body) {
    root->body = ir::CloneNode(*m.value->body);
    ir::HintEmptySums(*root->body, std::string(currency));
  }
  return *hinted_metrics_.emplace(std::move(key), std::move(root)).first->second;
}

interp::HostAnswer Simulation::Metric(std::string_view owner, std::string_view name,
                                      const ir::Type&, std::string_view empty_sum_currency) {
  const MetricSpec* m = FindMetric(owner, name);
  if (!m) return interp::HostAnswer::Decline(fmt::format("no metric `{}` of `{}`", name, owner));
  auto no_value = [&] {
    return interp::HostAnswer::Decline(
        fmt::format("metric `{}` of `{}` has no value on {}", name, owner, today_.ToString()));
  };
  const int base = interp::EvaluationBase();
  const bool memoizing = metric_snapshots_ > 0;
  auto key = std::make_pair(m, std::string(empty_sum_currency));
  if (memoizing) {
    if (auto it = metric_memo_.find(key); it != metric_memo_.end()) {
      const MemoizedMetric& known = it->second;
      if (!known.reached_limit) {
        // Evaluating again from `base` visits the same nodes, each
        // `height` levels at most below it.
        interp::NoteLevel(base + known.height);
        if (base + known.height >= interp::kMaxEvaluationDepth) return no_value();
        return known.value ? interp::HostAnswer::Of(*known.value) : no_value();
      }
      // It reached the limit from known.base, so from any deeper start too.
      if (base >= known.base) {
        interp::NoteLevel(interp::kMaxEvaluationDepth);
        return no_value();
      }
    }
  }
  const ir::Root& root = HintedMetric(*m, empty_sum_currency);
  const int outer_deepest = interp::ResetDeepestLevel(base);
  interp::Outcome out = Evaluate(root);
  const int deepest = interp::ResetDeepestLevel(outer_deepest);
  interp::NoteLevel(deepest);
  if (memoizing) {
    MemoizedMetric& entry = metric_memo_[key];
    entry.reached_limit = deepest >= interp::kMaxEvaluationDepth;
    entry.height = deepest - base;
    entry.base = base;
    entry.value = out.ok() ? std::optional<values::Value>(out.value) : std::nullopt;
  }
  if (out.ok()) return interp::HostAnswer::Of(out.value);
  return no_value();
}

const std::vector<const MetricSpec*>& Simulation::MetricDependencies(const MetricSpec& m) {
  auto [it, added] = metric_dependencies_.try_emplace(&m);
  if (!added || !m.value || !m.value->body) return it->second;
  // Iterative: a body may be a 250,000-deep chain of `+`.
  std::vector<const ir::Node*> pending = {m.value->body.get()};
  while (!pending.empty()) {
    const ir::Node* node = pending.back();
    pending.pop_back();
    if (node->op == ir::Op::kMetric) {
      if (const MetricSpec* read = FindMetric(node->owner, node->name)) {
        it->second.push_back(read);
      }
    }
    for (const auto& child : node->children) {
      if (child) pending.push_back(child.get());
    }
  }
  return it->second;
}

void Simulation::WarmMetrics(const CharterSpec& charter) {
  // Post-order over the metrics the charter's metrics read, without
  // recursion: when a metric is evaluated, every metric it reads has been,
  // so each evaluation is one body deep whatever the chain's length.
  IndexMetrics();
  std::set<const MetricSpec*> done;
  std::vector<std::pair<const MetricSpec*, size_t>> stack;
  for (const MetricSpec& start : charter.metrics) {
    if (!start.value || done.count(&start)) continue;
    stack.push_back({&start, 0});
    done.insert(&start);
    while (!stack.empty()) {
      auto& [metric, next] = stack.back();
      const std::vector<const MetricSpec*>& reads = MetricDependencies(*metric);
      if (next < reads.size()) {
        const MetricSpec* read = reads[next++];
        if (done.insert(read).second) stack.push_back({read, 0});
        continue;
      }
      const MetricSpec* finished = metric;
      stack.pop_back();
      Metric(charter_of_metric_.at(finished), finished->name, *finished->value->body->type, "");
    }
  }
}

void Simulation::ComputeMetrics() {
  MetricSnapshot snapshot(*this);
  for (const std::string& name : polity_order_) {
    PolityState& p = polities_[name];
    if (!p.participating) continue;
    result_.metrics.push_back({name, "members", std::to_string(p.members.size()), {}});
    for (const auto& [ledger, balance] : p.balances) {
      result_.metrics.push_back({name, ledger + " balance", balance.ToString(), {}});
    }
    WarmMetrics(*p.spec);
    for (const MetricSpec& m : p.spec->metrics) {
      interp::Outcome out = Evaluate(*m.value);
      std::string value =
          out.ok() ? out.value.ToString()
          : out.error
              ? fmt::format("error[{}]: {}", diag::Info(out.error->code).name, out.error->message)
              : std::string("undecided");
      MetricValue metric{name, m.name, value, std::nullopt};
      if (!out.ok()) {
        if (out.error) {
          metric.error = *out.error;
        } else {
          metric.error = interp::MakeRuntimeError(diag::Code::R025, m.range,
                                                  "the metric could not be decided");
          for (const interp::Undecided& u : out.undecided) metric.error->WithNote(u.explanation);
        }
        if (m.range.file != diag::kNoFile) {
          metric.error->WithLabel(m.range, fmt::format("while evaluating metric `{}`", m.name));
        }
      }
      result_.metrics.push_back(std::move(metric));
    }
  }
  for (const std::string& name : treaty_order_) {
    const TreatyState& t = treaties_[name];
    if (t.status == TreatyStatus::kPending && t.signed_by.empty()) continue;
    result_.metrics.push_back({name, "status", TreatyStatusName(t.status), {}});
    for (const auto& [fund, balance] : t.balances) {
      result_.metrics.push_back({name, fund + " balance", balance.ToString(), {}});
    }
  }
  int64_t all_options = AllEntryOptions();
  for (const std::string& m : member_order_) {
    auto member = members_.find(m);
    if (member == members_.end() || member->second.polities.empty()) continue;
    result_.metrics.push_back(
        {"", fmt::format("exit_options({})", m), std::to_string(ExitOptions(m, all_options)), {}});
  }
}

}  // namespace concord::engine
