// `concord ledger adopt`; see adopt.h. The comparison is `concord revise`'s
// (compiler/revise), run over every file of both programs, so a charter
// moved to another file is still compared with itself and held to its quota.
#include "compiler/ledger/adopt.h"

#include <fmt/format.h>

#include <algorithm>

#include "compiler/ledger/record.h"
#include "compiler/pipeline/pipeline.h"
#include "compiler/revise/compare.h"
#include "compiler/revise/merged_sources.h"
#include "runtime/values/date.h"

namespace concord::ledger {
namespace {

using diag::Code;

// The files a program was written in (the standard library aside): each
// charter and treaty in them is compared by name.
std::vector<const ast::File*> ProgramFiles(const pipeline::Compilation& c) {
  std::vector<const ast::File*> files;
  for (size_t i = 0; i < c.program->files.size(); ++i) {
    if (!c.program->is_stdlib[i]) files.push_back(c.program->files[i].get());
  }
  return files;
}

std::vector<std::string> SortedHashes(const std::vector<StoredSource>& sources) {
  std::vector<std::string> hashes;
  for (const StoredSource& s : sources) hashes.push_back(s.sha256);
  std::sort(hashes.begin(), hashes.end());
  return hashes;
}

// The version in force, compiled from its stored text as `replay` compiles it.
std::unique_ptr<pipeline::Compilation> CompileStored(const std::vector<StoredSource>& program) {
  pipeline::CompileOptions options;
  std::vector<std::string> files;
  for (const StoredSource& s : program) {
    files.push_back(s.path);
    options.load.overlays.emplace_back(s.path, s.text);
  }
  return pipeline::Compile(files, options);
}

// The first day the new version may take effect is the day after both the
// last recorded event (whose date's version must not change under it) and
// the day the version in force took effect (which would otherwise never
// govern a day). False after E0282.
bool CheckAdoptionDay(Store& store, const std::string& on, int version, ReportHome& home,
                      const std::string& ledger_path) {
  std::optional<std::string> in_force_since = store.ProgramAdoptedOn();
  if (!in_force_since) return false;
  std::string limit = *in_force_since;
  std::string what = version == 2 ? "the ledger's start, when program version 1 took effect"
                                  : fmt::format("when program version {} took effect", version - 1);
  if (std::optional<std::string> last = store.LastDate(); last && *last >= limit) {
    limit = *last;
    what = "the date of the last recorded event";
  }
  if (on > limit) return true;
  home.diags
      .Report(Code::E0282, {home.sources.AddFile(ledger_path, ""), 0, 0}, version, on, limit, what)
      .WithNote(
          "the version in force on a date governs that date's events, so a new version cannot "
          "change the rules of a day already recorded or of one the version in force never had")
      .WithHelp(fmt::format("adopt it with `--on` a later day, such as {}",
                            values::Date::Parse(limit)->AddDays(1).ToString()));
  return false;
}

}  // namespace

Adoption Adopt(const LedgerOptions& ledger, const AdoptRequest& request, ReportHome& home) {
  Adoption out;
  out.on = request.on;
  std::string why;
  if (!values::Date::Parse(request.on, &why)) {
    home.diags.Report(Code::E0108, {}, request.on, why);
    return out;
  }
  std::unique_ptr<Store> store =
      Store::Open(ledger.path, Access::kWrite, ledger.busy_timeout_ms, home.sources, home.diags);
  if (!store) return out;
  // Held to the commit: the version and dates checked are those stored against.
  if (!store->BeginWrite()) return out;
  // A refused version ends the transaction with nothing written (Commit and
  // Rollback are both safe once it has ended).
  struct RollbackUnlessCommitted {
    Store& store;
    ~RollbackUnlessCommitted() { store.Rollback(); }
  } guard{*store};
  int version = store->ProgramVersion() + 1;
  std::optional<std::vector<StoredSource>> in_force = store->Program();
  if (!in_force) return out;

  // The new version, checked like `concord check`: any error refuses it.
  std::unique_ptr<pipeline::Compilation> after = pipeline::Compile(request.files);
  std::optional<std::vector<StoredSource>> sources;
  if (!after->io_error) sources = ProgramSources(*after, home);
  out.file_count = sources ? sources->size() : 0;
  bool day_ok = CheckAdoptionDay(*store, request.on, version, home, ledger.path);
  if (sources && SortedHashes(*sources) == SortedHashes(*in_force)) {
    home.diags
        .Report(Code::E0283, {home.sources.AddFile(request.files.front(), ""), 0, 0}, version - 1,
                ledger.path)
        .WithHelp("adopt the files of the new version, with the changes the community decided");
    return out;
  }

  // Both versions in one SourceManager, the new one's files first, as
  // `concord revise` shows them; the old ones as `LEDGER@vN:PATH`.
  std::unique_ptr<pipeline::Compilation> before = CompileStored(*in_force);
  diag::SourceManager merged;
  revise::AppendFiles(after->program->sources, merged, [](const std::string& p) { return p; });
  diag::FileId old_offset = revise::AppendFiles(
      before->program->sources, merged,
      [&](const std::string& p) { return fmt::format("{}@v{}:{}", ledger.path, version - 1, p); });
  diag::DiagnosticEngine diags;
  for (const diag::Diagnostic& d : after->diags.diagnostics()) diags.Add(d);
  // The stored version compiled when it was stored; an error now (a newer
  // concord reading it differently) still matters to what its quota means.
  for (const diag::Diagnostic& d : before->diags.diagnostics()) {
    if (d.severity == diag::Severity::Error) diags.Add(revise::Shifted(d, old_offset));
  }
  out.report.old_path = fmt::format("{}@v{}", ledger.path, version - 1);
  for (const std::string& f : request.files) {
    out.report.new_path += (out.report.new_path.empty() ? "" : ", ") + f;
  }
  if (!after->io_error && !after->diags.has_errors() && !before->diags.has_errors()) {
    revise::Version old_version{before->program.get(), ProgramFiles(*before), old_offset};
    revise::Version new_version{after->program.get(), ProgramFiles(*after), 0};
    out.report.units = revise::CompareVersions(old_version, new_version, diags);
    out.compared = true;
  }
  for (const diag::Diagnostic& d : diags.diagnostics()) home.Adopt(d, merged);

  if (!day_ok || !sources || !after->model || home.diags.has_errors()) return out;
  if (!store->AddProgram(*sources, request.on, {request.by, RecordedAtNow(), false})) return out;
  if (!store->Commit()) return out;
  out.stored_version = version;
  return out;
}

std::string DescribeAdoption(const Adoption& adoption, const std::string& ledger_path) {
  std::string changes;
  for (const revise::UnitReport& u : adoption.report.units) {
    const revise::RuleChanges& c = u.changes;
    std::string rules;
    auto count = [&](size_t n, const char* what) {
      if (n > 0) rules += fmt::format("{}{} {}", rules.empty() ? "" : ", ", n, what);
    };
    count(c.amended.size(), "amended");
    count(c.added.size(), "added");
    count(c.removed.size(), "removed");
    count(c.replaced.size(), "replaced");
    count(c.renamed.size(), "renamed");
    count(c.retitled.size(), "retitled");
    if (!rules.empty()) rules = "rules: " + rules;
    if (!u.structure.empty()) {
      rules += fmt::format("{}{} other clause{}", rules.empty() ? "" : "; ", u.structure.size(),
                           u.structure.size() == 1 ? "" : "s");
    }
    const char* kind = u.kind == revise::OwnerKind::kCharter ? "charter" : "treaty";
    std::string unit;
    if (u.presence == revise::Presence::kOnlyNew) {
      unit = fmt::format("new {} `{}`", kind, u.name);
    } else if (u.presence == revise::Presence::kOnlyOld) {
      unit = fmt::format("dropped {} `{}`", kind, u.name);
    } else if (!rules.empty()) {
      unit = fmt::format("{} `{}` ({})", kind, u.name, rules);
    } else {
      continue;
    }
    changes += (changes.empty() ? "" : "; ") + unit;
  }
  return fmt::format("adopted program version {} of `{}` ({} file{}), in force from {}: {}",
                     *adoption.stored_version, ledger_path, adoption.file_count,
                     adoption.file_count == 1 ? "" : "s", adoption.on,
                     changes.empty() ? "no charter or treaty changed" : changes);
}

}  // namespace concord::ledger
