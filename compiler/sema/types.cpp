// Type construction, interning, printing, and the assignability and
// unification relations every type rule is built from.
#include "compiler/sema/types.h"

#include <algorithm>

namespace concord::sema {

int EnumType::IndexOf(std::string_view constant) const {
  for (size_t i = 0; i < constants.size(); ++i) {
    if (constants[i] == constant) return static_cast<int>(i);
  }
  return -1;
}

const Field* RecordType::Find(std::string_view field) const {
  int index = IndexOf(field);
  return index < 0 ? nullptr : &fields[static_cast<size_t>(index)];
}

int RecordType::IndexOf(std::string_view field) const {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == field) return static_cast<int>(i);
  }
  return -1;
}

std::string Type::ToString() const {
  if (kind_ == TypeKind::kMoney && !currency_.empty()) return "money<" + currency_ + ">";
  switch (kind_) {
    case TypeKind::kError:
      return "error";
#define CONCORD_SCALAR_KIND(name, spelling) \
  case TypeKind::k##name:                   \
    return spelling;
#include "runtime/values/scalar_kinds.def"
#undef CONCORD_SCALAR_KIND
    case TypeKind::kSet:
      return "set<" + element_->ToString() + ">";
    case TypeKind::kOptional:
      return element_->ToString() + " or none";
    case TypeKind::kEnum:
      return enum_->name;
    case TypeKind::kRecord:
      return record_->name;
  }
  return "error";
}

std::string Describe(const Type* type) {
  switch (type->kind()) {
    case TypeKind::kMoney:
      return type->currency().empty() ? "money" : "money in " + type->currency();
    case TypeKind::kText:
    case TypeKind::kNone:
    case TypeKind::kError:
      return type->ToString();
    case TypeKind::kOptional:
      return Describe(type->element()) + " or none";
    default: {
      std::string name = type->ToString();
      bool vowel = std::string_view("aeiou").find(name[0]) != std::string_view::npos;
      return (vowel ? "an " : "a ") + name;
    }
  }
}

TypeContext::TypeContext() {
  error_ = Make(TypeKind::kError);
  bool_ = Make(TypeKind::kBool);
  int_ = Make(TypeKind::kInt);
  decimal_ = Make(TypeKind::kDecimal);
  percent_ = Make(TypeKind::kPercent);
  date_ = Make(TypeKind::kDate);
  duration_ = Make(TypeKind::kDuration);
  text_ = Make(TypeKind::kText);
  none_ = Make(TypeKind::kNone);
  RegisterModel();
}

Type* TypeContext::Make(TypeKind kind) {
  owned_.push_back(std::unique_ptr<Type>(new Type(kind)));
  return owned_.back().get();
}

const Type* TypeContext::Money(std::string_view currency) {
  auto it = money_.find(currency);
  if (it != money_.end()) return it->second;
  Type* t = Make(TypeKind::kMoney);
  t->currency_ = std::string(currency);
  money_.emplace(std::string(currency), t);
  return t;
}

const Type* TypeContext::Set(const Type* element) {
  auto it = sets_.find(element);
  if (it != sets_.end()) return it->second;
  Type* t = Make(TypeKind::kSet);
  t->element_ = element;
  sets_.emplace(element, t);
  return t;
}

const Type* TypeContext::Optional(const Type* inner) {
  if (inner->Is(TypeKind::kOptional) || inner->Is(TypeKind::kNone) || inner->IsError()) {
    return inner;
  }
  auto it = optionals_.find(inner);
  if (it != optionals_.end()) return it->second;
  Type* t = Make(TypeKind::kOptional);
  t->element_ = inner;
  optionals_.emplace(inner, t);
  return t;
}

const EnumType* TypeContext::FindEnum(std::string_view name) const {
  for (const auto& e : enums_) {
    if (e->name == name) return e.get();
  }
  return nullptr;
}

EnumType* TypeContext::MutableEnum(std::string_view name) {
  return const_cast<EnumType*>(FindEnum(name));
}

const RecordType* TypeContext::FindRecord(std::string_view name) const {
  for (const auto& r : records_) {
    if (r->name == name) return r.get();
  }
  return nullptr;
}

RecordType* TypeContext::MutableRecord(std::string_view name) {
  return const_cast<RecordType*>(FindRecord(name));
}

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

const Type* TypeContext::Parse(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return nullptr;
  if (text.back() == '?') {
    const Type* inner = Parse(text.substr(0, text.size() - 1));
    return inner ? Optional(inner) : nullptr;
  }
  if (size_t open = text.find('<'); open != std::string_view::npos) {
    if (text.back() != '>') return nullptr;
    std::string_view head = Trim(text.substr(0, open));
    const Type* argument = Parse(text.substr(open + 1, text.size() - open - 2));
    if (!argument) return nullptr;
    if (head == "set") return Set(argument);
    return nullptr;
  }
  if (text == "bool") return bool_;
  if (text == "int") return int_;
  if (text == "decimal") return decimal_;
  if (text == "percent") return percent_;
  if (text == "money") return Money();
  if (text == "date") return date_;
  if (text == "duration") return duration_;
  if (text == "text") return text_;
  if (const EnumType* e = FindEnum(text)) return e->type;
  if (const RecordType* r = FindRecord(text)) return r->type;
  return nullptr;
}

std::vector<std::string> TypeContext::TypeNames() const {
  std::vector<std::string> names = {"bool",  "date",    "decimal", "duration", "int",
                                    "money", "percent", "set",     "text"};
  for (const auto& e : enums_) names.push_back(e->name);
  for (const auto& r : records_) names.push_back(r->name);
  std::sort(names.begin(), names.end());
  return names;
}

bool IsOrdered(const Type* type) {
  switch (type->kind()) {
    case TypeKind::kInt:
    case TypeKind::kDecimal:
    case TypeKind::kPercent:
    case TypeKind::kMoney:
    case TypeKind::kDate:
    case TypeKind::kDuration:
      return true;
    default:
      return false;
  }
}

bool IsSummable(const Type* type) {
  return IsOrdered(type) && !type->Is(TypeKind::kDate);
}

namespace {

bool SameCurrencyOrRuntime(const Type* a, const Type* b) {
  return a->currency().empty() || b->currency().empty() || a->currency() == b->currency();
}

}  // namespace

bool IsAssignable(const Type* from, const Type* to) {
  if (from == to || from->IsError() || to->IsError()) return true;
  if (to->Is(TypeKind::kOptional)) {
    if (from->Is(TypeKind::kNone)) return true;
    if (from->Is(TypeKind::kOptional)) return IsAssignable(from->element(), to->element());
    return IsAssignable(from, to->element());
  }
  if (from->Is(TypeKind::kInt) && to->Is(TypeKind::kDecimal)) return true;
  if (from->Is(TypeKind::kMoney) && to->Is(TypeKind::kMoney)) {
    return SameCurrencyOrRuntime(from, to);
  }
  if (from->Is(TypeKind::kSet) && to->Is(TypeKind::kSet)) {
    // `{}` has element type none and fits every set. Numeric widening stops at
    // the set boundary: a set<int> is not silently a set<decimal>.
    const Type* f = from->element();
    const Type* t = to->element();
    if (f->Is(TypeKind::kNone)) return true;
    if (f->Is(TypeKind::kInt) && t->Is(TypeKind::kDecimal)) return false;
    return IsAssignable(f, t);
  }
  return false;
}

const Type* Unify(TypeContext& types, const Type* a, const Type* b, bool* currency_clash) {
  if (currency_clash) *currency_clash = false;
  if (a == b) return a;
  if (a->IsError() || b->IsError()) return types.Error();
  if (a->Is(TypeKind::kNone)) return types.Optional(b);
  if (b->Is(TypeKind::kNone)) return types.Optional(a);
  if (a->Is(TypeKind::kOptional) || b->Is(TypeKind::kOptional)) {
    const Type* ia = a->Is(TypeKind::kOptional) ? a->element() : a;
    const Type* ib = b->Is(TypeKind::kOptional) ? b->element() : b;
    const Type* inner = Unify(types, ia, ib, currency_clash);
    return inner ? types.Optional(inner) : nullptr;
  }
  auto numeric = [](const Type* t) { return t->Is(TypeKind::kInt) || t->Is(TypeKind::kDecimal); };
  if (numeric(a) && numeric(b)) return types.Decimal();
  if (a->Is(TypeKind::kMoney) && b->Is(TypeKind::kMoney)) {
    if (!SameCurrencyOrRuntime(a, b)) {
      if (currency_clash) *currency_clash = true;
      return nullptr;
    }
    // A known currency wins: `min(5% * income, 50 EUR)` is money<EUR>.
    return a->currency().empty() ? b : a;
  }
  if (a->Is(TypeKind::kSet) && b->Is(TypeKind::kSet)) {
    if (a->element()->Is(TypeKind::kNone)) return b;
    if (b->element()->Is(TypeKind::kNone)) return a;
    const Type* element = Unify(types, a->element(), b->element(), currency_clash);
    return element ? types.Set(element) : nullptr;
  }
  return nullptr;
}

}  // namespace concord::sema
