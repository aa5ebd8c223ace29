// Which requirement applies to what: a requirement that reads `charter` is
// checked against every charter claiming its concord (or a concord that
// extends it); one that reads `treaty` against every treaty, once for each
// distinct requirement among its parties' concords (binding `charter` to the
// party when it reads both). Where it failed is found by tracing the model
// fields the evaluation read: the last one read is the clause that decided.
#include "compiler/concord_check/check_concords.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include "compiler/concord_check/requirement_fixits.h"
#include "compiler/lower/lower.h"
#include "compiler/model/model_values.h"
#include "runtime/interp/interp.h"

namespace concord::concord_check {
namespace {

using values::Value;

class Checker {
 public:
  Checker(const sema::CheckedProgram& program, const model::Model& model,
          diag::DiagnosticEngine& diags)
      : program_(program),
        model_(model),
        diags_(diags),
        lowerer_(program, module_),
        values_(module_) {}

  void Run() {
    std::map<std::string, Value> charter_values;
    for (const model::Charter& c : model_.charters) charter_values[c.name] = values_.Charter(c);

    for (const model::Charter& c : model_.charters) {
      const sema::CharterInfo* info = program_.InfoOf(c.decl);
      if (!info || !info->concord) continue;
      for (const sema::RequirementInfo* req : RequirementsOf(program_, *info->concord)) {
        if (!req->uses_charter || req->uses_treaty) continue;
        Check(*req, *info->concord, "charter", c.name, c.name_range, c.concord.range,
              {charter_values[c.name]}, {sema::Implicit::kCharter});
      }
    }

    for (const model::Treaty& t : model_.treaties) {
      Value treaty = values_.Treaty(t);
      const sema::TreatyInfo* info = program_.InfoOf(t.decl);
      if (!info) continue;
      std::set<const sema::RequirementInfo*> done;
      for (const sema::CharterInfo* party : info->parties) {
        if (!party->concord) continue;
        for (const sema::RequirementInfo* req : RequirementsOf(program_, *party->concord)) {
          if (!req->uses_treaty) continue;
          if (req->uses_charter) {
            Check(*req, *party->concord, "treaty", t.name, t.name_range, {},
                  {treaty, charter_values[party->symbol->name]},
                  {sema::Implicit::kTreaty, sema::Implicit::kCharter});
          } else if (done.insert(req).second) {
            Check(*req, *party->concord, "treaty", t.name, t.name_range, {}, {treaty},
                  {sema::Implicit::kTreaty});
          }
        }
      }
    }
  }

 private:
  const ir::Root* Lowered(const sema::RequirementInfo& req,
                          const std::vector<sema::Implicit>& inputs) {
    auto key = std::make_pair(&req, inputs.size());
    auto it = roots_.find(key);
    if (it != roots_.end()) return it->second;
    std::vector<lower::Binding> bindings;
    for (sema::Implicit i : inputs) bindings.push_back(lower::Binding::Implicit(i));
    auto root =
        lowerer_.LowerRoot(req.requirement->code.value, *req.requirement->condition, bindings);
    const ir::Root* result = root.ok() ? root.value : nullptr;
    if (!root.ok()) {
      diag::Diagnostic d;
      d.code = diag::Code::R025;
      d.range = root.error->range;
      d.message = fmt::format("cannot evaluate this requirement: {}", root.error->message);
      diags_.Add(std::move(d));
    }
    roots_[key] = result;
    return result;
  }

  void Check(const sema::RequirementInfo& req, const sema::ConcordInfo& claimed, const char* what,
             const std::string& name, diag::SourceRange name_range, diag::SourceRange claim_range,
             const std::vector<Value>& inputs, const std::vector<sema::Implicit>& bindings) {
    const ir::Root* root = Lowered(req, bindings);
    if (!root) return;
    interp::EvalOptions options;
    options.trace_fields = true;
    interp::Outcome out = interp::Evaluate(*root, inputs, options);
    const ast::Requirement& r = *req.requirement;
    if (out.status == interp::Status::kError && out.error) {
      diag::Diagnostic d = out.error->ToDiagnostic();
      d.WithNote(
          fmt::format("while checking {} `{}` against requirement {}", what, name, r.code.value),
          r.range);
      diags_.Add(std::move(d));
      return;
    }
    bool satisfied = out.ok() && out.value.AsBool() && *out.value.AsBool();
    if (satisfied) return;

    // The offending clause: the last model field the requirement read.
    diag::SourceRange at = name_range;
    for (auto it = out.fields_read.rbegin(); it != out.fields_read.rend(); ++it) {
      if (it->valid()) {
        at = *it;
        break;
      }
    }
    std::optional<diag::Code> registered = diag::CodeFromName(r.code.value);
    diag::Code code = registered && r.code.value[0] == 'C' ? *registered : diag::Code::C000;
    // A requirement of a concord outside the claimed one's `extends` chain
    // applies because the minimal concord binds everyone (§3.2 of
    // reference-concords): name the concord it comes from, not the one the
    // charter claims, which does not contain it.
    bool inherited = false;
    for (const sema::ConcordInfo* c = &claimed; c; c = c->extends) inherited |= c == req.concord;
    const std::string& concord_name =
        inherited ? claimed.symbol->name : req.concord->symbol->name;
    diag::Diagnostic& d = diags_.Report(code, at, what, name, concord_name, r.reason.value);
    if (code == diag::Code::C000) d.custom_code = r.code.value;
    if (at != name_range) d.WithLabel(name_range, fmt::format("in this {}", what));
    if (claim_range.valid()) d.WithLabel(claim_range, "the concord it claims");
    for (const interp::Undecided& u : out.undecided) {
      d.WithNote(
          fmt::format("this cannot be decided for every calendar, so it is not "
                      "satisfied: {}",
                      u.explanation));
    }
    const std::string& owner = req.concord->symbol->name;
    if (!inherited) {
      d.WithNote(fmt::format(
          "the concord `{}` applies to every {}, whatever concord it claims; `{}` does not "
          "extend it, so its requirements are checked as well as `{}`'s",
          owner, what, claimed.symbol->name, claimed.symbol->name));
    }
    d.WithNote(fmt::format("required by concord `{}` here", owner), r.range);
    AddRequirementFixIts(r, req.concord->symbol->name == "minimal", program_.program().sources, d);
  }

  const sema::CheckedProgram& program_;
  const model::Model& model_;
  diag::DiagnosticEngine& diags_;
  ir::Module module_;
  lower::Lowerer lowerer_;
  model::ModelValues values_;
  std::map<std::pair<const sema::RequirementInfo*, size_t>, const ir::Root*> roots_;
};

}  // namespace

void CheckConcords(const sema::CheckedProgram& program, const model::Model& model,
                   diag::DiagnosticEngine& diags) {
  Checker(program, model, diags).Run();
}

std::vector<const sema::RequirementInfo*> RequirementsOf(const sema::CheckedProgram& program,
                                                         const sema::ConcordInfo& claimed) {
  std::vector<const sema::RequirementInfo*> out = claimed.AllRequirements();
  const sema::ConcordInfo* minimal = nullptr;
  for (const auto& c : program.concords()) {
    if (c->symbol && c->symbol->name == "minimal") minimal = c.get();
  }
  bool extends_minimal = false;
  for (const sema::ConcordInfo* c = &claimed; c; c = c->extends) extends_minimal |= c == minimal;
  if (minimal && !extends_minimal) {
    std::vector<const sema::RequirementInfo*> base = minimal->AllRequirements();
    out.insert(out.begin(), base.begin(), base.end());
  }
  return out;
}

}  // namespace concord::concord_check
