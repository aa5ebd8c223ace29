// L114: decision rules one absent member can block forever. A quorum of 100%
// of members, or a vote of 100% of members, needs every member to turn up and
// vote yes: someone on holiday, ill or gone silent blocks every decision on
// that matter, with no way for the others to go on. Consensus differs: there
// those who are present decide, and a block is a choice someone makes.
#include <fmt/format.h>

#include "compiler/lint/lints.h"

namespace concord::lint {
namespace {

bool AllMembers(const ast::Share& share) {
  return share.valid && share.value == values::Decimal::FromInt(1).value_or(values::Decimal());
}

// `what` names the rule in the message: "decision rule `amendment`",
// "sanction `removal`".
void LintMethod(const ast::DecisionMethod& method, const std::string& what, LintContext& cx) {
  if (method.kind != ast::MethodKind::kVoteMembers || !method.share || !AllMembers(*method.share)) {
    return;
  }
  cx.diags
      .Report(diag::Code::L114, method.share->range, what,
              fmt::format("needs a yes from {} of members", method.share->text))
      .WithNote("one member who is absent or does not vote blocks every decision under this rule")
      .WithHelp(
          "ask for a share the community can reach without everyone (`vote 2/3 of members`), "
          "or use `consensus`, where those present decide and a block is a choice someone makes");
}

void LintRule(const ast::DecisionRule& rule, LintContext& cx) {
  std::string what = fmt::format("decision rule `{}`", rule.matter.name);
  LintMethod(rule.method, what, cx);
  if (rule.quorum_share && AllMembers(*rule.quorum_share)) {
    cx.diags
        .Report(diag::Code::L114, rule.quorum_share->range, what,
                fmt::format("needs a quorum of {} of members", rule.quorum_share->text))
        .WithNote("one member who is absent blocks every decision under this rule")
        .WithHelp(
            "a quorum says how many must take part for a decision to count; ask for a share "
            "the community can reach on an ordinary day (`quorum 50% of members`)");
  }
}

}  // namespace

void LintUnanimityOfMembers(const ast::File& file, LintContext& cx) {
  for (const ast::CharterDecl& charter : file.charters) {
    if (charter.decisions) {
      for (const ast::DecisionRule& rule : charter.decisions->rules) LintRule(rule, cx);
    }
    if (charter.sanctions) {
      for (const ast::SanctionRule& rule : charter.sanctions->rules) {
        LintMethod(rule.method, fmt::format("sanction `{}`", ast::SanctionWord(rule.kind)), cx);
      }
    }
  }
}

}  // namespace concord::lint
