// L107: rules people can read. Rules are the units of revision: at every
// cycle members must find the ones to amend, so each needs a title; and a
// member turned away by a `require` deserves to be told why.
#include <fmt/format.h>

#include "compiler/lint/lints.h"

namespace concord::lint {
namespace {

void LintRule(const ast::Rule& rule, LintContext& cx) {
  const std::string& name = rule.name.name;
  if (!rule.title) {
    cx.diags.Report(diag::Code::L107, rule.name.range, name, "has no title")
        .WithHelp(fmt::format(
            "say in plain words what the rule is for, after its name: `rule {} \"...\" {{`, so "
            "members can find it when the charter is revised",
            name));
  }
  for (const ast::RuleRequire& require : rule.requires_) {
    if (require.message) continue;
    cx.diags.Report(diag::Code::L107, require.range, name, "has a `require` with no `else` message")
        .WithHelp(
            "add `else \"...\"` with the words a member sees when this refuses them: which "
            "rule stopped them, and why");
  }
}

}  // namespace

void LintRules(const ast::File& file, LintContext& cx) {
  for (const ast::CharterDecl& charter : file.charters) {
    for (const ast::Rule& rule : charter.rules) LintRule(rule, cx);
  }
  for (const ast::TreatyDecl& treaty : file.treaties) {
    for (const ast::Rule& rule : treaty.rules) LintRule(rule, cx);
  }
}

}  // namespace concord::lint
