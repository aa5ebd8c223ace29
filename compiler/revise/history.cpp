// Newest commit first, so the walk can stop as soon as every rule has met the
// commit that last changed it: a charter with a long history and lively rules
// costs only the few versions that matter. Each version is parsed once, and
// only parsed: a rule's canonical body needs its tokens, not its types.
#include "compiler/revise/history.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "compiler/revise/rule_form.h"
#include "compiler/syntax/parser.h"

namespace concord::revise {
namespace {

// The rule forms of one committed version; none when it cannot be read (the
// commit deleted the file) or is not text, so every rule counts as changed there.
std::map<RuleKey, std::string> FormsAt(const GitFile& file, const FileCommit& commit) {
  std::string why;
  std::optional<std::string> text = ReadAtCommit(file, commit.hash, commit.path_in_repo, &why);
  // The loader's limits: binary (a NUL byte) or over 8 MiB is not a charter.
  if (!text || text->find('\0') != std::string::npos || text->size() > (8u << 20)) return {};
  diag::SourceManager sources;
  diag::FileId id = sources.AddFile(commit.path_in_repo, std::move(*text));
  diag::DiagnosticEngine ignored;  // the history's own errors are not this revision's
  ast::File parsed = syntax::ParseFile(sources, id, ignored);
  return RuleFormsOf(parsed, sources);
}

}  // namespace

Calcification FindCalcifiedRules(const GitFile& file, const sema::Program& program,
                                 const ast::File& main, int64_t calcified_after,
                                 diag::DiagnosticEngine& diags) {
  std::string why;
  std::optional<std::vector<FileCommit>> commits = FileHistory(file, &why);
  if (!commits) {
    diags.Report(diag::Code::E0080, {}, file.path_in_repo, why);
    return {};
  }
  std::map<RuleKey, std::string> now = RuleFormsOf(main, program.sources);

  // For each rule still open: the index (newest = 0) of the commit that last
  // changed it is found when an older commit has a different form.
  std::map<RuleKey, int64_t> changed_at;
  std::map<RuleKey, bool> open;
  for (const auto& [key, form] : now) open[key] = true;
  auto count = static_cast<int64_t>(commits->size());
  int64_t remaining = static_cast<int64_t>(open.size());
  for (int64_t j = 0; j < count && remaining > 0; ++j) {
    std::map<RuleKey, std::string> then = FormsAt(file, (*commits)[static_cast<size_t>(j)]);
    for (auto& [key, is_open] : open) {
      if (!is_open) continue;
      auto it = then.find(key);
      if (it != then.end() && it->second == now.at(key)) continue;
      changed_at[key] = j - 1;  // -1: the working tree changed it
      is_open = false;
      --remaining;
    }
  }
  for (const auto& [key, is_open] : open) {
    if (is_open) changed_at[key] = count - 1;  // unchanged since the first commit
  }

  // Report in source order, at the rule's name.
  struct Found {
    CalcifiedRule rule;
    diag::SourceRange range;
  };
  std::vector<Found> found;
  auto visit = [&](OwnerKind kind, const std::string& owner, const std::vector<ast::Rule>& rules) {
    for (const ast::Rule& r : rules) {
      auto it = changed_at.find(RuleKey{kind, owner, r.name.name});
      if (it == changed_at.end() || it->second < 0 || it->second < calcified_after) continue;
      const FileCommit& since = (*commits)[static_cast<size_t>(it->second)];
      found.push_back(
          {{kind, owner, r.name.name, it->second, since.hash, since.date}, r.name.range});
      changed_at.erase(it);  // a duplicate rule name is reported once
    }
  };
  for (const ast::CharterDecl& c : main.charters) visit(OwnerKind::kCharter, c.name.name, c.rules);
  for (const ast::TreatyDecl& t : main.treaties) visit(OwnerKind::kTreaty, t.name.name, t.rules);

  Calcification out;
  out.commits = count;
  for (Found& f : found) {
    const CalcifiedRule& c = f.rule;
    diags
        .Report(diag::Code::L110, f.range, c.rule, c.revisions, c.since_commit.substr(0, 7),
                c.since_date)
        .WithNote(fmt::format("{} commits have touched this file since then; the limit is {}",
                              c.revisions, calcified_after))
        .WithHelp(
            "rules calcify when no revision questions them: amend, replace or remove it at "
            "a coming revision");
    out.rules.push_back(std::move(f.rule));
  }
  return out;
}

}  // namespace concord::revise
