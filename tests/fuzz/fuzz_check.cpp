// Parser, names and types, concord checks and lints on arbitrary bytes, the
// way `concord lint` runs them; then both renderers on what was reported.
// The only oracle is the sanitizers: no crash, no leak, no hang.
#include <cstddef>
#include <cstdint>

#include "compiler/diag/render.h"
#include "compiler/lint/config.h"
#include "compiler/lint/lint.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::unique_ptr<concord::pipeline::Compilation> c =
      concord::fuzz::CompileText(concord::fuzz::AsText(data, size));
  if (!c->io_error && !c->diags.has_errors() && c->checked_clean()) {
    concord::lint::LintProgram(*c->checked, concord::lint::LintConfig{}, c->diags);
  }
  const auto& sources = c->program->sources;
  const auto& diagnostics = c->diags.diagnostics();
  (void)concord::diag::RenderHuman(diagnostics, sources, /*colour=*/false);
  (void)concord::diag::RenderJson(diagnostics, sources);
  (void)concord::diag::RenderSummary(diagnostics, "`input.concord`", /*colour=*/false);
  return 0;
}
