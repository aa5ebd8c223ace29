// The Concord IR: every expression (a `fn` body, a rule condition, a metric,
// an `expect` line, a concord requirement) lowered to a tree of typed,
// resolved nodes. Ops are specific (ir_ops.def), names are resolved to
// parameter, input and local slots or to host questions, fields to indices of
// a RecordShape, calls to Functions. Every node keeps its SourceRange, so the
// interpreter and the JIT report runtime errors at the same place.
//
// The data structures are header-only: runtime/interp walks them without
// linking any compiler library. Building a module (lower.h) and printing it
// (print.h) live in the concord_ir library.
#pragma once

#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diag/source_range.h"
#include "compiler/ir/types.h"
#include "runtime/values/duration.h"
#include "runtime/values/value.h"

namespace concord::ir {

enum class Op : uint8_t {
#define CONCORD_IR_OP(name, group, kind, spelling) k##name,
#include "compiler/ir/ir_ops.def"
#undef CONCORD_IR_OP
};

// The families of ops (the Group column of ir_ops.def), so that code treating
// a family alike asks for it instead of listing its ops.
enum class OpGroup : uint8_t {
  kLeaf,     // Const, Param, Input, Local, Entity, Metric, HostQuery, Call, Today
  kConvert,  // IntToDecimal, PercentToDecimal, CheckCurrency
  kNeg,      // the arithmetic operators, by the one a user wrote
  kAdd,
  kSub,
  kMul,
  kDiv,
  kCompare,    // the ops that read Node::cmp: Cmp* and EqValue
  kTest,       // IsNone, WithinDate
  kLogic,      // Not, And, Or, If
  kMinMax,     // Min, Max of two values
  kRecord,     // Field, MakeSet
  kSum,        // Sum*
  kAggregate,  // Count, Any, All, MinOf, MaxOf
};

// The columns of ir_ops.def, indexed by op: both this table and Op expand the
// same file, so an op's number is its row.
struct OpInfo {
  const char* name;
  OpGroup group;
  TypeKind kind;         // None when no one scalar kind types the op
  const char* spelling;  // "" when the op has no operator of its own
};

inline constexpr OpInfo kOpInfo[] = {
#define CONCORD_IR_OP(name, group, kind, spelling) \
  {#name, OpGroup::k##group, TypeKind::k##kind, spelling},
#include "compiler/ir/ir_ops.def"
#undef CONCORD_IR_OP
};

constexpr const OpInfo& InfoOf(Op op) {
  return kOpInfo[static_cast<size_t>(op)];
}
constexpr const char* OpName(Op op) {
  return InfoOf(op).name;
}
constexpr OpGroup GroupOf(Op op) {
  return InfoOf(op).group;
}
// The scalar kind the op computes on (ir_ops.def says which for mixed ops).
constexpr TypeKind KindOf(Op op) {
  return InfoOf(op).kind;
}
// `+`, `-`, `*`, `/`, `min`, `max`: the operator messages show for a step of
// the op; "" for the others (a Compare op's operator is its Node::cmp).
constexpr const char* OpSpelling(Op op) {
  return InfoOf(op).spelling;
}

// Ops that fold a set (a comprehension or an aggregate call): children are
// source, filter, projection. Shared by the printer and the interpreter.
constexpr bool IsAggregate(Op op) {
  return GroupOf(op) == OpGroup::kSum || GroupOf(op) == OpGroup::kAggregate;
}

// The op of `group` that computes on the scalar `kind` (kNeg and kInt:
// NegInt), or none: how lowering picks a negation, a comparison or a sum by
// its operand type. Never for kNone, which in ir_ops.def means "no one kind".
constexpr std::optional<Op> FindOp(OpGroup group, TypeKind kind) {
  if (kind == TypeKind::kNone) return std::nullopt;
  for (size_t i = 0; i < std::size(kOpInfo); ++i) {
    if (kOpInfo[i].group == group && kOpInfo[i].kind == kind) return static_cast<Op>(i);
  }
  return std::nullopt;
}

// Whether FindOp's answer is the only op of `group` on its kind, as those
// lookups need.
constexpr bool OneOpPerKind(OpGroup group) {
  for (size_t i = 0; i < std::size(kOpInfo); ++i) {
    for (size_t j = i + 1; j < std::size(kOpInfo); ++j) {
      if (kOpInfo[i].group == group && kOpInfo[j].group == group &&
          kOpInfo[i].kind == kOpInfo[j].kind && kOpInfo[i].kind != TypeKind::kNone) {
        return false;
      }
    }
  }
  return true;
}
static_assert(OneOpPerKind(OpGroup::kNeg) && OneOpPerKind(OpGroup::kCompare) &&
              OneOpPerKind(OpGroup::kSum));

enum class HostQuery : uint8_t {
#define CONCORD_HOST_QUERY(name, spelling) k##name,
#include "compiler/ir/host_queries.def"
#undef CONCORD_HOST_QUERY
};

// `members`, `status`, `rules`: the name a user wrote.
inline const char* QueryName(HostQuery query) {
  switch (query) {
#define CONCORD_HOST_QUERY(name, spelling) \
  case HostQuery::k##name:                 \
    return spelling;
#include "compiler/ir/host_queries.def"
#undef CONCORD_HOST_QUERY
  }
  return "?";
}

// What an Entity node names. Owners: a rule, ledger, function, metric or
// fund belongs to its charter or treaty; members, disputes and history
// records to their scenario; charters and treaties to nothing.
enum class EntityKind : uint8_t {
  kCharter,
  kTreaty,
  kRule,
  kLedger,
  kFunction,
  kMetric,
  kFund,
  kMember,
  kDispute,
  kHistoryRecord,  // `record decision x1 in p`
  kProposal,       // `propose p1 in linden ...`
};

inline const char* EntityKindName(EntityKind kind) {
  switch (kind) {
    case EntityKind::kCharter:
      return "charter";
    case EntityKind::kTreaty:
      return "treaty";
    case EntityKind::kRule:
      return "rule";
    case EntityKind::kLedger:
      return "ledger";
    case EntityKind::kFunction:
      return "function";
    case EntityKind::kMetric:
      return "metric";
    case EntityKind::kFund:
      return "fund";
    case EntityKind::kMember:
      return "member";
    case EntityKind::kDispute:
      return "dispute";
    case EntityKind::kHistoryRecord:
      return "record";
    case EntityKind::kProposal:
      return "proposal";
  }
  return "?";
}

struct Function;

// One operation. Only the fields its op documents (ir_ops.def) are meaningful.
struct Node {
  Op op = Op::kConst;
  const Type* type = nullptr;  // the result type
  diag::SourceRange range;     // the source of the operation (the whole `a + b`)
  // Operands in evaluation order; an aggregate's filter or projection may be null.
  std::vector<std::unique_ptr<Node>> children;

  values::Value constant;                          // Const
  int32_t slot = -1;                               // Param, Input, Local; aggregates: the variable
  int32_t field = -1;                              // Field: index into the record's shape
  values::CompareOp cmp = values::CompareOp::kEq;  // Cmp*, EqValue
  HostQuery query = HostQuery::kMembers;           // HostQuery
  EntityKind entity = EntityKind::kCharter;        // Entity
  // Entity, Metric: the declared name; Field: the field; Param, Input,
  // Local and aggregates: the variable; Call: the fn. For printing and messages.
  std::string name;
  std::string owner;  // Entity, Metric: the charter, treaty or scenario
  // CheckCurrency: the one required; SumMoney, Metric: of an empty sum ("" unknown)
  std::string currency;
  const Function* callee = nullptr;  // Call

  const Node* child(size_t i) const { return i < children.size() ? children[i].get() : nullptr; }
};

using NodePtr = std::unique_ptr<Node>;

// A parameter of a Function or an input of a Root.
struct Variable {
  std::string name;
  const Type* type = nullptr;
};

// One `fn` declaration. Sema forbids recursion, so calls form a DAG.
struct Function {
  std::string name;
  std::vector<Variable> params;
  const Type* result = nullptr;
  NodePtr body;
  int32_t num_locals = 0;  // comprehension variables, numbered from 0
  diag::SourceRange range;
};

// One expression evaluated on its own: a rule's condition, a metric, an
// `expect` line, a concord requirement. Its inputs are bound by the caller
// (a charter, a treaty, a rule's event value, `income`).
struct Root {
  std::string name;  // "rule fund_cap", "C002", for printing
  std::vector<Variable> inputs;
  NodePtr body;
  int32_t num_locals = 0;
  diag::SourceRange range;
};

// Owns the functions, roots, shapes and types of one program.
class Module {
 public:
  Module() = default;
  Module(const Module&) = delete;
  Module& operator=(const Module&) = delete;

  TypeTable& types() { return types_; }
  const TypeTable& types() const { return types_; }

  // Record and enum shapes, in the order they were added (the schema's).
  std::shared_ptr<const RecordShape> AddShape(RecordShape shape) {
    shapes_.push_back(std::make_shared<const RecordShape>(std::move(shape)));
    return shapes_.back();
  }
  std::shared_ptr<const RecordShape> FindShape(std::string_view name) const {
    for (const auto& s : shapes_) {
      if (s->name == name) return s;
    }
    return nullptr;
  }
  std::shared_ptr<const EnumShape> AddEnum(EnumShape shape) {
    enums_.push_back(std::make_shared<const EnumShape>(std::move(shape)));
    return enums_.back();
  }
  std::shared_ptr<const EnumShape> FindEnum(std::string_view name) const {
    for (const auto& e : enums_) {
      if (e->name == name) return e;
    }
    return nullptr;
  }
  const std::vector<std::shared_ptr<const RecordShape>>& shapes() const { return shapes_; }
  const std::vector<std::shared_ptr<const EnumShape>>& enums() const { return enums_; }

  Function* AddFunction(std::unique_ptr<Function> fn) {
    functions_.push_back(std::move(fn));
    return functions_.back().get();
  }
  const Function* FindFunction(std::string_view name) const {
    for (const auto& f : functions_) {
      if (f->name == name) return f.get();
    }
    return nullptr;
  }
  // In the order they were lowered: a callee before its callers.
  const std::vector<std::unique_ptr<Function>>& functions() const { return functions_; }

  Root* AddRoot(std::unique_ptr<Root> root) {
    roots_.push_back(std::move(root));
    return roots_.back().get();
  }
  const std::vector<std::unique_ptr<Root>>& roots() const { return roots_; }

 private:
  TypeTable types_;
  std::vector<std::shared_ptr<const RecordShape>> shapes_;
  std::vector<std::shared_ptr<const EnumShape>> enums_;
  std::vector<std::unique_ptr<Function>> functions_;
  std::vector<std::unique_ptr<Root>> roots_;
};

}  // namespace concord::ir
