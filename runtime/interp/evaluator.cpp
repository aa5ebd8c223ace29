// The evaluator's dispatch and the ops that are not arithmetic: slots, host
// questions, fn calls, Kleene logic, `if`, fields and set literals. Also the
// public entry points of interp.h and fits.h.
#include "runtime/interp/evaluator.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

namespace concord::interp {

using values::Value;
using values::ValueKind;

namespace {

constexpr size_t kMaxReasons = 32;

void AddReason(std::vector<Undecided>& out, const Undecided& u) {
  if (out.size() >= kMaxReasons) return;
  if (std::find(out.begin(), out.end(), u) == out.end()) out.push_back(u);
}

}  // namespace

std::vector<Undecided> MergeReasons(const std::vector<Undecided>& a,
                                    const std::vector<Undecided>& b) {
  std::vector<Undecided> out;
  for (const Undecided& u : a) AddReason(out, u);
  for (const Undecided& u : b) AddReason(out, u);
  return out;
}

// --- entry points ------------------------------------------------------------

std::string Outcome::ToString() const {
  switch (status) {
    case Status::kValue:
      return value.ToString();
    case Status::kUndecided:
      return "undecided";
    case Status::kError:
      return error ? fmt::format("error[{}]: {}", diag::Info(error->code).name, error->message)
                   : std::string("error");
  }
  return "?";
}

namespace {

Outcome Start(const std::string& what, const ir::Node* body,
              const std::vector<ir::Variable>& params, std::span<const Value> args,
              int32_t num_locals, diag::SourceRange range, const EvalOptions& options) {
  Evaluator evaluator(options);
  if (!body) {
    return evaluator.Finish(evaluator.Fail(
        MakeRuntimeError(diag::Code::R025, range, fmt::format("{} has no body", what))));
  }
  if (args.size() != params.size()) {
    return evaluator.Finish(evaluator.Fail(MakeRuntimeError(
        diag::Code::R025, range,
        fmt::format("{} takes {} values, {} were given", what, params.size(), args.size()))));
  }
  std::vector<Eval> frame;
  for (size_t i = 0; i < args.size(); ++i) {
    if (!Fits(args[i], params[i].type)) {
      return evaluator.Finish(evaluator.Fail(
          MakeRuntimeError(diag::Code::R025, range,
                           fmt::format("`{}` of {} must be {}, not the {} `{}`", params[i].name,
                                       what, params[i].type->ToString(),
                                       values::KindName(args[i].kind()), args[i].ToString()))));
    }
    frame.push_back(Eval::Of(args[i]));
  }
  return evaluator.Finish(evaluator.Run(*body, std::move(frame), num_locals));
}

}  // namespace

Outcome Evaluate(const ir::Root& root, std::span<const Value> inputs, const EvalOptions& options) {
  return Start(fmt::format("`{}`", root.name), root.body.get(), root.inputs, inputs,
               root.num_locals, root.range, options);
}

Outcome Call(const ir::Function& fn, std::span<const Value> args, const EvalOptions& options) {
  return Start(fmt::format("`{}`", fn.name), fn.body.get(), fn.params, args, fn.num_locals,
               fn.range, options);
}

// --- the evaluator -------------------------------------------------------------

Eval Evaluator::Run(const ir::Node& body, std::vector<Eval> args, int32_t num_locals) {
  frames_.push_back(Frame{std::move(args), std::vector<Value>(static_cast<size_t>(num_locals))});
  Eval result = Visit(body);
  frames_.pop_back();
  return result;
}

Outcome Evaluator::Finish(Eval result) {
  Outcome out;
  out.fields_read = std::move(fields_read_);
  if (error_ || result.failed()) {
    out.status = Status::kError;
    out.error = error_ ? std::move(error_)
                       : std::optional<RuntimeError>(MakeRuntimeError(
                             diag::Code::R025, {}, "evaluation failed without a reason"));
  } else if (result.undecided()) {
    out.status = Status::kUndecided;
    out.undecided = std::move(result.reasons);
  } else {
    out.status = Status::kValue;
    out.value = std::move(result.value);
  }
  return out;
}

Eval Evaluator::Fail(RuntimeError error) {
  if (!error_) error_ = std::move(error);
  return Eval::Error();
}

Eval Evaluator::WrongKind(const ir::Node& n, const Value& v, const char* wanted) {
  return Fail(MakeRuntimeError(diag::Code::R025, n.range,
                               fmt::format("`{}` needs {}, but got the {} `{}`", ir::OpName(n.op),
                                           wanted, values::KindName(v.kind()), v.ToString())));
}

bool Fits(const Value& v, const ir::Type* type) {
  if (!type) return false;
  if (v.IsNone()) return type->Is(ir::TypeKind::kNone) || type->Is(ir::TypeKind::kOptional);
  const ir::Type* t = type->Inner();
  switch (t->kind()) {
    case ir::TypeKind::kNone:
      return false;
    case ir::TypeKind::kBool:
      return v.Is(ValueKind::kBool);
    case ir::TypeKind::kInt:
      return v.Is(ValueKind::kInt);
    case ir::TypeKind::kDecimal:
      return v.Is(ValueKind::kDecimal);
    case ir::TypeKind::kPercent:
      return v.Is(ValueKind::kPercent);
    case ir::TypeKind::kMoney:
      return v.Is(ValueKind::kMoney);
    case ir::TypeKind::kDate:
      return v.Is(ValueKind::kDate);
    case ir::TypeKind::kDuration:
      return v.Is(ValueKind::kDuration);
    case ir::TypeKind::kText:
      return v.Is(ValueKind::kText);
    case ir::TypeKind::kMember:
      return v.Is(ValueKind::kMember);
    case ir::TypeKind::kEnum:
      return v.Is(ValueKind::kEnum) && v.AsEnum()->shape && t->enum_shape() &&
             v.AsEnum()->shape->name == t->enum_shape()->name;
    case ir::TypeKind::kSet:
      return v.Is(ValueKind::kSet);
    case ir::TypeKind::kOptional:
      return false;  // Inner() never is
    case ir::TypeKind::kRecord: {
      // Records built from the module's shapes share the type's shape
      // object: the pointer test answers without comparing the names (the
      // JIT asks this before every compiled evaluation of an event).
      const values::Record* record = v.AsRecord();
      const values::RecordShape* shape = t->shape().get();
      return record && shape && (&record->shape() == shape || record->shape().name == shape->name);
    }
  }
  return false;
}

void Evaluator::NoteField(diag::SourceRange range) {
  if (!options_.trace_fields || !range.valid()) return;
  if (std::find(fields_read_.begin(), fields_read_.end(), range) == fields_read_.end()) {
    fields_read_.push_back(range);
  }
}

std::optional<Eval> Evaluator::Children(const ir::Node& n, std::vector<Value>& out) {
  std::vector<Undecided> reasons;
  bool undecided = false;
  for (const auto& child : n.children) {
    if (!child) return MissingOperand(n);
    Eval e = Visit(*child);
    if (e.failed()) return e;
    if (e.undecided()) {
      undecided = true;
      reasons = MergeReasons(reasons, e.reasons);
      out.emplace_back();
      continue;
    }
    out.push_back(std::move(e.value));
  }
  if (undecided) return Eval::Unknown(std::move(reasons));
  return std::nullopt;
}

// The count goes on from the host question that started this evaluation,
// if any (depth.h).
Evaluator::Evaluator(const EvalOptions& options)
    : options_(options), depth_(EvaluationBase()), deepest_(depth_), stack_limit_(StackLimit()) {}

Evaluator::~Evaluator() {
  NoteLevel(deepest_);
}

Eval Evaluator::Visit(const ir::Node& n) {
  // The depth limit decides, the same in every build and in the JIT; the
  // stack check is a safety net for threads with small stacks and for
  // sanitizer builds, whose frames are several times larger.
  deepest_ = std::max(deepest_, depth_);
  if (depth_ >= kMaxDepth) return TooDeep(n, false);
  if (reinterpret_cast<uintptr_t>(__builtin_frame_address(0)) < stack_limit_) {
    return TooDeep(n, true);
  }
  ++depth_;
  Eval result = Dispatch(n);
  --depth_;
  return result;
}

// The rare failures of the recursive path live in their own frames, so the
// frames that recurse stay small.
Eval Evaluator::TooDeep(const ir::Node& n, bool stack) {
  std::string why =
      stack
          ? std::string("evaluation needs more stack than this thread has")
          : fmt::format("evaluation is nested more than {} levels deep through fn calls or metrics",
                        kMaxDepth);
  return Fail(MakeRuntimeError(diag::Code::R025, n.range, why));
}

Eval Evaluator::MissingOperand(const ir::Node& n) {
  return Fail(MakeRuntimeError(diag::Code::R025, n.range,
                               fmt::format("`{}` lacks an operand", ir::OpName(n.op))));
}

Eval Evaluator::Dispatch(const ir::Node& n) {
  using ir::Op;
  switch (n.op) {
    case Op::kConst:
      return Eval::Of(n.constant);
    case Op::kParam:
    case Op::kInput:
    case Op::kLocal:
      return VisitSlot(n);
    case Op::kEntity:
    case Op::kMetric:
    case Op::kHostQuery:
      return VisitHost(n);
    case Op::kCall:
      return VisitCall(n);
    case Op::kToday:
      return VisitToday(n);
    case Op::kWithinDate:
      return VisitWithin(n);
    case Op::kIntToDecimal:
    case Op::kPercentToDecimal:
    case Op::kCheckCurrency:
      return VisitConversion(n);
    case Op::kIsNone:
      return VisitCompare(n);
    case Op::kNot:
      return VisitNot(n);
    case Op::kAnd:
      return VisitAndOr(n, true);
    case Op::kOr:
      return VisitAndOr(n, false);
    case Op::kIf:
      return VisitIf(n);
    case Op::kMin:
    case Op::kMax:
      return VisitMinMax(n);
    case Op::kField:
      return VisitField(n);
    case Op::kMakeSet:
      return VisitMakeSet(n);
    default:
      if (IsAggregate(n.op)) return VisitAggregate(n);
      if (GroupOf(n.op) == ir::OpGroup::kCompare) return VisitCompare(n);
      return VisitArithmetic(n);
  }
}

// --- slots and host questions ------------------------------------------------------

Eval Evaluator::VisitSlot(const ir::Node& n) {
  Frame& frame = frames_.back();
  size_t slot = static_cast<size_t>(n.slot);
  if (n.op == ir::Op::kLocal) {
    if (n.slot >= 0 && slot < frame.locals.size()) return Eval::Of(frame.locals[slot]);
  } else if (n.slot >= 0 && slot < frame.args.size()) {
    return frame.args[slot];
  }
  return Fail(MakeRuntimeError(diag::Code::R025, n.range,
                               fmt::format("`{}` is not bound (slot {})", n.name, n.slot)));
}

Eval Evaluator::Checked(const ir::Node& n, HostAnswer answer) {
  if (!answer.value) return Fail(MakeRuntimeError(diag::Code::R025, n.range, answer.why_not));
  if (!Fits(*answer.value, n.type)) {
    return Fail(MakeRuntimeError(diag::Code::R025, n.range,
                                 fmt::format("the host answered the {} `{}` where {} is expected",
                                             values::KindName(answer.value->kind()),
                                             answer.value->ToString(), n.type->ToString())));
  }
  return Eval::Of(std::move(*answer.value));
}

Eval Evaluator::VisitHost(const ir::Node& n) {
  std::vector<Value> args;
  if (std::optional<Eval> blocked = Children(n, args)) return std::move(*blocked);
  if (!options_.host) {
    std::string what = n.op == ir::Op::kHostQuery ? fmt::format("`{}`", ir::QueryName(n.query))
                                                  : fmt::format("`{}`", n.name);
    return Fail(MakeRuntimeError(diag::Code::R025, n.range,
                                 fmt::format("{} needs a running scenario", what)));
  }
  // What the host evaluates to answer (a metric) goes on one level below this node.
  NestedEvaluation nested(depth_);
  switch (n.op) {
    case ir::Op::kEntity:
      return Checked(n, options_.host->Entity(n.entity, n.name, n.owner, *n.type));
    case ir::Op::kMetric:
      return Checked(n, options_.host->Metric(n.owner, n.name, *n.type, n.currency));
    default:
      return Checked(n, options_.host->Query(n.query, args, *n.type));
  }
}

Eval Evaluator::VisitCall(const ir::Node& n) {
  const ir::Function* fn = n.callee;
  if (!fn || !fn->body || fn->params.size() != n.children.size()) {
    return Fail(MakeRuntimeError(diag::Code::R025, n.range,
                                 fmt::format("`{}` cannot be called here", n.name)));
  }
  // Arguments may be undecided: the callee's Kleene logic may still decide.
  std::vector<Eval> args;
  for (const auto& child : n.children) {
    Eval e = child ? Visit(*child) : Eval::Error();
    if (e.failed()) return e;
    args.push_back(std::move(e));
  }
  return Run(*fn->body, std::move(args), fn->num_locals);
}

// --- logic -------------------------------------------------------------------

Eval Evaluator::VisitNot(const ir::Node& n) {
  const ir::Node* child = n.child(0);
  Eval e = child ? Visit(*child) : Eval::Error();
  if (!e.ok()) return e;
  const bool* b = e.value.AsBool();
  if (!b) return WrongKind(n, e.value, "a bool");
  return Eval::Of(Value::MakeBool(!*b));
}

Eval Evaluator::VisitAndOr(const ir::Node& n, bool is_and) {
  // Kleene: the dominant value (false for `and`, true for `or`) decides
  // whatever the other side is; it short-circuits when it comes first.
  const bool dominant = !is_and;
  auto truth = [&](const Eval& e) -> std::optional<bool> {
    if (!e.ok()) return std::nullopt;
    const bool* b = e.value.AsBool();
    return b ? std::optional<bool>(*b) : std::nullopt;
  };
  const ir::Node* lhs_node = n.child(0);
  const ir::Node* rhs_node = n.child(1);
  if (!lhs_node || !rhs_node)
    return Fail(MakeRuntimeError(diag::Code::R025, n.range, "missing operand"));
  Eval lhs = Visit(*lhs_node);
  if (lhs.failed()) return lhs;
  if (lhs.ok() && !lhs.value.AsBool()) return WrongKind(n, lhs.value, "a bool");
  if (truth(lhs) == dominant) return lhs;
  Eval rhs = Visit(*rhs_node);
  if (rhs.failed()) return rhs;
  if (rhs.ok() && !rhs.value.AsBool()) return WrongKind(n, rhs.value, "a bool");
  if (truth(rhs) == dominant) return rhs;
  if (lhs.undecided() || rhs.undecided())
    return Eval::Unknown(MergeReasons(lhs.reasons, rhs.reasons));
  return Eval::Of(Value::MakeBool(!dominant));
}

Eval Evaluator::VisitIf(const ir::Node& n) {
  const ir::Node* cond_node = n.child(0);
  const ir::Node* then_node = n.child(1);
  const ir::Node* else_node = n.child(2);
  if (!cond_node || !then_node || !else_node) {
    return Fail(MakeRuntimeError(diag::Code::R025, n.range, "`if` lacks a branch"));
  }
  Eval cond = Visit(*cond_node);
  if (cond.failed()) return cond;
  if (cond.ok()) {
    const bool* b = cond.value.AsBool();
    if (!b) return WrongKind(n, cond.value, "a bool");
    return Visit(*b ? *then_node : *else_node);
  }
  // Undecided: the answer is known only if both branches give it.
  Eval a = Visit(*then_node);
  if (a.failed()) return a;
  Eval b = Visit(*else_node);
  if (b.failed()) return b;
  if (a.ok() && b.ok() && a.value == b.value) return a;
  return Eval::Unknown(MergeReasons(cond.reasons, MergeReasons(a.reasons, b.reasons)));
}

// --- records and sets ------------------------------------------------------------

Eval Evaluator::VisitField(const ir::Node& n) {
  std::vector<Value> object;
  if (std::optional<Eval> blocked = Children(n, object)) return std::move(*blocked);
  if (object.size() != 1) return MissingOperand(n);
  const Value& v = object[0];
  const values::Record* record = v.AsRecord();
  if (const values::Member* m = v.AsMember()) {
    record = m->record.get();
  } else if (!record) {
    return WrongKind(n, v, "a record");
  }
  size_t index = static_cast<size_t>(n.field);
  const Value* field = record && n.field >= 0 ? record->Get(index) : nullptr;
  if (!field || record->shape().fields[index].name != n.name) return FieldError(n, v);
  NoteField(record->RangeOf(index));
  return Eval::Of(*field);
}

Eval Evaluator::FieldError(const ir::Node& n, const Value& v) {
  const values::Member* member = v.AsMember();
  const values::Record* record = member ? member->record.get() : v.AsRecord();
  std::string owner;
  if (member) {
    owner = fmt::format("member `{}`", member->name);
  } else if (record->shape().is_entity && !record->name().empty()) {
    owner = fmt::format("{} `{}`", record->shape().name, record->name());
  } else {
    owner = fmt::format("the {}", record->shape().name);
  }
  size_t index = static_cast<size_t>(n.field);
  bool in_shape = record && n.field >= 0 && index < record->shape().fields.size();
  if (in_shape && record->Get(index) && record->shape().fields[index].name != n.name) {
    return Fail(MakeRuntimeError(
        diag::Code::R025, n.range,
        fmt::format("{} has `{}` where `{}` was expected: the record's shape differs from the IR's",
                    owner, record->shape().fields[index].name, n.name)));
  }
  // A member's fields all come from a scenario (`{ income 1200 EUR }`), so
  // any of them may be missing; other records miss only attributes.
  if (member || !in_shape || record->shape().fields[index].attribute) {
    return Fail(MakeRuntimeError(diag::Code::R022, n.range, owner, n.name));
  }
  return Fail(MakeRuntimeError(diag::Code::R025, n.range,
                               fmt::format("{} has no value for `{}`", owner, n.name)));
}

Eval Evaluator::VisitMakeSet(const ir::Node& n) {
  std::vector<Value> elements;
  if (std::optional<Eval> blocked = Children(n, elements)) return std::move(*blocked);
  return Eval::Of(values::MakeSetValue(std::move(elements)));
}

}  // namespace concord::interp
