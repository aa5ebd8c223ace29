// Validating and appending batches; see record.h and docs/ledger.md.
#include "compiler/ledger/record.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>

#include "compiler/ledger/history.h"

namespace concord::ledger {
using diag::Code;

std::string RecordedAtNow() {
  std::time_t now = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    long long value = std::strtoll(epoch, &end, 10);
    if (end && *end == '\0' && end != epoch) now = static_cast<std::time_t>(value);
  }
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

namespace {

// Events dated before the last one recorded change a history others may
// already have read; they need `--correction` (E0277). Within one batch any
// order is fine: the engine plays each day's events in the order written.
bool CheckDates(const Recording& r, std::optional<std::string> last, ReportHome& home) {
  bool ok = true;
  size_t batch = 0;
  std::string batch_max;
  for (size_t i = 0; i < r.items.size(); ++i) {
    if (r.batch_of_item[i] != batch) {
      if (!batch_max.empty() && (!last || batch_max > *last)) last = batch_max;
      batch = r.batch_of_item[i];
      batch_max.clear();
    }
    const BatchItem& item = r.items[i];
    batch_max = std::max(batch_max, item.date);
    if (!last || item.date >= *last || r.batches[batch].correction) continue;
    home.diags.Report(Code::E0277, item.input, item.date, *last)
        .WithHelp(
            "if this corrects the record, run again with `--correction`; it is kept with "
            "the batch, marked as a correction");
    ok = false;
  }
  return ok;
}

// Where in the history text the batch's items are, to show what the
// compiler and the engine say about them in the input.
struct ItemSpans {
  const ScenarioText& scenario;
  const std::vector<BatchItem>& items;
  size_t first;  // index in the history of the first new item

  std::optional<diag::SourceRange> ToInput(uint32_t begin, uint32_t end) const {
    const std::vector<uint32_t>& offsets = scenario.item_offsets;
    auto it = std::upper_bound(offsets.begin() + static_cast<long>(first), offsets.end(), begin);
    if (it == offsets.begin() + static_cast<long>(first)) return std::nullopt;
    size_t k = static_cast<size_t>(it - offsets.begin()) - 1;
    const BatchItem& item = items[k - first];
    uint32_t length = item.input.end - item.input.begin;
    uint32_t from = std::min(begin - offsets[k], length);
    uint32_t to = std::min(std::max(end, begin) - offsets[k], length);
    return diag::SourceRange{item.input.file, item.input.begin + from, item.input.begin + to};
  }
};

// Ranges in the new items of the history are shown in the input.
ReportHome::Redirect ToInput(const Played& played, const ItemSpans& spans) {
  return [&played, &spans](diag::SourceRange r) -> std::optional<diag::SourceRange> {
    if (!played.IsHistory(r.file)) return std::nullopt;
    return spans.ToInput(r.begin, r.end);
  };
}

}  // namespace

std::optional<std::vector<int64_t>> Record(Store& store, const Recording& recording,
                                           const std::string& ledger_path, ReportHome& home) {
  if (!store.BeginWrite()) return std::nullopt;
  auto fail = [&]() -> std::optional<std::vector<int64_t>> {
    store.Rollback();
    return std::nullopt;
  };
  std::optional<std::vector<StoredEvent>> stored = store.Events();
  std::optional<std::vector<StoredVersion>> versions = store.Versions();
  if (!stored || !versions) return fail();
  if (!CheckDates(recording, store.LastDate(), home)) return fail();

  std::vector<HistoryItem> items = ItemsOf(*stored);
  size_t first = items.size();
  for (const BatchItem& b : recording.items) items.push_back({b.date, b.text, 0, "", "", false});
  std::string history_path = HistoryPath(ledger_path);
  std::unique_ptr<Played> played = Play(*versions, store.settings(), items,
                                        PlayUntil(store.settings(), items, {}), history_path);
  ItemSpans spans{played->scenario, recording.items, first};
  const diag::SourceManager& compiled = played->sources();
  bool refused = false;
  for (const pipeline::Compilation* c : played->compilations()) {
    for (diag::Diagnostic d : c->diags.diagnostics()) {
      if (d.severity != diag::Severity::Error) continue;
      home.Adopt(std::move(d), compiled, ToInput(*played, spans));
      refused = true;
    }
  }
  if (played->run && played->run->internal_error) {
    home.diags.Report(Code::E0272, {}, ledger_path, "internal: " + *played->run->internal_error);
    refused = true;
  }
  if (played->run) {
    uint32_t batch_begin = first < played->scenario.item_offsets.size()
                               ? played->scenario.item_offsets[first]
                               : static_cast<uint32_t>(played->scenario.text.size());
    for (const engine::Entry& e : played->run->timeline) {
      if (e.kind != engine::EntryKind::kInvalid && e.kind != engine::EntryKind::kBroken) continue;
      if (!played->IsHistory(e.range.file)) continue;
      diag::Diagnostic d{*e.code, diag::Severity::Error, e.range, e.text, e.labels, {}, {}, {}, {}};
      for (const std::string& n : e.notes) d.notes.push_back({n, {}});
      d.notes.push_back({fmt::format("on {}; the event is not recorded", e.date.ToString()), {}});
      // A recorded event that a back-dated correction makes invalid: the
      // correction is refused, and the event it would break is shown.
      if (e.range.begin < batch_begin) {
        d.notes.push_back(
            {"this event was recorded earlier; the events being recorded now "
             "would make it invalid",
             {}});
      }
      home.Adopt(std::move(d), compiled, ToInput(*played, spans));
      refused = true;
    }
  }
  if (refused) return fail();

  std::vector<int64_t> ids;
  for (size_t b = 0; b < recording.batches.size(); ++b) {
    std::vector<NewEvent> events;
    for (size_t i = 0; i < recording.items.size(); ++i) {
      if (recording.batch_of_item[i] == b) {
        events.push_back({recording.items[i].date, recording.items[i].text});
      }
    }
    if (events.empty()) continue;
    std::optional<int64_t> id = store.AppendBatch(events, recording.batches[b]);
    if (!id) return fail();
    ids.push_back(*id);
  }
  if (!store.Commit()) return fail();
  return ids;
}

}  // namespace concord::ledger
