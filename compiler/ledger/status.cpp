// `concord status` from two plays of the history; see status.h.
#include "compiler/ledger/status.h"

#include <fmt/format.h>

#include <ctime>
#include <map>
#include <tuple>

#include "compiler/ledger/history.h"
#include "compiler/ledger/record.h"
#include "compiler/ledger/status_sections.h"
#include "compiler/model/model.h"
#include "runtime/values/date.h"

namespace concord::ledger {
namespace {

using engine::Entry;
using engine::EntryKind;

// An obligation, a role or a transition is known by its subject and the
// clause behind it: the engine gives both on every entry about it. Each
// program version has its own copy of a clause, so the clause is named by
// the charter or treaty around it and its first word (`ledger`,
// `revision`, ...), the same in every version; a range outside them keeps
// its place.
using Key = std::tuple<std::string, std::string, std::string>;
Key KeyOf(const Entry& e, const Played* played) {
  const diag::SourceRange& r = e.range;
  auto place = [&] {
    return std::tuple{e.subject, std::string(), fmt::format("{}:{}", r.file, r.begin)};
  };
  if (!played || !r.valid()) return place();
  std::vector<const engine::ProgramSpec*> programs = {&played->inputs.program};
  for (const auto& v : played->earlier) programs.push_back(&v->inputs.program);
  auto within = [&](const diag::SourceRange& outer) {
    return outer.file == r.file && outer.begin <= r.begin && r.begin < outer.end;
  };
  if (r.file >= played->sources().file_count()) return place();
  std::string_view text = played->sources().Text(r.file);
  if (r.begin >= text.size()) return place();
  std::string_view word = text.substr(r.begin, text.find_first_of(" \t\n{", r.begin) - r.begin);
  for (const engine::ProgramSpec* program : programs) {
    for (const engine::CharterSpec& c : program->charters) {
      if (within(c.range)) return {e.subject, "charter " + c.name, std::string(word)};
    }
    for (const engine::TreatySpec& t : program->treaties) {
      if (within(t.range)) return {e.subject, "treaty " + t.name, std::string(word)};
    }
  }
  return place();
}

bool IsObligation(const Entry& e) {
  return e.kind == EntryKind::kMet || e.kind == EntryKind::kMissed;
}

StatusLine LineOf(const Entry& e, std::string prefix = "") {
  StatusLine line;
  line.date = e.date.ToString();
  line.subject = e.subject;
  line.text = prefix + e.text;
  if (e.code) line.code = std::string(diag::Info(*e.code).name);
  return line;
}

using Inputs = SectionInputs;

// Obligations whose latest period closed missed: what makes status exit 1.
// Dues are judged per member and period in their own section.
StatusSection Overdue(const Inputs& in) {
  StatusSection s{"overdue", "Overdue (the latest period closed without it)", {}};
  std::map<Key, const Entry*> latest;
  std::vector<Key> order;
  for (const Entry& e : in.present.timeline) {
    if (!IsObligation(e) || e.code == diag::Code::R061) continue;
    if (!latest.count(KeyOf(e, in.played))) order.push_back(KeyOf(e, in.played));
    latest[KeyOf(e, in.played)] = &e;
  }
  for (const Key& k : order) {
    if (latest[k]->kind != EntryKind::kMissed) continue;
    StatusLine line = LineOf(*latest[k]);
    line.overdue = true;
    s.lines.push_back(std::move(line));
  }
  return s;
}

// The next close of every obligation, as it stands if nothing more is recorded.
StatusSection Due(const Inputs& in) {
  StatusSection s{"due", "Next due (as things stand if nothing more is recorded)", {}};
  std::map<Key, bool> seen;
  for (const Entry& e : in.lookahead.timeline) {
    if (!IsObligation(e) || e.date <= in.on || seen[KeyOf(e, in.played)]) continue;
    seen[KeyOf(e, in.played)] = true;
    s.lines.push_back(LineOf(e, e.kind == EntryKind::kMet ? "on track: " : "at risk: "));
  }
  return s;
}

// Who holds each rotating role now, and when it next changes hands.
StatusSection Roles(const Inputs& in) {
  StatusSection s{"roles", "Stewards and rotating roles", {}};
  std::map<Key, const Entry*> now;
  std::vector<Key> order;
  for (const Entry& e : in.present.timeline) {
    if (e.kind != EntryKind::kSteward) continue;
    if (!now.count(KeyOf(e, in.played))) order.push_back(KeyOf(e, in.played));
    now[KeyOf(e, in.played)] = &e;
  }
  std::map<Key, const Entry*> next;
  for (const Entry& e : in.lookahead.timeline) {
    if (e.kind != EntryKind::kSteward || e.date <= in.on || next.count(KeyOf(e, in.played)))
      continue;
    next[KeyOf(e, in.played)] = &e;
    if (!now.count(KeyOf(e, in.played))) order.push_back(KeyOf(e, in.played));
  }
  for (const Key& k : order) {
    if (now.count(k)) s.lines.push_back(LineOf(*now[k], "since then: "));
    if (next.count(k)) s.lines.push_back(LineOf(*next[k], "next: "));
  }
  return s;
}

// Treaty terms that end, rulings that lapse and other transitions within
// kSoonDays, with who has not renewed (the engine's expiry text says).
StatusSection Soon(const Inputs& in) {
  StatusSection s{"soon", fmt::format("Within {} days (treaties, rulings)", kSoonDays), {}};
  values::Date horizon = in.on.AddDays(kSoonDays);
  for (const Entry& e : in.lookahead.timeline) {
    if (e.kind != EntryKind::kStatus || e.date <= in.on || horizon < e.date) continue;
    s.lines.push_back(LineOf(e));
  }
  return s;
}

StatusSection Metrics(const Inputs& in) {
  StatusSection s{"metrics", "Sovereignty metrics", {}};
  for (const engine::MetricValue& m : in.present.metrics) {
    std::string name = m.owner.empty() ? m.name : m.owner + "." + m.name;
    s.lines.push_back({"", name, m.value, "", false});
  }
  return s;
}

StatusSection Exits(const Inputs& in) {
  StatusSection s{"exit", "Exit options", {}};
  for (const model::Charter& c : in.model.charters) {
    const model::ExitPolicy& x = c.membership.exit;
    std::string text = x.anytime.value ? "members may leave any day" : "members may leave";
    text += fmt::format(", notice {}", x.notice.value.ToString());
    if (x.penalty.value) text += fmt::format(", penalty: {}", x.penalty_text);
    s.lines.push_back({"", c.name, text, "", false});
  }
  for (const model::Treaty& t : in.model.treaties) {
    s.lines.push_back(
        {"", t.name,
         fmt::format("any party may leave with {} of notice", t.exit.notice.value.ToString()), "",
         false});
  }
  return s;
}

// The sections in the order they are shown; a new kind of status adds a
// function here (the power sections are in status_power.cpp).
using SectionFn = StatusSection (*)(const Inputs&);
constexpr SectionFn kSections[] = {
    Overdue, UnpaidDuesSection, Due,  NextRevisionSection, ProposalsSection,
    Roles,   OfficesSection,    Soon, FindingsSection,     Metrics,
    Exits};

std::string Today() {
  std::string now = RecordedAtNow();  // honours SOURCE_DATE_EPOCH
  return now.substr(0, 10);
}

}  // namespace

bool Status::AnythingOverdue() const {
  for (const StatusSection& s : sections) {
    for (const StatusLine& l : s.lines) {
      if (l.overdue) return true;
    }
  }
  return false;
}

std::optional<Status> ComputeStatus(const LedgerOptions& ledger,
                                    const std::optional<std::string>& on, ReportHome& home) {
  std::string day = on ? *on : Today();
  std::string why;
  std::optional<values::Date> date = values::Date::Parse(day, &why);
  if (!date) {
    home.diags.Report(diag::Code::E0108, {}, day, why);
    return std::nullopt;
  }
  std::unique_ptr<Store> store =
      Store::Open(ledger.path, Access::kRead, ledger.busy_timeout_ms, home.sources, home.diags);
  if (!store) return std::nullopt;
  std::optional<std::vector<StoredEvent>> events = store->Events();
  std::optional<std::vector<StoredVersion>> versions = store->Versions();
  if (!events || !versions) return std::nullopt;
  Status status;
  status.on = day;
  // What happened after the day asked about is not part of its status.
  std::vector<HistoryItem> items;
  for (const HistoryItem& i : ItemsOf(*events)) {
    if (i.date <= day) items.push_back(i);
  }
  status.events = items.size();
  for (const HistoryItem& i : items) status.last_event = std::max(status.last_event, i.date);
  // A scenario plays at least two days (E0222): a status on the first day
  // plays the second too.
  day = std::max(day, values::Date::Parse(store->settings().start)->AddDays(1).ToString());
  std::string history = HistoryPath(ledger.path);
  values::Date today = *values::Date::Parse(day);
  // One play: the look-ahead, with the present taken at the end of today
  // (engine::RunWithCheckpoints gives what a play ending today gives).
  std::string ahead = today.AddDays(365).ToString();
  std::unique_ptr<Played> lookahead =
      Play(*versions, store->settings(), items, ahead, history, today);
  if (!AdoptProblems(*lookahead, home)) return std::nullopt;
  std::unique_ptr<Played> present;
  const engine::RunResult* now = lookahead->checkpoint ? &*lookahead->checkpoint : nullptr;
  if (!now) {
    // The look-ahead stopped before today ended (R035, R036): play the
    // present on its own, as a run ending today stops.
    present = Play(*versions, store->settings(), items, day, history);
    if (!AdoptProblems(*present, home)) return std::nullopt;
    now = &*present->run;
  }
  Inputs in{*now, *lookahead->run, *lookahead->compilation->model, today, lookahead.get()};
  for (SectionFn section : kSections) status.sections.push_back(section(in));
  return status;
}

}  // namespace concord::ledger
