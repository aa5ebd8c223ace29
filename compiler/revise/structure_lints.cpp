// The four warnings compare meanings, not text: a share is compared as a
// number (`2/3` and `67%`), a method by what it asks of the members. Where two
// versions cannot be ranked (a vote of members against a consent round, a
// duration written as an expression), nothing is said: the structural diff
// still lists the change, and a warning is kept for what is plainly weaker.
#include "compiler/revise/structure_lints.h"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "compiler/diag/one_line.h"
#include "compiler/revise/merged_sources.h"

namespace concord::revise {
namespace {

using diag::Code;
using values::Decimal;

std::string Join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

bool Less(const std::optional<ast::Share>& a, const std::optional<ast::Share>& b) {
  return a && b && a->valid && b->valid && a->value < b->value;
}

std::string ShareText(const std::optional<ast::Share>& s) {
  return s ? s->text : std::string("?");
}

// Methods the members decide by themselves (or through the jury they are
// drawn for), as opposed to an office alone.
bool MembersDecide(ast::MethodKind k) {
  return k != ast::MethodKind::kOffice;
}

bool IsVote(ast::MethodKind k) {
  return k == ast::MethodKind::kMajority || k == ast::MethodKind::kVoteCast ||
         k == ast::MethodKind::kVoteMembers;
}

constexpr Decimal kHalf = Decimal::FromRaw(Decimal::kScale / 2);

class StructureLinter {
 public:
  StructureLinter(const Version& before, const Version& after, diag::DiagnosticEngine& diags)
      : before_(before), after_(after), diags_(diags) {}

  void Run(const ast::CharterDecl& was, const ast::CharterDecl& now) {
    for (const ast::Office& o : now.offices) {
      if (const ast::Office* old = Find(was.offices, o.name.name)) Office(*old, o);
    }
    if (was.decisions && now.decisions) {
      for (const ast::DecisionRule& r : now.decisions->rules) {
        for (const ast::DecisionRule& old : was.decisions->rules) {
          if (old.matter.name != r.matter.name) continue;
          Decision(old, r);
          break;
        }
      }
    }
    if (was.sanctions && now.sanctions) {
      for (const ast::SanctionRule& r : now.sanctions->rules) {
        for (const ast::SanctionRule& old : was.sanctions->rules) {
          if (old.kind != r.kind) continue;
          Sanction(old, r);
          break;
        }
      }
    }
    if (was.membership && now.membership && was.membership->entry && now.membership->entry) {
      Entry(now.name.name, *was.membership->entry, *now.membership->entry);
    }
  }

 private:
  static const ast::Office* Find(const std::vector<ast::Office>& offices, const std::string& name) {
    for (const ast::Office& o : offices) {
      if (o.name.name == name) return &o;
    }
    return nullptr;
  }

  std::string Old(diag::SourceRange r) const {
    return diag::OneLine(before_.program->sources.Slice(r));
  }
  std::string New(diag::SourceRange r) const {
    return diag::OneLine(after_.program->sources.Slice(r));
  }
  diag::SourceRange At(diag::SourceRange r) const { return Shifted(r, after_.file_offset); }
  diag::SourceRange Was(diag::SourceRange r) const { return Shifted(r, before_.file_offset); }

  // L119 and L120.
  void Office(const ast::Office& was, const ast::Office& now) {
    if (was.term && !now.term) {
      diags_.Report(Code::L119, At(now.name.range), now.name.name, Old(was.term_range))
          .WithLabel(Was(was.term_range), "the term in the old version")
          .WithNote(
              "an office without a term is held until the charter changes: its holders "
              "no longer face the members at the end of a term")
          .WithHelp(fmt::format("if the change was not meant, put `{}` back; a longer term keeps "
                                "the office time-limited",
                                Old(was.term_range)));
    }
    if (was.recall && !now.recall) {
      diags_
          .Report(Code::L120, At(now.name.range), now.name.name,
                  "can no longer be recalled by the members")
          .WithLabel(Was(was.recall_range), "the recall clause in the old version")
          .WithNote(
              "without recall, the members cannot take the office back before its term "
              "ends")
          .WithHelp(fmt::format("keep `{}`", Old(was.recall_range)));
    } else if (Less(was.recall, now.recall)) {
      diags_
          .Report(Code::L120, At(now.recall_range), now.name.name,
                  fmt::format("needs a larger petition to be recalled: {} of members, was {}",
                              ShareText(now.recall), ShareText(was.recall)))
          .WithLabel(Was(was.recall_range), "the recall clause in the old version")
          .WithNote("a larger share makes a recall petition harder to gather");
    }
  }

  // Why `now` asks less of the members than `was`; empty when it does not,
  // or when the two cannot be ranked.
  static std::vector<std::string> Weaker(const ast::DecisionMethod& was,
                                         const ast::DecisionMethod& now) {
    using K = ast::MethodKind;
    std::vector<std::string> why;
    if (MembersDecide(was.kind) && now.kind == K::kOffice) {
      why.push_back(
          fmt::format("office `{}` now decides it alone", now.office ? now.office->name : "?"));
    } else if (was.kind == now.kind && (now.kind == K::kVoteCast || now.kind == K::kVoteMembers)) {
      if (Less(now.share, was.share)) {
        why.push_back(fmt::format("the share needed fell from {} to {}", ShareText(was.share),
                                  ShareText(now.share)));
      }
    } else if (was.kind == K::kConsent && now.kind == K::kConsent) {
      if (Less(was.share, now.share)) {
        why.push_back(fmt::format("objections of up to {} of members no longer stop it, was {}",
                                  ShareText(now.share), ShareText(was.share)));
      }
    } else if (was.kind == K::kVoteMembers && now.kind == K::kVoteCast) {
      if (!Less(was.share, now.share)) {
        why.push_back(
            fmt::format("{} of votes cast counts only those who vote, where {} of "
                        "members counted everyone",
                        ShareText(now.share), ShareText(was.share)));
      }
    } else if (was.kind == K::kConsensus && (IsVote(now.kind) || now.kind == K::kConsent)) {
      why.push_back("one member's block no longer stops it");
    } else if ((was.kind == K::kVoteCast || was.kind == K::kVoteMembers) &&
               now.kind == K::kMajority && was.share && was.share->valid &&
               kHalf < was.share->value) {
      why.push_back(fmt::format("a majority of votes cast is enough, where {} was needed",
                                ShareText(was.share)));
    } else if (was.kind == K::kMajority && now.kind == K::kVoteCast && now.share &&
               now.share->valid && now.share->value <= kHalf) {
      why.push_back(fmt::format("{} of votes cast is enough, where a majority was needed",
                                ShareText(now.share)));
    }
    return why;
  }

  // L121 for `decisions`.
  void Decision(const ast::DecisionRule& was, const ast::DecisionRule& now) {
    std::vector<std::string> why = Weaker(was.method, now.method);
    bool had_quorum = was.quorum_share || was.quorum_count;
    bool has_quorum = now.quorum_share || now.quorum_count;
    if (had_quorum && !has_quorum) {
      why.push_back(fmt::format("the quorum `{}` was removed", Old(was.quorum_range)));
    } else if (Less(now.quorum_share, was.quorum_share) ||
               (was.quorum_count && now.quorum_count && *now.quorum_count < *was.quorum_count)) {
      why.push_back(fmt::format("the quorum fell from `{}` to `{}`", Old(was.quorum_range),
                                New(now.quorum_range)));
    }
    if (was.notice && !now.notice) {
      why.push_back(fmt::format("the notice `{}` was removed", Old(was.notice_range)));
    }
    if (was.method.kind == ast::MethodKind::kConsensus &&
        now.method.kind == ast::MethodKind::kConsensus) {
      if (!was.fallback && now.fallback) {
        why.push_back("a fallback vote can now override a block");
      } else if (was.fallback && now.fallback &&
                 (Less(std::optional(now.fallback->share), std::optional(was.fallback->share)) ||
                  now.fallback->rounds < was.fallback->rounds)) {
        why.push_back(fmt::format("the fallback vote is easier: `{}`, was `{}`",
                                  New(now.fallback->range), Old(was.fallback->range)));
      }
    }
    if (why.empty()) return;
    diags_
        .Report(Code::L121, At(now.range), fmt::format("the decision on `{}`", now.matter.name),
                Join(why))
        .WithLabel(Was(was.range), "the rule in the old version")
        .WithNote("a lower threshold lets fewer members decide for all of them");
  }

  // L121 for `sanctions`: a sanction is a decision about one member.
  void Sanction(const ast::SanctionRule& was, const ast::SanctionRule& now) {
    std::vector<std::string> why = Weaker(was.method, now.method);
    if (was.verdict && now.verdict) {
      auto [wn, wm] = was.verdict->value;
      auto [nn, nm] = now.verdict->value;
      // n/m < w/v without division: both counts are small positive integers.
      if (wm > 0 && nm > 0 && static_cast<__int128>(nn) * wm < static_cast<__int128>(wn) * nm) {
        why.push_back(
            fmt::format("the verdict needed fell from {} of {} to {} of {}", wn, wm, nn, nm));
      }
    } else if (was.verdict && !now.verdict) {
      why.push_back(fmt::format("the verdict threshold {} of {} was removed",
                                was.verdict->value.first, was.verdict->value.second));
    }
    if (was.findings && (!now.findings || now.findings->value < was.findings->value)) {
      why.push_back(
          now.findings
              ? fmt::format("{} earlier {} enough, was {}", now.findings->value,
                            now.findings->value == 1 ? "finding is" : "findings are",
                            was.findings->value)
              : fmt::format("earlier findings are no longer needed, was {}", was.findings->value));
    }
    if (why.empty()) return;
    diags_
        .Report(Code::L121, At(now.range),
                fmt::format("the sanction `{}`", ast::SanctionWord(now.kind)), Join(why))
        .WithLabel(Was(was.range), "the rule in the old version")
        .WithNote("a sanction weighs on one member: due process is what protects them");
  }

  // L122: how hard joining is, from open to a vote of the members.
  static int EntryRank(ast::EntryMode mode) {
    switch (mode) {
      case ast::EntryMode::kOpen:
        return 0;
      case ast::EntryMode::kSponsored:
        return 1;
      case ast::EntryMode::kVote:
      case ast::EntryMode::kByDecision:
        return 2;
      case ast::EntryMode::kCompulsory:
        return -1;  // not a way to join by choice: C001's, not ranked
    }
    return -1;
  }

  void Entry(const std::string& charter, const ast::Entry& was, const ast::Entry& now) {
    int was_rank = EntryRank(was.mode), now_rank = EntryRank(now.mode);
    if (was_rank < 0 || now_rank < 0) return;
    bool harder = now_rank > was_rank ||
                  (now.mode == ast::EntryMode::kSponsored &&
                   was.mode == ast::EntryMode::kSponsored && now.sponsors > was.sponsors) ||
                  (now.mode == ast::EntryMode::kVote && was.mode == ast::EntryMode::kVote &&
                   was.vote_share < now.vote_share);
    if (!harder) return;
    diags_
        .Report(Code::L122, At(now.range), charter,
                fmt::format("`{}` became `{}`", Old(was.range), New(now.range)))
        .WithLabel(Was(was.range), "entry in the old version")
        .WithNote(
            "the members who decide this are already in; the newcomers it affects have no "
            "voice in it yet");
  }

  const Version& before_;
  const Version& after_;
  diag::DiagnosticEngine& diags_;
};

}  // namespace

void LintStructure(const ast::CharterDecl& was, const ast::CharterDecl& now, const Version& before,
                   const Version& after, diag::DiagnosticEngine& diags) {
  StructureLinter(before, after, diags).Run(was, now);
}

}  // namespace concord::revise
