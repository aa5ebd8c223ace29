// `concord compat`: can each party sign a treaty, given its charter, the
// concord it claims and the treaties it already has? Checked before anyone
// signs, against
//   (a) the concord each party claims (its requirements that read `treaty`),
//   (b) every `accept` limit of the party's `treaties { ... }` section: term,
//       notice, renewal mode, contribution per period (Z3, contribution.h),
//   (c) the total contribution over the party's active treaties.
// A conflict is a diagnostic (K001-K010) at the treaty clause, with the
// charter clause as a secondary label. See docs/reference-compat.md.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/compat/contribution.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/diag/source_manager.h"
#include "compiler/lower/lower.h"
#include "compiler/model/model.h"
#include "compiler/model/model_values.h"
#include "compiler/sema/checked_program.h"

namespace concord::compat {

struct CompatOptions {
  SolverOptions solver;
};

struct PartyVerdict {
  std::string party;
  const model::Charter* charter = nullptr;
  // The other treaties the party is bound by while this one runs.
  std::vector<const model::Treaty*> active;
  std::vector<diag::Diagnostic> conflicts;
  bool compatible() const { return conflicts.empty(); }
};

struct TreatyVerdict {
  const model::Treaty* treaty = nullptr;
  std::vector<PartyVerdict> parties;
  bool compatible() const;
};

struct Stats {
  int checks = 0;        // contribution checks (one per limit and party)
  int solver_calls = 0;  // Z3 queries; zero when every check was decided without it
};

// A treaty T is *active* for a party P while checking a candidate C when T is
// another treaty of the given files, names P among its parties, and the
// periods in force overlap: [effective, effective + term) for each, where a
// treaty renewed automatically has no end. `effective + term` is calendar
// arithmetic (2027-01-31 + 1 month = 2027-02-28).
bool ActiveAlongside(const model::Treaty& candidate, const model::Treaty& other,
                     std::string_view party);

class Checker {
 public:
  Checker(const sema::CheckedProgram& program, const model::Model& model,
          const diag::SourceManager& sources, CompatOptions options);
  Checker(const Checker&) = delete;
  Checker& operator=(const Checker&) = delete;

  // Every party of `treaty`, or only `only_party` when it is given (a
  // charter that is not a party gets a K009 conflict).
  TreatyVerdict Check(const model::Treaty& treaty, const std::optional<std::string>& only_party);

  const Stats& stats() const { return stats_; }

  // The building blocks, for tests: what a member pays under each fund of a
  // treaty, and what a charter accepts (`total` for the total limit).
  std::vector<Payment> PaymentsOf(const model::Treaty& treaty);
  std::optional<Limit> LimitOf(const model::Charter& charter, bool total);

 private:
  PartyVerdict CheckParty(const model::Treaty& treaty, const model::Charter& charter);
  void CheckConcord(const model::Treaty& treaty, const model::Charter& charter,
                    std::vector<diag::Diagnostic>& out);
  void CheckDurations(const model::Treaty& treaty, const model::Charter& charter,
                      std::vector<diag::Diagnostic>& out);
  void CheckContributions(const model::Treaty& treaty, const model::Charter& charter,
                          const std::vector<const model::Treaty*>& active,
                          std::vector<diag::Diagnostic>& out);
  const ir::Root* Lower(const std::string& name, const ast::Expr* expr);
  std::string Text(diag::SourceRange range) const;

  const sema::CheckedProgram& program_;
  const model::Model& model_;
  const diag::SourceManager& sources_;
  CompatOptions options_;
  ir::Module module_;
  lower::Lowerer lowerer_;
  model::ModelValues values_;
  std::map<const ast::Expr*, const ir::Root*> formulas_;
  std::map<std::pair<const sema::RequirementInfo*, size_t>, const ir::Root*> requirements_;
  std::map<std::string, values::Value> charter_values_;
  ContributionChecker contributions_;
  Stats stats_;
};

}  // namespace concord::compat
