// Recording events: validate a batch against the program and the state on
// each event's date by replaying the stored log with the batch appended
// (runtime/engine, the same run as `concord run`), then append it in the same
// write transaction. A batch is stored whole or not at all.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ledger/batch.h"
#include "compiler/ledger/report_home.h"
#include "compiler/ledger/store.h"

namespace concord::ledger {

// Items to record, each with the index of its batch in `batches` (batches
// appear in order; `record` has one, `ledger import` one per exported batch).
struct Recording {
  std::vector<BatchItem> items;  // `input` ranges point into home.sources
  std::vector<size_t> batch_of_item;
  std::vector<Provenance> batches;
};

// Refused items are reported into `home` with their location in the input.
// Returns the ids of the stored batches, or nothing when nothing was stored.
std::optional<std::vector<int64_t>> Record(Store& store, const Recording& recording,
                                           const std::string& ledger_path, ReportHome& home);

// "2027-01-21T09:12:00Z": now, or SOURCE_DATE_EPOCH when set (reproducible
// tests and builds).
std::string RecordedAtNow();

}  // namespace concord::ledger
