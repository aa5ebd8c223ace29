// L104: juries. "Rotating juries chosen by lottery, supplemented by a
// delegate from another unit, can model impartiality": a lottery keeps power
// from settling around dispute resolution, and outsiders carry fewer grudges.
#include <fmt/format.h>

#include "compiler/lint/clause_edits.h"
#include "compiler/lint/lints.h"

namespace concord::lint {
namespace {

constexpr std::string_view kLotteryDraw = "draw lottery from members excluding parties";
constexpr std::string_view kLotteryWhy =
    "a lottery gives every member the same chance to judge, so that no permanent power forms "
    "around settling disputes";

void LintJury(const ast::CharterDecl& charter, const ast::Jury& jury, LintContext& cx) {
  const std::string& name = charter.name.name;
  // The `jury` keyword: a one-line place to point at for what the section lacks.
  diag::SourceRange keyword = WordOf(cx.sources, jury.range, 0, "jury").value_or(jury.range);

  if (!jury.draw) {
    auto& d = cx.diags
                  .Report(diag::Code::L104, keyword, "jury of charter", name,
                          "does not say how jurors are drawn")
                  .WithNote("a jury without a `draw` clause is appointed")
                  .WithHelp(std::string(kLotteryWhy));
    if (auto fix = InsertClause(cx.sources, jury.range, kLotteryDraw, "draw jurors by lottery")) {
      d.fixits.push_back(*fix);
    }
  } else if (jury.draw->mode == ast::DrawMode::kRotation) {
    auto& d = cx.diags
                  .Report(diag::Code::L104, jury.draw->range, "jury of charter", name,
                          "is drawn by rotation, not by lottery")
                  .WithHelp(std::string(kLotteryWhy));
    if (auto word = WordOf(cx.sources, jury.draw->range, 1, "rotation")) {
      d.WithFix(*word, "lottery", "draw jurors by lottery");
    }
  } else if (jury.draw->mode == ast::DrawMode::kAppointed) {
    cx.diags
        .Report(diag::Code::L104, jury.draw->range, "jury of charter", name,
                "is appointed, not drawn by lottery")
        .WithHelp(std::string(kLotteryWhy))
        .WithFix(jury.draw->range, std::string(kLotteryDraw), "draw jurors by lottery");
  }

  constexpr std::string_view kOutsiderWhy =
      "invite a delegate from an allied community for serious disputes: outsiders carry fewer "
      "grudges, and autonomy does not have to mean isolation";
  if (!jury.external) {
    auto& d = cx.diags
                  .Report(diag::Code::L104, keyword, "jury of charter", name,
                          "has no external delegate for serious disputes")
                  .WithHelp(std::string(kOutsiderWhy));
    if (auto fix = InsertClause(cx.sources, jury.range, "external 1 from allies when serious",
                                "add a delegate from an ally")) {
      d.fixits.push_back(*fix);
    }
  } else if (jury.external->count < 1) {
    auto& d = cx.diags
                  .Report(diag::Code::L104, jury.external->range, "jury of charter", name,
                          "invites no external delegate for serious disputes")
                  .WithHelp(std::string(kOutsiderWhy));
    if (auto count =
            WordOf(cx.sources, jury.external->range, 1, std::to_string(jury.external->count))) {
      d.WithFix(*count, "1", "invite one delegate");
    }
  }
}

}  // namespace

void LintJuries(const ast::File& file, LintContext& cx) {
  for (const ast::CharterDecl& charter : file.charters) {
    if (charter.jury) {
      LintJury(charter, *charter.jury, cx);
      continue;
    }
    cx.diags
        .Report(diag::Code::L104, charter.name.range, "charter", charter.name.name, "has no jury")
        .WithNote("without a `jury` section, whoever is appointed settles disputes")
        .WithHelp(
            "add a `jury` section with `draw lottery from members excluding parties` and "
            "`external 1 from allies when serious`");
  }
}

}  // namespace concord::lint
