// L113: offices that do not come back to the members. The seed warns that
// "leaders entrench" and asks for "rotating, time-limited power": an office
// without a term is held until the charter changes, and an office the members
// cannot recall answers to nobody between elections.
#include <fmt/format.h>

#include "compiler/lint/clause_edits.h"
#include "compiler/lint/lints.h"

namespace concord::lint {
namespace {

constexpr std::string_view kTerm = "term 1 year";
constexpr std::string_view kRecall = "recall by 25% of members";

void LintOffice(const ast::Office& office, LintContext& cx) {
  const std::string& name = office.name.name;
  if (!office.term) {
    auto& d = cx.diags.Report(diag::Code::L113, office.name.range, name, "has no term")
                  .WithNote("an office without `term` is held until the charter changes")
                  .WithHelp(
                      "time-limited power keeps leaders from entrenching: give the office a "
                      "term, after which its seats are filled again");
    // `held by NAME` names one person for good; a term there is a different
    // office (`chosen by election`), which the writer has to decide on.
    if (!office.held_by) {
      if (auto fix =
              InsertClause(cx.sources, office.range, kTerm, "give the office a one-year term")) {
        d.fixits.push_back(*fix);
      }
    } else {
      d.WithNote(fmt::format("the office is held by `{}` alone", office.held_by->name),
                 office.held_range);
    }
  }
  if (!office.recall) {
    auto& d = cx.diags.Report(diag::Code::L113, office.name.range, name,
                              "cannot be recalled by the members")
                  .WithNote("without `recall by P of members`, the holders stay until their term ends")
                  .WithHelp(
                      "let a petition of a share of the members force a recall vote, so that "
                      "power answers to the members between elections");
    if (auto fix =
            InsertClause(cx.sources, office.range, kRecall, "let a quarter of the members recall")) {
      d.fixits.push_back(*fix);
    }
  }
}

}  // namespace

void LintOffices(const ast::File& file, LintContext& cx) {
  for (const ast::CharterDecl& charter : file.charters) {
    for (const ast::Office& office : charter.offices) LintOffice(office, cx);
  }
}

}  // namespace concord::lint
