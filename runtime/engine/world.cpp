// The engine as an interp::Host: the entities a rule, metric or `expect`
// line names (charters, treaties, members, disputes, records), and the
// questions of compiler/ir/host_queries.def answered from the state of the
// run on the current day. Sets are built in a fixed order (joining order,
// declaration order, signing order), never in container-address order.
#include <fmt/format.h>

#include <algorithm>

#include "runtime/engine/simulation.h"

namespace concord::engine {
namespace {

const values::Record* RecordOf(const values::Value& v) {
  return v.AsRecord();
}

// The element named `name` of the set field `field` of an entity record.
std::optional<values::Value> Find(const values::Value& owner, const char* field,
                                  std::string_view name) {
  const values::Record* r = RecordOf(owner);
  if (!r) return std::nullopt;
  const values::Value* set = r->Get(field);
  if (!set || !set->AsSet()) return std::nullopt;
  for (const values::Value& v : set->AsSet()->elements()) {
    if (const values::Record* e = v.AsRecord(); e && e->name() == name) return v;
  }
  return std::nullopt;
}

}  // namespace

std::shared_ptr<values::Record> Simulation::NewRecord(const char* shape, std::string name,
                                                      std::string owner) const {
  std::shared_ptr<const values::RecordShape> s = program_->module->FindShape(shape);
  if (!s) {
    // The schema always has these shapes; an empty one keeps the run going.
    s = std::make_shared<const values::RecordShape>(values::RecordShape{shape, false, {}});
  }
  return std::make_shared<values::Record>(s, std::move(name), std::move(owner));
}

void Simulation::RebuildMember(MemberState& m) {
  auto record = NewRecord("member", m.name, m.first_polity);
  record->Put("name", values::Value::MakeText(m.name));
  record->Put("joined", values::Value::MakeDate(m.joined));
  record->Put("polity", CharterValue(m.first_polity));
  for (const Attribute& a : m.attributes) record->Put(a.name, a.value);
  m.record = record;
  m.value = values::MakeMemberValue(m.name, m.first_polity, m.record);
  rebuilt_members_.push_back(m.name);
}

values::Value Simulation::MemberValue(const std::string& name) const {
  auto it = members_.find(name);
  if (it == members_.end()) return values::MakeMemberValue(name, "");
  return it->second.value;
}

values::Value Simulation::CharterValue(const std::string& name) const {
  const CharterSpec* c = program_->FindCharter(name);
  return c ? c->value : values::Value::None();
}

values::Value Simulation::TreatyValue(const std::string& name) const {
  const TreatySpec* t = program_->FindTreaty(name);
  return t ? t->value : values::Value::None();
}

values::Value Simulation::DisputeValue(const DisputeState& d) const {
  auto record = NewRecord("dispute", d.id, scenario_.name);
  std::vector<values::Value> sides;
  for (const std::string& s : d.sides) sides.push_back(MemberValue(s));
  record->Put("id", values::Value::MakeText(d.id));
  record->Put("polity", CharterValue(d.polity));
  record->Put("parties", values::MakeSetValue(std::move(sides)));
  record->Put("serious", values::Value::MakeBool(d.serious));
  record->Put("date", values::Value::MakeDate(d.date));
  return values::Value::MakeRecord(record);
}

values::Value Simulation::HistoryValue(const HistoryRecord& h) const {
  auto record = NewRecord(h.kind.c_str(), h.id, scenario_.name);
  record->Put("id", values::Value::MakeText(h.id));
  record->Put("polity", CharterValue(h.polity));
  record->Put("date", values::Value::MakeDate(h.date));
  record->Put("state_recourse", values::Value::MakeBool(false));
  for (const Attribute& a : h.attributes) record->Put(a.name, a.value);
  return values::Value::MakeRecord(record);
}

values::Value Simulation::StatusValue(const char* shape, const char* constant) const {
  std::shared_ptr<const values::EnumShape> e = program_->module->FindEnum(shape);
  if (!e) return values::Value::MakeText(constant);
  return values::Value::MakeEnum(e, e->IndexOf(constant));
}

bool Simulation::IsMemberOf(const std::string& member, const std::string& polity) const {
  auto it = polities_.find(polity);
  if (it == polities_.end()) return false;
  // `joined` holds exactly the current members (kept with `members` on
  // setup, join and leave): a lookup instead of a scan of the member list.
  return it->second.joined.count(member) > 0;
}

std::vector<std::string> Simulation::PolitiesOf(const std::string& member) const {
  std::vector<std::string> out;
  auto it = members_.find(member);
  if (it == members_.end()) return out;
  // In the polity order, without asking every polity.
  for (size_t position : it->second.polities) out.push_back(polity_order_[position]);
  return out;
}

// Whether a newcomer has a way into `p` (0 or 1): the term exit_options sums.
int64_t Simulation::EntryOption(const PolityState& p) const {
  // A charter the program version in force dropped (versions.cpp) is no
  // way in any more.
  if (p.dropped) return 0;
  switch (p.spec->entry) {
    case EntryMode::kOpen:
      return 1;
    case EntryMode::kSponsored:
      // Sponsorship is available when the charter has enough members to
      // sponsor a newcomer.
      return static_cast<int64_t>(p.members.size()) >= p.spec->sponsors ? 1 : 0;
    case EntryMode::kVote:
    case EntryMode::kDecision:
      // A vote of the members (or the admission rule) admits a newcomer: a
      // way in as soon as there are members to hold it, whatever its outcome.
      return p.members.empty() ? 0 : 1;
    case EntryMode::kCompulsory:
      // Membership imposed on people is not a choice a member could make.
      return 0;
  }
  return 0;
}

int64_t Simulation::AllEntryOptions() const {
  int64_t options = 0;
  for (const std::string& name : polity_order_) options += EntryOption(polities_.at(name));
  return options;
}

// The polities a member could enter are all of them but their own: the
// total less their own polities' terms, so the end-of-run metrics of a
// federation ask each member's few polities instead of every polity.
int64_t Simulation::ExitOptions(const std::string& member, int64_t all_options) const {
  auto it = members_.find(member);
  if (it == members_.end()) return all_options;
  for (size_t position : it->second.polities) {
    all_options -= EntryOption(polities_.at(polity_order_[position]));
  }
  return all_options;
}

interp::HostAnswer Simulation::Entity(ir::EntityKind kind, std::string_view name,
                                      std::string_view owner, const ir::Type&) {
  return EntityAnswer(kind, name, owner);
}

interp::HostAnswer Simulation::EntityAnswer(ir::EntityKind kind, std::string_view name,
                                            std::string_view owner) const {
  std::string n(name);
  auto decline = [&](std::string why) { return interp::HostAnswer::Decline(std::move(why)); };
  switch (kind) {
    case ir::EntityKind::kCharter:
      if (program_->FindCharter(n)) return interp::HostAnswer::Of(CharterValue(n));
      break;
    case ir::EntityKind::kTreaty:
      if (program_->FindTreaty(n)) return interp::HostAnswer::Of(TreatyValue(n));
      break;
    case ir::EntityKind::kRule:
    case ir::EntityKind::kLedger:
    case ir::EntityKind::kFunction:
    case ir::EntityKind::kMetric:
    case ir::EntityKind::kFund: {
      const char* field = kind == ir::EntityKind::kRule       ? "rules"
                          : kind == ir::EntityKind::kLedger   ? "ledgers"
                          : kind == ir::EntityKind::kFunction ? "functions"
                          : kind == ir::EntityKind::kMetric   ? "metrics"
                                                              : "funds";
      std::string o(owner);
      values::Value container = program_->FindCharter(o) ? CharterValue(o) : TreatyValue(o);
      if (auto v = Find(container, field, name)) return interp::HostAnswer::Of(*v);
      if (kind == ir::EntityKind::kRule) {
        // A rule an assembly added: not in the charter as written.
        auto record = NewRecord("rule", n, o);
        record->Put("name", values::Value::MakeText(n));
        return interp::HostAnswer::Of(values::Value::MakeRecord(record));
      }
      break;
    }
    case ir::EntityKind::kMember:
      if (members_.count(n)) return interp::HostAnswer::Of(MemberValue(n));
      return decline(fmt::format("`{}` has not joined any charter by {}", n, today_.ToString()));
    case ir::EntityKind::kDispute:
      if (auto it = disputes_.find(n); it != disputes_.end()) {
        return interp::HostAnswer::Of(DisputeValue(it->second));
      }
      return decline(fmt::format("dispute `{}` has not been raised by {}", n, today_.ToString()));
    case ir::EntityKind::kHistoryRecord:
      for (const HistoryRecord& h : history_) {
        if (h.id == n) return interp::HostAnswer::Of(HistoryValue(h));
      }
      return decline(fmt::format("`{}` has not been recorded by {}", n, today_.ToString()));
    case ir::EntityKind::kProposal:
      return ProposalAnswer(n);
  }
  return decline(fmt::format("{} `{}` is unknown to the runtime", ir::EntityKindName(kind), n));
}

interp::HostAnswer Simulation::Query(ir::HostQuery query, std::span<const values::Value> args,
                                     const ir::Type&) {
  using interp::HostAnswer;
  const values::Record* arg = args.empty() ? nullptr : args[0].AsRecord();
  std::string name = arg ? arg->name() : std::string();
  std::string shape = arg ? arg->shape().name : std::string();
  auto members_of = [&](const std::string& polity, std::vector<values::Value>& out) {
    auto it = polities_.find(polity);
    if (it == polities_.end()) return;
    for (const std::string& m : it->second.members) out.push_back(MemberValue(m));
  };
  auto charter_field = [&](const char* field) -> HostAnswer {
    if (!arg) return HostAnswer::Decline("no charter or treaty given");
    const values::Value* v = arg->Get(field);
    if (!v) return HostAnswer::Decline(fmt::format("`{}` has no {}", name, field));
    return HostAnswer::Of(*v);
  };
  switch (query) {
    case ir::HostQuery::kMembers: {
      std::vector<values::Value> out;
      if (shape == "treaty") {
        auto it = treaties_.find(name);
        if (it != treaties_.end()) {
          for (const std::string& p : it->second.parties) members_of(p, out);
        }
      } else {
        members_of(name, out);
      }
      return HostAnswer::Of(values::MakeSetValue(std::move(out)));
    }
    case ir::HostQuery::kContributions: {
      auto account = contributions_by_account_.find(name);
      if (!arg || account == contributions_by_account_.end()) {
        return HostAnswer::Of(values::MakeSetValue({}));
      }
      const std::string& owner = arg->owner();
      ContributionAnswer& answer = contribution_answers_[{name, owner}];
      bool contributor_changed = false;
      for (; answer.members_seen < rebuilt_members_.size(); ++answer.members_seen) {
        contributor_changed |= answer.contributors.count(rebuilt_members_[answer.members_seen]) > 0;
      }
      if (contributor_changed) {
        answer = ContributionAnswer{};
        answer.members_seen = rebuilt_members_.size();
      }
      const std::vector<size_t>& booked = account->second;
      for (; answer.booked < booked.size(); ++answer.booked) {
        const ContributionState& c = contributions_[booked[answer.booked]];
        if (c.account != name || (!owner.empty() && c.owner != owner)) continue;
        auto record = NewRecord("contribution");
        record->Put("amount", values::Value::MakeMoney(c.amount));
        record->Put("member", MemberValue(c.member));
        record->Put("fund", values::Value::MakeText(c.account));
        record->Put("date", values::Value::MakeDate(c.date));
        answer.contributors.insert(c.member);
        answer.set.Add(values::Value::MakeRecord(record));
      }
      return HostAnswer::Of(answer.set.Snapshot());
    }
    case ir::HostQuery::kStatus:
      if (shape == "treaty") {
        auto it = treaties_.find(name);
        if (it == treaties_.end()) return HostAnswer::Decline("unknown treaty");
        return HostAnswer::Of(StatusValue("treaty_status", TreatyStatusName(it->second.status)));
      } else {
        auto it = disputes_.find(name);
        if (it == disputes_.end()) {
          return HostAnswer::Decline(
              fmt::format("dispute `{}` has not been raised by {}", name, today_.ToString()));
        }
        return HostAnswer::Of(StatusValue("dispute_status", DisputeStatusName(it->second.status)));
      }
    case ir::HostQuery::kJury: {
      std::vector<values::Value> out;
      if (auto it = disputes_.find(name); it != disputes_.end()) {
        for (const std::string& m : it->second.jury) out.push_back(MemberValue(m));
      }
      return HostAnswer::Of(values::MakeSetValue(std::move(out)));
    }
    case ir::HostQuery::kExitOptions: {
      const values::Member* m = args.empty() ? nullptr : args[0].AsMember();
      if (!m) return HostAnswer::Decline("`exit_options` needs a member");
      return HostAnswer::Of(values::Value::MakeInt(ExitOptions(m->name, AllEntryOptions())));
    }
    case ir::HostQuery::kParties: {
      std::vector<values::Value> out;
      auto it = treaties_.find(name);
      if (it != treaties_.end()) {
        const TreatyState& t = it->second;
        const auto& parties = t.status == TreatyStatus::kPending ? t.spec->parties : t.parties;
        for (const std::string& p : parties) out.push_back(CharterValue(p));
      }
      return HostAnswer::Of(values::MakeSetValue(std::move(out)));
    }
    case ir::HostQuery::kRules: {
      auto it = polities_.find(name);
      if (it == polities_.end()) return charter_field("rules");
      std::vector<values::Value> out;
      for (const RuleSpec* r : it->second.rules) {
        interp::HostAnswer a = EntityAnswer(ir::EntityKind::kRule, r->name, name);
        if (a.value) out.push_back(*a.value);
      }
      return HostAnswer::Of(values::MakeSetValue(std::move(out)));
    }
    case ir::HostQuery::kDecisions:
    case ir::HostQuery::kConflicts:
    case ir::HostQuery::kResources: {
      const char* kind = query == ir::HostQuery::kDecisions   ? "decision"
                         : query == ir::HostQuery::kConflicts ? "conflict"
                                                              : "resource";
      std::vector<values::Value> out;
      for (const HistoryRecord& h : history_) {
        if (h.kind == kind && h.polity == name) out.push_back(HistoryValue(h));
      }
      return HostAnswer::Of(values::MakeSetValue(std::move(out)));
    }
    case ir::HostQuery::kLedgers:
      return charter_field("ledgers");
    case ir::HostQuery::kFunctions:
      return charter_field("functions");
    case ir::HostQuery::kMetrics:
      return charter_field("metrics");
    case ir::HostQuery::kFunds:
      return charter_field("funds");
    case ir::HostQuery::kOutcome:
      return OutcomeAnswer(name);
    case ir::HostQuery::kHolders: {
      const std::string* office = args.size() > 1 ? args[1].AsText() : nullptr;
      if (!office) return HostAnswer::Decline("`holders` needs an office");
      return HoldersAnswer(name, *office);
    }
    case ir::HostQuery::kFindings: {
      const values::Member* m = args.empty() ? nullptr : args[0].AsMember();
      if (!m) return HostAnswer::Decline("`findings` needs a member");
      return FindingsAnswer(m->name);
    }
  }
  return HostAnswer::Decline("unknown question");
}

}  // namespace concord::engine
