// The formatter's entry points: parse, lay out, print, and check the result
// before anyone sees it (the output must parse to the same tree and keep every
// comment; otherwise it is an internal error and nothing is written).
#include "compiler/format/format.h"

#include <fmt/format.h>

#include "compiler/diag/engine.h"
#include "compiler/format/layout.h"
#include "compiler/syntax/parser.h"

namespace concord::format {
namespace {

struct Parsed {
  syntax::SyntaxTree tree;
  diag::DiagnosticEngine diags;
};

std::unique_ptr<Parsed> Parse(const diag::SourceManager& sources, diag::FileId file) {
  auto parsed = std::make_unique<Parsed>();
  syntax::ParseOptions options;
  options.concrete = &parsed->tree;
  syntax::ParseFile(sources, file, parsed->diags, options);
  return parsed;
}

// A comment as the check compares it: line comments without trailing blanks.
std::string_view CommentText(std::string_view source, const syntax::Comment& c) {
  std::string_view text = source.substr(c.begin, c.end - c.begin);
  if (!c.block) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  }
  return text;
}

std::string Shorten(std::string_view text) {
  constexpr size_t kMax = 60;
  std::string out(text.substr(0, std::min(text.size(), kMax)));
  for (char& ch : out) {
    if (ch == '\n') ch = ' ';
  }
  if (text.size() > kMax) out += "...";
  return out;
}

// The first line where two structure dumps differ, for the diagnostic.
std::string FirstDifference(std::string_view a, std::string_view b) {
  size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  size_t line_start = a.substr(0, i).rfind('\n');
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  auto line_of = [&](std::string_view s) {
    if (line_start >= s.size()) return std::string("the end");
    size_t end = s.find('\n', line_start);
    std::string_view line =
        s.substr(line_start, end == std::string_view::npos ? end : end - line_start);
    size_t first = line.find_first_not_of(' ');
    return fmt::format("`{}`", first == std::string_view::npos ? line : line.substr(first));
  };
  return fmt::format("{} expected, found {}", line_of(a), line_of(b));
}

std::vector<diag::Diagnostic> Compare(const Parsed& original, std::string_view original_text,
                                      diag::FileId original_file, std::string_view formatted_text,
                                      const std::string& path) {
  diag::DiagnosticEngine problems;
  diag::SourceManager scratch;
  diag::FileId formatted_file = scratch.AddFile(path, std::string(formatted_text));
  std::unique_ptr<Parsed> formatted = Parse(scratch, formatted_file);
  if (formatted->diags.has_errors()) {
    std::vector<diag::Diagnostic> errors = formatted->diags.Sorted();
    problems.Report(diag::Code::E0090, {original_file, 0, 0},
                    fmt::format("does not parse: {}", errors.front().message));
    return problems.diagnostics();
  }
  std::string before = syntax::DumpStructure(original.tree.root, original_text);
  std::string after = syntax::DumpStructure(formatted->tree.root, formatted_text);
  if (before != after) {
    problems.Report(diag::Code::E0090, {original_file, 0, 0},
                    fmt::format("parses differently: {}", FirstDifference(before, after)));
  }
  const std::vector<syntax::Comment>& a = original.tree.comments;
  const std::vector<syntax::Comment>& b = formatted->tree.comments;
  for (size_t i = 0; i < a.size(); ++i) {
    std::string_view text = CommentText(original_text, a[i]);
    if (i < b.size() && CommentText(formatted_text, b[i]) == text) continue;
    problems.Report(diag::Code::E0091, {original_file, a[i].begin, a[i].end},
                    fmt::format("loses the comment `{}`", Shorten(text)));
    break;
  }
  if (b.size() > a.size()) {
    problems.Report(
        diag::Code::E0091, {original_file, 0, 0},
        fmt::format("adds the comment `{}`", Shorten(CommentText(formatted_text, b[a.size()]))));
  }
  return problems.diagnostics();
}

}  // namespace

FormatResult FormatFile(const diag::SourceManager& sources, diag::FileId file) {
  FormatResult result;
  std::unique_ptr<Parsed> parsed = Parse(sources, file);
  if (parsed->diags.has_errors()) {
    result.diagnostics = parsed->diags.Sorted();
    return result;
  }
  std::string_view text = sources.Text(file);
  std::string formatted = Print(LayOut(parsed->tree, text), kLineWidth);
  result.diagnostics = Compare(*parsed, text, file, formatted, sources.Path(file));
  if (!result.diagnostics.empty()) return result;
  result.ok = true;
  result.text = std::move(formatted);
  return result;
}

FormatResult FormatSource(std::string_view text, std::string_view path) {
  diag::SourceManager sources;
  diag::FileId file = sources.AddFile(std::string(path), std::string(text));
  return FormatFile(sources, file);
}

std::vector<diag::Diagnostic> CheckFormatting(const diag::SourceManager& sources,
                                              diag::FileId original_file,
                                              diag::FileId formatted_file) {
  std::unique_ptr<Parsed> original = Parse(sources, original_file);
  if (original->diags.has_errors()) return original->diags.Sorted();
  return Compare(*original, sources.Text(original_file), original_file,
                 sources.Text(formatted_file), sources.Path(original_file));
}

}  // namespace concord::format
