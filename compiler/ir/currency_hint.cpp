// Hinting the currency of empty money sums (currency_hint.h).
#include "compiler/ir/currency_hint.h"

namespace concord::ir {

void HintEmptySums(Node& node, const std::string& currency) {
  if (currency.empty() || !node.type || !node.type->Inner()->Is(TypeKind::kMoney)) return;
  auto hint = [&](size_t i) {
    if (i < node.children.size() && node.children[i]) HintEmptySums(*node.children[i], currency);
  };
  switch (node.op) {
    case Op::kSumMoney:
    case Op::kMetric:  // the host evaluates the metric with this hint
      if (node.currency.empty()) node.currency = currency;
      break;
    case Op::kIf:
      hint(1);
      hint(2);
      break;
    case Op::kNegMoney:
    case Op::kMulMoneyDecimal:
    case Op::kMulMoneyPercent:
    case Op::kDivMoneyDecimal:
    case Op::kCheckCurrency:
      hint(0);
      break;
    case Op::kMulDecimalMoney:
    case Op::kMulPercentMoney:
      hint(1);
      break;
    case Op::kAddMoney:
    case Op::kSubMoney:
    case Op::kMin:
    case Op::kMax:
      hint(0);
      hint(1);
      break;
    default:
      break;
  }
}

NodePtr CloneNode(const Node& node) {
  // Iterative: a metric's body may be a 250,000-deep chain of `+`.
  auto copy_fields = [](const Node& from) {
    auto to = std::make_unique<Node>();
    to->op = from.op;
    to->type = from.type;
    to->range = from.range;
    to->constant = from.constant;
    to->slot = from.slot;
    to->field = from.field;
    to->cmp = from.cmp;
    to->query = from.query;
    to->entity = from.entity;
    to->name = from.name;
    to->owner = from.owner;
    to->currency = from.currency;
    to->callee = from.callee;
    to->children.resize(from.children.size());
    return to;
  };
  NodePtr root = copy_fields(node);
  std::vector<std::pair<const Node*, Node*>> pending = {{&node, root.get()}};
  while (!pending.empty()) {
    auto [from, to] = pending.back();
    pending.pop_back();
    for (size_t i = 0; i < from->children.size(); ++i) {
      if (!from->children[i]) continue;
      to->children[i] = copy_fields(*from->children[i]);
      pending.push_back({from->children[i].get(), to->children[i].get()});
    }
  }
  return root;
}

}  // namespace concord::ir
