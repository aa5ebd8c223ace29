// concord_property_test: the differential property test of the JIT against
// the reference interpreter (docs/reference-jit.md, "Differential testing").
//
//   concord_property_test --seed 1 --count 100000 --batch 2000
//   concord_property_test --seed 1 --start 4711 --count 1 --show
//   concord_property_test --file tests/property/regressions/*.concord
//
// Exit status: 0 when every call agreed, 1 on a mismatch or a generator bug,
// 2 on a usage error.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "tests/property/differential.h"
#include "tests/property/generator.h"

namespace concord::property {
namespace {

struct Options {
  uint64_t seed = 1;
  uint64_t start = 0;
  uint64_t count = 100000;
  uint64_t batch = 2000;
  int max_depth = 4;
  std::string save_dir;
  std::vector<std::string> files;
  bool show = false;
  int print_limit = 20;
};

std::string Commented(const std::string& text) {
  std::string out;
  size_t begin = 0;
  while (begin <= text.size()) {
    const size_t end = std::min(text.find('\n', begin), text.size());
    out += "// " + text.substr(begin, end - begin) + "\n";
    begin = end + 1;
  }
  return out;
}

struct Totals {
  uint64_t calls = 0;
  uint64_t mismatches = 0;
  uint64_t errors = 0;  // outcomes that were runtime errors (both engines)
  uint64_t fns = 0;     // fns compiled, helpers included
  uint64_t native_fns = 0;
  double generate_ms = 0;
  double frontend_ms = 0;
  double jit_ms = 0;
  double call_ms = 0;
};

class Runner {
 public:
  explicit Runner(const Options& options) : o_(options) { gen_options_.max_depth = o_.max_depth; }

  // Returns false on a generator bug (a program that does not check clean).
  bool RunBatch(uint64_t first, uint64_t n) {
    auto t0 = std::chrono::steady_clock::now();
    std::vector<Case> cases;
    cases.reserve(n);
    std::string text;
    for (uint64_t i = first; i < first + n; ++i) {
      cases.push_back(GenerateCase(o_.seed, i, gen_options_));
      text += cases.back().source;
    }
    totals_.generate_ms += Since(t0);

    const std::string path = fmt::format("property-seed{}-from{}.concord", o_.seed, first);
    std::string error;
    std::unique_ptr<CompiledProgram> program = CompileProgram(path, text, true, &error);
    if (!program) {
      if (error.rfind("the JIT", 0) == 0) return Isolate(cases, error);
      std::cerr << "generator bug: seed " << o_.seed << ", cases " << first << ".." << first + n - 1
                << " do not compile:\n"
                << error << "\nthe source:\n"
                << text;
      return false;
    }
    totals_.fns += program->fns;
    totals_.native_fns += program->native_fns;
    totals_.frontend_ms += program->frontend_ms;
    totals_.jit_ms += program->jit_ms;

    t0 = std::chrono::steady_clock::now();
    for (const Case& c : cases) {
      const Verdict verdict = CompareCall(*program, c.fn_name, c.args, c.anchor);
      ++totals_.calls;
      if (verdict.interp.rfind("error[", 0) == 0) ++totals_.errors;
      if (!verdict.same) Mismatch(c, verdict.interp, verdict.jit);
    }
    totals_.call_ms += Since(t0);
    return true;
  }

  const Totals& totals() const { return totals_; }

 private:
  static double Since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  }

  // The JIT refused a whole batch: compile each case alone to name the ones
  // it cannot compile, each reported as a mismatch, and compare the rest.
  bool Isolate(const std::vector<Case>& cases, const std::string& batch_error) {
    std::cerr << "the JIT could not compile the batch starting at case " << cases.front().index
              << " (" << batch_error << "); compiling its cases one by one\n";
    for (const Case& c : cases) {
      std::string error;
      std::unique_ptr<CompiledProgram> program = CompileProgram(
          fmt::format("property-seed{}-case{}.concord", o_.seed, c.index), c.source, true, &error);
      ++totals_.calls;
      if (!program) {
        Mismatch(c, "(compiles)", error);
        continue;
      }
      const Verdict verdict = CompareCall(*program, c.fn_name, c.args, c.anchor);
      if (!verdict.same) Mismatch(c, verdict.interp, verdict.jit);
    }
    return true;
  }

  void Mismatch(const Case& c, const std::string& interp, const std::string& jit) {
    ++totals_.mismatches;
    if (totals_.mismatches <= static_cast<uint64_t>(o_.print_limit)) {
      std::cout << fmt::format(
          "MISMATCH seed {} case {} (reproduce: concord_property_test --seed {} --start {} "
          "--count 1 --show)\n{}{}  interp: {}\n  jit:    {}\n\n",
          o_.seed, c.index, o_.seed, c.index, CallComment(c), c.source, interp, jit);
    }
    if (o_.save_dir.empty()) return;
    std::filesystem::create_directories(o_.save_dir);
    const std::string file = fmt::format("{}/seed{}-case{}.concord", o_.save_dir, o_.seed, c.index);
    std::ofstream out(file);
    out << fmt::format("// Found by concord_property_test --seed {} (case {}).\n", o_.seed, c.index)
        << Commented("interp: " + interp) << Commented("jit:    " + jit) << CallComment(c)
        << c.source;
  }

  const Options& o_;
  GeneratorOptions gen_options_;
  Totals totals_;
};

int RunFiles(const Options& o) {
  int calls = 0;
  int mismatches = 0;
  bool broken = false;
  for (const std::string& file : o.files) {
    FileResult r = CheckFile(file);
    calls += r.calls;
    mismatches += r.mismatches;
    broken = broken || r.broken;
    std::cout << r.report;
  }
  std::cout << fmt::format("{} files, {} calls, {} mismatches{}\n", o.files.size(), calls,
                           mismatches, broken ? ", some files could not be checked" : "");
  return mismatches == 0 && !broken ? 0 : 1;
}

int Show(const Options& o) {
  GeneratorOptions g;
  g.max_depth = o.max_depth;
  for (uint64_t i = o.start; i < o.start + o.count; ++i) {
    const Case c = GenerateCase(o.seed, i, g);
    std::cout << CallComment(c) << c.source;
  }
  return 0;
}

int Run(const Options& o) {
  Runner runner(o);
  const auto t0 = std::chrono::steady_clock::now();
  // CPU time too: on a shared machine the wall time says more about the neighbours.
  const std::clock_t cpu0 = std::clock();
  for (uint64_t first = o.start; first < o.start + o.count; first += o.batch) {
    const uint64_t n = std::min(o.batch, o.start + o.count - first);
    if (!runner.RunBatch(first, n)) return 1;
  }
  const double total_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  const Totals& t = runner.totals();
  std::cout << fmt::format(
      "seed {}: {} expressions (cases {}..{}), {} mismatches; {} evaluated to a runtime error "
      "on the interpreter\n"
      "the JIT compiled {} of {} fns (helpers included) to native code; it runs the others "
      "on the interpreter\n"
      "time: {:.0f} ms wall, {:.0f} ms CPU; wall: generate {:.0f}, parse+check+lower {:.0f}, JIT "
      "compile {:.0f}, "
      "calls on both engines {:.0f}\n",
      o.seed, t.calls, o.start, o.start + o.count - 1, t.mismatches, t.errors, t.native_fns, t.fns,
      total_ms, 1000.0 * static_cast<double>(std::clock() - cpu0) / CLOCKS_PER_SEC, t.generate_ms,
      t.frontend_ms, t.jit_ms, t.call_ms);
  return t.mismatches == 0 ? 0 : 1;
}

}  // namespace
}  // namespace concord::property

int main(int argc, char** argv) {
  concord::property::Options o;
  CLI::App app{
      "Differential property test: random well-typed Concord fns on the interpreter "
      "and the JIT"};
  app.add_option("--seed", o.seed, "run seed; case N of a seed is always the same fn");
  app.add_option("--start", o.start, "first case index");
  app.add_option("--count", o.count, "number of cases (generated fns)");
  app.add_option("--batch", o.batch, "fns per module (one JIT compilation each)")
      ->check(CLI::PositiveNumber);
  app.add_option("--max-depth", o.max_depth, "expression depth")->check(CLI::Range(1, 8));
  app.add_option("--save-mismatches", o.save_dir,
                 "write each mismatch as a regression file into this directory");
  app.add_option("--print-limit", o.print_limit, "mismatches printed in full");
  app.add_flag("--show", o.show, "print the generated cases (source and call line) and exit");
  app.add_option("--file", o.files, "check regression files instead of generating")
      ->check(CLI::ExistingFile);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  if (!o.files.empty()) return concord::property::RunFiles(o);
  if (o.show) return concord::property::Show(o);
  return concord::property::Run(o);
}
