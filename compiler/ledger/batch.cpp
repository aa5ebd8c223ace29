// Parsing what `concord record` is given; see batch.h.
#include "compiler/ledger/batch.h"

#include <fmt/format.h>

#include <algorithm>
#include <regex>

#include "compiler/syntax/event_line.h"
#include "compiler/syntax/parser.h"

namespace concord::ledger {
using diag::Code;

namespace {

// The synthetic scenario around the input. The name cannot clash with
// anything: the batch is parsed on its own, never checked against names.
constexpr std::string_view kPrefix = "scenario recorded_batch {\n";
constexpr std::string_view kSuffix = "\n}\n";

}  // namespace

diag::SourceRange Remap(diag::SourceRange r, diag::FileId from, uint32_t prefix, uint32_t length,
                        diag::FileId to) {
  if (r.file != from) return r;
  auto move = [&](uint32_t offset) {
    uint32_t inside = offset < prefix ? 0 : offset - prefix;
    return std::min(inside, length);
  };
  return {to, move(r.begin), move(r.end)};
}

void RemapDiagnostic(diag::Diagnostic& d, diag::FileId from, uint32_t prefix, uint32_t length,
                     diag::FileId to) {
  d.range = Remap(d.range, from, prefix, length, to);
  for (diag::Label& l : d.labels) l.range = Remap(l.range, from, prefix, length, to);
  for (diag::Note& n : d.notes) n.range = Remap(n.range, from, prefix, length, to);
  for (diag::FixIt& f : d.fixits) f.range = Remap(f.range, from, prefix, length, to);
}

namespace {

// The provenance comments of an exported history. Comments are not part of
// the syntax tree, so they are read from the lines themselves; a line that
// does not match exactly is an ordinary comment.
std::vector<BatchMark> ReadMarks(std::string_view text) {
  static const std::regex kMark(
      R"(^[ \t]*// batch [0-9]+ by (.+) at ([0-9TZ:-]+)( \(correction\))?[ \t]*$)");
  std::vector<BatchMark> marks;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(at, end - at));
    std::smatch m;
    if (std::regex_match(line, m, kMark)) {
      marks.push_back({static_cast<uint32_t>(at), {m[1].str(), m[2].str(), m[3].matched}});
    }
    at = end + 1;
  }
  return marks;
}

// The common batch, one `on DATE EVENT` a line, read line by line as event
// files are (syntax::ParseEventLine), without a parse tree of the whole
// batch. Nullopt when any line is something else (a `members` line, an event
// over several lines, a mistake): the full parse then reads the batch and
// gives the diagnostics.
std::optional<std::vector<BatchItem>> EventLines(const diag::SourceManager& sources,
                                                 diag::FileId input) {
  std::string_view text = sources.Text(input);
  std::vector<BatchItem> items;
  diag::DiagnosticEngine scratch;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(begin, end - begin);
    size_t first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && !line.substr(first).starts_with("//")) {
      if (!line.substr(first).starts_with("on ")) return std::nullopt;
      auto event = syntax::ParseEventLine(sources, input, static_cast<uint32_t>(begin),
                                          static_cast<uint32_t>(end), scratch);
      if (!event || scratch.has_errors()) return std::nullopt;
      items.push_back({false, event->date.value.ToString(),
                       std::string(sources.Slice(event->range)), event->range});
    }
    begin = end + 1;
  }
  if (items.empty()) return std::nullopt;
  return items;
}

}  // namespace

ParsedBatch ParseBatch(diag::SourceManager& sources, diag::FileId input, const Settings& settings,
                       InputForm form, diag::DiagnosticEngine& diags) {
  const std::string& ledger_start = settings.start;
  bool body = form == InputForm::kBody;
  if (body) {
    if (auto items = EventLines(sources, input)) {
      ParsedBatch out;
      out.items = std::move(*items);
      out.ok = true;
      return out;
    }
  }
  std::string text(sources.Text(input));
  auto length = static_cast<uint32_t>(text.size());
  auto prefix = static_cast<uint32_t>(body ? kPrefix.size() : 0);
  diag::FileId wrapped = body ? sources.AddFile(sources.Path(input),
                                                std::string(kPrefix) + text + std::string(kSuffix))
                              : input;
  diag::DiagnosticEngine parse_diags;
  ast::File file = syntax::ParseFile(sources, wrapped, parse_diags);
  for (diag::Diagnostic d : parse_diags.diagnostics()) {
    RemapDiagnostic(d, wrapped, prefix, length, input);
    diags.Add(std::move(d));
  }
  ParsedBatch out;
  if (parse_diags.has_errors()) return out;
  auto here = [&](diag::SourceRange r) { return Remap(r, wrapped, prefix, length, input); };
  size_t refused = 0;
  auto refuse = [&](diag::SourceRange r, const std::string& what, const std::string& why) {
    diags.Report(Code::E0276, here(r), what, why);
    ++refused;
  };
  // Text after a `}` that closes the synthetic scenario early parses as
  // declarations of its own; none of them is an event.
  for (const ast::Import& i : file.imports) refuse(i.range, "an import", "it is not an event");
  for (const ast::CharterDecl& c : file.charters)
    refuse(c.name.range, "a charter", "the program is changed with `concord ledger adopt`");
  for (const ast::TreatyDecl& t : file.treaties)
    refuse(t.name.range, "a treaty", "the program is changed with `concord ledger adopt`");
  for (const ast::ConcordDecl& c : file.concords)
    refuse(c.name.range, "a concord", "it is not an event");
  for (const ast::FnDecl& f : file.fns) refuse(f.name.range, "a function", "it is not an event");
  if (!body && file.scenarios.size() != 1) {
    diags.Report(Code::E0280, {input, 0, 0}, sources.Path(input), file.scenarios.size())
        .WithHelp("write the history with `concord ledger export`");
    return out;
  }
  for (size_t i = 1; i < file.scenarios.size(); ++i)
    refuse(file.scenarios[i].name.range, "a scenario", "record its events without it");
  if (file.scenarios.empty()) return out;
  const ast::ScenarioDecl& s = file.scenarios.front();
  const char* setting = "it is a setting of the ledger, chosen by `concord ledger init`";
  if (body) {
    if (s.seed) refuse(s.seed->range, "`seed`", setting);
    if (s.start) refuse(s.start->range, "`start`", setting);
    if (s.run_until)
      refuse(s.run_until->range, "`run until`", "a ledger plays to its last event or `--on` date");
  } else {
    out.marks = ReadMarks(text);
    if (!s.seed || s.seed->value != settings.seed) {
      refuse(s.seed ? s.seed->range : s.name.range, "this history",
             fmt::format("the ledger's seed is \"{}\"", settings.seed));
    }
    if (!s.start || s.start->value.ToString() != settings.start) {
      refuse(s.start ? s.start->range : s.name.range, "this history",
             fmt::format("the ledger starts on {}", settings.start));
    }
  }
  for (const ast::Expectation& x : s.expectations)
    refuse(x.range, "an `expect` line", "expectations belong to tests; see `concord status`");
  for (const ast::MembersDecl& m : s.members) {
    out.items.push_back({true, ledger_start, std::string(sources.Slice(m.range)), here(m.range)});
  }
  for (const ast::Event& e : s.events) {
    out.items.push_back(
        {false, e.date.value.ToString(), std::string(sources.Slice(e.range)), here(e.range)});
  }
  std::stable_sort(out.items.begin(), out.items.end(), [](const BatchItem& a, const BatchItem& b) {
    return a.input.begin < b.input.begin;
  });
  if (refused == 0 && out.items.empty() && body) {
    diags.Report(Code::E0281, {input, 0, 0}, "the input holds no event");
    return out;
  }
  out.ok = refused == 0;
  return out;
}

}  // namespace concord::ledger
