// The decision events of a scenario (POWER.md §6): propose, vote, decide,
// elect, petition, verdict and waive. The slot each piece goes to is the
// table above ast::Event.
#include "compiler/syntax/builder.h"

namespace concord::syntax {

namespace {

std::vector<ast::Identifier> Names(const AstBuilder& b, P::IdentListContext* list) {
  std::vector<ast::Identifier> out;
  if (!list) return out;
  for (P::IdentContext* id : list->ident()) out.push_back(b.Ident(id));
  return out;
}

std::optional<ast::BallotChoice> ChoiceOf(P::BallotChoiceContext* ctx) {
  if (!ctx) return std::nullopt;
  if (AstBuilder::Real(ctx->YES())) return ast::BallotChoice::kYes;
  if (AstBuilder::Real(ctx->NO())) return ast::BallotChoice::kNo;
  if (AstBuilder::Real(ctx->ABSTAIN())) return ast::BallotChoice::kAbstain;
  if (AstBuilder::Real(ctx->BLOCK())) return ast::BallotChoice::kBlock;
  if (AstBuilder::Real(ctx->OBJECT())) return ast::BallotChoice::kObject;
  return std::nullopt;
}

}  // namespace

bool AstBuilder::PowerEventOf(P::EventContext* ctx, ast::Event& e, bool& ok) {
  if (auto* amendment = dynamic_cast<P::ProposeAmendmentEventContext*>(ctx)) {
    auto v = amendment->ident();
    ok = v.size() == 2;
    if (!ok) return true;
    e.kind = ast::EventKind::kPropose;
    e.subject = Ident(v[0]);
    e.target = Ident(v[1]);
    e.matter = ast::ProposalMatter::kAmendment;
    e.changes = ChangesOf(amendment->change());
    return true;
  }
  if (auto* propose = dynamic_cast<P::ProposeEventContext*>(ctx)) {
    auto v = propose->ident();
    P::ProposalMatterContext* matter = propose->proposalMatter();
    ok = v.size() == 2 && matter;
    if (!ok) return true;
    e.kind = ast::EventKind::kPropose;
    e.subject = Ident(v[0]);
    e.target = Ident(v[1]);
    P::IdentContext* object = nullptr;
    if (auto* m = dynamic_cast<P::MatterAdmissionContext*>(matter)) {
      e.matter = ast::ProposalMatter::kAdmission;
      object = m->ident();
    } else if (auto* m = dynamic_cast<P::MatterRemovalContext*>(matter)) {
      e.matter = ast::ProposalMatter::kRemoval;
      object = m->ident();
    } else if (auto* m = dynamic_cast<P::MatterTreatyContext*>(matter)) {
      e.matter = Real(m->SIGN())    ? ast::ProposalMatter::kTreatySign
                 : Real(m->RENEW()) ? ast::ProposalMatter::kTreatyRenew
                 : Real(m->EXIT())  ? ast::ProposalMatter::kTreatyExit
                                    : std::optional<ast::ProposalMatter>();
      object = m->ident();
    } else if (auto* m = dynamic_cast<P::MatterSpendingContext*>(matter)) {
      e.matter = ast::ProposalMatter::kSpending;
      e.amount = Expr(m->expr());
      object = e.amount ? m->ident() : nullptr;
    } else if (auto* m = dynamic_cast<P::MatterElectionContext*>(matter)) {
      e.matter = ast::ProposalMatter::kElection;
      object = m->ident();
    } else if (auto* m = dynamic_cast<P::MatterRecallContext*>(matter)) {
      e.matter = ast::ProposalMatter::kRecall;
      object = m->ident();
    }
    ok = e.matter.has_value() && object;
    if (ok) e.names = {Ident(object)};
    return true;
  }
  if (auto* vote = dynamic_cast<P::VoteEventContext*>(ctx)) {
    ok = vote->ident() != nullptr;
    if (!ok) return true;
    e.kind = ast::EventKind::kVote;
    e.subject = Ident(vote->ident());
    for (P::BallotContext* group : vote->ballot()) {
      auto choice = ChoiceOf(group->ballotChoice());
      if (!choice) continue;
      for (ast::Identifier& voter : Names(*this, group->identList())) {
        e.ballots.push_back({*choice, std::move(voter)});
      }
    }
    ok = !e.ballots.empty();
    return true;
  }
  if (auto* decide = dynamic_cast<P::DecideEventContext*>(ctx)) {
    ok = decide->ident() != nullptr;
    if (!ok) return true;
    e.kind = ast::EventKind::kDecide;
    e.subject = Ident(decide->ident());
    return true;
  }
  if (auto* elect = dynamic_cast<P::ElectEventContext*>(ctx)) {
    auto v = elect->ident();
    ok = !v.empty() && elect->identList();
    if (!ok) return true;
    e.kind = ast::EventKind::kElect;
    e.subject = Ident(v[0]);
    if (v.size() > 1) e.target = Ident(v[1]);
    e.names = Names(*this, elect->identList());
    return true;
  }
  if (auto* petition = dynamic_cast<P::PetitionEventContext*>(ctx)) {
    auto v = petition->ident();
    ok = v.size() == 2 && petition->identList();
    if (!ok) return true;
    e.kind = ast::EventKind::kPetition;
    e.subject = Ident(v[0]);
    e.target = Ident(v[1]);
    e.names = Names(*this, petition->identList());
    return true;
  }
  if (auto* verdict = dynamic_cast<P::VerdictEventContext*>(ctx)) {
    auto v = verdict->ident();
    auto ints = verdict->INT();
    P::VerdictSanctionContext* sanction = verdict->verdictSanction();
    ok = v.size() == 2 && ints.size() == 2 && sanction;
    if (!ok) return true;
    auto in_favour = IntOf(ints[0]);
    auto of = IntOf(ints[1]);
    ok = in_favour && of;
    if (!ok) return true;
    ast::Verdict out;
    out.in_favour = {*in_favour, Range(ints[0])};
    out.of = {*of, Range(ints[1])};
    out.sanction = Real(sanction->SUSPENSION()) ? ast::SanctionKind::kSuspension
                   : Real(sanction->REMOVAL())  ? ast::SanctionKind::kRemoval
                                                : ast::SanctionKind::kWarning;
    if (sanction->expr()) {
      out.length = Expr(sanction->expr());
      ok = out.length != nullptr;
      if (!ok) return true;
    }
    out.sanction_range = Range(sanction);
    e.kind = ast::EventKind::kVerdict;
    e.subject = Ident(v[0]);
    e.target = Ident(v[1]);
    e.verdict = std::move(out);
    return true;
  }
  if (auto* waive = dynamic_cast<P::WaiveEventContext*>(ctx)) {
    auto v = waive->ident();
    auto until = DateOf(waive->DATE());
    ok = !v.empty() && until;
    if (!ok) return true;
    e.kind = ast::EventKind::kWaive;
    e.subject = Ident(v[0]);
    if (v.size() > 1) e.target = Ident(v[1]);
    e.until_date = until;
    return true;
  }
  return false;
}

}  // namespace concord::syntax
