// Member and history-record attributes. The fields of a member are known in
// two ways: the model's own (`income`, `joined`, `name`, `polity`) and the
// attributes that scenarios give (`members p: ana { income 1200 EUR }`,
// `join ivo to p { skills 3 }`, `record decision d1 in p { state_recourse
// true }`). Every scenario of the program contributes; an attribute's type
// is the unification of every value given for it, and money attributes have
// their currency checked at run time, since another scenario may use
// another currency.
#include <fmt/format.h>

#include "compiler/sema/checker.h"
#include "compiler/sema/model_types.h"

namespace concord::sema {

void Checker::CollectAttribute(RecordType& record, const ast::Attribute& attribute,
                               const Context& ctx) {
  const Type* type = CheckExpr(ctx, attribute.value.get());
  if (type->IsError()) return;
  if (type->Is(TypeKind::kMoney)) type = types().Money();
  const std::string& name = attribute.name.name;
  int index = record.IndexOf(name);
  if (index < 0) {
    record.fields.push_back(Field{name, type, "an attribute given by a scenario",
                                  FieldOrigin::kAttribute, attribute.name.range});
    return;
  }
  Field& field = record.fields[static_cast<size_t>(index)];
  if (field.origin == FieldOrigin::kModel) {
    if (IsAssignable(type, field.type)) return;
    diags_.Report(diag::Code::E0203, attribute.value->range, Describe(field.type), Describe(type))
        .WithNote(fmt::format("`{}` of {} is {}", name, WithArticleFor(record.name),
                              Describe(field.type)));
    return;
  }
  const Type* unified = Unify(types(), field.type, type);
  if (unified) {
    field.type = unified;
    return;
  }
  diags_.Report(diag::Code::E0203, attribute.value->range, Describe(field.type), Describe(type))
      .WithLabel(field.first_seen, fmt::format("`{}` is {} here", name, Describe(field.type)))
      .WithNote("an attribute has one type in the whole program");
}

void Checker::CollectAttributes() {
  RecordType* member = types().MutableRecord("member");
  for (auto& info : out_.scenarios_) {
    Context ctx = ScenarioContext(*info);
    for (const ast::MembersDecl& m : info->decl->members) {
      for (const ast::Attribute& a : m.attributes) CollectAttribute(*member, a, ctx);
    }
    for (const ast::Event& e : info->decl->events) {
      if (e.kind == ast::EventKind::kJoin) {
        for (const ast::Attribute& a : e.attributes) CollectAttribute(*member, a, ctx);
      } else if (e.kind == ast::EventKind::kRecord) {
        const HistoryKind* kind = e.kind_word ? FindHistoryKind(e.kind_word->name) : nullptr;
        RecordType* record = kind ? types().MutableRecord(kind->word) : nullptr;
        for (const ast::Attribute& a : e.attributes) {
          // Of an unknown kind (reported with the event): typed, not collected.
          if (record) {
            CollectAttribute(*record, a, ctx);
          } else {
            CheckExpr(ctx, a.value.get());
          }
        }
      }
    }
  }
}

}  // namespace concord::sema
