#include "runtime/interp/keyed_filter.h"

namespace concord::interp {

namespace {

bool ReadsLocal(const ir::Node& n, int32_t slot) {
  if (n.op == ir::Op::kLocal && n.slot == slot) return true;
  for (const auto& child : n.children) {
    if (child && ReadsLocal(*child, slot)) return true;
  }
  return false;
}

bool ComparesStructurally(const ir::Type* type) {
  if (!type) return false;
  const ir::Type* inner = type->Inner();
  return !inner->Is(ir::TypeKind::kMoney) && !inner->Is(ir::TypeKind::kDuration);
}

}  // namespace

std::optional<KeyedFilter> FindKeyedFilter(const ir::Node& aggregate) {
  if (!ir::IsAggregate(aggregate.op) || aggregate.slot < 0) return std::nullopt;
  const ir::Node* filter = aggregate.child(1);
  const bool logical = aggregate.op == ir::Op::kAny || aggregate.op == ir::Op::kAll;
  if (!filter || (logical && !aggregate.child(2))) return std::nullopt;
  if (filter->op != ir::Op::kEqValue || filter->cmp != values::CompareOp::kEq) return std::nullopt;
  for (size_t side = 0; side < 2; ++side) {
    const ir::Node* field = filter->child(side);
    const ir::Node* key = filter->child(1 - side);
    if (!field || !key || field->op != ir::Op::kField || field->field < 0) continue;
    const ir::Node* object = field->child(0);
    if (!object || object->op != ir::Op::kLocal || object->slot != aggregate.slot) continue;
    if (ReadsLocal(*key, aggregate.slot)) continue;
    if (!ComparesStructurally(field->type) || !ComparesStructurally(key->type)) continue;
    return KeyedFilter{field, key};
  }
  return std::nullopt;
}

}  // namespace concord::interp
