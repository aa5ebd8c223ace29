// `concord revise OLD NEW` and `concord revise --git REV FILE`: the burn and
// rewrite ritual as a check. This file gets the two versions (from disk or
// from git), compiles both with the same pipeline as `concord check`, hands
// them to compiler/revise/ and decides what is printed and the exit code:
// 0 every quota met and the new version clean, 1 a quota missed or errors in
// either version, 2 usage, I/O or git errors. docs/reference-revise.md.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

#include "compiler/diag/render.h"
#include "compiler/driver/cli.h"
#include "compiler/driver/commands.h"
#include "compiler/pipeline/pipeline.h"
#include "compiler/revise/compare.h"
#include "compiler/revise/git.h"
#include "compiler/revise/history.h"
#include "compiler/revise/merged_sources.h"
#include "compiler/revise/render.h"

namespace concord::driver {
namespace {

namespace fs = std::filesystem;
using diag::Code;

struct ReviseOptions {
  std::vector<std::string> files;
  std::string git_revision;  // empty without --git
  int64_t calcified_after = 6;
  OutputOptions output;
};

// The old version when it comes from git: its text, and the overlays that
// give every file of it the text it had in that commit.
struct GitSource {
  revise::GitFile file;
  std::string commit;
  std::string text;
};

// The file the user named, not one it imports.
const ast::File* MainFile(const pipeline::Compilation& c, const std::string& path) {
  for (size_t i = 0; i < c.program->files.size(); ++i) {
    const ast::File& f = *c.program->files[i];
    if (!c.program->is_stdlib[i] && c.program->sources.Path(f.id) == path) return &f;
  }
  return nullptr;
}

std::string PathInRepo(const revise::GitFile& git, const std::string& path) {
  std::error_code ec;
  fs::path relative =
      fs::weakly_canonical(path, ec).lexically_relative(fs::weakly_canonical(git.toplevel, ec));
  if (ec || relative.empty() || *relative.begin() == "..") return {};
  return relative.generic_string();
}

// Compiles the old version as it was in the commit: the file from git, and
// each file it imports from the same commit when git has it there (imports
// are discovered by compiling, so this repeats until no new one turns up).
// `shown` maps each display path taken from git to `REV:PATH`.
std::unique_ptr<pipeline::Compilation> CompileAtCommit(const GitSource& git,
                                                       const std::string& path,
                                                       const std::string& revision,
                                                       std::map<std::string, std::string>& shown) {
  pipeline::CompileOptions options;
  options.load.overlays.push_back({path, git.text});
  shown[path] = revision + ":" + git.file.path_in_repo;
  std::set<std::string> tried = {path};
  // Each round can only add imports of files added in the round before; eight
  // rounds is deeper than any import chain worth following.
  for (int round = 0; round < 8; ++round) {
    std::unique_ptr<pipeline::Compilation> c = pipeline::Compile({path}, options);
    bool more = false;
    for (size_t i = 0; i < c->program->files.size(); ++i) {
      if (c->program->is_stdlib[i]) continue;
      const std::string& display = c->program->sources.Path(c->program->files[i]->id);
      if (!tried.insert(display).second) continue;
      std::string in_repo = PathInRepo(git.file, display);
      std::string why;
      std::optional<std::string> text =
          in_repo.empty() ? std::nullopt
                          : revise::ReadAtCommit(git.file, git.commit, in_repo, &why);
      if (!text) continue;
      std::error_code ec;
      options.load.overlays.push_back({fs::weakly_canonical(display, ec).string(), *text});
      shown[display] = revision + ":" + in_repo;
      more = true;
    }
    if (!more) return c;
  }
  return pipeline::Compile({path}, options);
}

// `compared` is false when the versions could not be compared (a missing
// file, a git error): then the human output is only the diagnostics, and the
// JSON and SARIF documents have no charters.
int Emit(const revise::RevisionReport& r, bool compared, const diag::DiagnosticEngine& diags,
         const diag::SourceManager& sources, const ReviseOptions& options, int exit_code) {
  std::vector<diag::Diagnostic> sorted = diags.Sorted();
  switch (options.output.format) {
    case Format::kHuman: {
      if (compared) {
        std::string text = revise::RenderReportHuman(r);
        if (exit_code == kExitOk) {
          text += fmt::format("\nok: `{}` checks clean and no quota was missed\n", r.new_path);
        }
        std::fputs(text.c_str(), stdout);
      }
      bool colour = UseColour(options.output.colour);
      std::string err = diag::RenderHuman(sorted, sources, colour);
      err += diag::RenderSummary(sorted, Subject({options.files.back()}), colour, "revise");
      std::fputs(err.c_str(), stderr);
      break;
    }
    case Format::kJson:
      std::fputs(revise::RenderReportJson(r, sorted, sources).c_str(), stdout);
      break;
    case Format::kSarif:
      std::fputs(revise::RenderReportSarif(r, sorted, sources, CONCORD_VERSION).c_str(), stdout);
      break;
  }
  std::fflush(stdout);
  std::fflush(stderr);
  return exit_code;
}

// An error of the old version that the new one reports too (same code, same
// message: an unchanged imported file, or a problem the revision did not fix)
// is shown once, where it can still be fixed.
std::string Key(const diag::Diagnostic& d) {
  return fmt::format("{}|{}", static_cast<int>(d.code), d.message);
}

int RunRevise(const ReviseOptions& options) {
  bool git = !options.git_revision.empty();
  size_t wanted = git ? 1 : 2;
  if (options.files.size() != wanted) {
    std::fprintf(stderr,
                 git ? "error: `concord revise --git REV` takes one FILE, got %zu\n"
                     : "error: `concord revise` takes OLD and NEW, got %zu file%s\n",
                 options.files.size(), options.files.size() == 1 ? "" : "s");
    std::fputs(
        "  = help: concord revise OLD.concord NEW.concord, or concord revise --git REV "
        "FILE.concord\n",
        stderr);
    return kExitUsage;
  }
  const std::string& new_path = options.files.back();
  if (new_path == "-" && (git || options.files.front() == "-")) {
    std::fputs(git ? "error: `--git` needs a file in a git working tree, not `-`\n"
                   : "error: standard input can be only one of OLD and NEW\n",
               stderr);
    return kExitUsage;
  }

  revise::RevisionReport report;
  report.new_path = new_path;
  diag::SourceManager no_sources;
  diag::DiagnosticEngine early;
  std::optional<GitSource> git_source;
  std::error_code ec;
  if (git && !fs::exists(new_path, ec)) {
    git = false;  // nothing to ask git about: the loader reports the missing file (E0001)
    report.old_path = new_path;
  } else if (git) {
    std::string why;
    std::optional<revise::GitFile> file = revise::LocateInGit(new_path, &why);
    if (!file) {
      early.Report(Code::E0080, {}, new_path, why)
          .WithHelp("`--git` compares a file in a git working tree with one of its commits");
      return Emit(report, false, early, no_sources, options, kExitUsage);
    }
    report.old_path = options.git_revision + ":" + file->path_in_repo;
    report.git_revision = options.git_revision;
    std::optional<std::string> commit = revise::ResolveCommit(*file, options.git_revision, &why);
    std::optional<std::string> text;
    if (commit) text = revise::ReadAtCommit(*file, *commit, file->path_in_repo, &why);
    if (text && text->size() > pipeline::LoadOptions().max_file_bytes) {
      why = fmt::format("the file is {} bytes there, more than the limit of {} bytes", text->size(),
                        pipeline::LoadOptions().max_file_bytes);
      text.reset();
    }
    if (!text) {
      early.Report(Code::E0081, {}, file->path_in_repo, options.git_revision, why)
          .WithHelp(commit ? "choose a revision in which the file is committed (see `git log -- "
                             "FILE`)"
                           : "name a commit, branch or tag, such as `HEAD~1` or `main`");
      return Emit(report, false, early, no_sources, options, kExitUsage);
    }
    git_source = GitSource{*file, *commit, std::move(*text)};
    report.git_commit = *commit;
  } else if (report.old_path.empty()) {
    report.old_path = options.files.front();
  }

  // Both versions, compiled by the same pipeline as `concord check`.
  std::unique_ptr<pipeline::Compilation> after = pipeline::Compile({new_path});
  std::map<std::string, std::string> shown;  // old display path -> how it is shown
  std::unique_ptr<pipeline::Compilation> before =
      git ? CompileAtCommit(*git_source, new_path, options.git_revision, shown)
          : pipeline::Compile({report.old_path});

  diag::SourceManager sources;
  revise::AppendFiles(after->program->sources, sources, [](const std::string& p) { return p; });
  diag::FileId old_offset =
      revise::AppendFiles(before->program->sources, sources, [&](const std::string& p) {
        auto it = shown.find(p);
        return it == shown.end() ? p : it->second;
      });
  diag::DiagnosticEngine diags;
  std::set<std::string> reported;
  for (const diag::Diagnostic& d : after->diags.diagnostics()) {
    diags.Add(d);
    reported.insert(Key(d));
  }
  // The old version's errors matter (its quota may not mean what it says);
  // its warnings are about text that this revision has already replaced.
  for (const diag::Diagnostic& d : before->diags.diagnostics()) {
    if (d.severity != diag::Severity::Error) continue;
    if (reported.count(Key(d))) continue;
    diags.Add(revise::Shifted(d, old_offset));
  }
  if (after->io_error || before->io_error) {
    return Emit(report, false, diags, sources, options, kExitUsage);
  }

  const ast::File* new_main = MainFile(*after, new_path);
  const ast::File* old_main = MainFile(*before, git ? new_path : report.old_path);
  if (!new_main || !old_main) {  // not text: the loader has said why
    return Emit(report, false, diags, sources, options, kExitInputErrors);
  }
  revise::Version old_version{before->program.get(), {old_main}, old_offset};
  revise::Version new_version{after->program.get(), {new_main}, 0};
  report.units = revise::CompareVersions(old_version, new_version, diags);

  if (git) {
    revise::Calcification history = revise::FindCalcifiedRules(
        git_source->file, *after->program, *new_main, options.calcified_after, diags);
    report.history_checked = true;
    report.history_commits = history.commits;
    report.calcified_after = options.calcified_after;
    report.calcified = std::move(history.rules);
  }
  return Emit(report, true, diags, sources, options,
              diags.has_errors() ? kExitInputErrors : kExitOk);
}

}  // namespace

CLI::App* AddReviseCommand(CLI::App& app, std::function<int()>* run) {
  auto options = std::make_shared<ReviseOptions>();
  CLI::App* cmd = app.add_subcommand(
      "revise",
      "Compare two versions of a charter: which rules were amended, removed, added or replaced, "
      "whether that meets the revision quota, and whether the new version still checks");
  cmd->add_option("files", options->files,
                  "OLD.concord NEW.concord, or with --git the one FILE.concord")
      ->required()
      ->expected(1, 2);
  CLI::Option* git = cmd->add_option("--git", options->git_revision,
                                     "Compare FILE with its text at git revision REV")
                         ->type_name("REV");
  cmd->add_option("--calcified-after", options->calcified_after,
                  "With --git, warn (L110) about rules no commit has changed in N revisions")
      ->type_name("N")
      ->check(CLI::Range(int64_t{1}, int64_t{1000000}))
      ->default_str("6")
      ->needs(git);
  AddOutputOptions(cmd, options->output);
  *run = [options] { return RunRevise(*options); };
  return cmd;
}

}  // namespace concord::driver
