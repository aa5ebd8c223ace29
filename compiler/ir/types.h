// The IR's own types: a mirror of sema's types that the runtime can read
// without depending on sema. Interned per Module, so two types are equal
// exactly when their pointers are. Header-only, because runtime/interp reads
// them and links no compiler library.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "runtime/values/value.h"

namespace concord::ir {

using values::EnumShape;
using values::RecordShape;

// The scalar kinds first, at the numbers values::ValueKind gives them:
// TypeTable indexes its primitives by kind. kNone is the type of `none` alone.
enum class TypeKind : uint8_t {
#define CONCORD_SCALAR_KIND(name, spelling) k##name,
#include "runtime/values/scalar_kinds.def"
#undef CONCORD_SCALAR_KIND
  kMember,  // a person: values::Member, fields in the `member` shape
  kEnum,
  kSet,       // set<T>
  kOptional,  // T or none
  kRecord,    // an entity or value record of a shape
};

// The values::ValueKind of the values of a type of `kind`: the same name, as
// both enums expand scalar_kinds.def. An optional's values have its
// element's kind or are none, so kOptional answers kNone.
constexpr values::ValueKind ValueKindOf(TypeKind kind) {
  switch (kind) {
#define CONCORD_SCALAR_KIND(name, spelling) \
  case TypeKind::k##name:                   \
    return values::ValueKind::k##name;
#include "runtime/values/scalar_kinds.def"
#undef CONCORD_SCALAR_KIND
    case TypeKind::kMember:
      return values::ValueKind::kMember;
    case TypeKind::kEnum:
      return values::ValueKind::kEnum;
    case TypeKind::kSet:
      return values::ValueKind::kSet;
    case TypeKind::kOptional:
      return values::ValueKind::kNone;
    case TypeKind::kRecord:
      return values::ValueKind::kRecord;
  }
  return values::ValueKind::kNone;
}

class Type {
 public:
  TypeKind kind() const { return kind_; }
  bool Is(TypeKind k) const { return kind_ == k; }
  // Money: the currency code, or "" when it is known only at run time.
  const std::string& currency() const { return currency_; }
  // Set and optional: the element type.
  const Type* element() const { return element_; }
  const std::shared_ptr<const EnumShape>& enum_shape() const { return enum_; }
  // Record and member: the shape whose field indices Field nodes use.
  const std::shared_ptr<const RecordShape>& shape() const { return shape_; }
  // The type itself, or its element when it is optional.
  const Type* Inner() const { return kind_ == TypeKind::kOptional ? element_ : this; }

  // `int`, `money<EUR>`, `money`, `set<member>`, `duration?`, `treaty_status`.
  std::string ToString() const {
    if (kind_ == TypeKind::kMoney && !currency_.empty()) return "money<" + currency_ + ">";
    switch (kind_) {
#define CONCORD_SCALAR_KIND(name, spelling) \
  case TypeKind::k##name:                   \
    return spelling;
#include "runtime/values/scalar_kinds.def"
#undef CONCORD_SCALAR_KIND
      case TypeKind::kMember:
        return "member";
      case TypeKind::kEnum:
        return enum_ ? enum_->name : "enum";
      case TypeKind::kSet:
        return "set<" + element_->ToString() + ">";
      case TypeKind::kOptional:
        return element_->ToString() + "?";
      case TypeKind::kRecord:
        return shape_ ? shape_->name : "record";
    }
    return "?";
  }

 private:
  friend class TypeTable;
  explicit Type(TypeKind kind) : kind_(kind) {}

  TypeKind kind_;
  std::string currency_;
  const Type* element_ = nullptr;
  std::shared_ptr<const EnumShape> enum_;
  std::shared_ptr<const RecordShape> shape_;
};

// Owns and interns the types of one module.
class TypeTable {
 public:
  TypeTable() {
    for (TypeKind k : {TypeKind::kNone, TypeKind::kBool, TypeKind::kInt, TypeKind::kDecimal,
                       TypeKind::kPercent, TypeKind::kDate, TypeKind::kDuration, TypeKind::kText}) {
      primitives_[static_cast<size_t>(k)] = Make(k);
    }
  }
  TypeTable(const TypeTable&) = delete;
  TypeTable& operator=(const TypeTable&) = delete;

  // kNone, kBool, kInt, kDecimal, kPercent, kDate, kDuration or kText; null otherwise.
  const Type* Primitive(TypeKind kind) const {
    size_t i = static_cast<size_t>(kind);
    return i < primitives_.size() ? primitives_[i] : nullptr;
  }
  const Type* None() const { return Primitive(TypeKind::kNone); }
  const Type* Bool() const { return Primitive(TypeKind::kBool); }
  const Type* Int() const { return Primitive(TypeKind::kInt); }
  const Type* Decimal() const { return Primitive(TypeKind::kDecimal); }
  const Type* Percent() const { return Primitive(TypeKind::kPercent); }
  const Type* Date() const { return Primitive(TypeKind::kDate); }
  const Type* Duration() const { return Primitive(TypeKind::kDuration); }
  const Type* Text() const { return Primitive(TypeKind::kText); }

  const Type* Money(const std::string& currency) {
    auto it = money_.find(currency);
    if (it != money_.end()) return it->second;
    Type* t = Make(TypeKind::kMoney);
    t->currency_ = currency;
    return money_[currency] = t;
  }
  const Type* Set(const Type* element) { return Wrap(TypeKind::kSet, element, sets_); }
  // An optional of an optional or of none collapses, as in sema.
  const Type* Optional(const Type* inner) {
    if (inner->Is(TypeKind::kOptional) || inner->Is(TypeKind::kNone)) return inner;
    return Wrap(TypeKind::kOptional, inner, optionals_);
  }
  const Type* Enum(const std::shared_ptr<const EnumShape>& shape) {
    auto it = enums_.find(shape.get());
    if (it != enums_.end()) return it->second;
    Type* t = Make(TypeKind::kEnum);
    t->enum_ = shape;
    return enums_[shape.get()] = t;
  }
  // kRecord or kMember over `shape`.
  const Type* Record(TypeKind kind, const std::shared_ptr<const RecordShape>& shape) {
    auto key = std::make_pair(kind, shape.get());
    auto it = records_.find(key);
    if (it != records_.end()) return it->second;
    Type* t = Make(kind);
    t->shape_ = shape;
    return records_[key] = t;
  }

 private:
  Type* Make(TypeKind kind) {
    owned_.push_back(std::unique_ptr<Type>(new Type(kind)));
    return owned_.back().get();
  }
  const Type* Wrap(TypeKind kind, const Type* element, std::map<const Type*, const Type*>& cache) {
    auto it = cache.find(element);
    if (it != cache.end()) return it->second;
    Type* t = Make(kind);
    t->element_ = element;
    return cache[element] = t;
  }

  std::vector<std::unique_ptr<Type>> owned_;
  std::vector<const Type*> primitives_ = std::vector<const Type*>(14, nullptr);
  // Keyed by pointers only for lookup; iteration never reaches output.
  std::map<std::string, const Type*> money_;
  std::map<const Type*, const Type*> sets_;
  std::map<const Type*, const Type*> optionals_;
  std::map<const EnumShape*, const Type*> enums_;
  std::map<std::pair<TypeKind, const RecordShape*>, const Type*> records_;
};

}  // namespace concord::ir
