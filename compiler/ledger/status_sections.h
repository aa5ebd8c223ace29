// The inputs every section of `concord status` is built from (status.h), and
// the sections about power that status_power.cpp builds from the engine's
// standing (runtime/engine/standing.h): offices, open proposals, unpaid
// dues, findings about to lapse and the next revision's quorum. Internal to
// compiler/ledger.
#pragma once

#include "compiler/ledger/status.h"
#include "compiler/model/model.h"
#include "runtime/engine/timeline.h"
#include "runtime/values/date.h"

namespace concord::ledger {

struct Played;

struct SectionInputs {
  const engine::RunResult& present;    // up to the day
  const engine::RunResult& lookahead;  // a year further, nothing more recorded
  const model::Model& model;
  values::Date on;
  // The play both runs come from: its versions' programs, to know a clause
  // across versions (status.cpp).
  const Played* played = nullptr;
};

// Members short of their dues in each charter's latest closed period: overdue.
StatusSection UnpaidDuesSection(const SectionInputs& in);
// The close of each charter's current revision cycle and the quorum its
// assembly needs with today's members.
StatusSection NextRevisionSection(const SectionInputs& in);
// Proposals not yet decided: notice end, ballot deadline, tally so far.
StatusSection ProposalsSection(const SectionInputs& in);
// Every office: its holders and when their term ends.
StatusSection OfficesSection(const SectionInputs& in);
// Findings that stop counting within kSoonDays.
StatusSection FindingsSection(const SectionInputs& in);

}  // namespace concord::ledger
