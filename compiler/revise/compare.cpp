// Matching declarations by name across versions and checking the quota. The
// quota is the old version's: a revision is held to the rule that was in force
// when the cycle began, so lowering the quota cannot excuse the revision that
// lowers it.
#include "compiler/revise/compare.h"

#include <fmt/format.h>

#include <type_traits>

#include "compiler/diag/one_line.h"
#include "compiler/revise/merged_sources.h"
#include "compiler/revise/quota.h"
#include "compiler/revise/rule_form.h"
#include "compiler/revise/structure.h"
#include "compiler/revise/structure_lints.h"

namespace concord::revise {
namespace {

using diag::Code;

// The source of a clause on one line, whitespace collapsed: `quota 25% of rules`.
std::string ClauseText(const sema::Program& program, diag::SourceRange range) {
  return diag::OneLine(program.sources.Slice(range));
}

std::string Plural(int64_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string NameList(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "`" : ", `") + n + "`";
  return out;
}

std::optional<std::string> TitleOf(const std::optional<ast::Located<std::string>>& title) {
  if (!title) return std::nullopt;
  return title->value;
}

template <typename Decl>
const Decl* FindByName(const std::vector<const Decl*>& decls, const std::string& name) {
  for (const Decl* d : decls) {
    if (d->name.name == name) return d;
  }
  return nullptr;
}

class Comparer {
 public:
  Comparer(const Version& before, const Version& after, diag::DiagnosticEngine& diags)
      : before_(before), after_(after), diags_(diags) {}

  std::vector<UnitReport> Run() {
    std::vector<UnitReport> units;
    Units(Decls(before_, &ast::File::charters), Decls(after_, &ast::File::charters),
          OwnerKind::kCharter, units);
    Units(Decls(before_, &ast::File::treaties), Decls(after_, &ast::File::treaties),
          OwnerKind::kTreaty, units);
    return units;
  }

 private:
  // The declarations of one kind in every compared file of `version`, in order.
  template <typename Decl>
  static std::vector<const Decl*> Decls(const Version& version,
                                        std::vector<Decl> ast::File::*member) {
    std::vector<const Decl*> out;
    for (const ast::File* file : version.files) {
      for (const Decl& d : file->*member) out.push_back(&d);
    }
    return out;
  }

  template <typename Decl>
  void Units(const std::vector<const Decl*>& old_decls, const std::vector<const Decl*>& new_decls,
             OwnerKind kind, std::vector<UnitReport>& units) {
    for (const Decl* now_ptr : new_decls) {
      const Decl& now = *now_ptr;
      if (FindByName(new_decls, now.name.name) != &now) continue;  // E0202 in the new version
      const Decl* was = FindByName(old_decls, now.name.name);
      UnitReport unit = Unit(kind, now, was ? Presence::kBoth : Presence::kOnlyNew);
      unit.rules_before = was ? was->rules.size() : 0;
      unit.changes =
          DiffRules(was ? RuleVersionsOf(was->rules, before_) : std::vector<RuleVersion>{},
                    RuleVersionsOf(now.rules, after_));
      if (was) unit.structure = DiffStructure(StructureOf(*was, before_), StructureOf(now, after_));
      if constexpr (std::is_same_v<Decl, ast::CharterDecl>) {
        if (was) {
          unit.quota = Quota(*was, now, unit.changes);
          LintStructure(*was, now, before_, after_, diags_);
        }
      }
      units.push_back(std::move(unit));
    }
    for (const Decl* was_ptr : old_decls) {
      const Decl& was = *was_ptr;
      if (FindByName(old_decls, was.name.name) != &was) continue;
      if (FindByName(new_decls, was.name.name)) continue;
      UnitReport unit = Unit(kind, was, Presence::kOnlyOld);
      unit.rules_before = was.rules.size();
      unit.rules_after = 0;
      unit.changes = DiffRules(RuleVersionsOf(was.rules, before_), {});
      const char* word = kind == OwnerKind::kCharter ? "charter" : "treaty";
      diags_.Report(Code::L112, Shifted(was.name.range, before_.file_offset), word, was.name.name)
          .WithNote(was.rules.size() == 1
                        ? std::string("its rule is reported as removed, and no quota is checked")
                        : fmt::format("its {} rules are reported as removed, and no quota is "
                                      "checked",
                                      was.rules.size()))
          .WithHelp(kind == OwnerKind::kCharter
                        ? "if the charter was renamed, keep its old name for this revision so "
                          "that it is held to its quota"
                        : "if the treaty was renamed, keep its old name for this revision so "
                          "that its rules are compared");
      units.push_back(std::move(unit));
    }
  }

  template <typename Decl>
  UnitReport Unit(OwnerKind kind, const Decl& decl, Presence presence) {
    UnitReport unit;
    unit.kind = kind;
    unit.name = decl.name.name;
    unit.title = TitleOf(decl.title);
    unit.presence = presence;
    unit.rules_after = presence == Presence::kOnlyOld ? 0 : decl.rules.size();
    return unit;
  }

  QuotaCheck Quota(const ast::CharterDecl& was, const ast::CharterDecl& now,
                   const RuleChanges& changes) {
    QuotaCheck q;
    q.rules_in_force = static_cast<int64_t>(was.rules.size());
    std::vector<std::string> burned = changes.Burned();
    q.changed = static_cast<int64_t>(burned.size());
    if (!was.revision || !was.revision->quota) return q;  // E0211 in the old version
    const ast::Revision& old_revision = *was.revision;
    q.clause = ClauseText(*before_.program, old_revision.quota_range);
    diag::SourceRange old_clause = Shifted(old_revision.quota_range, before_.file_offset);

    QuotaValue value = EvaluateQuota(*old_revision.quota, q.rules_in_force);
    if (!value.rules) {
      q.status = QuotaStatus::kUnevaluable;
      q.why_unevaluable = value.why_not;
      diags_.Report(Code::L111, old_clause, q.clause, value.why_not)
          .WithNote("the runtime still checks this quota at each cycle (R001)")
          .WithHelp(
              "write the quota as a share of the rules (`quota 25% of rules`) or a number "
              "(`quota 2 rules`)");
      return q;
    }
    q.required = *value.rules;
    q.exact = value.exact;
    q.status = q.changed >= q.required ? QuotaStatus::kMet : QuotaStatus::kMissed;
    if (q.status == QuotaStatus::kMet) return q;
    if (old_revision.quota_counts == ast::QuotaCounting::kReconsidered) {
      // Rules reaffirmed at the assembly count too, and a reaffirmation
      // leaves no trace in the text: only the runtime can tell.
      q.status = QuotaStatus::kUnevaluable;
      q.why_unevaluable = fmt::format(
          "it counts rules reaffirmed at an assembly, which the text does not show, and this "
          "revision changes {} of the {} it needs",
          q.changed, q.required);
      diags_.Report(Code::L111, old_clause, q.clause, q.why_unevaluable)
          .WithNote("the runtime checks this quota at each cycle, counting `reaffirm NAME` (R001)")
          .WithHelp(
              fmt::format("reaffirm {} more {} at the assembly, or amend, remove or replace them",
                          q.required - q.changed, q.required - q.changed == 1 ? "rule" : "rules"));
      return q;
    }

    // Point at the new version's quota, where the author is working; fall
    // back to its revision section or the charter's name.
    diag::SourceRange where = now.name.range;
    std::string new_clause;
    if (now.revision && now.revision->quota) {
      where = now.revision->quota_range;
      new_clause = ClauseText(*after_.program, now.revision->quota_range);
    } else if (now.revision) {
      where = now.revision->range;
    }
    diag::Diagnostic& d =
        diags_.Report(Code::R001, Shifted(where, after_.file_offset), q.changed, q.rules_in_force,
                      q.rules_in_force == 1 ? "" : "s", q.required);
    std::string arithmetic = fmt::format("`{}` of {} is {}", q.clause,
                                         Plural(q.rules_in_force, "rule", "rules"), value.exact);
    if (value.exact != std::to_string(q.required)) {
      arithmetic += fmt::format(", so {}", Plural(q.required, "rule", "rules"));
    }
    if (new_clause != q.clause) {
      d.WithLabel(old_clause,
                  "the old version's quota, which this revision is held to: " + arithmetic);
    } else {
      d.WithNote("the quota of the old version holds for this revision: " + arithmetic);
    }
    d.WithNote(burned.empty()
                   ? std::string("no rule of the old version was amended, removed or replaced")
                   : "changed: " + NameList(burned));
    if (!changes.added.empty() || !changes.renamed.empty() || !changes.retitled.empty()) {
      d.WithNote("added rules, renamed rules and new titles do not burn an old rule");
    }
    int64_t missing = q.required - q.changed;
    d.WithHelp(fmt::format("amend, remove or replace {} more {} of the old version", missing,
                           missing == 1 ? "rule" : "rules"));
    return q;
  }

  const Version& before_;
  const Version& after_;
  diag::DiagnosticEngine& diags_;
};

}  // namespace

std::vector<RuleVersion> RuleVersionsOf(const std::vector<ast::Rule>& rules,
                                        const Version& version) {
  std::vector<RuleVersion> out;
  for (const ast::Rule& r : rules) {
    RuleVersion v;
    v.name = r.name.name;
    v.title = TitleOf(r.title);
    if (r.replaces) v.replaces = r.replaces->name;
    v.form = CanonicalRuleBody(version.program->sources.Slice(r.range));
    v.name_range = Shifted(r.name.range, version.file_offset);
    v.range = Shifted(r.range, version.file_offset);
    out.push_back(std::move(v));
  }
  return out;
}

std::vector<UnitReport> CompareVersions(const Version& before, const Version& after,
                                        diag::DiagnosticEngine& diags) {
  return Comparer(before, after, diags).Run();
}

}  // namespace concord::revise
