// The arithmetic of a decision (POWER.md §2): the ballots counted by choice
// and the outcome each method gives them, in exact integers. A share is a
// ratio of two integers (`2/3` as written, `66%` as 660000/1000000), and
// "at least P of N" is checked as count × denominator >= numerator × N, so
// a boundary such as 2/3 of 3 or 50% of 4 is never lost to rounding.
// Pure functions, no state: tests/unit/tally_test.cpp checks them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "runtime/engine/input.h"

namespace concord::engine {

// A share as numerator / denominator, denominator > 0.
struct Ratio {
  int64_t numerator = 0;
  int64_t denominator = 1;
};

// The exact ratio of a share: its fraction when written `N/M`, else the
// decimal itself (six fractional digits, so exact over 10^6). A fraction
// with a zero or negative denominator (sema refuses it) counts as zero.
Ratio RatioOf(values::Decimal share, const std::optional<Fraction>& written);

// count >= share × whole.
bool AtLeast(int64_t count, Ratio share, int64_t whole);
// count <= share × whole.
bool AtMost(int64_t count, Ratio share, int64_t whole);
// The smallest count that is at least share × whole: ceil(share × whole).
int64_t Needed(Ratio share, int64_t whole);
// The largest count that is at most share × whole: floor(share × whole).
int64_t Allowed(Ratio share, int64_t whole);

// The ballots of one round, by choice.
struct Tally {
  int64_t yes = 0;
  int64_t no = 0;
  int64_t abstain = 0;
  int64_t block = 0;
  int64_t object = 0;
  int64_t Cast() const { return yes + no + abstain + block + object; }
};

enum class DecisionOutcome : uint8_t { kPending, kPassed, kFailed, kBlocked };
// "pending", "passed", "failed", "blocked": the words of the `outcome` enum.
const char* OutcomeWord(DecisionOutcome outcome);

struct Judgement {
  DecisionOutcome outcome = DecisionOutcome::kFailed;
  std::string why;  // what the count needed, for the timeline: "needs 3 yes, has 2"
};

// The outcome of `method` for `tally` among `eligible` people (voting
// members, an office's holders or the jurors), `share` being the rule's
// share (vote, consent, a jury's verdict), ignored where a method has none:
//   majority        yes > no (more than half of yes + no); no yes/no: failed
//   vote of cast    yes + no > 0 and yes >= share × (yes + no)
//   vote of members yes >= share × eligible
//   consent         object + block <= share × eligible
//   consensus       any block: blocked; else passed when someone said yes
//   office, jury    yes >= share × eligible when a share is given (a jury
//                   verdict N of M), else more than half of eligible
// Assembly is never judged here: it is refused before.
Judgement Judge(DecisionMethod method, std::optional<Ratio> share, const Tally& tally,
                int64_t eligible);

}  // namespace concord::engine
