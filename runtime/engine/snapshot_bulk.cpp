// The snapshot's bulk arrays as plain bytes; see snapshot_bulk.h.
#include "runtime/engine/snapshot_bulk.h"

#include <fmt/format.h>

#include <utility>

namespace concord::engine::snapshot {

namespace {

// The kinds of values a snapshot carries, as written (never renumber).
enum class Kind : uint8_t {
  kNone,
  kBool,
  kInt,
  kDecimal,
  kPercent,
  kMoney,
  kDate,
  kDuration,
  kText,
  kMember
};

values::Money ReadMoney(BulkReader& in) {
  int64_t raw = in.Signed();
  std::optional<values::Currency> c = values::Currency::Parse(in.Text());
  if (!c) throw Malformed{"a currency is malformed"};
  return values::Money{values::Decimal::FromRaw(raw), *c};
}

// A count, then that many items read by `read_one`, then nothing: a count
// past what the bytes can hold (`least` bytes an item) is damage.
template <typename T, typename ReadOne>
std::vector<T> DecodeAll(std::string_view bytes, size_t least, std::string_view what,
                         ReadOne read_one) {
  BulkReader in(bytes);
  uint64_t count = in.Unsigned();
  if (count > bytes.size() / least)
    throw Malformed{fmt::format("the {} count runs past the bytes", what)};
  std::vector<T> out;
  out.reserve(count);
  for (uint64_t i = 0; i < count; ++i) out.push_back(read_one(in));
  if (!in.AtEnd()) throw Malformed{fmt::format("bytes follow the {}", what)};
  return out;
}

}  // namespace

void BulkWriter::Unsigned(uint64_t n) {
  while (n >= 0x80) {
    out_.push_back(static_cast<char>((n & 0x7f) | 0x80));
    n >>= 7;
  }
  out_.push_back(static_cast<char>(n));
}

void BulkWriter::Signed(int64_t n) {
  Unsigned((static_cast<uint64_t>(n) << 1) ^ static_cast<uint64_t>(n >> 63));
}

void BulkWriter::Text(std::string_view text) {
  auto [at, added] = texts_.try_emplace(std::string(text), texts_.size());
  Unsigned(at->second);
  if (!added) return;
  Unsigned(text.size());
  out_.append(text);
}

bool BulkWriter::Value(const values::Value& v) {
  using values::ValueKind;
  auto kind = [&](Kind k) { out_.push_back(static_cast<char>(k)); };
  switch (v.kind()) {
    case ValueKind::kNone:
      kind(Kind::kNone);
      return true;
    case ValueKind::kBool:
      kind(Kind::kBool);
      Unsigned(*v.AsBool() ? 1 : 0);
      return true;
    case ValueKind::kInt:
      kind(Kind::kInt);
      Signed(*v.AsInt());
      return true;
    case ValueKind::kDecimal:
      kind(Kind::kDecimal);
      Signed(v.AsDecimal()->raw());
      return true;
    case ValueKind::kPercent:
      kind(Kind::kPercent);
      Signed(v.AsPercent()->fraction.raw());
      return true;
    case ValueKind::kMoney:
      kind(Kind::kMoney);
      Signed(v.AsMoney()->amount.raw());
      Text(v.AsMoney()->currency.code());
      return true;
    case ValueKind::kDate:
      kind(Kind::kDate);
      Signed(v.AsDate()->days());
      return true;
    case ValueKind::kDuration: {
      const values::Duration& d = *v.AsDuration();
      kind(Kind::kDuration);
      Signed(d.days);
      Signed(d.months);
      Signed(d.lunar_months);
      return true;
    }
    case ValueKind::kText:
      kind(Kind::kText);
      Text(*v.AsText());
      return true;
    case ValueKind::kMember:
      kind(Kind::kMember);
      Text(v.AsMember()->name);
      Text(v.AsMember()->polity);
      return true;
    default:
      return false;
  }
}

bool BulkWriter::Attributes(const std::vector<Attribute>& list, std::string* refused) {
  Unsigned(list.size());
  for (const Attribute& a : list) {
    Text(a.name);
    if (!Value(a.value)) {
      *refused = fmt::format("attribute `{}` holds a {}, which a snapshot does not carry", a.name,
                             values::KindName(a.value.kind()));
      return false;
    }
  }
  return true;
}

uint64_t BulkReader::Unsigned() {
  uint64_t n = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (at_ >= in_.size()) throw Malformed{"the bulk bytes are cut short"};
    auto byte = static_cast<unsigned char>(in_[at_++]);
    n |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if (!(byte & 0x80)) return n;
  }
  throw Malformed{"a number in the bulk bytes is too long"};
}

int64_t BulkReader::Signed() {
  uint64_t n = Unsigned();
  return static_cast<int64_t>(n >> 1) ^ -static_cast<int64_t>(n & 1);
}

const std::string& BulkReader::Text() {
  uint64_t index = Unsigned();
  if (index < texts_.size()) return texts_[index];
  if (index != texts_.size()) throw Malformed{"a text refers to one not yet read"};
  uint64_t size = Unsigned();
  if (size > in_.size() - at_) throw Malformed{"a text runs past the bulk bytes"};
  texts_.emplace_back(in_.substr(at_, size));
  at_ += size;
  return texts_.back();
}

values::Value BulkReader::Value() {
  if (at_ >= in_.size()) throw Malformed{"the bulk bytes are cut short"};
  auto kind = static_cast<Kind>(in_[at_++]);
  switch (kind) {
    case Kind::kNone:
      return values::Value::None();
    case Kind::kBool:
      return values::Value::MakeBool(Unsigned() != 0);
    case Kind::kInt:
      return values::Value::MakeInt(Signed());
    case Kind::kDecimal:
      return values::Value::MakeDecimal(values::Decimal::FromRaw(Signed()));
    case Kind::kPercent:
      return values::Value::MakePercent(values::Decimal::FromRaw(Signed()));
    case Kind::kMoney:
      return values::Value::MakeMoney(ReadMoney(*this));
    case Kind::kDate:
      return values::Value::MakeDate(Day());
    case Kind::kDuration: {
      values::Duration d;
      d.days = Signed();
      d.months = Signed();
      d.lunar_months = Signed();
      return values::Value::MakeDuration(d);
    }
    case Kind::kText:
      return values::Value::MakeText(Text());
    case Kind::kMember: {
      std::string name = Text();
      return values::MakeMemberValue(std::move(name), Text());
    }
  }
  throw Malformed{fmt::format("a value of unknown kind {}", static_cast<int>(kind))};
}

std::vector<Attribute> BulkReader::Attributes() {
  uint64_t count = Unsigned();
  if (count > in_.size() - at_) throw Malformed{"an attribute count runs past the bulk bytes"};
  std::vector<Attribute> out;
  out.reserve(count);
  for (uint64_t i = 0; i < count; ++i) {
    std::string name = Text();
    out.push_back({std::move(name), Value()});
  }
  return out;
}

std::string EncodeContributions(const std::vector<ContributionState>& list) {
  BulkWriter out;
  out.Unsigned(list.size());
  for (const ContributionState& c : list) {
    out.Text(c.member);
    out.Text(c.account);
    out.Text(c.owner);
    out.Signed(c.amount.amount.raw());
    out.Text(c.amount.currency.code());
    out.Signed(c.date.days());
  }
  return out.Take();
}

std::vector<ContributionState> DecodeContributions(std::string_view bytes) {
  // Every contribution takes at least six bytes.
  return DecodeAll<ContributionState>(bytes, 6, "contributions", [](BulkReader& in) {
    std::string member = in.Text();
    std::string account = in.Text();
    std::string owner = in.Text();
    values::Money amount = ReadMoney(in);
    return ContributionState{std::move(member), std::move(account), std::move(owner), amount,
                             in.Day()};
  });
}

bool EncodeHistory(const std::vector<HistoryRecord>& list, std::string* out, std::string* refused) {
  BulkWriter w;
  w.Unsigned(list.size());
  for (const HistoryRecord& r : list) {
    w.Text(r.kind);
    w.Text(r.id);
    w.Text(r.polity);
    w.Signed(r.date.days());
    if (!w.Attributes(r.attributes, refused)) return false;
  }
  *out = w.Take();
  return true;
}

std::vector<HistoryRecord> DecodeHistory(std::string_view bytes) {
  // Every record takes at least five bytes.
  return DecodeAll<HistoryRecord>(bytes, 5, "history records", [](BulkReader& in) {
    HistoryRecord r;
    r.kind = in.Text();
    r.id = in.Text();
    r.polity = in.Text();
    r.date = in.Day();
    r.attributes = in.Attributes();
    return r;
  });
}

}  // namespace concord::engine::snapshot
