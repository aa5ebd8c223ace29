// Concords: `extends` (a concord, without cycles: E0212, E0216), each
// requirement a bool over the model records `charter` and `treaty`, and
// requirement codes unique along the extends chain. Undecided duration
// comparisons are not errors here; they count as "not satisfied" when the
// concord is evaluated against a charter or treaty.
#include <fmt/format.h>

#include <set>

#include "compiler/sema/checker.h"

namespace concord::sema {

void Checker::CheckConcordExtends() {
  std::vector<std::string> concord_names;
  for (const auto& info : out_.concords_) concord_names.push_back(info->symbol->name);
  for (auto& info : out_.concords_) {
    const auto& extends = info->decl->extends;
    if (!extends) continue;
    const Symbol* symbol = FindAnywhere(extends->name);
    if (!symbol) {
      ReportUnknown(*extends, "concord", concord_names);
      continue;
    }
    Bind(*extends, symbol);
    if (symbol->kind != SymbolKind::kConcord) {
      ReportWrongKind(*extends, symbol, "a concord");
      continue;
    }
    info->extends = out_.ConcordOf(symbol);
  }

  // Each concord extends at most one other, so a cycle is found by walking
  // the chain. It is reported once, at the member declared first, and then
  // broken so that later phases see only finite chains.
  std::set<const ConcordInfo*> in_cycle;
  for (auto& info : out_.concords_) {
    if (in_cycle.count(info.get())) continue;
    std::vector<const ConcordInfo*> chain = {info.get()};
    const ConcordInfo* at = info->extends;
    while (at && at != info.get() && chain.size() <= out_.concords_.size()) {
      chain.push_back(at);
      at = at->extends;
    }
    if (at != info.get()) continue;
    std::string text =
        fmt::format("`{}` extends `{}`", chain[0]->symbol->name,
                    chain.size() > 1 ? chain[1]->symbol->name : chain[0]->symbol->name);
    for (size_t i = 1; i < chain.size(); ++i) {
      text += fmt::format(", which extends `{}`", chain[(i + 1) % chain.size()]->symbol->name);
    }
    diag::Diagnostic& d =
        diags_.Report(diag::Code::E0216, info->decl->extends->range, info->symbol->name, text);
    for (size_t i = 1; i < chain.size(); ++i) {
      d.WithLabel(chain[i]->decl->extends->range,
                  fmt::format("`{}` extends `{}` here", chain[i]->symbol->name,
                              chain[(i + 1) % chain.size()]->symbol->name));
    }
    for (const ConcordInfo* c : chain) in_cycle.insert(c);
  }
  for (auto& info : out_.concords_) {
    if (in_cycle.count(info.get())) info->extends = nullptr;
  }
}

void Checker::CheckRequirementCodes(const ConcordInfo& info) {
  // A code names one requirement in diagnostics and in `expect violation`,
  // so it is unique in a concord together with everything it extends.
  std::map<std::string, diag::SourceRange> seen;
  for (const RequirementInfo* r : info.AllRequirements()) {
    const auto& code = r->requirement->code;
    auto [it, inserted] = seen.emplace(code.value, code.range);
    if (inserted || r->concord != &info) continue;
    ast::Identifier as_identifier{code.value, code.range};
    ReportDuplicate(as_identifier, it->second);
  }
}

void Checker::CheckConcords() {
  CheckConcordExtends();
  const Type* boolean = types().Bool();
  for (auto& info : out_.concords_) {
    // Reserved first: each RequirementInfo is pointed to while it is checked.
    info->requirements.reserve(info->decl->requirements.size());
    for (const ast::Requirement& requirement : info->decl->requirements) {
      info->requirements.push_back(RequirementInfo{&requirement, info.get(), false, false});
      Context ctx;
      ctx.kind = ContextKind::kConcord;
      ctx.concord = info.get();
      ctx.implicits = &info->implicits;
      ctx.requirement = &info->requirements.back();
      ExpectType(ctx, requirement.condition.get(), boolean,
                 "a requirement is a condition on `charter` or `treaty`");
    }
  }
  for (const auto& info : out_.concords_) CheckRequirementCodes(*info);
}

}  // namespace concord::sema
