// The one runtime value of Concord: every expression the interpreter (and
// later the JIT) evaluates produces a Value. Values are exact (no floating
// point), immutable once built, and cheap to copy: text is held inline, while
// sets, records and members are shared immutable payloads.
//
// Two kinds of equality live in different places. `operator==` and Compare
// here are *structural*: a deterministic total order used for sets, tests and
// containers (a set of durations keeps `1 month` and `30 days` apart). The
// language's `==` and `<` (money refusing mixed currencies, durations deciding
// by the interval rule or an anchor date) belong to runtime/interp.
#pragma once

#include <algorithm>
#include <compare>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "compiler/diag/source_range.h"
#include "runtime/values/date.h"
#include "runtime/values/decimal.h"
#include "runtime/values/duration.h"
#include "runtime/values/money.h"

namespace concord::values {

// The scalar kinds first, numbered as Value's variant alternatives (see
// scalar_kinds.def for why the order is fixed).
enum class ValueKind : uint8_t {
#define CONCORD_SCALAR_KIND(name, spelling) k##name,
#include "runtime/values/scalar_kinds.def"
#undef CONCORD_SCALAR_KIND
  kMember,
  kEnum,
  kSet,
  kRecord,
};

// "int", "money", "set", ... for messages.
const char* KindName(ValueKind kind);

// --- shapes: the runtime's own description of enums and records -----------
//
// Mirrors of the model schema (compiler/sema/model_types.def) made by the IR,
// so the runtime never depends on sema. Records and the IR share them.

struct EnumShape {
  std::string name;                    // "treaty_status"
  std::vector<std::string> constants;  // in declaration order

  int IndexOf(std::string_view constant) const;
};

struct FieldShape {
  std::string name;
  // Given by a scenario (`{ income 1200 EUR }`), so a record may lack it;
  // reading a missing attribute is runtime error R022.
  bool attribute = false;
};

struct RecordShape {
  std::string name;  // "charter", "member", "contribution"
  // Entities compare by identity (shape, owner, name); value records are
  // compared field by field.
  bool is_entity = false;
  std::vector<FieldShape> fields;  // schema order, then attributes

  int IndexOf(std::string_view field) const;
};

class Value;
class Set;
class Record;
struct Member;

// An index a host keeps over the elements of the sets it hands out (a
// GrowingSet's snapshots share one): per record field, the positions of the
// elements by the field's value. Positions count from the first element the
// host ever added, so one index serves every snapshot; Set clips them to its
// size. Set::CanMatch and Set::Matching say what callers may rely on.
class SetIndex {
 public:
  virtual ~SetIndex() = default;
  virtual bool Covers(size_t field, std::string_view name) const = 0;
  virtual std::span<const uint32_t> Positions(size_t field, std::string_view name,
                                              const Value& key) const = 0;
};

struct Percent {
  Decimal fraction;  // 25% is 0.25
  friend bool operator==(const Percent&, const Percent&) = default;
};

struct EnumValue {
  std::shared_ptr<const EnumShape> shape;
  int index = 0;

  // The constant's name, or "?" for an index outside the shape.
  std::string_view constant() const;
};

class Value {
 public:
  // A default Value is `none`.
  Value() = default;

  static Value None() { return Value(); }
  static Value MakeBool(bool b) { return Value(Payload(std::in_place_index<1>, b)); }
  static Value MakeInt(int64_t i) { return Value(Payload(std::in_place_index<2>, i)); }
  static Value MakeDecimal(Decimal d) { return Value(Payload(std::in_place_index<3>, d)); }
  // A percent from its fraction: MakePercent(0.25) is 25%.
  static Value MakePercent(Decimal fraction) {
    return Value(Payload(std::in_place_index<4>, Percent{fraction}));
  }
  static Value MakeMoney(Money m) { return Value(Payload(std::in_place_index<5>, std::move(m))); }
  static Value MakeDate(Date d) { return Value(Payload(std::in_place_index<6>, d)); }
  static Value MakeDuration(Duration d) { return Value(Payload(std::in_place_index<7>, d)); }
  static Value MakeText(std::string s) {
    return Value(Payload(std::in_place_index<8>, std::move(s)));
  }
  static Value MakeMember(std::shared_ptr<const Member> m);
  static Value MakeEnum(std::shared_ptr<const EnumShape> shape, int index);
  static Value MakeSet(std::shared_ptr<const Set> s);
  static Value MakeRecord(std::shared_ptr<const Record> r);

  ValueKind kind() const { return static_cast<ValueKind>(payload_.index()); }
  bool Is(ValueKind k) const { return kind() == k; }
  bool IsNone() const { return kind() == ValueKind::kNone; }

  // Typed access: null when the value is of another kind, so a caller that
  // met a value of the wrong kind reports it instead of trapping.
  const bool* AsBool() const { return std::get_if<1>(&payload_); }
  const int64_t* AsInt() const { return std::get_if<2>(&payload_); }
  const Decimal* AsDecimal() const { return std::get_if<3>(&payload_); }
  const Percent* AsPercent() const { return std::get_if<4>(&payload_); }
  const Money* AsMoney() const { return std::get_if<5>(&payload_); }
  const Date* AsDate() const { return std::get_if<6>(&payload_); }
  const Duration* AsDuration() const { return std::get_if<7>(&payload_); }
  const std::string* AsText() const { return std::get_if<8>(&payload_); }
  // Inline like the rest: compiled rules call these once per element of a set.
  const Member* AsMember() const {
    const auto* p = std::get_if<9>(&payload_);
    return p ? p->get() : nullptr;
  }
  const EnumValue* AsEnum() const { return std::get_if<10>(&payload_); }
  const Set* AsSet() const {
    const auto* p = std::get_if<11>(&payload_);
    return p ? p->get() : nullptr;
  }
  const Record* AsRecord() const {
    const auto* p = std::get_if<12>(&payload_);
    return p ? p->get() : nullptr;
  }

  // The literal form: `none`, `true`, `12`, `2.5`, `25%`, `52 EUR`,
  // `2026-12-09`, `6 months`, `"text"`, `ana` (a member by name), `expired`,
  // `{ana, ben}`; an entity record by its name and a value record as
  // `exit_policy { anytime true, notice 0 days, penalty false }`.
  std::string ToString() const;

  // Structural identity; see the header comment.
  friend bool operator==(const Value& a, const Value& b);

 private:
  using Payload = std::variant<std::monostate, bool, int64_t, Decimal, Percent, Money, Date,
                               Duration, std::string, std::shared_ptr<const Member>, EnumValue,
                               std::shared_ptr<const Set>, std::shared_ptr<const Record>>;
  // kind() casts the variant index, so the alternatives must follow ValueKind.
  template <ValueKind k>
  using Alternative = std::variant_alternative_t<static_cast<size_t>(k), Payload>;
  static_assert(std::variant_size_v<Payload> == static_cast<size_t>(ValueKind::kRecord) + 1);
  static_assert(std::is_same_v<Alternative<ValueKind::kNone>, std::monostate>);
  static_assert(std::is_same_v<Alternative<ValueKind::kBool>, bool>);
  static_assert(std::is_same_v<Alternative<ValueKind::kInt>, int64_t>);
  static_assert(std::is_same_v<Alternative<ValueKind::kDecimal>, Decimal>);
  static_assert(std::is_same_v<Alternative<ValueKind::kPercent>, Percent>);
  static_assert(std::is_same_v<Alternative<ValueKind::kMoney>, Money>);
  static_assert(std::is_same_v<Alternative<ValueKind::kDate>, Date>);
  static_assert(std::is_same_v<Alternative<ValueKind::kDuration>, Duration>);
  static_assert(std::is_same_v<Alternative<ValueKind::kText>, std::string>);
  static_assert(std::is_same_v<Alternative<ValueKind::kEnum>, EnumValue>);

  explicit Value(Payload p) : payload_(std::move(p)) {}

  Payload payload_;
};

// A deterministic total order over all values: kinds in ValueKind order,
// then the payload (numbers by value, money by currency then amount, durations
// by parts, text by bytes, sets as sorted sequences, entities by identity).
// It is *not* the language's `<`: it never fails and never consults a
// calendar. Sets use it to find duplicates; tests use it through `==`.
std::strong_ordering Compare(const Value& a, const Value& b);

// A hash that agrees with Compare: values Compare calls equal hash alike.
// For hash tables of values (GrowingSet's duplicate test and field index),
// where an ordered tree would compare a new element with log n old ones.
size_t Hash(const Value& v);
struct ValueHash {
  size_t operator()(const Value& v) const { return Hash(v); }
};
struct ValueEqual {
  bool operator()(const Value& a, const Value& b) const { return Compare(a, b) == 0; }
};

// A set: no duplicates (structural equality), iterated in insertion order —
// the order in which the host or the set literal produced the elements —
// so that every aggregate visits elements in the same order on every run
// and in both engines.
class Set {
 public:
  Set() = default;
  // Keeps the first occurrence of each element, in order.
  explicit Set(std::vector<Value> elements);
  // For a caller that already keeps its elements pairwise distinct and in
  // insertion order: the same Set, without the sort.
  static Set FromDistinct(std::vector<Value> elements) {
    return Prefix(std::make_shared<const std::vector<Value>>(std::move(elements)), nullptr);
  }
  // The first `size` elements of `buffer` (all of them by default), shared
  // rather than copied, with the owner's index of them if it keeps one. For
  // an owner that only ever appends to the buffer within its capacity and
  // starts a new buffer when it is full (GrowingSet): the elements a set
  // shows then never move or change.
  static Set Prefix(std::shared_ptr<const std::vector<Value>> buffer,
                    std::shared_ptr<const SetIndex> index, size_t size = static_cast<size_t>(-1)) {
    Set s;
    s.size_ = std::min(size, buffer->size());
    s.data_ = buffer->data();
    s.storage_ = std::move(buffer);
    s.index_ = std::move(index);
    return s;
  }

  std::span<const Value> elements() const { return {data_, size_}; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  bool Contains(const Value& v) const;
  // The elements sorted by Compare: the canonical form for set equality.
  std::vector<Value> Sorted() const;

  // For `agg(... for x in S where x.field == key)`: whether the set can name
  // the elements whose field `field` (named `name`) equals a key without
  // looking at the others. True only when an index covers the field, which
  // guarantees that reading the field of every element succeeds, so that
  // visiting only the matches gives what visiting all would (runtime/values/
  // growing_set.h says when that holds).
  bool CanMatch(size_t field, std::string_view name) const;
  // After CanMatch: the positions, ascending, of the elements whose field
  // equals `key` (values::Compare), below size().
  std::span<const uint32_t> Matching(size_t field, std::string_view name, const Value& key) const;

 private:
  std::shared_ptr<const std::vector<Value>> storage_;
  const Value* data_ = nullptr;  // storage_'s first element
  size_t size_ = 0;
  std::shared_ptr<const SetIndex> index_;
};

// An entity (charter, rule, member's attributes, dispute, ...) or a value
// record (membership, exit_policy, contribution, ...) of a shape. Each field
// keeps the SourceRange of the clause it came from, so a concord violation can
// point at the clause that broke it. Built mutable, then shared as const.
class Record {
 public:
  // `name` and `owner` identify an entity (a rule's name and its charter);
  // value records leave them empty.
  explicit Record(std::shared_ptr<const RecordShape> shape, std::string name = {},
                  std::string owner = {});

  const RecordShape& shape() const { return *shape_; }
  const std::shared_ptr<const RecordShape>& shape_ptr() const { return shape_; }
  const std::string& name() const { return name_; }
  const std::string& owner() const { return owner_; }
  size_t size() const { return fields_.size(); }

  // Null when the field is absent (an attribute nobody gave) or out of range.
  const Value* Get(size_t index) const {
    if (index >= fields_.size() || !fields_[index].value) return nullptr;
    return &*fields_[index].value;
  }
  const Value* Get(std::string_view field) const;
  diag::SourceRange RangeOf(size_t index) const;

  // Sets a field; false when the index or name is not in the shape.
  bool Put(size_t index, Value value, diag::SourceRange range = {});
  bool Put(std::string_view field, Value value, diag::SourceRange range = {});

 private:
  struct Slot {
    std::optional<Value> value;
    diag::SourceRange range;
  };
  std::shared_ptr<const RecordShape> shape_;
  std::string name_;
  std::string owner_;
  std::vector<Slot> fields_;
};

// A member: a reference to a person by name and polity (the charter they
// first joined), with their fields (name, income, joined, polity and the
// scenario's attributes) in a record of the `member` shape. Two members are
// the same person when name and polity agree; the record is not compared.
struct Member {
  std::string name;
  std::string polity;
  std::shared_ptr<const Record> record;  // may be null: no fields known
};

// Helpers for building values in hosts and tests.
Value MakeSetValue(std::vector<Value> elements);
Value MakeMemberValue(std::string name, std::string polity,
                      std::shared_ptr<const Record> record = nullptr);

// `"a \"quoted\" word"`: text as a Concord string literal.
std::string QuoteText(std::string_view text);
// `25%`, `2.5%`: a fraction as a percent literal, exact.
std::string PercentToString(Decimal fraction);

}  // namespace concord::values
