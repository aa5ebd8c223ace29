// Registers the schema of model_types.def into a TypeContext, and lists the
// trigger events and history kinds that refer to it.
#include "compiler/sema/model_types.h"

#include <cassert>

#include "compiler/sema/types.h"

namespace concord::sema {

void TypeContext::RegisterModel() {
  // Enums first, then every record by name, then fields: a field's type may
  // name any record (charter -> rule, member -> charter), so all must exist
  // before the first field type is parsed.
#define CONCORD_ENUM(enum_id, enum_description) \
  {                                             \
    auto e = std::make_unique<EnumType>();      \
    e->name = #enum_id;                         \
    e->description = enum_description;          \
    Type* t = Make(TypeKind::kEnum);            \
    t->enum_ = e.get();                         \
    e->type = t;                                \
    enums_.push_back(std::move(e));             \
  }
#define CONCORD_ENUM_VALUE(enum_name, constant) \
  MutableEnum(#enum_name)->constants.push_back(#constant);
#include "compiler/sema/model_types.def"

#define CONCORD_RECORD(record_id, entity, record_description) \
  {                                                           \
    auto r = std::make_unique<RecordType>();                  \
    r->name = #record_id;                                     \
    r->description = record_description;                      \
    r->is_entity = entity;                                    \
    Type* t = Make(TypeKind::kRecord);                        \
    t->record_ = r.get();                                     \
    r->type = t;                                              \
    records_.push_back(std::move(r));                         \
  }
#include "compiler/sema/model_types.def"

#define CONCORD_FIELD(record_id, field_id, type_text, field_description)                        \
  {                                                                                             \
    const Type* field_type = Parse(type_text);                                                  \
    assert(field_type && "model_types.def names an unknown type");                              \
    MutableRecord(#record_id)                                                                   \
        ->fields.push_back(Field{#field_id, field_type, field_description, FieldOrigin::kModel, \
                                 diag::SourceRange{}});                                         \
  }
#include "compiler/sema/model_types.def"
}

const std::vector<TriggerEvent>& TriggerEvents() {
  // The event words of LANGUAGE.md §3, in the order the reference lists them.
  static const std::vector<TriggerEvent> kEvents = {
      {"join", "join"},
      {"leave", "leave"},
      {"contribution", "contribution"},
      {"assembly", "assembly"},
      {"dispute", "dispute"},
      {"ruling", "ruling"},
      {"report", "report"},
      {"distress", "distress"},
      {"respond", "respond"},
      {"exit", "exit"},
      {"renewal", "renewal"},
      {"decision", "decision"},
      {"conflict", "conflict"},
      {"resource", "resource"},
      // The decision events bind the proposal (POWER.md §6).
      {"propose", "proposal"},
      {"decide", "proposal"},
  };
  return kEvents;
}

const TriggerEvent* FindTriggerEvent(std::string_view word) {
  for (const TriggerEvent& e : TriggerEvents()) {
    if (e.word == word) return &e;
  }
  return nullptr;
}

const std::vector<HistoryKind>& HistoryKinds() {
  static const std::vector<HistoryKind> kKinds = {
      {"decision", "decisions"}, {"conflict", "conflicts"}, {"resource", "resources"}};
  return kKinds;
}

const HistoryKind* FindHistoryKind(std::string_view word) {
  for (const HistoryKind& k : HistoryKinds()) {
    if (k.word == word) return &k;
  }
  return nullptr;
}

}  // namespace concord::sema
