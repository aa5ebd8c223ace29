// Scenario evaluation on arbitrary event lists: the two charters and the
// pact of tests/golden/run/_inputs/valley.concord and the co-ops with
// offices, decision rules, sanctions and dues of _inputs/linden.concord (so
// that propose, vote, decide, elect, petition, verdict and waive events can
// name real offices, ledgers and treaties), then one scenario whose
// body is the fuzzer's bytes between a fixed `start` and a fixed
// `run until` a year later, so every run is bounded. A program that checks
// clean is built and played on the interpreter and its timeline rendered,
// as `concord run --engine interp` does. Oracles: the sanitizers, and the
// pipeline's "internal" failures (a lowering error after a clean check, an
// engine internal error), which abort.
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "compiler/scenario/build_input.h"
#include "compiler/scenario/run_support.h"
#include "runtime/engine/engine.h"
#include "runtime/report/timeline.h"
#include "tests/fuzz/fuzz_input.h"

namespace {

std::string ReadFile(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "fuzz_scenario: cannot read %s\n", path);
    std::abort();
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Both input files, the second without its `import` lines (the first has
// imported the same standard concord).
std::string ReadPrefix() {
  std::string prefix = ReadFile(CONCORD_FUZZ_SCENARIO_PREFIX);
  std::istringstream power(ReadFile(CONCORD_FUZZ_SCENARIO_POWER));
  for (std::string line; std::getline(power, line);) {
    if (line.rfind("import ", 0) != 0) prefix += line + "\n";
  }
  return prefix;
}

const std::string& Prefix() {
  static const std::string prefix = ReadPrefix();
  return prefix;
}

// `word` as a whole identifier-like token anywhere in `text` (comments and
// strings included: rejecting a few extra inputs is harmless).
bool HasWord(const std::string& text, std::string_view word) {
  auto is_ident = [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) != 0 || ch == '_';
  };
  for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    bool starts = at == 0 || !is_ident(text[at - 1]);
    bool ends = at + word.size() == text.size() || !is_ident(text[at + word.size()]);
    if (starts && ends) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)Prefix();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string body = concord::fuzz::AsText(data, size);
  // The harness fixes where the calendar starts and stops; a body that moves
  // either would make the run's length the input's choice.
  if (HasWord(body, "start") || HasWord(body, "run")) return 0;
  std::string text = Prefix() + "\nscenario fuzzed {\n  seed \"fuzz\"\n  start 2027-01-01\n" +
                     body + "\n  run until 2028-01-01\n}\n";

  std::unique_ptr<concord::pipeline::Compilation> c = concord::fuzz::CompileText(text);
  if (c->io_error || c->diags.has_errors() || !c->model) return 0;
  concord::ir::Module module;
  concord::scenario::Inputs inputs = concord::scenario::BuildInputs(*c->checked, *c->model, module);
  if (inputs.error) {
    std::fprintf(stderr, "fuzz_scenario: a clean program failed to lower: %s\n%s\n",
                 inputs.error->message.c_str(), body.c_str());
    std::abort();
  }
  concord::report::Locator where = concord::scenario::MakeLocator(c->program->sources);
  for (const concord::engine::ScenarioSpec& scenario : inputs.scenarios) {
    concord::engine::RunResult run = concord::engine::Run(inputs.program, scenario);
    if (run.internal_error) {
      std::fprintf(stderr, "fuzz_scenario: engine internal error: %s\n%s\n",
                   run.internal_error->c_str(), body.c_str());
      std::abort();
    }
    (void)concord::report::RenderTimelineText(run, where);
    (void)concord::report::RenderTimelineJson(run, where);
    (void)concord::scenario::ProblemsOf(run);
  }
  return 0;
}
