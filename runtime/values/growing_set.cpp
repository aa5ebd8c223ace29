#include "runtime/values/growing_set.h"

#include <algorithm>
#include <string>

namespace concord::values {

namespace {

// The field an aggregate's `x.field` reads, under the conditions the
// engines' field reads succeed (Evaluator::VisitField, the JIT's cj_field);
// null when the read would fail.
const Value* FieldOf(const Value& element, size_t field, std::string_view name) {
  const Record* record = element.AsRecord();
  if (const Member* m = element.AsMember()) record = m->record.get();
  if (!record) return nullptr;
  const Value* v = record->Get(field);
  if (!v || record->shape().fields[field].name != name) return nullptr;
  return v;
}

}  // namespace

class GrowingSet::Store final : public SetIndex {
 public:
  bool Add(Value v) {
    const size_t hash = ElementHash(v);
    if (Seen(v, hash)) return false;  // a duplicate: the first one stays
    if (elements_->size() == elements_->capacity()) {
      // A new buffer: the snapshots keep the old one, whose elements they
      // show, alive and unchanged. Doubling keeps the copying linear overall.
      auto grown = std::make_shared<std::vector<Value>>();
      grown->reserve(std::max<size_t>(16, 2 * elements_->size()));
      grown->assign(elements_->begin(), elements_->end());
      elements_ = std::move(grown);
    }
    elements_->push_back(std::move(v));
    auto position = static_cast<uint32_t>(elements_->size() - 1);
    Remember(hash, position);
    for (FieldIndex& index : indexes_) Enter(index, elements_->back(), position, field_hashes_);
    return true;
  }

  // Every element so far; a snapshot shows a prefix of it (Set::Prefix).
  std::shared_ptr<const std::vector<Value>> Elements() const { return elements_; }

  bool Covers(size_t field, std::string_view name) const override {
    return IndexOf(field, name).covered;
  }

  std::span<const uint32_t> Positions(size_t field, std::string_view name,
                                      const Value& key) const override {
    const FieldIndex& index = IndexOf(field, name);
    if (!index.covered) return {};
    const size_t group = FindGroup(index, key, Hash(key));
    if (group == kNoGroup) return {};
    return index.groups[group].positions;
  }

 private:
  // The duplicate test: an open-addressed table of (hash, position + 1)
  // over elements_, probed linearly. It replaced an unordered_set<Value>,
  // which copied every element (a reference count touched per payment) and
  // allocated a node per element: about 40% of booking a payment
  // (bench/federation/analysis.md, the third pass).
  struct Slot {
    size_t hash = 0;
    uint32_t position_plus_one = 0;  // 0: empty
  };

  // values::Hash combines its parts without a final mix (an int hashes to
  // itself): spread the bits before taking the low ones.
  static size_t Start(size_t hash, size_t mask) {
    hash ^= hash >> 31;
    hash *= 0x9e3779b97f4a7c15ULL;
    return (hash ^ (hash >> 29)) & mask;
  }

  // The elements whose field has one value: `first` is one of them, whose
  // field is the key.
  struct Group {
    uint32_t first = 0;
    std::vector<uint32_t> positions;
  };
  // A flat table of the groups by the key's hash (values::Hash of the
  // field), probed linearly, like the duplicate test's.
  struct FieldIndex {
    size_t field = 0;
    std::string name;
    bool covered = true;
    std::vector<Group> groups;
    std::vector<Slot> slots;  // position_plus_one: the group's, in groups
  };

  // Adds the element at `position` to the index. `field_hashes`: the hashes
  // of the element's fields when ElementHash computed them (a plain record),
  // else empty, and then the field is hashed here.
  void Enter(FieldIndex& index, const Value& element, uint32_t position,
             const std::vector<size_t>& field_hashes) const {
    if (!index.covered) return;
    const Value* v = FieldOf(element, index.field, index.name);
    if (!v || v->Is(ValueKind::kMoney) || v->Is(ValueKind::kDuration)) {
      index.covered = false;
      index.groups.clear();
      index.slots.clear();
      return;
    }
    const size_t hash = index.field < field_hashes.size() ? field_hashes[index.field] : Hash(*v);
    if (size_t group = FindGroup(index, *v, hash); group != kNoGroup) {
      index.groups[group].positions.push_back(position);
      return;
    }
    index.groups.push_back(Group{position, {position}});
    Insert(index.slots, hash, static_cast<uint32_t>(index.groups.size() - 1));
  }

  static constexpr size_t kNoGroup = static_cast<size_t>(-1);

  // The number of the group whose key is `key` (hashed to `hash`), or kNoGroup.
  size_t FindGroup(const FieldIndex& index, const Value& key, size_t hash) const {
    if (index.slots.empty()) return kNoGroup;
    const size_t mask = index.slots.size() - 1;
    for (size_t i = Start(hash, mask);; i = (i + 1) & mask) {
      const Slot& slot = index.slots[i];
      if (slot.position_plus_one == 0) return kNoGroup;
      if (slot.hash != hash) continue;
      const size_t group = slot.position_plus_one - 1;
      const Value* first =
          FieldOf((*elements_)[index.groups[group].first], index.field, index.name);
      if (first && Compare(*first, key) == 0) return group;
    }
  }

  // The duplicate test's hash: values::Hash, except that a plain record (not
  // an entity) is hashed from its fields' values::Hash, which are kept in
  // field_hashes_ for the field indexes, so that each field is hashed once
  // per Add (bench/federation/analysis.md). It agrees with Compare as
  // values::Hash does: records Compare calls equal have equal fields.
  size_t ElementHash(const Value& v) {
    field_hashes_.clear();
    const Record* record = v.AsRecord();
    if (!record || record->shape().is_entity) return Hash(v);
    size_t h = record->size();
    for (size_t i = 0; i < record->size(); ++i) {
      const Value* field = record->Get(i);
      field_hashes_.push_back(field ? Hash(*field) : 0x5bd1e995);
      h = (h ^ field_hashes_.back()) * 0x9e3779b97f4a7c15ULL;
    }
    return h;
  }

  // Built on first use: a program filters on a handful of fields.
  const FieldIndex& IndexOf(size_t field, std::string_view name) const {
    for (const FieldIndex& index : indexes_) {
      if (index.field == field && index.name == name) return index;
    }
    FieldIndex& index = indexes_.emplace_back();
    index.field = field;
    index.name = std::string(name);
    for (size_t i = 0; i < elements_->size(); ++i) {
      Enter(index, (*elements_)[i], static_cast<uint32_t>(i), {});
    }
    return index;
  }

  bool Seen(const Value& v, size_t hash) const {
    if (slots_.empty()) return false;
    const size_t mask = slots_.size() - 1;
    for (size_t i = Start(hash, mask);; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.position_plus_one == 0) return false;
      if (slot.hash == hash && Compare((*elements_)[slot.position_plus_one - 1], v) == 0) {
        return true;
      }
    }
  }

  void Remember(size_t hash, uint32_t position) { Insert(slots_, hash, position); }

  // Adds (hash, position) to a table holding positions below `position`.
  static void Insert(std::vector<Slot>& slots, size_t hash, uint32_t position) {
    // At most half full, so probes stay short and an empty slot always ends one.
    if (2 * (static_cast<size_t>(position) + 1) > slots.size()) {
      std::vector<Slot> old = std::move(slots);
      slots.assign(std::max<size_t>(32, 2 * old.size()), Slot{});
      for (const Slot& slot : old) {
        if (slot.position_plus_one != 0) Place(slots, slot);
      }
    }
    Place(slots, Slot{hash, position + 1});
  }

  static void Place(std::vector<Slot>& slots, const Slot& slot) {
    const size_t mask = slots.size() - 1;
    size_t i = Start(slot.hash, mask);
    while (slots[i].position_plus_one != 0) i = (i + 1) & mask;
    slots[i] = slot;
  }

  // Distinct, in the order added. Only ever appended to within its
  // capacity, so that snapshots can share it (Set::Prefix).
  std::shared_ptr<std::vector<Value>> elements_ = std::make_shared<std::vector<Value>>();
  std::vector<Slot> slots_;  // for the duplicate test: a power of two, or empty
  // Mutable: an index is built when a snapshot is first asked about its
  // field. No reference into it is kept beyond one call.
  mutable std::vector<FieldIndex> indexes_;
  std::vector<size_t> field_hashes_;  // ElementHash's, for the element being added
};

GrowingSet::GrowingSet() : store_(std::make_shared<Store>()) {}

void GrowingSet::Add(Value v) {
  if (store_->Add(std::move(v))) stale_ = true;
}

const Value& GrowingSet::Snapshot() {
  if (stale_) {
    snapshot_ =
        Value::MakeSet(std::make_shared<const Set>(Set::Prefix(store_->Elements(), store_)));
    stale_ = false;
  }
  return snapshot_;
}

}  // namespace concord::values
