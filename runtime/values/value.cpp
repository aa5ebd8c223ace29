// Values: construction, the structural total order, sets without duplicates,
// records with source ranges, and the literal form.
#include "runtime/values/value.h"

#include <algorithm>
#include <cstring>
#include <numeric>

namespace concord::values {
namespace {

template <typename T>
std::strong_ordering Order(const T& a, const T& b) {
  if (a < b) return std::strong_ordering::less;
  if (b < a) return std::strong_ordering::greater;
  return std::strong_ordering::equal;
}

std::strong_ordering OrderText(std::string_view a, std::string_view b) {
  int c = a.compare(b);
  return c < 0 ? std::strong_ordering::less
               : (c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
}

std::strong_ordering CompareDurationParts(const Duration& a, const Duration& b) {
  if (auto c = Order(a.days, b.days); c != 0) return c;
  if (auto c = Order(a.months, b.months); c != 0) return c;
  return Order(a.lunar_months, b.lunar_months);
}

std::strong_ordering CompareSets(const Set& a, const Set& b) {
  std::vector<Value> x = a.Sorted();
  std::vector<Value> y = b.Sorted();
  for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
    if (auto c = Compare(x[i], y[i]); c != 0) return c;
  }
  return Order(x.size(), y.size());
}

std::strong_ordering CompareRecords(const Record& a, const Record& b) {
  if (auto c = OrderText(a.shape().name, b.shape().name); c != 0) return c;
  if (a.shape().is_entity || b.shape().is_entity) {
    if (auto c = Order(a.shape().is_entity, b.shape().is_entity); c != 0) return c;
    if (auto c = OrderText(a.owner(), b.owner()); c != 0) return c;
    return OrderText(a.name(), b.name());
  }
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    const Value* x = a.Get(i);
    const Value* y = b.Get(i);
    if (!x || !y) {
      if (auto c = Order(x != nullptr, y != nullptr); c != 0) return c;
      continue;
    }
    if (auto c = Compare(*x, *y); c != 0) return c;
  }
  return Order(a.size(), b.size());
}

// Decimal-style text of a 128-bit count of millionths, trailing zeros trimmed.
std::string ScaledToString(__int128 raw) {
  bool negative = raw < 0;
  unsigned __int128 v = negative ? -static_cast<unsigned __int128>(raw) : raw;
  auto digits = [](unsigned __int128 n) {
    std::string s;
    do {
      s.insert(s.begin(), static_cast<char>('0' + static_cast<int>(n % 10)));
      n /= 10;
    } while (n != 0);
    return s;
  };
  std::string whole = digits(v / Decimal::kScale);
  std::string frac = digits(v % Decimal::kScale);
  frac.insert(0, Decimal::kScaleDigits - frac.size(), '0');
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  std::string out = negative ? "-" : "";
  out += whole;
  if (!frac.empty()) out += "." + frac;
  return out;
}

}  // namespace

const char* KindName(ValueKind kind) {
  switch (kind) {
#define CONCORD_SCALAR_KIND(name, spelling) \
  case ValueKind::k##name:                  \
    return spelling;
#include "runtime/values/scalar_kinds.def"
#undef CONCORD_SCALAR_KIND
    case ValueKind::kMember:
      return "member";
    case ValueKind::kEnum:
      return "enum constant";
    case ValueKind::kSet:
      return "set";
    case ValueKind::kRecord:
      return "record";
  }
  return "?";
}

int EnumShape::IndexOf(std::string_view constant) const {
  for (size_t i = 0; i < constants.size(); ++i) {
    if (constants[i] == constant) return static_cast<int>(i);
  }
  return -1;
}

int RecordShape::IndexOf(std::string_view field) const {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == field) return static_cast<int>(i);
  }
  return -1;
}

std::string_view EnumValue::constant() const {
  if (!shape || index < 0 || static_cast<size_t>(index) >= shape->constants.size()) return "?";
  return shape->constants[static_cast<size_t>(index)];
}

// --- Value -----------------------------------------------------------------

Value Value::MakeMember(std::shared_ptr<const Member> m) {
  if (!m) return Value();
  return Value(Payload(std::in_place_index<9>, std::move(m)));
}

Value Value::MakeEnum(std::shared_ptr<const EnumShape> shape, int index) {
  return Value(Payload(std::in_place_index<10>, EnumValue{std::move(shape), index}));
}

Value Value::MakeSet(std::shared_ptr<const Set> s) {
  if (!s) s = std::make_shared<const Set>();
  return Value(Payload(std::in_place_index<11>, std::move(s)));
}

Value Value::MakeRecord(std::shared_ptr<const Record> r) {
  if (!r) return Value();
  return Value(Payload(std::in_place_index<12>, std::move(r)));
}

std::string Value::ToString() const {
  switch (kind()) {
    case ValueKind::kNone:
      return "none";
    case ValueKind::kBool:
      return *AsBool() ? "true" : "false";
    case ValueKind::kInt:
      return std::to_string(*AsInt());
    case ValueKind::kDecimal:
      return AsDecimal()->ToString();
    case ValueKind::kPercent:
      return PercentToString(AsPercent()->fraction);
    case ValueKind::kMoney:
      return AsMoney()->ToString();
    case ValueKind::kDate:
      return AsDate()->ToString();
    case ValueKind::kDuration:
      return AsDuration()->ToString();
    case ValueKind::kText:
      return QuoteText(*AsText());
    case ValueKind::kMember:
      return AsMember()->name;
    case ValueKind::kEnum:
      return std::string(AsEnum()->constant());
    case ValueKind::kSet: {
      std::string out = "{";
      const auto& elements = AsSet()->elements();
      for (size_t i = 0; i < elements.size(); ++i) {
        if (i > 0) out += ", ";
        out += elements[i].ToString();
      }
      return out + "}";
    }
    case ValueKind::kRecord: {
      const Record& r = *AsRecord();
      if (r.shape().is_entity) return r.name().empty() ? r.shape().name : r.name();
      std::string out = r.shape().name + " {";
      bool first = true;
      for (size_t i = 0; i < r.size(); ++i) {
        const Value* v = r.Get(i);
        if (!v) continue;
        out += first ? " " : ", ";
        first = false;
        out += r.shape().fields[i].name + " " + v->ToString();
      }
      return out + (first ? "}" : " }");
    }
  }
  return "?";
}

std::strong_ordering Compare(const Value& a, const Value& b) {
  if (auto c = Order(static_cast<int>(a.kind()), static_cast<int>(b.kind())); c != 0) return c;
  switch (a.kind()) {
    case ValueKind::kNone:
      return std::strong_ordering::equal;
    case ValueKind::kBool:
      return Order(*a.AsBool(), *b.AsBool());
    case ValueKind::kInt:
      return Order(*a.AsInt(), *b.AsInt());
    case ValueKind::kDecimal:
      return Order(a.AsDecimal()->raw(), b.AsDecimal()->raw());
    case ValueKind::kPercent:
      return Order(a.AsPercent()->fraction.raw(), b.AsPercent()->fraction.raw());
    case ValueKind::kMoney: {
      const Money& x = *a.AsMoney();
      const Money& y = *b.AsMoney();
      if (auto c = OrderText(x.currency.code(), y.currency.code()); c != 0) return c;
      return Order(x.amount.raw(), y.amount.raw());
    }
    case ValueKind::kDate:
      return Order(a.AsDate()->days(), b.AsDate()->days());
    case ValueKind::kDuration:
      return CompareDurationParts(*a.AsDuration(), *b.AsDuration());
    case ValueKind::kText:
      return OrderText(*a.AsText(), *b.AsText());
    case ValueKind::kMember: {
      const Member& x = *a.AsMember();
      const Member& y = *b.AsMember();
      if (auto c = OrderText(x.name, y.name); c != 0) return c;
      return OrderText(x.polity, y.polity);
    }
    case ValueKind::kEnum: {
      const EnumValue& x = *a.AsEnum();
      const EnumValue& y = *b.AsEnum();
      std::string_view xs = x.shape ? std::string_view(x.shape->name) : std::string_view();
      std::string_view ys = y.shape ? std::string_view(y.shape->name) : std::string_view();
      if (auto c = OrderText(xs, ys); c != 0) return c;
      return Order(x.index, y.index);
    }
    case ValueKind::kSet:
      return CompareSets(*a.AsSet(), *b.AsSet());
    case ValueKind::kRecord:
      return CompareRecords(*a.AsRecord(), *b.AsRecord());
  }
  return std::strong_ordering::equal;
}

namespace {

// boost::hash_combine's mixing, on 64 bits.
size_t Mix(size_t seed, size_t h) {
  return seed ^ (h + 0x9e3779b97f4a7c15ULL + (seed << 12) + (seed >> 4));
}

// Texts hashed here are short (names, currency codes, shape names): eight
// bytes at a time, inline, instead of std::hash's out-of-line murmur, which
// was a third of hashing a booked payment (bench/federation/analysis.md).
// Only GrowingSet's tables use these hashes; nothing depends on their values.
size_t HashText(std::string_view s) {
  auto step = [](uint64_t h, uint64_t word) {
    h = (h ^ word) * 0xff51afd7ed558ccdULL;
    return h ^ (h >> 32);
  };
  uint64_t h = s.size() * 0x9e3779b97f4a7c15ULL;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t word = 0;
    std::memcpy(&word, s.data() + i, 8);
    h = step(h, word);
  }
  if (i < s.size()) {
    uint64_t word = 0;
    std::memcpy(&word, s.data() + i, s.size() - i);
    h = step(h, word);
  }
  return static_cast<size_t>(h);
}

size_t HashInt(int64_t i) {
  return std::hash<int64_t>{}(i);
}

}  // namespace

size_t Hash(const Value& v) {
  size_t h = HashInt(static_cast<int64_t>(v.kind()));
  switch (v.kind()) {
    case ValueKind::kNone:
      return h;
    case ValueKind::kBool:
      return Mix(h, *v.AsBool() ? 1 : 0);
    case ValueKind::kInt:
      return Mix(h, HashInt(*v.AsInt()));
    case ValueKind::kDecimal:
      return Mix(h, HashInt(v.AsDecimal()->raw()));
    case ValueKind::kPercent:
      return Mix(h, HashInt(v.AsPercent()->fraction.raw()));
    case ValueKind::kMoney:
      return Mix(Mix(h, HashText(v.AsMoney()->currency.code())),
                 HashInt(v.AsMoney()->amount.raw()));
    case ValueKind::kDate:
      return Mix(h, HashInt(v.AsDate()->days()));
    case ValueKind::kDuration: {
      const Duration& d = *v.AsDuration();
      return Mix(Mix(Mix(h, HashInt(d.days)), HashInt(d.months)), HashInt(d.lunar_months));
    }
    case ValueKind::kText:
      return Mix(h, HashText(*v.AsText()));
    case ValueKind::kMember:
      return Mix(Mix(h, HashText(v.AsMember()->name)), HashText(v.AsMember()->polity));
    case ValueKind::kEnum: {
      const EnumValue& e = *v.AsEnum();
      return Mix(Mix(h, HashText(e.shape ? std::string_view(e.shape->name) : "")),
                 HashInt(e.index));
    }
    case ValueKind::kSet: {
      // Sets are equal as sorted sequences: combine the elements' hashes in
      // a way that ignores their order.
      size_t sum = 0;
      for (const Value& e : v.AsSet()->elements()) sum += Mix(0, Hash(e));
      return Mix(Mix(h, sum), v.AsSet()->size());
    }
    case ValueKind::kRecord: {
      const Record& r = *v.AsRecord();
      h = Mix(h, HashText(r.shape().name));
      if (r.shape().is_entity) return Mix(Mix(h, HashText(r.owner())), HashText(r.name()));
      for (size_t i = 0; i < r.size(); ++i) {
        const Value* field = r.Get(i);
        h = Mix(h, field ? Hash(*field) : 0x5bd1e995);
      }
      return Mix(h, r.size());
    }
  }
  return h;
}

bool operator==(const Value& a, const Value& b) {
  return Compare(a, b) == 0;
}

// --- Set -------------------------------------------------------------------

Set::Set(std::vector<Value> elements) {
  // Sort indices by (value, position); the first of each run of equal values
  // is the first occurrence, and keeping those in position order preserves
  // insertion order. O(n log n) whatever the host hands us.
  std::vector<size_t> order(elements.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t x, size_t y) { return Compare(elements[x], elements[y]) < 0; });
  std::vector<bool> keep(elements.size(), false);
  for (size_t i = 0; i < order.size(); ++i) {
    keep[order[i]] = i == 0 || Compare(elements[order[i - 1]], elements[order[i]]) != 0;
  }
  std::vector<Value> distinct;
  distinct.reserve(elements.size());
  for (size_t i = 0; i < elements.size(); ++i) {
    if (keep[i]) distinct.push_back(std::move(elements[i]));
  }
  *this = FromDistinct(std::move(distinct));
}

bool Set::Contains(const Value& v) const {
  std::span<const Value> all = elements();
  return std::any_of(all.begin(), all.end(), [&](const Value& e) { return Compare(e, v) == 0; });
}

bool Set::CanMatch(size_t field, std::string_view name) const {
  return index_ && index_->Covers(field, name);
}

std::span<const uint32_t> Set::Matching(size_t field, std::string_view name,
                                        const Value& key) const {
  if (!index_) return {};
  std::span<const uint32_t> all = index_->Positions(field, name, key);
  // Later snapshots may have added matches past this set's end.
  auto end = std::lower_bound(all.begin(), all.end(), static_cast<uint32_t>(size_));
  return all.first(static_cast<size_t>(end - all.begin()));
}

std::vector<Value> Set::Sorted() const {
  std::vector<Value> sorted(data_, data_ + size_);
  std::sort(sorted.begin(), sorted.end(),
            [](const Value& x, const Value& y) { return Compare(x, y) < 0; });
  return sorted;
}

// --- Record ----------------------------------------------------------------

Record::Record(std::shared_ptr<const RecordShape> shape, std::string name, std::string owner)
    : shape_(shape ? std::move(shape) : std::make_shared<const RecordShape>()),
      name_(std::move(name)),
      owner_(std::move(owner)),
      fields_(shape_->fields.size()) {}

const Value* Record::Get(std::string_view field) const {
  int index = shape_->IndexOf(field);
  return index < 0 ? nullptr : Get(static_cast<size_t>(index));
}

diag::SourceRange Record::RangeOf(size_t index) const {
  return index < fields_.size() ? fields_[index].range : diag::SourceRange{};
}

bool Record::Put(size_t index, Value value, diag::SourceRange range) {
  if (index >= fields_.size()) return false;
  fields_[index] = Slot{std::move(value), range};
  return true;
}

bool Record::Put(std::string_view field, Value value, diag::SourceRange range) {
  int index = shape_->IndexOf(field);
  return index >= 0 && Put(static_cast<size_t>(index), std::move(value), range);
}

// --- helpers ---------------------------------------------------------------

Value MakeSetValue(std::vector<Value> elements) {
  return Value::MakeSet(std::make_shared<const Set>(std::move(elements)));
}

Value MakeMemberValue(std::string name, std::string polity, std::shared_ptr<const Record> record) {
  return Value::MakeMember(std::make_shared<const Member>(
      Member{std::move(name), std::move(polity), std::move(record)}));
}

std::string QuoteText(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
  return out + "\"";
}

std::string PercentToString(Decimal fraction) {
  // 100 times the fraction in 128 bits: exact for every representable percent.
  return ScaledToString(static_cast<__int128>(fraction.raw()) * 100) + "%";
}

}  // namespace concord::values
