// Turns an ANTLR parse tree into our AST. Internal to compiler/syntax/: this
// header and its .cpp files are the only places that name generated types.
//
// The parse tree may be incomplete after error recovery (missing children,
// conjured tokens), so every accessor result is checked; a clause that lacks
// a piece is simply left out, because its syntax error is already reported.
#pragma once

#include <string>
#include <vector>

#include "ConcordParser.h"
#include "compiler/diag/engine.h"
#include "compiler/diag/source_manager.h"
#include "compiler/syntax/ast.h"

namespace concord::syntax {

using P = concord_antlr::ConcordParser;

class AstBuilder {
 public:
  // `byte_offsets[i]` is the byte offset of code point i (ANTLR indexes code
  // points); it has one extra entry for the end of the text.
  AstBuilder(diag::FileId file, const std::vector<uint32_t>& byte_offsets,
             diag::DiagnosticEngine& diags, uint32_t max_depth)
      : file_(file), byte_offsets_(byte_offsets), diags_(diags), max_depth_(max_depth) {}

  ast::File BuildFile(P::FileContext* ctx);

  // --- locations and tokens (builder.cpp) ---
  diag::SourceRange Range(antlr4::ParserRuleContext* ctx) const;
  diag::SourceRange Range(antlr4::Token* token) const;
  diag::SourceRange Range(antlr4::tree::TerminalNode* node) const;
  // Null when the node is absent or was conjured by error recovery.
  static antlr4::Token* Real(antlr4::tree::TerminalNode* node);
  ast::Identifier Ident(P::IdentContext* ctx) const;
  std::optional<ast::Located<std::string>> String(antlr4::tree::TerminalNode* node);
  std::optional<ast::Located<values::Date>> DateOf(antlr4::tree::TerminalNode* node);
  std::optional<int64_t> IntOf(antlr4::tree::TerminalNode* node);
  std::optional<ast::Located<std::string>> Title(P::TitleContext* ctx);
  std::optional<ast::Period> PeriodOf(P::PeriodContext* ctx);
  std::optional<values::DurationUnit> UnitOf(P::DurationUnitContext* ctx);
  std::optional<ast::Rotation> RotationOf(P::RotationContext* ctx);
  std::optional<ast::Located<ast::RenewalMode>> RenewalOf(P::RenewalModeContext* ctx);
  // Reports E0110 when `seen` is already set; returns true when the clause
  // is the first of its kind and should be kept.
  bool FirstClause(bool seen, diag::SourceRange first, diag::SourceRange again, const char* clause,
                   const std::string& where);

  // --- expressions (build_exprs.cpp) ---
  ast::ExprPtr Expr(P::ExprContext* ctx);

  // --- declarations (build_decls.cpp, build_scenarios.cpp) ---
  std::optional<ast::FnDecl> Fn(P::FnDeclContext* ctx);
  std::optional<ast::ConcordDecl> Concord(P::ConcordDeclContext* ctx);
  std::optional<ast::CharterDecl> Charter(P::CharterDeclContext* ctx);
  std::optional<ast::TreatyDecl> Treaty(P::TreatyDeclContext* ctx);
  std::optional<ast::ScenarioDecl> Scenario(P::ScenarioDeclContext* ctx);
  std::optional<ast::Rule> RuleOf(P::RuleDeclContext* ctx);

  // `on DATE EVENT` or a recurring event with its date and range; nullopt
  // for other scenario items and for events that did not build. Also the
  // entry for one line of an event file (ParseEventLine).
  std::optional<ast::Event> DatedEvent(P::ScenarioItemContext* item);

 private:
  ast::ExprPtr Or(P::OrExprContext* ctx);
  ast::ExprPtr And(P::AndExprContext* ctx);
  ast::ExprPtr Not(P::NotExprContext* ctx);
  ast::ExprPtr Cmp(P::CmpExprContext* ctx);
  ast::ExprPtr Add(P::AddExprContext* ctx);
  ast::ExprPtr Mul(P::MulExprContext* ctx);
  ast::ExprPtr Unary(P::UnaryExprContext* ctx);
  ast::ExprPtr Postfix(P::PostfixExprContext* ctx);
  ast::ExprPtr Primary(P::PrimaryContext* ctx);
  ast::ExprPtr Literal(P::LiteralContext* ctx);
  ast::ExprPtr Call(P::CallPrimaryContext* ctx);
  // False (after reporting E0109 once per file) when `e` is taller than the
  // limit; long operator chains grow trees without brackets.
  bool WithinDepth(const ast::Expr* e);
  std::optional<ast::TypeRef> Type(P::TypeRefContext* ctx);
  void Charteritem(P::CharterItemContext* item, ast::CharterDecl& charter);
  void TreatyItem(P::TreatyItemContext* item, ast::TreatyDecl& treaty);
  // The words after a quota's amount (build_quota.cpp): `rules`, then what
  // it counts, `changed` or `reconsidered`.
  void QuotaWords(const std::vector<P::IdentContext*>& words, ast::Revision& revision);
  // --- power (build_power.cpp) ---
  // False when `item` is not an office, `decisions` or `sanctions`.
  bool PowerItem(P::CharterItemContext* item, ast::CharterDecl& charter);
  void MembershipPowerItem(P::MembershipItemContext* item, ast::Membership& membership);
  std::optional<ast::Office> OfficeOf(P::OfficeSectionContext* ctx);
  std::optional<ast::Share> ShareOf(P::ShareContext* ctx);
  std::optional<ast::DecisionMethod> MethodOf(P::DecisionMethodContext* ctx);
  std::optional<ast::DecisionRule> DecisionRuleOf(P::DecisionRuleContext* ctx);
  std::optional<ast::SanctionRule> SanctionOf(P::SanctionItemContext* ctx);
  std::vector<ast::Attribute> Attrs(P::AttrsContext* ctx);
  std::optional<ast::Event> EventOf(P::EventContext* ctx);
  // An assembly's or an amendment proposal's `{ amend x  add rule ... }`.
  std::vector<ast::Change> ChangesOf(const std::vector<P::ChangeContext*>& changes);
  // The decision events (build_power_events.cpp): true when `ctx` is one of
  // them, with `e` filled; `ok` false when a piece is missing.
  bool PowerEventOf(P::EventContext* ctx, ast::Event& e, bool& ok);

  diag::FileId file_;
  const std::vector<uint32_t>& byte_offsets_;
  diag::DiagnosticEngine& diags_;
  uint32_t max_depth_;
  bool depth_reported_ = false;
};

}  // namespace concord::syntax
