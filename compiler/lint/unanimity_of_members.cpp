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

// Where a rule needs every member: the share as written, what it asks of
// them (`needs`), why that blocks, and what to write instead.
struct Unanimity {
  const ast::Share& share;
  std::string needs;
  const char* why;
  const char* instead;
};

// `what` names the rule in the message: "decision rule `amendment`",
// "sanction `removal`".
void Report(const Unanimity& u, const std::string& what, LintContext& cx) {
  cx.diags.Report(diag::Code::L114, u.share.range, what, u.needs)
      .WithNote(u.why)
      .WithHelp(u.instead);
}

void LintMethod(const ast::DecisionMethod& method, const std::string& what, LintContext& cx) {
  if (method.kind != ast::MethodKind::kVoteMembers || !method.share || !AllMembers(*method.share)) {
    return;
  }
  Report({*method.share, fmt::format("needs a yes from {} of members", method.share->text),
          "one member who is absent or does not vote blocks every decision under this rule",
          "ask for a share the community can reach without everyone (`vote 2/3 of members`), "
          "or use `consensus`, where those present decide and a block is a choice someone makes"},
         what, cx);
}

void LintRule(const ast::DecisionRule& rule, LintContext& cx) {
  std::string what = fmt::format("decision rule `{}`", rule.matter.name);
  LintMethod(rule.method, what, cx);
  if (!rule.quorum_share || !AllMembers(*rule.quorum_share)) return;
  Report(
      {*rule.quorum_share, fmt::format("needs a quorum of {} of members", rule.quorum_share->text),
       "one member who is absent blocks every decision under this rule",
       "a quorum says how many must take part for a decision to count; ask for a share "
       "the community can reach on an ordinary day (`quorum 50% of members`)"},
      what, cx);
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
