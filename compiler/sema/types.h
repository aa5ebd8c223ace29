// The static types of Concord expressions (LANGUAGE.md §2) and the context
// that owns them. Types are interned: within one TypeContext two types are
// equal exactly when their pointers are, so later phases may compare and hash
// `const Type*` directly. Record types (the compiled model of charters and
// treaties, see model_types.def) and enums live here too, because field access
// and enum constants are part of typing.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diag/source_range.h"

namespace concord::sema {

// kError, then the scalar kinds shared with the IR and the runtime (kNone is
// the type of the literal `none`), then sema's own. Sema compares kinds only
// for equality, so the numbers carry no meaning here.
enum class TypeKind : uint8_t {
  kError,  // an expression already reported; absorbs further diagnostics
#define CONCORD_SCALAR_KIND(name, spelling) k##name,
#include "runtime/values/scalar_kinds.def"
#undef CONCORD_SCALAR_KIND
  kSet,       // set<T>
  kOptional,  // `T or none`
  kEnum,
  kRecord,
};

class Type;

struct EnumType {
  std::string name;  // "entry_mode"
  std::string description;
  std::vector<std::string> constants;  // in declaration order
  const Type* type = nullptr;          // the Type of kind kEnum for this enum

  // Index of `constant`, or -1.
  int IndexOf(std::string_view constant) const;
};

// Where a record field comes from: fixed by the model schema, or an attribute
// that a scenario gives (`members p: ana { income 1200 EUR }`).
enum class FieldOrigin : uint8_t { kModel, kAttribute };

struct Field {
  std::string name;
  const Type* type = nullptr;
  std::string description;
  FieldOrigin origin = FieldOrigin::kModel;
  diag::SourceRange first_seen;  // attributes: where a scenario first gave it
};

struct RecordType {
  std::string name;  // "charter"
  std::string description;
  // Entities (charters, members, rules, ...) compare by identity with `==`;
  // value records (membership, revision, ...) are not comparable.
  bool is_entity = false;
  std::vector<Field> fields;  // in schema order, then attributes in first-seen order
  const Type* type = nullptr;

  const Field* Find(std::string_view field) const;
  int IndexOf(std::string_view field) const;
};

class Type {
 public:
  TypeKind kind() const { return kind_; }
  bool Is(TypeKind kind) const { return kind_ == kind; }
  bool IsError() const { return kind_ == TypeKind::kError; }

  // Money: the currency code, or "" when it is only known at run time (money
  // from a member attribute, an event field or a `money` parameter).
  const std::string& currency() const { return currency_; }
  // Set and optional: the element (inner) type.
  const Type* element() const { return element_; }
  const EnumType* enum_type() const { return enum_; }
  const RecordType* record() const { return record_; }

  // `int`, `money<EUR>`, `set<member>`, `money or none`, `entry_mode`.
  std::string ToString() const;

 private:
  friend class TypeContext;
  explicit Type(TypeKind kind) : kind_(kind) {}

  TypeKind kind_;
  std::string currency_;
  const Type* element_ = nullptr;
  const EnumType* enum_ = nullptr;
  const RecordType* record_ = nullptr;
};

// Owns and interns every type of one checked program. The model schema is
// registered on construction; member and history-record attributes are added
// by the checker once it has read the scenarios.
class TypeContext {
 public:
  TypeContext();
  TypeContext(const TypeContext&) = delete;
  TypeContext& operator=(const TypeContext&) = delete;

  const Type* Error() const { return error_; }
  const Type* Bool() const { return bool_; }
  const Type* Int() const { return int_; }
  const Type* Decimal() const { return decimal_; }
  const Type* Percent() const { return percent_; }
  const Type* Date() const { return date_; }
  const Type* Duration() const { return duration_; }
  const Type* Text() const { return text_; }
  const Type* None() const { return none_; }
  // `currency` empty: money whose currency is known only at run time.
  const Type* Money(std::string_view currency = {});
  const Type* Set(const Type* element);
  // Optional of an optional, of none or of error collapses.
  const Type* Optional(const Type* inner);

  const EnumType* FindEnum(std::string_view name) const;
  const RecordType* FindRecord(std::string_view name) const;
  RecordType* MutableRecord(std::string_view name);
  const std::vector<std::unique_ptr<EnumType>>& enums() const { return enums_; }
  const std::vector<std::unique_ptr<RecordType>>& records() const { return records_; }

  // A type written in source or in the schema: a primitive (`money`), an enum
  // or record name, `set<T>`; the schema also writes `T?` for `T or none`.
  // Null when a name is unknown.
  const Type* Parse(std::string_view text);
  // The names a type reference may use (for did-you-mean), sorted.
  std::vector<std::string> TypeNames() const;

 private:
  Type* Make(TypeKind kind);
  EnumType* MutableEnum(std::string_view name);
  // Defined in model_types.cpp, beside the schema it reads.
  void RegisterModel();

  std::vector<std::unique_ptr<Type>> owned_;
  const Type* error_;
  const Type* bool_;
  const Type* int_;
  const Type* decimal_;
  const Type* percent_;
  const Type* date_;
  const Type* duration_;
  const Type* text_;
  const Type* none_;
  std::map<std::string, const Type*, std::less<>> money_;
  std::map<const Type*, const Type*> sets_;
  std::map<const Type*, const Type*> optionals_;
  std::vector<std::unique_ptr<EnumType>> enums_;
  std::vector<std::unique_ptr<RecordType>> records_;
};

// A type in prose, with an article where English wants one: "an int",
// "a duration", "money in EUR", "text", "a set<member>", "money or none".
std::string Describe(const Type* type);

// --- relations between types (the rules are documented in docs/reference-sema.md)

// int, decimal, percent, money, date, duration: the types `<` applies to.
bool IsOrdered(const Type* type);
// int, decimal, percent, money, duration: the types `sum` and `+` apply to.
bool IsSummable(const Type* type);

// Whether a value of type `from` may be used where `to` is required: equal
// types, int where decimal is required, money of any currency where money of
// run-time currency is required (and the reverse: the runtime checks it),
// T or none where `T or none` is required, sets element-wise, and anything
// involving an error type.
bool IsAssignable(const Type* from, const Type* to);

// The least common type of two values that meet (branches of `if`, elements
// of a set, operands of `min`), or null. `currency_clash` is set when the
// only obstacle is two different known currencies.
const Type* Unify(TypeContext& types, const Type* a, const Type* b, bool* currency_clash = nullptr);

}  // namespace concord::sema
