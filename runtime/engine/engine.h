// The discrete-event simulation: plays a scenario forward day by day over
// the calendar against the charters and treaties of a program. Same input,
// same seed, same result: state lives in ordered containers, members are
// kept in joining order, and nothing reads the clock.
//
// Within a day (docs/reference-runtime.md):
//   1. transitions at the start of the day: treaty activation, term end
//      (renewed by every party, or expired), exits whose notice has run,
//      rulings that expire, steward assignments for periods that begin;
//   2. the scenario's events of the day, in source order, each validated,
//      applied, then matched against the executable rules;
//   3. obligations whose period closes that day: revision cycles, ledger
//      reports, stress games, reflections, distress deadlines;
//   4. `expect on DATE` lines for that day.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "runtime/engine/input.h"
#include "runtime/engine/timeline.h"

namespace concord::engine {

RunResult Run(const ProgramSpec& program, const ScenarioSpec& scenario);

// A run and how it stood at the end of each of `days` (one result per day,
// in the order asked), taken while it goes on: one play instead of one per
// day (`concord status`: today and the year ahead). The result at day D is
// what Run gives for the scenario cut at D (`until` D, without its `expect`
// lines and the events dated after D), except that its `scenario` is still
// this one and that it reports the events dated outside the whole run
// (R034) where the run does, after the first day's setup. A day outside the run, or one the run did
// not finish because it stopped early (R035, R036), has none. Checked against Run for every
// scenario on both engines (tests/unit/checkpoint_test.cpp).
struct CheckpointedRun {
  RunResult run;
  std::vector<std::optional<RunResult>> at;
};
CheckpointedRun RunWithCheckpoints(const ProgramSpec& program, const ScenarioSpec& scenario,
                                   const std::vector<Date>& days);

// One version of a program and the first day it governs (`concord ledger
// adopt`), with the scenario whose events it plays.
struct VersionInForce {
  Date from;
  const ProgramSpec* program = nullptr;
  const ScenarioSpec* scenario = nullptr;
  std::string label;  // "program version 2", in the timeline
  // Charter -> the rules of the previous version this one amends or removes
  // (`concord revise`'s reading: an added rule counts toward no quota). The
  // adoption is a revision: they count in the revision cycle in progress.
  std::map<std::string, std::set<std::string>> revised;
};

// Plays a history across program versions (runtime/engine/versions.cpp):
// versions[0].scenario is the run's scenario (seed, start, until, members);
// each version plays its scenario's events dated from its `from` to the day
// before the next version's (a recurring event goes on under the versions
// that follow). At the start of each later version's `from` its program
// comes into force: charters and treaties are matched by name and keep their
// state (members, balances, treaty status and terms, office holders, open
// proposals), the rules in force become the new text's, and what the new
// version drops or adds is said in the timeline. `from` grows strictly,
// versions[0].from is the start; every program and scenario outlives the run.
// The checkpoints are RunWithCheckpoints's. Rules, metrics and `expect`
// lines are evaluated by the engine of the version in force (a ledger's
// history has no `expect` lines). Not built: a charter or treaty that a
// later version adds takes no part (nobody belongs to it in this run), and
// rotating roles keep the terms of the version they started under.
CheckpointedRun RunAcrossVersions(const std::vector<VersionInForce>& versions,
                                  const std::vector<Date>& days = {});

}  // namespace concord::engine
