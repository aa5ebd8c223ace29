// Recall petitions and sanctions (POWER.md §1, §4): a petition of enough
// voting members lets a recall be proposed; a jury's verdict is checked
// against the sanction's rule (threshold, jury size, length, earlier
// findings) and, when met, records a finding that counts until it expires,
// suspends the member's vote or removes them. docs/reference-runtime.md,
// "Sanctions".
#include <fmt/format.h>

#include <algorithm>

#include "runtime/calendar/date_arithmetic.h"
#include "runtime/engine/power_math.h"
#include "runtime/engine/simulation.h"
#include "runtime/interp/runtime_error.h"

namespace concord::engine {
namespace {

template <typename... Args>
std::string Message(diag::Code code, const Args&... args) {
  return fmt::format(fmt::runtime(diag::Info(code).message_template), args...);
}

std::string Percent(values::Decimal share) {
  std::optional<values::Decimal> hundred = values::Decimal::FromInt(100);
  values::Checked<values::Decimal> p = values::Mul(share, *hundred);
  return p.ok() ? p.value->ToString() + "%" : share.ToString();
}

}  // namespace

const char* SanctionWord(SanctionKind kind) {
  switch (kind) {
    case SanctionKind::kWarning:
      return "warning";
    case SanctionKind::kSuspension:
      return "suspension";
    case SanctionKind::kRemoval:
      return "removal";
  }
  return "warning";
}

bool Simulation::ClassVotes(const std::string& member, const PolityState& p) const {
  auto m = members_.find(member);
  if (m == members_.end() || !p.spec) return true;
  for (const Attribute& a : m->second.attributes) {
    if (a.name != "class") continue;
    std::string name;
    if (const values::EnumValue* e = a.value.AsEnum()) name = std::string(e->constant());
    if (const std::string* t = a.value.AsText()) name = *t;
    for (const MemberClassSpec& c : p.spec->classes) {
      if (c.name == name) return c.votes;
    }
  }
  return true;
}

bool Simulation::IsSuspended(const std::string& member, Date day) const {
  auto it = suspended_until_.find(member);
  return it != suspended_until_.end() && day < it->second;
}

int64_t Simulation::FindingsAgainst(const std::string& member, Date day,
                                    std::optional<values::Duration> within) const {
  int64_t n = 0;
  for (const FindingState& f : findings_) {
    if (f.member != member) continue;
    auto p = polities_.find(f.polity);
    std::optional<values::Duration> expires =
        p != polities_.end() && p->second.spec ? p->second.spec->finding_expires : std::nullopt;
    if (FindingCounts(f.date, expires, day, within)) ++n;
  }
  return n;
}

bool Simulation::RecallPetitioned(const PolityState& p, const std::string& member) const {
  return p.spec && recall_petitions_.count({p.spec->name, member}) > 0;
}

void Simulation::ApplyRecall(PolityState& p, const std::string& member, const EventSpec& e) {
  const std::string& polity = p.spec->name;
  recall_petitions_.erase({polity, member});
  VacateSeats(polity, member, "recalled", e.range);
  // A rotation seat is vacant until the next day's start gives it out.
  for (Rotation& r : p.rotations) {
    if (r.office.empty() || r.holder != member) continue;
    r.holder.reset();
    Add(EntryKind::kStatus, r.subject,
        fmt::format("{} loses their seat in {} (recalled)", member, r.subject), e.range);
  }
}

void Simulation::RemoveFromPolity(const std::string& polity, const std::string& member,
                                  const std::string& why, SourceRange range) {
  size_t remaining = polities_[polity].members.size() - (IsMemberOf(member, polity) ? 1 : 0);
  Add(EntryKind::kEvent, polity,
      fmt::format("{} is removed from {} ({}); {} member{} now", member, polity, why, remaining,
                  remaining == 1 ? "" : "s"),
      range);
  DropMember(polity, member, "removed from " + polity);
}

void Simulation::Petition(const EventSpec& e) {
  if (!e.target) return;
  const std::string& polity = e.target->text;
  const std::string& member = e.subject.text;
  if (!RequireAdopted(e, polity, e.target->range)) return;
  PolityState& p = polities_[polity];
  auto refuse = [&](const std::string& why, SourceRange where) -> Entry& {
    return Invalid(e, diag::Code::R058, Message(diag::Code::R058, member, polity, why), where);
  };
  // The offices of the polity the member holds, and the easiest recall.
  std::vector<std::string> held;
  const OfficeSpec* recallable = nullptr;
  for (const OfficeSpec& o : p.spec->offices) {
    std::vector<std::string> holders = HoldersOf(p, o.name);
    if (std::find(holders.begin(), holders.end(), member) == holders.end()) continue;
    held.push_back(o.name);
    if (o.recall_share && (!recallable || *o.recall_share < *recallable->recall_share)) {
      recallable = &o;
    }
  }
  if (held.empty()) {
    refuse(fmt::format("`{}` holds no office of `{}` on {}", member, polity, today_.ToString()),
           e.subject.range);
    return;
  }
  if (!recallable) {
    refuse(fmt::format("no office `{}` holds ({}) can be recalled: none has `recall by`", member,
                       fmt::join(held, ", ")),
           e.subject.range);
    return;
  }
  std::vector<std::string> signed_by;
  std::vector<std::string> not_counted;
  for (const Name& n : e.names) {
    if (!RequireMember(e, n, polity)) continue;
    if (std::find(signed_by.begin(), signed_by.end(), n.text) != signed_by.end()) continue;
    if (!ClassVotes(n.text, p)) {
      not_counted.push_back(n.text + " (their class does not vote)");
    } else if (IsSuspended(n.text, today_)) {
      not_counted.push_back(n.text + " (suspended)");
    } else {
      signed_by.push_back(n.text);
    }
  }
  int64_t voting = static_cast<int64_t>(VotingMembers(p, today_).size());
  int64_t count = static_cast<int64_t>(signed_by.size());
  std::string tally =
      fmt::format("{} of {} voting member{} signed; `recall by {} of members` of {} needs {}",
                  count, voting, voting == 1 ? "" : "s", Percent(*recallable->recall_share),
                  recallable->name, ShareNeeded(*recallable->recall_share, voting).value_or(0));
  if (!ShareMet(count, *recallable->recall_share, voting) || count == 0) {
    Entry& v = refuse(tally, e.range);
    v.labels.push_back({recallable->range, "the recall share is set here"});
    if (!not_counted.empty()) {
      v.notes.push_back(fmt::format("not counted: {}", fmt::join(not_counted, ", ")));
    }
    return;
  }
  recall_petitions_[{polity, member}] = today_;
  Entry& entry = Add(EntryKind::kEvent, polity,
                     fmt::format("petition to recall {} in {} met: {}; a recall may be proposed",
                                 member, polity, tally),
                     e.range);
  if (!not_counted.empty()) {
    entry.notes.push_back(fmt::format("not counted: {}", fmt::join(not_counted, ", ")));
  }
}

void Simulation::Verdict(const EventSpec& e) {
  if (!e.target || !e.verdict) return;
  const std::string& id = e.subject.text;
  const std::string& member = e.target->text;
  const VerdictSpec& v = *e.verdict;
  auto refuse = [&](const std::string& why, SourceRange where) -> Entry& {
    return Invalid(e, diag::Code::R059, Message(diag::Code::R059, id, member, why), where);
  };
  auto d = disputes_.find(id);
  if (d == disputes_.end()) {
    refuse(fmt::format("dispute `{}` has not been raised by {}", id, today_.ToString()),
           e.subject.range);
    return;
  }
  const DisputeState& dispute = d->second;
  PolityState& p = polities_[dispute.polity];
  const CharterSpec& c = *p.spec;
  if (std::find(dispute.sides.begin(), dispute.sides.end(), member) == dispute.sides.end()) {
    refuse(fmt::format("`{}` is not a side of `{}` ({})", member, id,
                       fmt::join(dispute.sides, " vs ")),
           e.target->range);
    return;
  }
  if (!IsMemberOf(member, dispute.polity)) {
    refuse(fmt::format("`{}` is no longer a member of `{}`", member, dispute.polity),
           e.target->range);
    return;
  }
  if (dispute.jury.empty()) {
    refuse(fmt::format("no jury was drawn for `{}`", id), e.subject.range);
    return;
  }
  if (v.of != c.jury_size || v.in_favour > v.of) {
    refuse(v.in_favour > v.of
               ? fmt::format("{} of {} juror{} cannot be in favour", v.in_favour, v.of,
                             v.of == 1 ? "" : "s")
               : fmt::format("the verdict counts {} juror{}, and the jury of `{}` has {}", v.of,
                             v.of == 1 ? "" : "s", c.name, c.jury_size),
           e.range)
        .labels.push_back({c.jury_range, "the jury is defined here"});
    return;
  }
  const char* matter = SanctionWord(v.sanction);
  const DecisionSpec* rule = c.RuleFor(matter);
  std::vector<std::string> notes;
  if (!rule) {
    notes.push_back(fmt::format("`{}` has no rule for a {}: recorded without a decision check",
                                c.name, matter));
  } else {
    auto refuse_by_rule = [&](const std::string& why, diag::Code code) -> Entry& {
      Entry& entry = code == diag::Code::R059 ? refuse(why, v.sanction_range)
                                              : Invalid(e, code, why, v.sanction_range);
      entry.labels.push_back({rule->range, fmt::format("the rule for a {} is here", matter)});
      return entry;
    };
    if (rule->method != DecisionMethod::kJury) {
      refuse_by_rule(
          fmt::format("a {} in `{}` is not decided by a jury; propose it instead", matter, c.name),
          diag::Code::R059);
      return;
    }
    if (!VerdictMeets(v.in_favour, v.of, rule->verdict)) {
      refuse_by_rule(
          rule->verdict
              ? fmt::format("{} of {} is below the rule's verdict {} of {}", v.in_favour, v.of,
                            rule->verdict->first, rule->verdict->second)
              : fmt::format("{} of {} is not more than half of the jury", v.in_favour, v.of),
          diag::Code::R059);
      return;
    }
    if (v.sanction == SanctionKind::kSuspension && v.length && rule->at_most &&
        !LengthWithin(today_, *v.length, *rule->at_most).value_or(false)) {
      refuse_by_rule(fmt::format("a suspension of {} is longer than the rule's at most {}",
                                 v.length->ToString(), rule->at_most->ToString()),
                     diag::Code::R059);
      return;
    }
    if (rule->findings > 0) {
      int64_t earlier = FindingsAgainst(member, today_, rule->findings_within);
      if (earlier < rule->findings) {
        std::string within =
            rule->findings_within ? rule->findings_within->ToString() : std::string("any time");
        refuse_by_rule(
            Message(diag::Code::R060, matter, member, rule->findings,
                    rule->findings == 1 ? "" : "s", within, earlier, earlier == 1 ? "s" : ""),
            diag::Code::R060);
        return;
      }
    }
  }
  FindingState f;
  f.member = member;
  f.polity = dispute.polity;
  f.dispute = id;
  f.sanction = v.sanction;
  f.date = today_;
  if (c.finding_expires) f.expires = calendar::AddDuration(today_, *c.finding_expires);
  findings_.push_back(f);
  std::string what = matter;
  if (v.sanction == SanctionKind::kSuspension && v.length) {
    Date until = calendar::AddDuration(today_, *v.length).value_or(scenario_.until);
    Date& current = suspended_until_[member];
    if (current < until) current = until;
    what = fmt::format("suspension of {}: cannot vote until {}", v.length->ToString(),
                       until.AddDays(-1).ToString());
  }
  Entry& entry = Add(
      EntryKind::kEvent, id,
      fmt::format("verdict on {} against {}, {} of {}: {}; finding {} against {}{}", id, member,
                  v.in_favour, v.of, what, FindingsAgainst(member, today_, std::nullopt), member,
                  f.expires ? fmt::format(", expires on {}", f.expires->ToString()) : ""),
      e.range);
  for (std::string& n : notes) entry.notes.push_back(std::move(n));
  if (v.sanction == SanctionKind::kRemoval) {
    RemoveFromPolity(dispute.polity, member, "verdict on " + id, e.range);
  }
}

}  // namespace concord::engine
