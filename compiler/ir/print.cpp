// Printing the IR. The format is stable: golden tests compare it byte for byte.
#include "compiler/ir/print.h"

#include <fmt/format.h>

namespace concord::ir {
namespace {

// What follows the op name: the resolved name, slot, constant or operator.
std::string Details(const Node& n) {
  switch (n.op) {
    case Op::kConst:
      return " " + n.constant.ToString();
    case Op::kParam:
    case Op::kInput:
    case Op::kLocal:
      return fmt::format(" #{} {}", n.slot, n.name);
    case Op::kEntity:
      return n.owner.empty()
                 ? fmt::format(" {} {}", EntityKindName(n.entity), n.name)
                 : fmt::format(" {} {} of {}", EntityKindName(n.entity), n.name, n.owner);
    case Op::kMetric:
      return n.currency.empty() ? fmt::format(" {} of {}", n.name, n.owner)
                                : fmt::format(" {} of {} empty=0 {}", n.name, n.owner, n.currency);
    case Op::kHostQuery:
      return fmt::format(" {}", QueryName(n.query));
    case Op::kCall:
      return " " + n.name;
    case Op::kCheckCurrency:
      return " " + n.currency;
    case Op::kField:
      return fmt::format(" .{} #{}", n.name, n.field);
    default:
      break;
  }
  if (GroupOf(n.op) == OpGroup::kCompare) return fmt::format(" {}", CompareSpelling(n.cmp));
  if (IsAggregate(n.op)) {
    std::string out = n.slot >= 0 ? fmt::format(" #{} {}", n.slot, n.name) : std::string();
    if (n.op == Op::kSumMoney && !n.currency.empty()) out += " empty=0 " + n.currency;
    return out;
  }
  return {};
}

std::string Range(const diag::SourceRange& r, const PrintOptions& options) {
  if (!options.ranges || !r.valid()) return {};
  if (options.locate) return " @" + options.locate(r);
  return fmt::format(" @{}..{}", r.begin, r.end);
}

std::string Variables(const std::vector<Variable>& vars) {
  std::string out;
  for (size_t i = 0; i < vars.size(); ++i) {
    if (i > 0) out += ", ";
    out += vars[i].name + ": " + (vars[i].type ? vars[i].type->ToString() : "?");
  }
  return out;
}

const char* AbsentChild(const Node& parent, size_t index) {
  if (IsAggregate(parent.op)) return index == 1 ? "(no filter)" : "(no projection)";
  return "(absent)";
}

}  // namespace

const char* CompareSpelling(values::CompareOp op) {
  return values::Spelling(op);
}

std::string Print(const Node& node, const PrintOptions& options, int indent) {
  std::string pad(static_cast<size_t>(indent) * 2, ' ');
  std::string out =
      fmt::format("{}{}{} : {}{}\n", pad, OpName(node.op), Details(node),
                  node.type ? node.type->ToString() : "?", Range(node.range, options));
  for (size_t i = 0; i < node.children.size(); ++i) {
    if (node.children[i]) {
      out += Print(*node.children[i], options, indent + 1);
    } else {
      out += fmt::format("{}  {}\n", pad, AbsentChild(node, i));
    }
  }
  return out;
}

std::string Print(const Function& fn, const PrintOptions& options) {
  std::string out = fmt::format("fn {}({}) -> {}", fn.name, Variables(fn.params),
                                fn.result ? fn.result->ToString() : "?");
  if (fn.num_locals > 0) out += fmt::format(" locals {}", fn.num_locals);
  out += "\n";
  if (fn.body) out += Print(*fn.body, options, 1);
  return out;
}

std::string Print(const Root& root, const PrintOptions& options) {
  std::string out = fmt::format("root {}({})", root.name, Variables(root.inputs));
  if (root.num_locals > 0) out += fmt::format(" locals {}", root.num_locals);
  out += "\n";
  if (root.body) out += Print(*root.body, options, 1);
  return out;
}

std::string Print(const Module& module, const PrintOptions& options) {
  std::string out;
  for (const auto& fn : module.functions()) out += Print(*fn, options);
  for (const auto& root : module.roots()) out += Print(*root, options);
  return out;
}

}  // namespace concord::ir
