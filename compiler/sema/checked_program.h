// The result of sema: the program with every name resolved and every
// expression typed. This is what the model, concord, compat and IR phases
// read; they never resolve a name or compute a type themselves.
//
// Lookups are keyed by AST node address, so the Program (which owns the AST)
// must outlive its CheckedProgram. Every query answers for any node that sema
// reached; a node inside a declaration that was itself in error may have no
// answer (null), and then diagnostics have already been reported.
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compiler/sema/builtins.h"
#include "compiler/sema/constant.h"
#include "compiler/sema/program.h"
#include "compiler/sema/symbols.h"
#include "compiler/sema/types.h"

namespace concord::sema {

// What `x.y` reads: a field of a record type, or (on a charter named
// directly, `eastside_kitchen.meals_served`) one of that charter's metrics.
struct FieldRef {
  const RecordType* record = nullptr;
  int index = -1;                  // into record->fields
  const Symbol* metric = nullptr;  // set instead of record/index for a metric

  const Field* field() const {
    return record ? &record->fields[static_cast<size_t>(index)] : nullptr;
  }
};

// What a call calls: a standard function or a `fn` declaration.
struct CallTarget {
  std::optional<Builtin> builtin;
  const FnInfo* fn = nullptr;
};

class CheckedProgram {
 public:
  explicit CheckedProgram(const Program& program);
  CheckedProgram(const CheckedProgram&) = delete;
  CheckedProgram& operator=(const CheckedProgram&) = delete;

  const Program& program() const { return program_; }
  const TypeContext& types() const { return types_; }
  TypeContext& types() { return types_; }
  // Whether sema reported an error; later phases should stop when it did.
  bool has_errors() const { return has_errors_; }

  // --- declarations ---------------------------------------------------------
  // Charters, treaties, concords, fns and scenarios of every file, in program
  // order (a file after its imports).
  const NameTable& globals() const { return globals_; }
  const Symbol* FindGlobal(std::string_view name) const { return globals_.Find(name); }
  const std::vector<std::unique_ptr<CharterInfo>>& charters() const { return charters_; }
  const std::vector<std::unique_ptr<TreatyInfo>>& treaties() const { return treaties_; }
  const std::vector<std::unique_ptr<ConcordInfo>>& concords() const { return concords_; }
  const std::vector<std::unique_ptr<FnInfo>>& fns() const { return fns_; }
  const std::vector<std::unique_ptr<ScenarioInfo>>& scenarios() const { return scenarios_; }
  const CharterInfo* InfoOf(const ast::CharterDecl* decl) const;
  const TreatyInfo* InfoOf(const ast::TreatyDecl* decl) const;
  const ConcordInfo* InfoOf(const ast::ConcordDecl* decl) const;
  const FnInfo* InfoOf(const ast::FnDecl* decl) const;
  const ScenarioInfo* InfoOf(const ast::ScenarioDecl* decl) const;
  const CharterInfo* CharterOf(const Symbol* symbol) const;
  const TreatyInfo* TreatyOf(const Symbol* symbol) const;
  const ConcordInfo* ConcordOf(const Symbol* symbol) const;

  // --- expressions ----------------------------------------------------------
  // The type of an expression (after narrowing: inside `f.cap != none and
  // f.cap <= 50 EUR` the second `f.cap` is money<...>, not `money or none`).
  const Type* TypeOf(const ast::Expr* expr) const;
  const Symbol* SymbolOf(const ast::NameRef* name) const;
  // The symbol an identifier in a clause declares or refers to: a charter's
  // name, `parties a, b`, `concord minimal`, `on contribution c`, the names
  // of a scenario event, a parameter, a comprehension variable.
  const Symbol* SymbolAt(const ast::Identifier* identifier) const;
  const FieldRef* FieldOf(const ast::FieldAccess* access) const;
  const CallTarget* CallOf(const ast::CallExpr* call) const;
  std::optional<Builtin> AggregateOf(const ast::Comprehension* comprehension) const;
  const Symbol* VariableOf(const ast::Comprehension* comprehension) const;
  // The folded value of a constant expression (literals and operators over
  // them), or null.
  const Constant* ConstantOf(const ast::Expr* expr) const;
  // The one currency a ledger or fund holds when the program says it: a
  // ledger's `currency` clause, else its constant cap (a fund's cap, else its
  // floor); "" otherwise, when only its first payment will tell.
  std::string AccountCurrency(const Symbol* account) const;

 private:
  friend class Checker;
  friend class ExprChecker;

  Symbol* NewSymbol(SymbolKind kind, std::string name, diag::SourceRange range, const Type* type,
                    DeclRef decl, const Symbol* owner);

  const Program& program_;
  TypeContext types_;
  bool has_errors_ = false;
  std::vector<std::unique_ptr<Symbol>> symbols_;
  NameTable globals_;
  std::vector<std::unique_ptr<CharterInfo>> charters_;
  std::vector<std::unique_ptr<TreatyInfo>> treaties_;
  std::vector<std::unique_ptr<ConcordInfo>> concords_;
  std::vector<std::unique_ptr<FnInfo>> fns_;
  std::vector<std::unique_ptr<ScenarioInfo>> scenarios_;
  std::unordered_map<const void*, const void*> infos_;  // decl or symbol -> *Info

  std::unordered_map<const ast::Expr*, const Type*> expr_types_;
  std::unordered_map<const ast::NameRef*, const Symbol*> name_symbols_;
  std::unordered_map<const ast::Identifier*, const Symbol*> identifier_symbols_;
  std::unordered_map<const ast::FieldAccess*, FieldRef> fields_;
  std::unordered_map<const ast::CallExpr*, CallTarget> calls_;
  std::unordered_map<const ast::Comprehension*, std::optional<Builtin>> aggregates_;
  std::unordered_map<const ast::Comprehension*, const Symbol*> variables_;
  std::unordered_map<const ast::Expr*, Constant> constants_;
};

}  // namespace concord::sema
