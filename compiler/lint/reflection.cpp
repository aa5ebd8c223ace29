// L106: ritualised reflection. "Internal drift often comes from boredom.
// Schedule periodic assemblies devoted not to logistics but to asking whether
// the community still embodies its founding principles."
#include <fmt/format.h>

#include "compiler/lint/clause_edits.h"
#include "compiler/lint/lints.h"

namespace concord::lint {

void LintReflection(const ast::File& file, LintContext& cx) {
  for (const ast::CharterDecl& charter : file.charters) {
    if (charter.reflection) continue;
    auto& d = cx.diags.Report(diag::Code::L106, charter.name.range, charter.name.name)
                  .WithHelp(
                      "schedule an assembly about nothing practical, to ask whether the "
                      "community is still what it set out to be; it counters drift");
    if (auto fix = InsertClause(cx.sources, charter.range, "reflection every 6 months",
                                "hold a reflection assembly twice a year")) {
      d.fixits.push_back(*fix);
    }
  }
}

}  // namespace concord::lint
