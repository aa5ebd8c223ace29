// Tests of the decision arithmetic (runtime/engine/tally.h) on its own:
// exact thresholds at their boundaries (2/3 of 3, 50% of a tie, consent at
// exactly P), a fraction kept exact where its decimal would round, and the
// outcome of every method.
#include "runtime/engine/tally.h"

#include <catch2/catch.hpp>

namespace concord::engine {
namespace {

values::Decimal Dec(const char* text) {
  return values::Decimal::Parse(text).value();
}

Ratio Percent(const char* fraction) {
  return RatioOf(Dec(fraction), std::nullopt);
}

Ratio TwoThirds() {
  return RatioOf(Dec("0.666667"), Fraction{2, 3});
}

Tally Ballots(int64_t yes, int64_t no, int64_t abstain = 0, int64_t block = 0, int64_t object = 0) {
  return Tally{yes, no, abstain, block, object};
}

DecisionOutcome Outcome(DecisionMethod method, std::optional<Ratio> share, const Tally& t,
                        int64_t eligible) {
  return Judge(method, share, t, eligible).outcome;
}

TEST_CASE("a written fraction is exact where its decimal would round", "[tally]") {
  // 2/3 as a decimal is 0.666667, and 0.666667 × 3 = 2.000001 > 2.
  CHECK_FALSE(AtLeast(2, Percent("0.666667"), 3));
  CHECK(AtLeast(2, TwoThirds(), 3));
  CHECK(Needed(TwoThirds(), 3) == 2);
  CHECK(Needed(TwoThirds(), 4) == 3);
  CHECK(Needed(TwoThirds(), 6) == 4);
  CHECK_FALSE(AtLeast(3, TwoThirds(), 5));  // 3/5 < 2/3
  CHECK(AtLeast(4, TwoThirds(), 6));
}

TEST_CASE("vote of votes cast: 2/3 of 3 passes with 2, a 2-2 tie fails", "[tally]") {
  CHECK(Outcome(DecisionMethod::kVoteCast, TwoThirds(), Ballots(2, 1), 5) ==
        DecisionOutcome::kPassed);
  CHECK(Outcome(DecisionMethod::kVoteCast, TwoThirds(), Ballots(2, 2), 5) ==
        DecisionOutcome::kFailed);
  // Abstentions are not votes cast.
  CHECK(Outcome(DecisionMethod::kVoteCast, TwoThirds(), Ballots(2, 1, 5), 9) ==
        DecisionOutcome::kPassed);
  // Nobody voted yes or no: nothing to decide on.
  CHECK(Outcome(DecisionMethod::kVoteCast, TwoThirds(), Ballots(0, 0, 3), 5) ==
        DecisionOutcome::kFailed);
}

TEST_CASE("50% of votes cast passes a tie; a majority does not", "[tally]") {
  CHECK(Outcome(DecisionMethod::kVoteCast, Percent("0.5"), Ballots(2, 2), 4) ==
        DecisionOutcome::kPassed);
  CHECK(Outcome(DecisionMethod::kVoteCast, Percent("0.5"), Ballots(1, 2), 4) ==
        DecisionOutcome::kFailed);
  CHECK(Outcome(DecisionMethod::kMajority, std::nullopt, Ballots(2, 2), 4) ==
        DecisionOutcome::kFailed);
  CHECK(Outcome(DecisionMethod::kMajority, std::nullopt, Ballots(3, 2), 5) ==
        DecisionOutcome::kPassed);
  CHECK(Outcome(DecisionMethod::kMajority, std::nullopt, Ballots(0, 0, 4), 5) ==
        DecisionOutcome::kFailed);
}

TEST_CASE("vote of members counts against everyone who may vote", "[tally]") {
  CHECK(Outcome(DecisionMethod::kVoteMembers, TwoThirds(), Ballots(4, 0), 6) ==
        DecisionOutcome::kPassed);
  CHECK(Outcome(DecisionMethod::kVoteMembers, TwoThirds(), Ballots(3, 0), 6) ==
        DecisionOutcome::kFailed);
  CHECK(Outcome(DecisionMethod::kVoteMembers, Percent("0.66"), Ballots(4, 0), 6) ==
        DecisionOutcome::kPassed);  // 3.96 needed
}

TEST_CASE("consent passes with objections at exactly P of members", "[tally]") {
  // 10% of 10 members: one objection (or block) is allowed, two are not.
  CHECK(Outcome(DecisionMethod::kConsent, Percent("0.1"), Ballots(0, 0, 0, 0, 1), 10) ==
        DecisionOutcome::kPassed);
  CHECK(Outcome(DecisionMethod::kConsent, Percent("0.1"), Ballots(0, 0, 0, 1, 1), 10) ==
        DecisionOutcome::kFailed);
  // 10% of 9 is 0.9: no objection at all.
  CHECK(Outcome(DecisionMethod::kConsent, Percent("0.1"), Ballots(5, 0, 0, 0, 1), 9) ==
        DecisionOutcome::kFailed);
  CHECK(Allowed(Percent("0.1"), 9) == 0);
  // `no` is not an objection.
  CHECK(Outcome(DecisionMethod::kConsent, Percent("0.1"), Ballots(1, 5), 9) ==
        DecisionOutcome::kPassed);
}

TEST_CASE("consensus is blocked by one block and needs someone's yes", "[tally]") {
  CHECK(Outcome(DecisionMethod::kConsensus, std::nullopt, Ballots(6, 0, 0, 1), 7) ==
        DecisionOutcome::kBlocked);
  CHECK(Outcome(DecisionMethod::kConsensus, std::nullopt, Ballots(1, 3, 2, 0, 1), 7) ==
        DecisionOutcome::kPassed);
  CHECK(Outcome(DecisionMethod::kConsensus, std::nullopt, Ballots(0, 0, 2), 7) ==
        DecisionOutcome::kFailed);
}

TEST_CASE("an office and a jury decide by more than half, or by a verdict share", "[tally]") {
  CHECK(Outcome(DecisionMethod::kOffice, std::nullopt, Ballots(1, 1), 2) ==
        DecisionOutcome::kFailed);
  CHECK(Outcome(DecisionMethod::kOffice, std::nullopt, Ballots(2, 0), 3) ==
        DecisionOutcome::kPassed);
  CHECK(Outcome(DecisionMethod::kOffice, std::nullopt, Ballots(0, 0), 0) ==
        DecisionOutcome::kFailed);
  CHECK(Outcome(DecisionMethod::kJury, std::nullopt, Ballots(2, 1), 3) == DecisionOutcome::kPassed);
  // `verdict 4 of 5`: four jurors of five.
  CHECK(Outcome(DecisionMethod::kJury, Ratio{4, 5}, Ballots(3, 2), 5) == DecisionOutcome::kFailed);
  CHECK(Outcome(DecisionMethod::kJury, Ratio{4, 5}, Ballots(4, 1), 5) == DecisionOutcome::kPassed);
}

TEST_CASE("a failed count says what it needed", "[tally]") {
  Judgement j = Judge(DecisionMethod::kVoteCast, TwoThirds(), Ballots(2, 2), 5);
  CHECK(j.why == "needs 3 yes of 4 yes and no, has 2 yes");
  CHECK(std::string(OutcomeWord(DecisionOutcome::kBlocked)) == "blocked");
}

TEST_CASE("huge counts do not overflow the comparison", "[tally]") {
  const int64_t big = int64_t{1} << 62;
  CHECK(AtLeast(big, Ratio{1, 2}, big));
  CHECK_FALSE(AtLeast(big / 2 - 1, Ratio{1, 2}, big));
}

}  // namespace
}  // namespace concord::engine
