// The human revision report. It reads top to bottom like the minutes of the
// revision: for each charter what was burned and what was written, then
// whether that was enough. Rules that did not change are named on one line,
// so that the long lists are the changes.
#include <fmt/format.h>

#include "compiler/revise/render.h"

namespace concord::revise {
namespace {

std::string Quoted(const std::optional<std::string>& title) {
  return title ? fmt::format(" \"{}\"", *title) : std::string();
}

std::string Named(const RuleVersion& r) {
  return r.name + Quoted(r.title);
}

std::string Rules(size_t n) {
  return fmt::format("{} rule{}", n, n == 1 ? "" : "s");
}

const char* KindWord(OwnerKind kind) {
  return kind == OwnerKind::kCharter ? "charter" : "treaty";
}

std::string Unmatched(const Addition& a) {
  if (!a.rule.replaces) return {};
  const std::string& target = *a.rule.replaces;
  switch (a.unmatched) {
    case UnmatchedReplaces::kNone:
      return {};
    case UnmatchedReplaces::kStillInForce:
      return fmt::format(" (says it replaces `{}`, which is still in force)", target);
    case UnmatchedReplaces::kNotInOld:
      return fmt::format(" (says it replaces `{}`, which the old version does not have)", target);
    case UnmatchedReplaces::kAlreadyReplaced:
      return fmt::format(" (says it replaces `{}`, which another rule already replaces)", target);
  }
  return {};
}

std::string Reason(ReplaceReason reason, const RuleVersion& before) {
  return reason == ReplaceReason::kReplacesClause ? fmt::format("`replaces {}`", before.name)
                                                  : std::string("same title");
}

class Writer {
 public:
  void Line(std::string_view text) {
    out_ += text;
    out_ += '\n';
  }
  // "  amended (2):" and the entries below it; nothing for an empty list.
  template <typename T, typename F>
  void Section(std::string_view heading, const std::vector<T>& items, F entry) {
    if (items.empty()) return;
    Line(fmt::format("  {} ({}):", heading, items.size()));
    for (const T& item : items) entry(item);
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

std::string QuotaLine(const QuotaCheck& q) {
  std::string counted = fmt::format("{} of {} changed", q.changed, Rules(q.rules_in_force));
  switch (q.status) {
    case QuotaStatus::kMet:
      return fmt::format("quota: {} ({} = {}): met", counted, q.clause, q.required);
    case QuotaStatus::kMissed:
      return fmt::format("quota: {} ({} = {}): missed", counted, q.clause, q.required);
    case QuotaStatus::kUnevaluable:
      return fmt::format("quota: {} ({}): not checked, {}", counted, q.clause, q.why_unevaluable);
    case QuotaStatus::kNone:
      return fmt::format("quota: {}; the old version has no quota", counted);
  }
  return {};
}

// A clause quoted in a listing line. A whole office or ledger can be long:
// past 72 bytes it is cut (on a character boundary) and `...` says so; the
// JSON report has it whole.
std::string Quote(const ClauseAt& c) {
  constexpr size_t kWidth = 72;
  if (c.text.size() <= kWidth) return "`" + c.text + "`";
  size_t cut = kWidth - 3;
  while (cut > 0 && (static_cast<unsigned char>(c.text[cut]) & 0xC0) == 0x80) --cut;
  return "`" + c.text.substr(0, cut) + "...`";
}

// "    offices:" and, below it, one line per change, so that a member reads
// each part of the charter once: what it was, what it is, and where.
void Structure(Writer& w, const std::vector<StructureChange>& changes) {
  if (changes.empty()) return;
  w.Line(fmt::format("  structure ({} change{}):", changes.size(), changes.size() == 1 ? "" : "s"));
  std::string part;
  for (const StructureChange& c : changes) {
    if (c.part != part) {
      part = c.part;
      w.Line(fmt::format("    {}:", part));
    }
    std::string label = c.field.empty() ? c.item : c.item + ", " + c.field;
    switch (c.kind) {
      case StructureChangeKind::kChanged:
        w.Line(fmt::format("      {}: {} -> {} (line {} -> {})", label, Quote(*c.before),
                           Quote(*c.after), c.before->line, c.after->line));
        break;
      case StructureChangeKind::kAdded:
        w.Line(
            fmt::format("      {}: added {} (new line {})", label, Quote(*c.after), c.after->line));
        break;
      case StructureChangeKind::kRemoved:
        w.Line(fmt::format("      {}: removed {} (old line {})", label, Quote(*c.before),
                           c.before->line));
        break;
    }
  }
}

void Unit(Writer& w, const UnitReport& u) {
  std::string head = fmt::format("{} {}{}", KindWord(u.kind), u.name, Quoted(u.title));
  switch (u.presence) {
    case Presence::kBoth:
      w.Line(fmt::format("{}: {} before, {} after", head, Rules(u.rules_before), u.rules_after));
      break;
    case Presence::kOnlyNew:
      w.Line(fmt::format("{}: new in this version, {}", head, Rules(u.rules_after)));
      break;
    case Presence::kOnlyOld:
      w.Line(fmt::format("{}: not in the new version, {} before", head, Rules(u.rules_before)));
      break;
  }
  Structure(w, u.structure);
  const RuleChanges& c = u.changes;
  w.Section("amended", c.amended, [&](const RulePair& p) {
    std::string was =
        p.before.title != p.after.title
            ? fmt::format(" (title was{})", p.before.title ? Quoted(p.before.title) : " none")
            : "";
    w.Line("    " + Named(p.after) + was);
  });
  w.Section("replaced", c.replaced, [&](const Replacement& r) {
    w.Line(fmt::format("    {} -> {} ({})", Named(r.before), Named(r.after),
                       Reason(r.reason, r.before)));
  });
  w.Section("removed", c.removed, [&](const RuleVersion& r) { w.Line("    " + Named(r)); });
  w.Section("added", c.added,
            [&](const Addition& a) { w.Line("    " + Named(a.rule) + Unmatched(a)); });
  w.Section("renamed, same body (not counted)", c.renamed, [&](const Replacement& r) {
    w.Line(fmt::format("    {} -> {} ({})", Named(r.before), Named(r.after),
                       Reason(r.reason, r.before)));
  });
  w.Section("retitled, same body (not counted)", c.retitled, [&](const RulePair& p) {
    w.Line(fmt::format("    {}{} ->{}", p.after.name,
                       p.before.title ? Quoted(p.before.title) : " (no title)",
                       p.after.title ? Quoted(p.after.title) : " (no title)"));
  });
  if (!c.unchanged.empty()) {
    std::string names;
    for (const RuleVersion& r : c.unchanged) names += (names.empty() ? "" : ", ") + r.name;
    w.Line(fmt::format("  unchanged ({}): {}", c.unchanged.size(), names));
  }
  if (u.quota) {
    w.Line("  " + QuotaLine(*u.quota));
  } else if (u.kind == OwnerKind::kCharter && u.presence == Presence::kOnlyNew) {
    w.Line("  quota: none to meet, the charter is new");
  } else if (u.kind == OwnerKind::kCharter && u.presence == Presence::kOnlyOld) {
    w.Line("  quota: not checked, the charter is not in the new version");
  }
}

}  // namespace

std::string RenderReportHuman(const RevisionReport& report) {
  Writer w;
  std::string from = report.git_revision
                         ? fmt::format("`{}` ({} = {})", report.old_path, *report.git_revision,
                                       report.git_commit.value_or("?").substr(0, 7))
                         : fmt::format("`{}`", report.old_path);
  w.Line(fmt::format("revise {} -> `{}`", from, report.new_path));
  if (report.units.empty()) w.Line("\nno charters or treaties to compare");
  for (const UnitReport& u : report.units) {
    w.Line("");
    Unit(w, u);
  }
  if (report.history_checked) {
    w.Line("");
    w.Line(
        fmt::format("history: {} commit{} touched `{}`; rules unchanged in {} or more: {}",
                    report.history_commits, report.history_commits == 1 ? "" : "s", report.new_path,
                    report.calcified_after,
                    report.calcified.empty() ? "none" : std::to_string(report.calcified.size())));
    for (const CalcifiedRule& c : report.calcified) {
      w.Line(fmt::format("  {} {}: {} unchanged in {} revisions, since {} ({})", KindWord(c.kind),
                         c.owner, c.rule, c.revisions, c.since_commit.substr(0, 7), c.since_date));
    }
  }
  return w.Take();
}

}  // namespace concord::revise
