// L103: stress games. "Do not wait for crisis to test your design. Simulate
// scarcity. Stage mock infiltration scenarios. Rotate who designs these
// stress games so no single worldview dominates."
#include <fmt/format.h>

#include "compiler/lint/clause_edits.h"
#include "compiler/lint/lints.h"

namespace concord::lint {

void LintStressGames(const ast::File& file, LintContext& cx) {
  for (const ast::CharterDecl& charter : file.charters) {
    const std::string& name = charter.name.name;
    if (!charter.stress_game) {
      auto& d = cx.diags.Report(diag::Code::L103, charter.name.range, name, "plays no stress games")
                    .WithHelp(
                        "rehearse a bad day (a lost supplier, a sick crew, an infiltrator) "
                        "before it comes, with a different designer each time, and debrief "
                        "in public");
      if (auto fix = InsertClause(cx.sources, charter.range,
                                  "stress_game every 3 months designer rotates among members",
                                  "play a stress game every season")) {
        d.fixits.push_back(*fix);
      }
      continue;
    }
    if (!charter.stress_game->designer) {
      const diag::SourceRange clause = charter.stress_game->range;
      cx.diags
          .Report(diag::Code::L103, clause, name, "does not rotate who designs its stress games")
          .WithHelp(
              "when the same people always design the games, the community only rehearses "
              "the crises they imagine")
          .WithFix({clause.file, clause.end, clause.end}, " designer rotates among members",
                   "let every member take a turn");
    }
  }
}

}  // namespace concord::lint
