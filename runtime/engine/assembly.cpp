// Assemblies: who is present (`present NAMES` or `present all [except
// NAMES]`, taken on the day), the quorum (R002) and the rule changes an
// assembly adopts, which count towards the revision cycle's quota.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "runtime/engine/simulation.h"

namespace concord::engine {
namespace {

template <typename... Args>
std::string Message(diag::Code code, const Args&... args) {
  return fmt::format(fmt::runtime(diag::Info(code).message_template), args...);
}

}  // namespace

std::vector<std::string> Simulation::EveryoneExcept(const EventSpec& e, const std::string& polity) {
  // An `except` name must be a member on the day (R039): leaving out someone
  // who is not there says something false about the assembly. The assembly
  // is still held with everyone else, as with a `present` name who is not a
  // member (R030).
  std::set<std::string> absent;
  for (const Name& n : e.names) {
    if (IsMemberOf(n.text, polity)) {
      absent.insert(n.text);
      continue;
    }
    Invalid(e, diag::Code::R039, Message(diag::Code::R039, n.text, polity, today_.ToString()),
            n.range);
  }
  // Members on the day, in joining order, so joins and leaves between two
  // occurrences of a recurring assembly count.
  std::vector<std::string> present;
  for (const std::string& m : polities_[polity].members) {
    if (!absent.count(m)) present.push_back(m);
  }
  return present;
}

void Simulation::Assembly(const EventSpec& e) {
  const std::string& polity = e.subject.text;
  if (!RequireAdopted(e, polity, e.subject.range)) return;
  PolityState& p = polities_[polity];
  const CharterSpec& c = *p.spec;
  std::vector<std::string> present =
      e.present_all ? EveryoneExcept(e, polity) : std::vector<std::string>{};
  for (const Name& n : e.present_all ? std::vector<Name>{} : e.names) {
    if (RequireMember(e, n, polity) &&
        std::find(present.begin(), present.end(), n.text) == present.end()) {
      present.push_back(n.text);
    }
  }
  int64_t size = static_cast<int64_t>(p.members.size());
  int64_t needed = 0;
  if (c.quorum_count) {
    needed = c.quorum_count->Ceil();
  } else if (c.quorum_share) {
    values::Decimal n = values::Decimal::FromInt(size).value_or(values::Decimal{});
    needed = values::Mul(*c.quorum_share, n).value.value_or(values::Decimal{}).Ceil();
  }
  int64_t count = static_cast<int64_t>(present.size());
  if (count < needed) {
    Entry& v = Violation(
        EntryKind::kMissed, diag::Code::R002, polity,
        Message(diag::Code::R002, polity, count, size, size == 1 ? "" : "s", needed), e.range);
    v.labels.push_back({c.revision_range, "the quorum is set here"});
    if (!e.changes.empty()) v.notes.push_back("its rule changes are not adopted");
    return;
  }
  // Only a charter whose amendment rule is `assembly` (written, or implied
  // by having no `decisions`) changes rules at an assembly. Elsewhere the
  // assembly still meets and may reconsider (`reaffirm`), but a change needs
  // a passed `amendment` proposal.
  std::vector<ChangeSpec> adopted = e.changes;
  const DecisionSpec* amendment = c.RuleFor("amendment");
  if (amendment && amendment->method != DecisionMethod::kAssembly) {
    std::erase_if(adopted,
                  [](const ChangeSpec& ch) { return ch.kind != ChangeSpec::Kind::kReaffirm; });
    if (adopted.size() != e.changes.size()) {
      const ChangeSpec* first = nullptr;
      for (const ChangeSpec& ch : e.changes) {
        if (ch.kind != ChangeSpec::Kind::kReaffirm) {
          first = &ch;
          break;
        }
      }
      Entry& v = Invalid(e, diag::Code::R063,
                         Message(diag::Code::R063, polity, DescribeRule(*amendment)), first->range);
      if (amendment->range.file != diag::kNoFile) {
        v.labels.push_back({amendment->range, "amendments are decided by this rule"});
      }
      v.notes.push_back(fmt::format("propose `amendment {{ ... }}` in `{}` and decide it", polity));
    }
  }
  int64_t changed = 0;
  std::vector<std::string> done = ApplyChanges(e, polity, adopted, &changed);
  Add(EntryKind::kEvent, polity,
      fmt::format("assembly of {}: {} of {} member{} present (quorum {}){}", polity, count, size,
                  size == 1 ? "" : "s", needed,
                  done.empty() ? std::string(", no rule changes")
                               : fmt::format(": {}", fmt::join(done, ", "))),
      e.range);
  auto record = NewRecord("assembly");
  std::vector<values::Value> who;
  for (const std::string& n : present) who.push_back(MemberValue(n));
  record->Put("polity", CharterValue(polity));
  record->Put("present", values::MakeSetValue(std::move(who)));
  record->Put("changed", values::Value::MakeInt(changed));
  record->Put("date", values::Value::MakeDate(today_));
  RunRules(e, values::Value::MakeRecord(record), {polity});
}

std::vector<std::string> Simulation::ApplyChanges(const EventSpec& e, const std::string& polity,
                                                  const std::vector<ChangeSpec>& changes,
                                                  int64_t* changed_count) {
  PolityState& p = polities_[polity];
  std::vector<std::string> done;
  std::set<std::string> changed;
  std::set<std::string> reaffirmed;
  auto in_force = [&](const std::string& name) {
    return std::find_if(p.rules.begin(), p.rules.end(),
                        [&](const RuleSpec* r) { return r->name == name; });
  };
  for (const ChangeSpec& ch : changes) {
    if (ch.target) {
      auto it = in_force(ch.target->text);
      if (it == p.rules.end()) {
        Invalid(e, diag::Code::R030,
                Message(diag::Code::R030, EventWord(e.kind),
                        fmt::format("rule `{}` is not in force in `{}` on {}", ch.target->text,
                                    polity, today_.ToString())),
                ch.target->range);
        continue;
      }
      Cover("rule", polity + "." + ch.target->text);
      if (ch.kind == ChangeSpec::Kind::kReaffirm) {
        // Kept as it is: nothing changes, and it counts only toward a
        // quota of rules reconsidered (CloseRevision).
        done.push_back("reaffirmed " + ch.target->text);
        reaffirmed.insert(ch.target->text);
        continue;
      }
      if (ch.kind == ChangeSpec::Kind::kAmend) {
        done.push_back("amended " + ch.target->text);
      } else {
        p.rules.erase(it);
        done.push_back((ch.kind == ChangeSpec::Kind::kRemove ? "removed " : "replaced ") +
                       ch.target->text);
      }
      changed.insert(ch.target->text);
    }
    if (ch.rule) {
      if (in_force(ch.rule->name) != p.rules.end()) {
        Invalid(
            e, diag::Code::R030,
            Message(diag::Code::R030, EventWord(e.kind),
                    fmt::format("rule `{}` is already in force in `{}`", ch.rule->name, polity)),
            ch.range);
        continue;
      }
      p.added_rules.push_back(std::make_unique<RuleSpec>(*ch.rule));
      p.rules.push_back(p.added_rules.back().get());
      Declare("rule", polity + "." + ch.rule->name);
      // An added rule leaves every rule in force standing, so it counts
      // toward no quota (the reading `concord revise` shares).
      if (ch.kind == ChangeSpec::Kind::kAdd) done.push_back("added " + ch.rule->name);
    }
  }
  if (p.revision.active) {
    for (const std::string& r : changed) p.revision.current.changed.insert(r);
    for (const std::string& r : reaffirmed) p.revision.current.reaffirmed.insert(r);
  }
  *changed_count = static_cast<int64_t>(changed.size());
  return done;
}

}  // namespace concord::engine
