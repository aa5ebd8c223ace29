// Lowering: from a checked program's typed AST to the IR. Sema has resolved
// every name and typed every expression; lowering only chooses the specific
// op for each operator, inserts the conversions sema's typing implies (int to
// decimal, a run-time currency check), reuses the constants sema folded, and
// resolves names to slots and host questions.
//
//   ir::Module module;
//   lower::Lowerer lower(checked, module);
//   lower::Lowered<const ir::Function*> fn = lower.LowerFn("capped");
//   lower::Lowered<const ir::Root*> c002 = lower.LowerRoot(
//       "C002", *requirement.condition, {lower::Binding::Implicit(sema::Implicit::kCharter)});
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/ir/ir.h"
#include "compiler/ir/print.h"
#include "compiler/sema/checked_program.h"

namespace concord::lower {

// A name bound to an input of a Root: one symbol (a rule's trigger variable,
// `sema.SymbolAt(&rule.trigger->variable)`), or every implicit symbol of a
// kind (`charter`, `treaty`, `income`), because each concord, charter and
// treaty declares its own symbol for those.
struct Binding {
  std::string name;
  const sema::Symbol* symbol = nullptr;
  sema::Implicit implicit = sema::Implicit::kNone;

  static Binding Of(const sema::Symbol* symbol) {
    return Binding{symbol ? symbol->name : std::string(), symbol, sema::Implicit::kNone};
  }
  static Binding Implicit(sema::Implicit implicit) {
    return Binding{sema::ImplicitName(implicit), nullptr, implicit};
  }
};

// Why an expression has no IR: sema did not type it (the program had errors
// there) or it names something that is not a value. Callers lower only
// programs without errors, so this is an internal failure, reported as data.
struct LowerError {
  std::string message;
  diag::SourceRange range;
};

template <typename T>
struct Lowered {
  T value{};
  std::optional<LowerError> error;
  bool ok() const { return !error.has_value(); }
};

class Lowerer {
 public:
  // Mirrors every record and enum of the program's types into `module`
  // (Module::FindShape("member") is then the shape hosts build members with).
  Lowerer(const sema::CheckedProgram& program, ir::Module& module);
  Lowerer(const Lowerer&) = delete;
  Lowerer& operator=(const Lowerer&) = delete;

  // A `fn` declaration, lowered once (its callees first) and kept in the module.
  Lowered<const ir::Function*> LowerFn(const sema::FnInfo& fn);
  Lowered<const ir::Function*> LowerFn(std::string_view name);
  // Every fn of the program; the first failure, if any.
  std::optional<LowerError> LowerAllFns();

  // One expression as a Root whose inputs are `inputs`, in order.
  Lowered<const ir::Root*> LowerRoot(std::string name, const ast::Expr& expr,
                                     const std::vector<Binding>& inputs);

  // The IR type of a sema type; null for the error type.
  const ir::Type* TypeOf(const sema::Type* type);

  // The shape mirroring an enum of the program.
  std::shared_ptr<const ir::EnumShape> ShapeOf(const sema::EnumType* type) const;

  const sema::CheckedProgram& program() const { return program_; }
  ir::Module& module() { return module_; }

 private:
  void MirrorSchema();
  std::optional<LowerError> LowerCallees(const ast::Expr& expr);
  // A fn's IR without its body (an error if it is recursive or ill-typed).
  Lowered<std::unique_ptr<ir::Function>> LowerSignature(const sema::FnInfo& fn);
  // Lowers `fn`'s body into `function` (its callees already lowered) and
  // adds it to the module.
  std::optional<LowerError> LowerBody(const sema::FnInfo& fn,
                                      std::unique_ptr<ir::Function> function);

  const sema::CheckedProgram& program_;
  ir::Module& module_;
  std::map<const sema::RecordType*, std::shared_ptr<const ir::RecordShape>> shapes_;
  std::map<const sema::EnumType*, std::shared_ptr<const ir::EnumShape>> enums_;
  std::map<const sema::Type*, const ir::Type*> types_;
  std::map<const sema::FnInfo*, const ir::Function*> lowered_fns_;
  // The fns whose callees are being lowered (a callee among them is a cycle).
  std::set<const sema::FnInfo*> in_progress_;
};

}  // namespace concord::lower
