#include "tests/property/differential.h"

#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string_view>

#include "compiler/diag/render.h"

namespace concord::property {
namespace {

double MillisecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

std::string Where(diag::SourceRange range, const diag::SourceManager& sources) {
  if (!range.valid() || range.file >= sources.file_count()) return "<no location>";
  const diag::LineColumn begin = sources.Position(range.file, range.begin);
  const diag::LineColumn end = sources.Position(range.file, range.end);
  return fmt::format("{}:{}:{}-{}:{} `{}`", sources.Path(range.file), begin.line, begin.column,
                     end.line, end.column, sources.Slice(range));
}

}  // namespace

std::unique_ptr<CompiledProgram> CompileProgram(const std::string& path, const std::string& text,
                                                bool with_jit, std::string* error) {
  auto program = std::make_unique<CompiledProgram>();
  const auto start = std::chrono::steady_clock::now();
  pipeline::CompileOptions options;
  options.load.overlays.push_back({path, text});
  program->compilation = pipeline::Compile({path}, options);
  const pipeline::Compilation& c = *program->compilation;
  if (!c.diags.diagnostics().empty() || !c.checked_clean()) {
    *error = "the program does not check clean:\n" +
             (c.program ? diag::RenderHuman(c.diags.diagnostics(), c.program->sources, false)
                        : std::string("(no program)\n"));
    return nullptr;
  }
  program->lowerer = std::make_unique<lower::Lowerer>(*c.checked, program->module);
  if (std::optional<lower::LowerError> lowered = program->lowerer->LowerAllFns()) {
    *error = fmt::format("lowering failed: {} at {}", lowered->message,
                         Where(lowered->range, program->sources()));
    return nullptr;
  }
  program->frontend_ms = MillisecondsSince(start);
  if (!with_jit) return program;

  const auto jit_start = std::chrono::steady_clock::now();
  std::string jit_error;
  program->jit = jit::Program::Compile(program->module, &jit_error);
  program->jit_ms = MillisecondsSince(jit_start);
  if (!program->jit) {
    *error = "the JIT could not compile the module: " + jit_error;
    return nullptr;
  }
  program->fns = program->module.functions().size();
  program->native_fns = program->jit->stats().functions;
  return program;
}

std::string Describe(const interp::Outcome& outcome, const diag::SourceManager& sources) {
  std::string out = outcome.ToString();
  if (outcome.status == interp::Status::kError && outcome.error) {
    out += " at " + Where(outcome.error->range, sources);
  }
  if (outcome.status == interp::Status::kUndecided) {
    for (const interp::Undecided& u : outcome.undecided) {
      out += fmt::format("\n  undecided at {}: {}", Where(u.range, sources), u.explanation);
    }
  }
  return out;
}

Verdict CompareCall(const CompiledProgram& program, const std::string& fn_name,
                    std::span<const values::Value> args, values::Date anchor) {
  Verdict verdict;
  const ir::Function* fn = program.module.FindFunction(fn_name);
  if (!fn) {
    verdict.same = false;
    verdict.interp = verdict.jit = "no fn `" + fn_name + "` in the module";
    return verdict;
  }
  interp::EvalOptions options;
  options.anchor = anchor;
  const interp::Outcome reference = interp::Call(*fn, args, options);
  const interp::Outcome native = program.jit->Call(*fn, args, options);
  verdict.interp = Describe(reference, program.sources());
  verdict.jit = Describe(native, program.sources());
  // Describe covers the text, the error's range and each undecided
  // comparison; the status and the error code are compared besides, so two
  // outcomes that merely print alike still differ.
  verdict.same = verdict.interp == verdict.jit && reference.status == native.status &&
                 (reference.error.has_value() == native.error.has_value()) &&
                 (!reference.error || (reference.error->code == native.error->code &&
                                       reference.error->range == native.error->range)) &&
                 reference.undecided == native.undecided;
  return verdict;
}

namespace {

struct CallLine {
  int line = 0;
  std::string fn_name;
  std::string anchor;
  std::vector<std::string> args;
};

// `// call f_12 at 2026-01-01 with 5 | 1.5 EUR`
std::optional<CallLine> ParseCallLine(std::string_view text, int line, std::string* error) {
  constexpr std::string_view kPrefix = "// call ";
  if (text.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  text.remove_prefix(kPrefix.size());
  CallLine call;
  call.line = line;
  const size_t at = text.find(" at ");
  if (at == std::string_view::npos) {
    *error = fmt::format("line {}: expected `// call NAME at DATE [with ARG | ARG ...]`", line);
    return std::nullopt;
  }
  call.fn_name = std::string(text.substr(0, at));
  text.remove_prefix(at + 4);
  const size_t with = text.find(" with ");
  call.anchor = std::string(text.substr(0, with));
  if (with != std::string_view::npos) {
    std::string_view rest = text.substr(with + 6);
    while (true) {
      const size_t bar = rest.find(" | ");
      call.args.emplace_back(rest.substr(0, bar));
      if (bar == std::string_view::npos) break;
      rest.remove_prefix(bar + 3);
    }
  }
  return call;
}

}  // namespace

FileResult CheckFile(const std::string& path) {
  FileResult result;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    result.broken = true;
    result.report = path + ": cannot read the file\n";
    return result;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();

  std::vector<CallLine> calls;
  {
    std::istringstream lines(text);
    std::string line;
    int number = 0;
    while (std::getline(lines, line)) {
      ++number;
      std::string error;
      if (std::optional<CallLine> call = ParseCallLine(line, number, &error)) {
        calls.push_back(std::move(*call));
      } else if (!error.empty()) {
        result.broken = true;
        result.report += path + ": " + error + "\n";
      }
    }
  }
  if (calls.empty()) {
    result.broken = true;
    result.report += path + ": no `// call` line, so nothing would be checked\n";
  }
  if (result.broken) return result;

  std::string error;
  std::unique_ptr<CompiledProgram> program = CompileProgram(path, text, true, &error);
  if (!program) {
    result.broken = true;
    result.report += path + ": " + error + "\n";
    return result;
  }

  // The arguments are Concord expressions: each becomes a fn of no
  // parameters returning the parameter's type, evaluated by the interpreter.
  std::string arg_source = "fn property_money(m: money) -> money = m\n";
  for (size_t i = 0; i < calls.size(); ++i) {
    const ir::Function* fn = program->module.FindFunction(calls[i].fn_name);
    if (!fn || fn->params.size() != calls[i].args.size()) {
      result.broken = true;
      result.report += fmt::format("{}:{}: `{}` {}\n", path, calls[i].line, calls[i].fn_name,
                                   fn ? fmt::format("takes {} argument{}", fn->params.size(),
                                                    fn->params.size() == 1 ? "" : "s")
                                      : std::string("is not a fn of the file"));
      continue;
    }
    for (size_t k = 0; k < fn->params.size(); ++k) {
      arg_source += fmt::format("fn property_arg_{}_{}() -> {} = {}\n", i, k,
                                fn->params[k].type->ToString(), calls[i].args[k]);
    }
  }
  if (result.broken) return result;
  std::unique_ptr<CompiledProgram> arg_program =
      CompileProgram(path + " (arguments)", arg_source, false, &error);
  if (!arg_program) {
    result.broken = true;
    result.report += path + ": the arguments of the `// call` lines: " + error + "\n";
    return result;
  }

  for (size_t i = 0; i < calls.size(); ++i) {
    const CallLine& call = calls[i];
    std::optional<values::Date> anchor = values::Date::Parse(call.anchor);
    if (!anchor) {
      result.broken = true;
      result.report += fmt::format("{}:{}: `{}` is not a date\n", path, call.line, call.anchor);
      continue;
    }
    std::vector<values::Value> args;
    for (size_t k = 0; k < call.args.size(); ++k) {
      const ir::Function* arg_fn =
          arg_program->module.FindFunction(fmt::format("property_arg_{}_{}", i, k));
      interp::EvalOptions options;
      options.anchor = anchor;
      interp::Outcome value = interp::Call(*arg_fn, {}, options);
      if (!value.ok()) {
        result.broken = true;
        result.report += fmt::format("{}:{}: argument {} `{}` gives {}\n", path, call.line, k + 1,
                                     call.args[k], value.ToString());
      }
      args.push_back(value.value);
    }
    if (result.broken) continue;
    ++result.calls;
    const Verdict verdict = CompareCall(*program, call.fn_name, args, *anchor);
    if (!verdict.same) {
      ++result.mismatches;
      result.report += fmt::format("{}:{}: mismatch calling {}\n  interp: {}\n  jit:    {}\n", path,
                                   call.line, call.fn_name, verdict.interp, verdict.jit);
    }
  }
  return result;
}

}  // namespace concord::property
