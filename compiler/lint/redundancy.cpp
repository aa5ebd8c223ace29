// L101: redundancy as defence. "For every essential function, cultivate at
// least two teams using different methods": when repression, burnout or a bad
// season takes out one method, another survives.
#include <fmt/format.h>

#include <cctype>
#include <map>

#include "compiler/lint/lints.h"

namespace concord::lint {
namespace {

// Methods are free prose: "CSA pickup" and "csa  pickup" are the same method,
// so case and runs of whitespace do not make two teams different.
std::string Normalize(std::string_view method) {
  std::string out;
  bool space = false;
  for (char c : method) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

void LintFunction(const ast::Function& function, LintContext& cx) {
  const std::string& name = function.name.name;
  if (function.teams.size() < 2) {
    auto& d = cx.diags.Report(diag::Code::L101, function.name.range, name,
                              function.teams.empty() ? "has no team" : "has only one team");
    if (!function.teams.empty()) {
      d.WithLabel(function.teams[0].range,
                  fmt::format("`{}` is the only team doing it", function.teams[0].name.name));
    }
    d.WithHelp(fmt::format(
        "cultivate a second team that works differently, so that losing one team or one method "
        "does not stop `{}`",
        name));
    return;
  }
  // Teams without a `method` are not compared: the charter does not say
  // how they work, so it does not say they work the same way either.
  std::map<std::string, const ast::Team*> first_with;
  for (const ast::Team& team : function.teams) {
    if (!team.method) continue;
    auto [it, fresh] = first_with.emplace(Normalize(team.method->value), &team);
    if (fresh) continue;
    cx.diags.Report(diag::Code::L101, team.range, name, "has two teams with the same method")
        .WithLabel(it->second->range,
                   fmt::format("`{}` already works this way", it->second->name.name))
        .WithHelp(fmt::format(
            "give `{}` a different method: a second team protects `{}` only if it keeps working "
            "when the first team's method fails",
            team.name.name, name));
  }
}

}  // namespace

void LintRedundancy(const ast::File& file, LintContext& cx) {
  for (const ast::CharterDecl& charter : file.charters) {
    for (const ast::Function& function : charter.functions) {
      if (function.essential) LintFunction(function, cx);
    }
  }
}

}  // namespace concord::lint
