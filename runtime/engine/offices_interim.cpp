// What decisions ask of offices, petitions and findings, kept minimal until
// offices17's offices.cpp and sanctions.cpp replace this file: holders are
// those seated by `elect` (PolityState::office_holders) or named by `held
// by`; no petition has met a recall share; no finding is recorded.
#include <fmt/format.h>

#include <algorithm>

#include "runtime/engine/simulation.h"

namespace concord::engine {

std::vector<std::string> Simulation::HoldersOf(const PolityState& p,
                                               const std::string& office) const {
  std::vector<std::string> holders;
  if (auto it = p.office_holders.find(office); it != p.office_holders.end()) holders = it->second;
  const OfficeSpec* spec = p.spec ? p.spec->FindOffice(office) : nullptr;
  if (spec && spec->held_by && IsMemberOf(*spec->held_by, p.spec->name) &&
      std::find(holders.begin(), holders.end(), *spec->held_by) == holders.end()) {
    holders.push_back(*spec->held_by);
  }
  return holders;
}

int64_t Simulation::FindingsAgainst(const std::string& member, Date day,
                                    std::optional<values::Duration> within) const {
  (void)member;
  (void)day;
  (void)within;
  return 0;  // verdicts record findings with offices17
}

void Simulation::ApplyRecall(PolityState& p, const std::string& member, const EventSpec& e) {
  for (auto& [office, holders] : p.office_holders) std::erase(holders, member);
  Add(EntryKind::kEvent, p.spec->name,
      fmt::format("{} is recalled from the offices of {}", member, p.spec->name), e.range);
}

bool Simulation::RecallPetitioned(const PolityState& p, const std::string& member) const {
  (void)p;
  (void)member;
  return false;  // petitions are recorded with offices17
}

}  // namespace concord::engine
