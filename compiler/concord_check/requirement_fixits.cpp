// Fix-its for broken requirements (see requirement_fixits.h).
#include "compiler/concord_check/requirement_fixits.h"

#include <fmt/format.h>

#include <cctype>

#include "compiler/diag/insert_clause.h"

namespace concord::concord_check {
namespace {

// The minimal concord's recommendation for rulings (docs/codes/C020.md): long
// enough for a ruling to settle a dispute, short enough that nobody is bound
// by a judgement the community no longer stands behind.
constexpr std::string_view kExpiringRuling = "ruling expires after 3 months unless reaffirmed";

// `FIELD <= 30 days` broken at a duration as written (`1 month`): the bound
// is the longest duration the requirement accepts for every calendar, so it
// is the closest text that satisfies it.
void AddBoundFix(const ast::Requirement& requirement, const diag::SourceManager& sources,
                 diag::Diagnostic& d) {
  const auto* comparison = requirement.condition ? requirement.condition->As<ast::BinaryExpr>()
                                                 : nullptr;
  if (!comparison || comparison->op != ast::BinaryOp::kLe) return;
  if (!comparison->lhs->As<ast::FieldAccess>() || !comparison->rhs->As<ast::DurationLit>()) return;
  std::string_view written = sources.Slice(d.range);
  // Only where the offending clause is the duration itself, not a section or
  // a name the checker fell back to.
  if (written.empty() || !std::isdigit(static_cast<unsigned char>(written[0]))) return;
  std::string bound(sources.Slice(comparison->rhs->range));
  if (bound.empty() || written == bound) return;
  d.WithFix(d.range, bound,
            fmt::format("write `{}`, the longest the requirement accepts", bound));
}

void AddMinimalFix(const ast::Requirement& requirement, const diag::SourceManager& sources,
                   diag::Diagnostic& d) {
  if (requirement.code.value != "C020") return;
  std::string_view written = sources.Slice(d.range);
  const std::string description = "let rulings expire unless the community reaffirms them";
  if (written.starts_with("ruling")) {
    d.WithFix(d.range, std::string(kExpiringRuling), description);
  } else if (written.starts_with("jury")) {
    if (auto fix = diag::InsertClause(sources, d.range, kExpiringRuling, description)) {
      d.fixits.push_back(*fix);
    }
  }
}

}  // namespace

void AddRequirementFixIts(const ast::Requirement& requirement, bool from_minimal,
                          const diag::SourceManager& sources, diag::Diagnostic& d) {
  AddBoundFix(requirement, sources, d);
  if (from_minimal) AddMinimalFix(requirement, sources, d);
}

}  // namespace concord::concord_check
