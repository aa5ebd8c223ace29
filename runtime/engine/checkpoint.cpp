// Checkpoints: how a run stood at the end of chosen days, taken while it
// goes on (engine.h, RunWithCheckpoints). `concord status` asks the history
// about today and about the year ahead: one play with a checkpoint today
// instead of two plays of the whole history.
#include <algorithm>
#include <utility>

#include "runtime/engine/simulation.h"

namespace concord::engine {

CheckpointedRun RunWithCheckpoints(const ProgramSpec& program, const ScenarioSpec& scenario,
                                   const std::vector<Date>& days) {
  Simulation sim(program, scenario);
  sim.SetCheckpoints(days);
  CheckpointedRun out;
  out.run = sim.Play();
  out.at = sim.TakeCheckpoints();
  return out;
}

void Simulation::SetCheckpoints(const std::vector<Date>& days) {
  checkpoint_days_.clear();
  for (size_t i = 0; i < days.size(); ++i) checkpoint_days_.emplace_back(days[i], i);
  std::sort(checkpoint_days_.begin(), checkpoint_days_.end());
  next_checkpoint_ = 0;
  checkpoints_.assign(days.size(), std::nullopt);
}

std::vector<std::optional<RunResult>> Simulation::TakeCheckpoints() {
  return std::move(checkpoints_);
}

void Simulation::CheckpointIfDue() {
  // Days before the one being finished were not reached (before the start):
  // they have no result.
  while (next_checkpoint_ < checkpoint_days_.size() &&
         checkpoint_days_[next_checkpoint_].first < today_) {
    ++next_checkpoint_;
  }
  if (next_checkpoint_ >= checkpoint_days_.size() ||
      checkpoint_days_[next_checkpoint_].first != today_) {
    return;
  }
  RunResult at = ResultSoFar();
  for (; next_checkpoint_ < checkpoint_days_.size() &&
         checkpoint_days_[next_checkpoint_].first == today_;
       ++next_checkpoint_) {
    checkpoints_[checkpoint_days_[next_checkpoint_].second] = at;
  }
}

RunResult Simulation::ResultSoFar() {
  // What Play returns for a run that ends today without `expect` lines: the
  // end-of-run steps write into result_, so they run on it and the run's
  // own result is put back afterwards, unchanged. They only read the state
  // (metrics are memoized for the one evaluation and dropped).
  RunResult kept = result_;
  result_.expectations.clear();
  ComputeMetrics();
  TakeStanding();
  RunResult at = std::move(result_);
  result_ = std::move(kept);
  return at;
}

}  // namespace concord::engine
