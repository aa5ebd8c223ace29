// `holders(office)`: its argument names an office, which is not a value of
// expressions (offices have their own namespace in a charter). It is the
// office of the charter the expression is written in, else of the one
// charter that declares it, else `P.office` names the charter (E0262 when
// several declare it and none is named). `outcome` and `findings` take
// values and are checked with the other standard functions.
#include <fmt/format.h>

#include "compiler/sema/expr_checker.h"

namespace concord::sema {

const Type* ExprChecker::CheckHolders(const ast::CallExpr& call) {
  const Type* result = types_.Set(types_.FindRecord("member")->type);
  const Type* office_type = types_.FindRecord("office")->type;
  if (!CheckArity(call, call.callee.name, 1, 1)) {
    for (const auto& arg : call.args) Check(*arg);
    return types_.Error();
  }
  const ast::Expr& arg = *call.args.front();
  const Symbol* office = nullptr;
  bool resolved_or_reported = false;
  if (const auto* name = arg.As<ast::NameRef>()) {
    bool declared_somewhere = false;
    for (const auto& charter : out_.charters()) {
      if (charter->offices.Find(name->name.name)) declared_somewhere = true;
    }
    if (ctx_.charter && ctx_.charter->offices.Find(name->name.name)) {
      office = checker_.ResolveOffice(name->name, ctx_.charter, true);
      resolved_or_reported = true;
    } else if (declared_somewhere) {
      office = checker_.ResolveOffice(name->name, nullptr, true);
      resolved_or_reported = true;
    }
  } else if (const auto* field = arg.As<ast::FieldAccess>()) {
    const auto* owner = field->object ? field->object->As<ast::NameRef>() : nullptr;
    const Symbol* charter = owner ? out_.FindGlobal(owner->name.name) : nullptr;
    if (charter && charter->kind == SymbolKind::kCharter) {
      checker_.Bind(owner->name, charter);
      Record(*field->object, charter->type);
      office = checker_.ResolveOffice(field->field, out_.CharterOf(charter), true);
      resolved_or_reported = true;
    }
  }
  if (resolved_or_reported) {
    Record(arg, office ? office_type : types_.Error());
    return office ? result : types_.Error();
  }
  // Not an office's name: say what was given instead.
  const Type* given = Check(arg);
  if (!given->IsError()) {
    checker_.diags()
        .Report(diag::Code::E0264, arg.range, Describe(given))
        .WithHelp("name an office: `holders(coordinators)`, or `holders(linden.coordinators)`");
  }
  return types_.Error();
}

}  // namespace concord::sema
