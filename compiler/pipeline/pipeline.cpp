#include "compiler/pipeline/pipeline.h"

#include "compiler/concord_check/check_concords.h"
#include "compiler/lint/lint.h"
#include "compiler/model/build_model.h"
#include "compiler/sema/check.h"

namespace concord::pipeline {

std::unique_ptr<Compilation> Compile(const std::vector<std::string>& files,
                                     const CompileOptions& options) {
  auto c = std::make_unique<Compilation>();
  LoadResult loaded = LoadProgram(files, options.load, c->diags);
  c->program = std::move(loaded.program);
  c->io_error = loaded.io_error;
  // Names and types are only checked in a program that parsed: on a tree
  // rebuilt by error recovery they would mostly report echoes of the syntax
  // errors already shown.
  if (c->io_error || c->diags.has_errors()) return c;
  if (!options.scenarios) {
    for (std::unique_ptr<ast::File>& file : c->program->files) file->scenarios.clear();
  }
  c->checked = sema::Check(*c->program, c->diags);
  if (!c->checked_clean() || c->diags.has_errors()) return c;
  c->model = std::make_unique<model::Model>(model::BuildModel(*c->checked, c->diags));
  if (options.concords && !c->diags.has_errors()) {
    concord_check::CheckConcords(*c->checked, *c->model, c->diags);
  }
  if (options.lint && !c->diags.has_errors()) {
    lint::LintProgram(*c->checked, *options.lint, c->diags);
  }
  return c;
}

void ReleaseScenarioEvents(Compilation& compilation) {
  for (std::unique_ptr<ast::File>& file : compilation.program->files) {
    for (ast::ScenarioDecl& scenario : file->scenarios) {
      std::vector<ast::Event>().swap(scenario.events);
    }
  }
}

}  // namespace concord::pipeline
