// The sections of `concord status` about power (status_sections.h), from
// how things stand at the end of the present run (engine::Standing).
#include <fmt/format.h>

#include "compiler/ledger/status_sections.h"

namespace concord::ledger {
namespace {

std::string DateOr(const std::optional<values::Date>& d, const char* otherwise) {
  return d ? d->ToString() : otherwise;
}

std::string Plural(int64_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

StatusSection UnpaidDuesSection(const SectionInputs& in) {
  StatusSection s{"dues", "Unpaid dues (the latest period of each charter's dues)", {}};
  for (const engine::UnpaidDues& u : in.present.standing.unpaid_dues) {
    StatusLine line;
    line.date = u.last_day.ToString();
    line.subject = u.member;
    line.text =
        fmt::format("{} paid {} of the {} dues of {} to {} for {} to {}", u.member, u.paid, u.owed,
                    u.polity, u.ledger, u.first_day.ToString(), u.last_day.ToString());
    line.code = std::string(diag::Info(diag::Code::R061).name);
    line.overdue = true;
    s.lines.push_back(std::move(line));
  }
  return s;
}

StatusSection NextRevisionSection(const SectionInputs& in) {
  StatusSection s{"revision", "Next revision (the quorum its assembly needs today)", {}};
  for (const engine::RevisionStanding& r : in.present.standing.revisions) {
    std::string quorum = r.quorum_clause.empty()
                             ? std::string("no quorum is set")
                             : fmt::format("an assembly needs {} of {} present ({})", r.quorum,
                                           Plural(r.members, "member", "members"), r.quorum_clause);
    s.lines.push_back({DateOr(r.closes, ""), r.polity,
                       fmt::format("the revision cycle of {} closes; {}", r.polity, quorum), "",
                       false});
  }
  return s;
}

StatusSection ProposalsSection(const SectionInputs& in) {
  StatusSection s{"proposals", "Open proposals", {}};
  for (const engine::ProposalStanding& p : in.present.standing.proposals) {
    std::string text = fmt::format("{} in {}: {}", p.id, p.polity, p.what);
    text += p.rule.empty() ? std::string(" (undecided matter)") : fmt::format(" ({})", p.rule);
    if (p.decidable_from)
      text += fmt::format("; may be decided from {}", p.decidable_from->ToString());
    if (p.ballots_until) text += fmt::format("; ballots until {}", p.ballots_until->ToString());
    text += fmt::format("; so far {} yes, {} no, {} abstain", p.yes, p.no, p.abstain);
    if (p.block > 0) text += fmt::format(", {} block", p.block);
    if (p.object > 0) text += fmt::format(", {} object", p.object);
    if (p.blocked) text += "; blocked, open for another round";
    s.lines.push_back({p.proposed.ToString(), p.id, text, "", false});
  }
  return s;
}

StatusSection OfficesSection(const SectionInputs& in) {
  StatusSection s{"offices", "Office holders", {}};
  for (const engine::OfficeStanding& o : in.present.standing.offices) {
    std::string holders = o.holders.empty() ? std::string("vacant")
                                            : fmt::format("held by {}", fmt::join(o.holders, ", "));
    std::string text = fmt::format("{} ({}, {}): {}", o.office, o.selection,
                                   Plural(o.seats, "seat", "seats"), holders);
    if (o.term_ends) {
      text += fmt::format("; the term ends, seats vacated on {}", o.term_ends->ToString());
    } else if (o.selection == "rotation") {
      text += "; hand-overs under the rotating roles";
    }
    s.lines.push_back({"", o.polity + "." + o.office, text, "", false});
  }
  return s;
}

StatusSection FindingsSection(const SectionInputs& in) {
  StatusSection s{"findings", fmt::format("Findings that lapse within {} days", kSoonDays), {}};
  values::Date horizon = in.on.AddDays(kSoonDays);
  for (const engine::FindingStanding& f : in.present.standing.findings) {
    if (!f.expires || *f.expires <= in.on || horizon < *f.expires) continue;
    s.lines.push_back({f.expires->ToString(), f.member,
                       fmt::format("the {} finding against {} in {} (dispute {}, found {}) lapses",
                                   f.sanction, f.member, f.polity, f.dispute, f.date.ToString()),
                       "", false});
  }
  return s;
}

}  // namespace concord::ledger
