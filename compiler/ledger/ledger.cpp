// The ledger commands' work; see ledger.h and docs/ledger.md.
#include "compiler/ledger/ledger.h"

#include <fmt/format.h>

#include <filesystem>

#include "compiler/ledger/batch.h"
#include "compiler/ledger/record.h"
#include "compiler/pipeline/pipeline.h"
#include "runtime/values/date.h"

namespace concord::ledger {
namespace fs = std::filesystem;
using diag::Code;

namespace {

void AdoptAll(const pipeline::Compilation& c, const diag::SourceManager& sources, ReportHome& home,
              bool errors_only) {
  for (const diag::Diagnostic& d : c.diags.diagnostics()) {
    if (errors_only && d.severity != diag::Severity::Error) continue;
    home.Adopt(d, sources);
  }
}

}  // namespace

std::optional<std::vector<StoredSource>> ProgramSources(const pipeline::Compilation& c,
                                                        ReportHome& home) {
  std::vector<StoredSource> sources;
  bool has_scenario = false;
  for (size_t i = 0; i < c.program->files.size(); ++i) {
    if (c.program->is_stdlib[i]) continue;
    const ast::File& file = *c.program->files[i];
    for (const ast::ScenarioDecl& s : file.scenarios) {
      home.Adopt(
          diag::Diagnostic{
              Code::E0279,
              diag::Severity::Error,
              s.name.range,
              fmt::format(fmt::runtime(diag::Info(Code::E0279).message_template), s.name.name),
              {},
              {},
              "record a scenario's events with `concord ledger import` "
              "or `concord record --file`",
              {},
              {}},
          c.program->sources);
      has_scenario = true;
    }
    std::string path = c.program->sources.Path(file.id);
    std::string text(c.program->sources.Text(file.id));
    sources.push_back({path, Store::Sha256Hex(text), text});
  }
  if (has_scenario) return std::nullopt;
  return sources;
}

bool Init(const LedgerOptions& ledger, const InitRequest& request, ReportHome& home,
          std::string* summary) {
  // Checked again by Store::Create; first here, so a mistake costs no compile.
  std::error_code ec;
  if (fs::exists(ledger.path, ec)) {
    home.diags.Report(Code::E0275, {home.sources.AddFile(ledger.path, ""), 0, 0}, ledger.path)
        .WithHelp("choose another file name, or `concord ledger import` into a new one");
    return false;
  }
  std::unique_ptr<pipeline::Compilation> c = pipeline::Compile(request.files);
  AdoptAll(*c, c->program->sources, home, /*errors_only=*/false);
  if (c->io_error || c->diags.has_errors() || !c->model) return false;
  std::optional<std::vector<StoredSource>> program = ProgramSources(*c, home);
  if (!program) return false;
  const std::vector<StoredSource>& sources = *program;
  Settings settings;
  if (request.start) {
    std::string why;
    if (!values::Date::Parse(*request.start, &why)) {
      home.diags.Report(Code::E0108, {}, *request.start, why);
      return false;
    }
    settings.start = *request.start;
  } else {
    for (const model::Charter& charter : c->model->charters) {
      std::string adopted = charter.adopted.value.ToString();
      if (settings.start.empty() || adopted < settings.start) settings.start = adopted;
    }
    if (settings.start.empty()) {
      home.diags.Report(Code::E0211, {}, "ledger", ledger.path, "start")
          .WithHelp("the program adopts no charter; give the first day with `--start DATE`");
      return false;
    }
  }
  settings.seed = request.seed ? *request.seed : fs::path(ledger.path).stem().string();
  std::unique_ptr<Store> store =
      Store::Create(ledger.path, settings, ledger.busy_timeout_ms, home.sources, home.diags);
  bool ok =
      store && store->AddProgram(sources, settings.start, {request.by, RecordedAtNow(), false});
  if (!ok) {
    // A ledger that was only half created is removed, so `init` can be run again.
    bool created = store != nullptr;
    store.reset();
    if (created) {
      std::error_code ec;
      for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(ledger.path + suffix, ec);
    }
    return false;
  }
  *summary = fmt::format(
      "created ledger `{}`: {} file{} of program version 1, start {}, seed \"{}\"", ledger.path,
      sources.size(), sources.size() == 1 ? "" : "s", settings.start, settings.seed);
  return true;
}

std::optional<int64_t> RecordText(const LedgerOptions& ledger, const std::string& display,
                                  const std::string& text, const Provenance& provenance,
                                  ReportHome& home, size_t* count) {
  std::unique_ptr<Store> store =
      Store::Open(ledger.path, Access::kWrite, ledger.busy_timeout_ms, home.sources, home.diags);
  if (!store) return std::nullopt;
  diag::FileId input = home.sources.AddFile(display, text);
  ParsedBatch batch =
      ParseBatch(home.sources, input, store->settings(), InputForm::kBody, home.diags);
  if (!batch.ok) return std::nullopt;
  Recording recording{batch.items, std::vector<size_t>(batch.items.size(), 0), {provenance}};
  auto ids = Record(*store, recording, ledger.path, home);
  if (!ids || ids->empty()) return std::nullopt;
  *count = batch.items.size();
  return ids->front();
}

std::optional<std::vector<int64_t>> Import(const LedgerOptions& ledger, const std::string& display,
                                           const std::string& text, const Provenance& provenance,
                                           ReportHome& home, size_t* count) {
  std::unique_ptr<Store> store =
      Store::Open(ledger.path, Access::kWrite, ledger.busy_timeout_ms, home.sources, home.diags);
  if (!store) return std::nullopt;
  diag::FileId input = home.sources.AddFile(display, text);
  ParsedBatch batch =
      ParseBatch(home.sources, input, store->settings(), InputForm::kHistoryFile, home.diags);
  if (!batch.ok) return std::nullopt;
  Recording recording;
  recording.items = batch.items;
  recording.batches.push_back(provenance);  // items before the first mark
  size_t mark = 0;
  for (const BatchItem& item : batch.items) {
    while (mark < batch.marks.size() && batch.marks[mark].offset < item.input.begin) {
      recording.batches.push_back(batch.marks[mark++].provenance);
    }
    recording.batch_of_item.push_back(recording.batches.size() - 1);
  }
  auto ids = Record(*store, recording, ledger.path, home);
  if (ids) *count = batch.items.size();
  return ids;
}

std::optional<std::string> Export(const LedgerOptions& ledger, ReportHome& home) {
  std::unique_ptr<Store> store =
      Store::Open(ledger.path, Access::kRead, ledger.busy_timeout_ms, home.sources, home.diags);
  if (!store) return std::nullopt;
  std::optional<std::vector<StoredEvent>> events = store->Events();
  // The program is not exported, but a ledger whose program does not match
  // its hashes is damaged, and its history is not handed on as if it were
  // fine; nor is a history across program versions, which is not one
  // scenario over one program that `concord run` could play (E0284): a
  // scenario cannot say when a version comes into force.
  if (!events || !store->OneProgram("a scenario cannot say when a program version comes "
                                    "into force, so `concord run` could not play its export")) {
    return std::nullopt;
  }
  std::vector<HistoryItem> items = ItemsOf(*events);
  return WriteScenario(store->settings(), items, PlayUntil(store->settings(), items, {}),
                       /*provenance=*/true)
      .text;
}

std::unique_ptr<Played> Replay(const LedgerOptions& ledger, const std::optional<std::string>& on,
                               ReportHome& home, const std::optional<std::string>& one_program) {
  std::unique_ptr<Store> store =
      Store::Open(ledger.path, Access::kRead, ledger.busy_timeout_ms, home.sources, home.diags);
  if (!store) return nullptr;
  std::optional<std::vector<StoredEvent>> events = store->Events();
  std::optional<std::vector<StoredVersion>> versions;
  if (!one_program) {
    versions = store->Versions();
  } else if (std::optional<std::vector<StoredSource>> program = store->OneProgram(*one_program)) {
    versions = std::vector<StoredVersion>{{1, store->settings().start, std::move(*program)}};
  }
  if (!events || !versions) return nullptr;
  std::vector<HistoryItem> items = ItemsOf(*events);
  return Play(*versions, store->settings(), items, PlayUntil(store->settings(), items, on),
              HistoryPath(ledger.path));
}

bool AdoptProblems(Played& played, ReportHome& home) {
  for (const pipeline::Compilation* c : played.compilations()) {
    AdoptAll(*c, played.sources(), home, /*errors_only=*/true);
  }
  if (played.run && played.run->internal_error) {
    home.diags.Report(Code::E0272, {}, "history", "internal: " + *played.run->internal_error);
    return false;
  }
  return played.run.has_value() && !played.compilation->diags.has_errors();
}

}  // namespace concord::ledger
