// Shared by the sema unit tests: check a snippet of Concord (with std.minimal
// loaded, as the command line does) and find its declarations and types.
#pragma once

#include <memory>
#include <string>

#include "compiler/diag/engine.h"
#include "compiler/pipeline/loader.h"
#include "compiler/sema/check.h"

namespace concord::sema::testing {

struct Checked {
  diag::DiagnosticEngine diags;
  std::unique_ptr<Program> program;
  std::unique_ptr<CheckedProgram> checked;

  // Codes of every diagnostic, in source order: "E0203 E0213".
  std::string Codes() const {
    std::string out;
    for (const diag::Diagnostic& d : diags.Sorted()) {
      if (!out.empty()) out += " ";
      out += std::string(diag::Info(d.code).name);
    }
    return out;
  }

  const FnInfo* Fn(std::string_view name) const {
    for (const auto& f : checked->fns()) {
      if (f->symbol->name == name) return f.get();
    }
    return nullptr;
  }

  // The type of a fn's body, as text ("money<EUR>"), or "?" if unchecked.
  std::string BodyType(std::string_view fn) const {
    const FnInfo* info = Fn(fn);
    if (!info || !info->decl->body) return "?";
    const Type* t = checked->TypeOf(info->decl->body.get());
    return t ? t->ToString() : "?";
  }
};

inline std::unique_ptr<Checked> CheckSource(const std::string& text) {
  auto result = std::make_unique<Checked>();
  pipeline::LoadOptions options;
  options.overlays.push_back({"test.concord", text});
  pipeline::LoadResult loaded = pipeline::LoadProgram({"test.concord"}, options, result->diags);
  result->program = std::move(loaded.program);
  result->checked = Check(*result->program, result->diags);
  return result;
}

}  // namespace concord::sema::testing
