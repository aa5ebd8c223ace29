// A contribution check's result as a diagnostic in the user's terms: "a
// member with income 2,600 EUR would owe 52 EUR per month under `fund
// solidarity`, above the 50 EUR that `eastside_kitchen` accepts".
#pragma once

#include <string>
#include <vector>

#include "compiler/compat/contribution.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/diag/source_manager.h"
#include "compiler/model/model.h"

namespace concord::compat {

struct WitnessContext {
  const model::Treaty& treaty;
  const model::Charter& charter;
  const std::vector<Payment>& payments;  // the treaty's own, or every active one (total)
  const Limit& limit;
  diag::SourceRange limit_range;  // the charter's `accept ... contribution` clause
  bool total = false;
  const diag::SourceManager& sources;
};

// K004/K005 for a conflict, K007 when it depends on the calendar, K008 on a
// timeout, K010 when a formula is out of the solver's reach.
diag::Diagnostic ContributionDiagnostic(const WitnessContext& ctx, const ContributionResult& r,
                                        const SolverOptions& limits);

// `2,600`, `52`, `2,500.01`, `0.50`: thousands separated, cents shown when
// there are any, more digits only when the amount has them.
std::string FormatAmount(values::Decimal amount);
// `per month`, `per 2 weeks`, `per lunar month`.
std::string PerText(const values::Duration& per);

}  // namespace concord::compat
