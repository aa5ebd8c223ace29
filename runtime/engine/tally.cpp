// Exact decision arithmetic (tally.h): every comparison is made on 128-bit
// products of integers, so no share is ever rounded.
#include "runtime/engine/tally.h"

#include <fmt/format.h>

namespace concord::engine {
namespace {

using Wide = __int128;

// ceil(a / b) and floor(a / b) for b > 0 and a >= 0.
int64_t CeilDiv(Wide a, Wide b) {
  return static_cast<int64_t>((a + b - 1) / b);
}
int64_t FloorDiv(Wide a, Wide b) {
  return static_cast<int64_t>(a / b);
}

std::string Yes(int64_t n) {
  return fmt::format("{} yes", n);
}

}  // namespace

Ratio RatioOf(values::Decimal share, const std::optional<Fraction>& written) {
  if (written) {
    if (written->denominator <= 0 || written->numerator < 0) return {0, 1};
    return {written->numerator, written->denominator};
  }
  return {share.raw() < 0 ? 0 : share.raw(), values::Decimal::kScale};
}

bool AtLeast(int64_t count, Ratio share, int64_t whole) {
  return static_cast<Wide>(count) * share.denominator >= static_cast<Wide>(share.numerator) * whole;
}

bool AtMost(int64_t count, Ratio share, int64_t whole) {
  return static_cast<Wide>(count) * share.denominator <= static_cast<Wide>(share.numerator) * whole;
}

int64_t Needed(Ratio share, int64_t whole) {
  if (whole <= 0 || share.numerator <= 0) return 0;
  return CeilDiv(static_cast<Wide>(share.numerator) * whole, share.denominator);
}

int64_t Allowed(Ratio share, int64_t whole) {
  if (whole <= 0 || share.numerator <= 0) return 0;
  return FloorDiv(static_cast<Wide>(share.numerator) * whole, share.denominator);
}

const char* OutcomeWord(DecisionOutcome outcome) {
  switch (outcome) {
    case DecisionOutcome::kPending:
      return "pending";
    case DecisionOutcome::kPassed:
      return "passed";
    case DecisionOutcome::kFailed:
      return "failed";
    case DecisionOutcome::kBlocked:
      return "blocked";
  }
  return "?";
}

Judgement Judge(DecisionMethod method, std::optional<Ratio> share, const Tally& tally,
                int64_t eligible) {
  auto verdict = [](bool passed, std::string why) {
    return Judgement{passed ? DecisionOutcome::kPassed : DecisionOutcome::kFailed, std::move(why)};
  };
  Ratio p = share.value_or(Ratio{});
  switch (method) {
    case DecisionMethod::kMajority: {
      int64_t cast = tally.yes + tally.no;
      if (cast == 0) return verdict(false, "no yes or no ballot was cast");
      return verdict(
          tally.yes > tally.no,
          fmt::format("needs more yes than no, has {} yes and {} no", tally.yes, tally.no));
    }
    case DecisionMethod::kVoteCast: {
      int64_t cast = tally.yes + tally.no;
      if (cast == 0) return verdict(false, "no yes or no ballot was cast");
      return verdict(AtLeast(tally.yes, p, cast),
                     fmt::format("needs {} of {} yes and no, has {}", Yes(Needed(p, cast)), cast,
                                 Yes(tally.yes)));
    }
    case DecisionMethod::kVoteMembers:
      return verdict(AtLeast(tally.yes, p, eligible),
                     fmt::format("needs {} of {} voting member{}, has {}", Yes(Needed(p, eligible)),
                                 eligible, eligible == 1 ? "" : "s", Yes(tally.yes)));
    case DecisionMethod::kConsent: {
      int64_t objections = tally.object + tally.block;
      return verdict(AtMost(objections, p, eligible),
                     fmt::format("allows at most {} objection{} among {} voting member{}, has {}",
                                 Allowed(p, eligible), Allowed(p, eligible) == 1 ? "" : "s",
                                 eligible, eligible == 1 ? "" : "s", objections));
    }
    case DecisionMethod::kConsensus:
      if (tally.block > 0) {
        return {DecisionOutcome::kBlocked,
                fmt::format("{} block{}", tally.block, tally.block == 1 ? "" : "s")};
      }
      return verdict(tally.yes > 0, tally.yes > 0 ? "no block" : "nobody said yes");
    case DecisionMethod::kOffice:
    case DecisionMethod::kJury: {
      const char* who = method == DecisionMethod::kOffice ? "holder" : "juror";
      const char* plural = eligible == 1 ? "" : "s";
      if (eligible == 0) return verdict(false, fmt::format("there are no {}s", who));
      if (share) {
        return verdict(AtLeast(tally.yes, p, eligible),
                       fmt::format("needs {} of {} {}{}, has {}", Yes(Needed(p, eligible)),
                                   eligible, who, plural, Yes(tally.yes)));
      }
      return verdict(2 * static_cast<Wide>(tally.yes) > eligible,
                     fmt::format("needs {} of {} {}{}, has {}", Yes(eligible / 2 + 1), eligible,
                                 who, plural, Yes(tally.yes)));
    }
    case DecisionMethod::kAssembly:
      return verdict(false, "made at an assembly");
  }
  return verdict(false, "unknown method");
}

}  // namespace concord::engine
