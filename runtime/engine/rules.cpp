// Evaluation inside a run: executable rules on every matching event (R010
// when a `require` fails or a `reject` fires, a flag in the timeline for
// `when ... then flag`), `expect` lines, and the metrics at the end. Errors
// of evaluation (R020-R025) become violations on the day they happen.
#include <fmt/format.h>

#include <algorithm>

#include "runtime/engine/expression_engine.h"
#include "runtime/engine/simulation.h"
#include "runtime/interp/runtime_error.h"

namespace concord::engine {

namespace {

const ExpressionEngine& EngineOf(const ProgramSpec& program) {
  return program.engine ? *program.engine : InterpreterEngine::Instance();
}

}  // namespace

interp::Outcome Simulation::Evaluate(const ir::Root& root, std::span<const values::Value> inputs) {
  // Metric reads within one evaluation see one state: memoize them.
  MetricSnapshot snapshot(*this);
  return EngineOf(*program_).Evaluate(root, inputs, {today_, this, false});
}

std::optional<bool> Simulation::Holds(const ir::Root* root, std::span<const values::Value> inputs,
                                      SourceRange where) {
  if (!root) return std::nullopt;
  {
    MetricSnapshot snapshot(*this);
    if (std::optional<bool> holds =
            EngineOf(*program_).Decide(*root, inputs, {today_, this, false})) {
      return holds;
    }
  }
  // No quick answer: the whole Outcome, with its error if it has one.
  std::optional<values::Value> v = Eval(root, inputs, where);
  if (!v || !v->AsBool()) return std::nullopt;
  return *v->AsBool();
}

std::optional<values::Value> Simulation::Eval(const ir::Root* root,
                                              std::span<const values::Value> inputs,
                                              SourceRange where) {
  if (!root) return std::nullopt;
  interp::Outcome out = Evaluate(*root, inputs);
  if (out.ok()) return out.value;
  if (out.error) {
    Entry& e = Violation(EntryKind::kError, out.error->code, root->name, out.error->message,
                         out.error->range);
    e.labels = out.error->labels;
    e.notes = out.error->notes;
    if (where.file != diag::kNoFile) e.labels.push_back({where, "while evaluating this"});
  } else {
    Entry& e = Violation(EntryKind::kError, diag::Code::R025, root->name,
                         fmt::format(fmt::runtime(diag::Info(diag::Code::R025).message_template),
                                     "the condition could not be decided"),
                         root->range);
    for (const interp::Undecided& u : out.undecided) e.notes.push_back(u.explanation);
  }
  return std::nullopt;
}

void Simulation::RunProposalRules(const EventSpec& e, const std::string& id,
                                  std::string_view word) {
  auto it = proposals_.find(id);
  if (it == proposals_.end()) return;
  interp::HostAnswer proposal = ProposalAnswer(id);
  if (proposal.value) RunRules(e, *proposal.value, {it->second.polity}, word);
}

bool Simulation::RunRules(const EventSpec& e, const values::Value& record,
                          const std::vector<std::string>& owners, std::string_view trigger) {
  const values::Record* r = record.AsRecord();
  if (!r) return true;
  std::string_view word = trigger.empty() ? std::string_view(r->shape().name) : trigger;
  bool accepted = true;
  // The rules' one input, held here: the record may live in state that
  // their violations change.
  const values::Value input = record;
  std::span<const values::Value> inputs(&input, 1);
  for (const std::string& owner : owners) {
    std::vector<const RuleSpec*> rules;
    if (auto p = polities_.find(owner); p != polities_.end()) {
      rules = p->second.rules;
    } else if (const TreatySpec* t = program_->FindTreaty(owner)) {
      for (const RuleSpec& rule : t->rules) rules.push_back(&rule);
    }
    for (const RuleSpec* rule : rules) {
      if (!rule->event || *rule->event != word) continue;
      Cover("rule", owner + "." + rule->name);
      if (rule->where && !Holds(rule->where, inputs, e.range).value_or(false)) continue;
      for (const RuleCheck& check : rule->checks) {
        if (timeline_full_) return accepted;  // the run stops at this event (R035)
        std::optional<bool> decided = Holds(check.condition, inputs, e.range);
        if (!decided) continue;
        bool holds = *decided;
        std::string message =
            fmt::format(fmt::runtime(diag::Info(diag::Code::R010).message_template), rule->name,
                        owner, check.message);
        if (check.kind == RuleCheck::Kind::kRequire && !holds) {
          Entry& b = Violation(EntryKind::kBroken, diag::Code::R010, owner, message, e.range);
          b.labels.push_back({check.range, "this requirement does not hold"});
        } else if (check.kind == RuleCheck::Kind::kReject && holds) {
          Entry& b = Violation(EntryKind::kBroken, diag::Code::R010, owner, message, e.range);
          b.labels.push_back({check.range, "this rule rejects the event"});
          accepted = false;
        } else if (check.kind == RuleCheck::Kind::kFlag && holds) {
          Add(EntryKind::kFlag, owner,
              fmt::format("rule {} of {}: {}", rule->name, owner, check.message), check.range);
        }
      }
    }
  }
  return accepted;
}

void Simulation::PrepareExpectations() {
  if (result_.expectations.size() == scenario_.expectations.size()) return;
  result_.expectations.clear();
  for (const ExpectSpec& x : scenario_.expectations) {
    ExpectResult pending;
    pending.spec = &x;
    result_.expectations.push_back(std::move(pending));
  }
}

void Simulation::CheckExpectations(bool at_end) {
  PrepareExpectations();
  MetricSnapshot snapshot(*this);  // the `expect` lines of today read one state
  for (size_t i = 0; i < scenario_.expectations.size(); ++i) {
    const ExpectSpec& x = scenario_.expectations[i];
    ExpectResult& out = result_.expectations[i];
    bool due = (x.kind == ExpectKind::kOnDate && !at_end && x.date && *x.date == today_) ||
               (x.kind == ExpectKind::kAtEnd && at_end);
    if (at_end && x.kind == ExpectKind::kOnDate && x.date &&
        (*x.date < scenario_.start || *x.date > scenario_.until)) {
      out.expected = x.source;
      out.actual = fmt::format("{} is outside the run, which plays {} to {}", x.date->ToString(),
                               scenario_.start.ToString(), scenario_.until.ToString());
      continue;
    }
    if (!due) continue;
    interp::Outcome v = Evaluate(*x.condition);
    if (v.ok() && v.value.AsBool() && *v.value.AsBool()) {
      out.passed = true;
      continue;
    }
    out.expected = x.condition_source;
    if (!v.ok()) {
      out.actual =
          v.error ? fmt::format("error[{}]: {}", diag::Info(v.error->code).name, v.error->message)
                  : std::string("undecided");
      continue;
    }
    out.actual = "false";
    if (x.lhs) {
      interp::Outcome lhs = Evaluate(*x.lhs);
      if (lhs.ok()) out.actual = fmt::format("{} is {}", x.lhs_source, lhs.value.ToString());
    }
  }
}

void Simulation::ExpectViolations() {
  // The violations of the whole run: a restored run's timeline starts after
  // its snapshot day, whose violations the snapshot carried.
  std::vector<std::pair<diag::Code, Date>> coded = violations_before_;
  for (const Entry& e : result_.timeline) {
    if (e.code) coded.emplace_back(*e.code, e.date);
  }
  for (size_t i = 0; i < scenario_.expectations.size(); ++i) {
    const ExpectSpec& x = scenario_.expectations[i];
    ExpectResult& out = result_.expectations[i];
    if (x.kind == ExpectKind::kViolation) {
      std::vector<std::string> seen;
      for (const auto& [code, date] : coded) {
        if (diag::Info(code).name != x.code) continue;
        if (!x.date || date == *x.date) out.passed = true;
        std::string d = date.ToString();
        if (std::find(seen.begin(), seen.end(), d) == seen.end()) seen.push_back(d);
      }
      if (out.passed) continue;
      out.expected = x.date ? fmt::format("{} on {}", x.code, x.date->ToString()) : x.code;
      out.actual = seen.empty() ? fmt::format("no {} reported", x.code)
                                : fmt::format("{} on {}", x.code, fmt::join(seen, ", "));
    } else if (x.kind == ExpectKind::kNoViolations) {
      std::vector<std::string> seen;
      for (const auto& [code, date] : coded) {
        seen.push_back(fmt::format("{} on {}", diag::Info(code).name, date.ToString()));
      }
      out.passed = seen.empty();
      if (out.passed) continue;
      out.expected = "no violations";
      size_t shown = std::min<size_t>(seen.size(), 3);
      out.actual =
          fmt::format("{} violation{}: {}{}", seen.size(), seen.size() == 1 ? "" : "s",
                      fmt::join(seen.begin(), seen.begin() + static_cast<long>(shown), ", "),
                      seen.size() > shown ? ", ..." : "");
    }
  }
}

}  // namespace concord::engine
