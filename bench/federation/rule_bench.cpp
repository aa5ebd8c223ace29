// The federation rule benchmark: one process, one workload, every engine.
//
//   rule_bench WORKLOAD_DIR [--runs N] [--engines interp,jit,hand,hand-index]
//
// WORKLOAD_DIR is what bench/federation/gen.py wrote. The program
// (program/*.concord) is compiled as `concord run` compiles it; the events
// (events.tsv) become the same event records the runtime builds; then each
// engine evaluates every matching rule on every event, in scenario order, as
// the runtime's Simulation::RunRules does (the trigger's `where`, then each
// `require` and `when`), against a host that answers `contributions(ledger)`
// with the contributions booked so far. The hand-written C++ version of the
// same rules (handwritten.cpp) runs over the same events. All engines must
// reach the same Verdicts; a disagreement is a bug and exits 1.
//
// Prints one `run ...` line per timed run and one `result ...` line per
// engine (medians), as key=value pairs that bench/federation.sh reads.
#include <fmt/format.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "bench/federation/workload.h"
#include "compiler/pipeline/pipeline.h"
#include "compiler/scenario/build_input.h"
#include "runtime/interp/host.h"
#include "runtime/interp/interp.h"
#include "runtime/jit/jit.h"
#include "runtime/values/growing_set.h"

namespace concord::bench {
namespace {

// Times are CPU time of this (single-threaded) process, not wall time: the
// benchmark machine is shared, and CPU time does not count the time another
// process held the core. LuaJIT's os.clock measures the same.
struct Clock {
  using time_point = double;
  static double now() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  }
};

double Seconds(Clock::time_point since) {
  return Clock::now() - since;
}

// The host's answers are timed with the monotonic clock instead: the
// process's CPU clock is a system call (about 1 us on the benchmark's VM),
// and the two readings around every host question were 11% of the JIT's
// measured time at scale 0.01, paid by the engines and not by LuaJIT. The
// monotonic clock is read in user space; a host answer is a few
// microseconds, rarely long enough to be preempted.
struct HostClock {
  using time_point = std::chrono::steady_clock::time_point;
  static time_point now() { return std::chrono::steady_clock::now(); }
};

double Seconds(HostClock::time_point since) {
  return std::chrono::duration<double>(HostClock::now() - since).count();
}

long PeakKib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

values::Money Eur(int64_t cents) {
  static const values::Currency eur = *values::Currency::Parse("EUR");
  return values::Money{values::Decimal::FromRaw(cents * (values::Decimal::kScale / 100)), eur};
}

// A rule of an owner that reacts to events, and whether it is the lifetime
// limit (counted separately, as a cross-check of the `where` filter).
struct BenchRule {
  const engine::RuleSpec* spec;
  bool lifetime;
};

// The part of the runtime's host these rules ask about: the ledger entities
// and the contributions booked into each ledger so far, kept as the runtime
// keeps them (values::GrowingSet). The time spent answering is measured, so
// the report can separate it from evaluation.
class BenchHost final : public interp::Host {
 public:
  BenchHost(const engine::ProgramSpec& program, size_t polities) : booked_(polities + 1) {
    for (const engine::CharterSpec& c : program.charters) {
      const values::Record* r = c.value.AsRecord();
      const values::Value* ledgers = r ? r->Get("ledgers") : nullptr;
      if (!ledgers || !ledgers->AsSet()) continue;
      for (const values::Value& l : ledgers->AsSet()->elements()) {
        if (const values::Record* lr = l.AsRecord()) ledgers_.emplace(lr->name(), l);
      }
    }
  }

  void Reset() {
    for (values::GrowingSet& l : booked_) l = values::GrowingSet{};
    host_seconds_ = 0;
    queries_ = 0;
  }
  void Book(int32_t polity, const values::Value& contribution) {
    booked_[polity].Add(contribution);
  }
  double host_seconds() const { return host_seconds_; }
  uint64_t queries() const { return queries_; }

  interp::HostAnswer Entity(ir::EntityKind kind, std::string_view name, std::string_view,
                            const ir::Type&) override {
    auto start = HostClock::now();
    interp::HostAnswer answer = interp::HostAnswer::Decline("not in the benchmark");
    if (kind == ir::EntityKind::kLedger) {
      if (auto it = ledgers_.find(std::string(name)); it != ledgers_.end()) {
        answer = interp::HostAnswer::Of(it->second);
      }
    }
    host_seconds_ += Seconds(start);
    return answer;
  }

  interp::HostAnswer Query(ir::HostQuery query, std::span<const values::Value> args,
                           const ir::Type&) override {
    auto start = HostClock::now();
    ++queries_;
    interp::HostAnswer answer = interp::HostAnswer::Decline("not in the benchmark");
    const values::Record* ledger = args.empty() ? nullptr : args[0].AsRecord();
    if (query == ir::HostQuery::kContributions && ledger && ledger->name().size() > 6) {
      // kitty_NNNN: the polity's number.
      size_t number = std::stoul(ledger->name().substr(6));
      if (number < booked_.size()) {
        answer = interp::HostAnswer::Of(booked_[number].Snapshot());
      }
    }
    host_seconds_ += Seconds(start);
    return answer;
  }

 private:
  std::unordered_map<std::string, values::Value> ledgers_;
  // The runtime's answer (runtime/engine/world.cpp): grown by each payment,
  // the same shared Set while nothing was booked. Index = polity number.
  std::vector<values::GrowingSet> booked_;
  double host_seconds_ = 0;
  uint64_t queries_ = 0;
};

struct Workload {
  std::vector<Event> events;
  Params params;
  std::unique_ptr<pipeline::Compilation> compilation;
  ir::Module module;
  scenario::Inputs inputs;
  std::vector<std::vector<BenchRule>> polity_rules;  // index = number
  std::vector<std::vector<BenchRule>> treaty_rules;
  std::vector<values::Value> records;  // one per event: the value a rule binds
  double compile_seconds = 0;
  double records_seconds = 0;
};

std::vector<BenchRule> RulesOf(const std::vector<engine::RuleSpec>& rules) {
  std::vector<BenchRule> out;
  for (const engine::RuleSpec& r : rules) {
    if (r.event) out.push_back({&r, r.name.rfind("lifetime_limit_", 0) == 0});
  }
  return out;
}

bool Load(const std::string& dir, Workload* w, std::string* error) {
  if (!LoadEvents(dir + "/events.tsv", &w->events, error)) return false;
  if (!LoadParams(dir + "/params.tsv", &w->params, error)) return false;
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir + "/program")) {
    if (entry.path().extension() == ".concord") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  auto start = Clock::now();
  w->compilation = pipeline::Compile(files);
  if (w->compilation->diags.has_errors() || !w->compilation->model) {
    *error = fmt::format("{}/program does not compile cleanly (run `concord check` on it)", dir);
    return false;
  }
  w->inputs = scenario::BuildInputs(*w->compilation->checked, *w->compilation->model, w->module);
  if (w->inputs.error) {
    *error = "cannot lower the program: " + w->inputs.error->message;
    return false;
  }
  w->compile_seconds = Seconds(start);

  const engine::ProgramSpec& program = w->inputs.program;
  w->polity_rules.resize(w->params.polities.size() + 1);
  w->treaty_rules.resize(w->params.treaties.size() + 1);
  std::vector<values::Value> charters(w->params.polities.size() + 1);
  for (size_t i = 1; i < w->polity_rules.size(); ++i) {
    const engine::CharterSpec* c = program.FindCharter(fmt::format("polity_{:04d}", i));
    if (!c) {
      *error = fmt::format("no charter polity_{:04d} in the program", i);
      return false;
    }
    w->polity_rules[i] = RulesOf(c->rules);
    charters[i] = c->value;
  }
  for (size_t i = 1; i < w->treaty_rules.size(); ++i) {
    const engine::TreatySpec* t = program.FindTreaty(fmt::format("pact_{:04d}", i));
    if (!t) {
      *error = fmt::format("no treaty pact_{:04d} in the program", i);
      return false;
    }
    w->treaty_rules[i] = RulesOf(t->rules);
  }

  // The records the runtime would bind, built once: members as the runtime
  // builds them (name, joined, polity, the `income` attribute).
  start = Clock::now();
  auto member_shape = w->module.FindShape("member");
  auto contribution_shape = w->module.FindShape("contribution");
  auto join_shape = w->module.FindShape("join");
  if (!member_shape || !contribution_shape || !join_shape) {
    *error = "the module lacks the member, contribution or join shape";
    return false;
  }
  std::unordered_map<int32_t, values::Value> members;
  for (const Event& e : w->events) {
    if (static_cast<size_t>(e.polity) >= charters.size()) {
      *error = fmt::format("event of polity {} beyond params.tsv", e.polity);
      return false;
    }
    auto [it, fresh] = members.try_emplace(e.member);
    std::string name = fmt::format("m{:06d}", e.member);
    std::string polity = fmt::format("polity_{:04d}", e.polity);
    if (fresh) {
      auto record = std::make_shared<values::Record>(member_shape, name, polity);
      record->Put("name", values::Value::MakeText(name));
      record->Put("joined", values::Value::MakeDate(values::Date::FromDays(e.date)));
      record->Put("polity", charters[e.polity]);
      record->Put("income", values::Value::MakeMoney(Eur(e.income)));
      it->second = values::MakeMemberValue(name, polity, record);
    }
    if (e.kind == 'J') {
      auto record = std::make_shared<values::Record>(join_shape);
      record->Put("member", it->second);
      record->Put("polity", charters[e.polity]);
      record->Put("date", values::Value::MakeDate(values::Date::FromDays(e.date)));
      w->records.push_back(values::Value::MakeRecord(record));
      continue;
    }
    if (e.account_kind == 'F' && static_cast<size_t>(e.account) >= w->treaty_rules.size()) {
      *error = fmt::format("event of treaty {} beyond params.tsv", e.account);
      return false;
    }
    auto record = std::make_shared<values::Record>(contribution_shape);
    record->Put("amount", values::Value::MakeMoney(Eur(e.amount)));
    record->Put("member", it->second);
    record->Put("fund", values::Value::MakeText(e.account_kind == 'L'
                                                    ? fmt::format("kitty_{:04d}", e.account)
                                                    : fmt::format("pact_fund_{:04d}", e.account)));
    record->Put("date", values::Value::MakeDate(values::Date::FromDays(e.date)));
    w->records.push_back(values::Value::MakeRecord(record));
  }
  w->records_seconds = Seconds(start);
  return true;
}

struct RunStats {
  Verdicts verdicts;
  uint64_t root_evaluations = 0;
  uint64_t errors = 0;
  double seconds = 0;
  double host_seconds = 0;
  std::string first_error;
};

// Plays the events through one engine: `decide(root, inputs, options)`
// first, as the runtime's Simulation::Holds asks ExpressionEngine::Decide,
// then `evaluate(root, inputs, options)` when it gave no answer.
template <typename Evaluate, typename Decide>
RunStats Play(const Workload& w, BenchHost& host, Evaluate evaluate, Decide decide) {
  RunStats s;
  host.Reset();
  auto eval = [&](const ir::Root* root, const values::Value& record, values::Date today,
                  bool* holds) -> bool {
    ++s.root_evaluations;
    std::span<const values::Value> inputs(&record, 1);
    interp::EvalOptions options{today, &host, false};
    if (std::optional<bool> decided = decide(*root, inputs, options)) {
      *holds = *decided;
      return true;
    }
    interp::Outcome out = evaluate(*root, inputs, options);
    const bool* b = out.ok() ? out.value.AsBool() : nullptr;
    if (!b) {
      if (s.errors++ == 0) s.first_error = root->name + ": " + out.ToString();
      return false;
    }
    *holds = *b;
    return true;
  };
  auto start = Clock::now();
  for (size_t i = 0; i < w.events.size(); ++i) {
    const Event& e = w.events[i];
    const values::Value& record = w.records[i];
    values::Date today = values::Date::FromDays(e.date);
    const char* word = e.kind == 'J' ? "join" : "contribution";
    const std::vector<BenchRule>* owners[2] = {nullptr, &w.polity_rules[e.polity]};
    if (e.kind == 'C' && e.account_kind == 'F') owners[0] = &w.treaty_rules[e.account];
    for (const std::vector<BenchRule>* rules : owners) {
      if (!rules) continue;
      for (const BenchRule& rule : *rules) {
        if (*rule.spec->event != word) continue;
        ++s.verdicts.rule_evaluations;
        bool keep = true;
        if (rule.spec->where && (!eval(rule.spec->where, record, today, &keep) || !keep)) continue;
        if (rule.lifetime) ++s.verdicts.lifetime_checked;
        for (const engine::RuleCheck& check : rule.spec->checks) {
          bool holds = false;
          if (!eval(check.condition, record, today, &holds)) continue;
          if (check.kind == engine::RuleCheck::Kind::kRequire && !holds) ++s.verdicts.failed;
          if (check.kind == engine::RuleCheck::Kind::kFlag && holds) ++s.verdicts.flags;
        }
      }
    }
    if (e.kind == 'C') {
      if (e.account_kind == 'L') host.Book(e.account, record);
      s.verdicts.booked_cents += e.amount;
    }
  }
  s.seconds = Seconds(start);
  s.host_seconds = host.host_seconds();
  return s;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n == 0 ? 0 : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::string Describe(const Verdicts& v) {
  return fmt::format("rule_evaluations={} failed={} flags={} booked_cents={} lifetime_checked={}",
                     v.rule_evaluations, v.failed, v.flags, v.booked_cents, v.lifetime_checked);
}

int Main(int argc, char** argv) {
  std::string dir;
  int runs = 5;
  std::string engines = "interp,jit,hand,hand-index";
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--engines" && i + 1 < argc) {
      engines = argv[++i];
    } else if (!arg.empty() && arg[0] != '-' && dir.empty()) {
      dir = arg;
    } else {
      std::fprintf(
          stderr,
          "usage: rule_bench WORKLOAD_DIR [--runs N] [--engines interp,jit,hand,hand-index]\n");
      return 2;
    }
  }
  if (dir.empty()) {
    std::fprintf(
        stderr,
        "usage: rule_bench WORKLOAD_DIR [--runs N] [--engines interp,jit,hand,hand-index]\n");
    return 2;
  }
  auto wants = [&](const char* name) {
    return ("," + engines + ",").find(fmt::format(",{},", name)) != std::string::npos;
  };

  Workload w;
  std::string error;
  if (!Load(dir, &w, &error)) {
    std::fprintf(stderr, "rule_bench: %s\n", error.c_str());
    return 2;
  }
  size_t contributions =
      std::count_if(w.events.begin(), w.events.end(), [](const Event& e) { return e.kind == 'C'; });
  std::printf(
      "workload events=%zu contributions=%zu joins=%zu polities=%zu treaties=%zu "
      "compile_s=%.3f records_s=%.3f peak_kib=%ld\n",
      w.events.size(), contributions, w.events.size() - contributions, w.params.polities.size(),
      w.params.treaties.size(), w.compile_seconds, w.records_seconds, PeakKib());
  BenchHost host(w.inputs.program, w.params.polities.size());

  std::optional<Verdicts> reference;
  std::string reference_engine;
  bool agree = true;
  auto check = [&](const char* name, const Verdicts& v) {
    if (!reference) {
      reference = v;
      reference_engine = name;
    } else if (!(*reference == v)) {
      agree = false;
      std::fprintf(stderr, "rule_bench: MISMATCH: %s gives %s, %s gave %s\n", name,
                   Describe(v).c_str(), reference_engine.c_str(), Describe(*reference).c_str());
    }
  };
  auto report = [&](const char* name, const std::vector<RunStats>& all, double compile_ms) {
    std::vector<double> secs, host_secs;
    for (const RunStats& s : all) {
      secs.push_back(s.seconds);
      host_secs.push_back(s.host_seconds);
    }
    const RunStats& s = all.front();
    double median = Median(secs);
    std::printf(
        "result engine=%s runs=%zu median_s=%.6f host_s=%.6f compile_ms=%.1f events=%zu "
        "events_per_s=%.0f rule_evals_per_s=%.0f root_evaluations=%llu errors=%llu "
        "peak_kib=%ld %s\n",
        name, all.size(), median, Median(host_secs), compile_ms, w.events.size(),
        w.events.size() / median, s.verdicts.rule_evaluations / median,
        static_cast<unsigned long long>(s.root_evaluations),
        static_cast<unsigned long long>(s.errors), PeakKib(), Describe(s.verdicts).c_str());
    if (s.errors) {
      std::fprintf(stderr, "rule_bench: %s: %llu evaluation errors, the first: %s\n", name,
                   static_cast<unsigned long long>(s.errors), s.first_error.c_str());
      agree = false;
    }
    check(name, s.verdicts);
    std::fflush(stdout);
  };
  auto timed = [&](const char* name, auto&& one_run) {
    std::vector<RunStats> all;
    for (int r = 0; r < runs; ++r) {
      all.push_back(one_run());
      std::printf("run engine=%s run=%d seconds=%.6f host_s=%.6f\n", name, r + 1,
                  all.back().seconds, all.back().host_seconds);
      std::fflush(stdout);
    }
    return all;
  };

  // The two hand-written versions (handwritten.cpp).
  for (auto [name, run] :
       {std::pair{"hand", &RunHandwritten}, std::pair{"hand-index", &RunHandwrittenIndexed}}) {
    if (!wants(name)) continue;
    auto all = timed(name, [&, run = run] {
      RunStats s;
      auto start = Clock::now();
      s.verdicts = run(w.events, w.params);
      s.seconds = Seconds(start);
      return s;
    });
    report(name, all, 0);
  }
  if (wants("interp")) {
    auto all = timed("interp", [&] {
      return Play(
          w, host,
          [](const ir::Root& root, std::span<const values::Value> inputs,
             const interp::EvalOptions& options) {
            return interp::Evaluate(root, inputs, options);
          },
          [](const ir::Root&, std::span<const values::Value>, const interp::EvalOptions&) {
            return std::optional<bool>();
          });
    });
    report("interp", all, 0);
  }
  if (wants("jit")) {
    auto start = Clock::now();
    std::unique_ptr<jit::Program> program = jit::Program::Compile(w.module, &error);
    double wall_ms = Seconds(start) * 1000;
    if (!program) {
      std::fprintf(stderr, "rule_bench: the JIT cannot compile the program: %s\n", error.c_str());
      return 1;
    }
    std::printf("jit compile_ms=%.1f cpu_ms=%.1f functions=%zu roots=%zu llvm_instructions=%zu\n",
                program->stats().compile_ms, wall_ms, program->stats().functions,
                program->stats().roots, program->stats().llvm_instructions);
    auto all = timed("jit", [&] {
      return Play(
          w, host,
          [&](const ir::Root& root, std::span<const values::Value> inputs,
              const interp::EvalOptions& options) {
            return program->Evaluate(root, inputs, options);
          },
          [&](const ir::Root& root, std::span<const values::Value> inputs,
              const interp::EvalOptions& options) {
            return program->Decide(root, inputs, options);
          });
    });
    report("jit", all, program->stats().compile_ms);
  }
  if (!agree) {
    std::fprintf(stderr, "rule_bench: the engines disagree: this is a bug\n");
    return 1;
  }
  std::printf("agree %s\n", reference ? Describe(*reference).c_str() : "");
  return 0;
}

}  // namespace
}  // namespace concord::bench

int main(int argc, char** argv) {
  return concord::bench::Main(argc, argv);
}
