// Finding allow comments and applying them. The scanner mirrors the lexer's
// rules (grammar/Concord.g4): strings end at a closing quote or at the end of
// their line and `\` escapes one character; block comments do not nest.
#include "compiler/lint/suppression.h"

#include <fmt/format.h>

#include <cctype>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

#include "compiler/lint/config.h"

namespace concord::lint {
namespace {

constexpr std::string_view kMarker = "concord:";
constexpr std::string_view kAllow = "allow";

bool IsBlank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f';
}

// `L101`, `l101`, `E0201`: a letter and digits. Deciding whether it names a
// lint is left to ApplySuppressions, so a misused code is reported rather
// than read as part of the reason.
bool LooksLikeCode(std::string_view word) {
  if (word.size() < 2 || !std::isalpha(static_cast<unsigned char>(word[0]))) return false;
  for (char c : word.substr(1)) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// Parses the body of a line comment (after `//`, at `body_offset` in the file).
std::optional<Suppression> ParseComment(diag::FileId file, std::string_view body,
                                        uint32_t body_offset) {
  size_t i = 0;
  auto skip_blanks = [&] {
    while (i < body.size() && IsBlank(body[i])) ++i;
  };
  skip_blanks();
  if (body.substr(i, kMarker.size()) != kMarker) return std::nullopt;
  i += kMarker.size();
  skip_blanks();
  if (body.substr(i, kAllow.size()) != kAllow) return std::nullopt;
  i += kAllow.size();
  // `// concord: allowed ...` is prose, not a directive.
  if (i < body.size() && !IsBlank(body[i]) && body[i] != ',') return std::nullopt;

  Suppression s;
  while (true) {
    while (i < body.size() && (IsBlank(body[i]) || body[i] == ',')) ++i;
    size_t start = i;
    while (i < body.size() && !IsBlank(body[i]) && body[i] != ',') ++i;
    std::string_view word = body.substr(start, i - start);
    if (!LooksLikeCode(word)) break;
    std::string name(word);
    for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    uint32_t begin = body_offset + static_cast<uint32_t>(start);
    s.codes.push_back({std::move(name), {file, begin, begin + static_cast<uint32_t>(word.size())}});
  }
  return s;
}

}  // namespace

std::vector<Suppression> ScanSuppressions(diag::FileId file, std::string_view text) {
  std::vector<Suppression> out;
  uint32_t line = 1;
  size_t line_start = 0;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '\n') {
      ++line;
      line_start = ++i;
    } else if (c == '"') {
      // A string: ends at its quote or, unterminated, at the end of the line.
      ++i;
      while (i < text.size() && text[i] != '"' && text[i] != '\n') {
        i += (text[i] == '\\' && i + 1 < text.size() && text[i + 1] != '\n') ? 2 : 1;
      }
      if (i < text.size() && text[i] == '"') ++i;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      size_t close = text.find("*/", i + 2);
      size_t end = close == std::string_view::npos ? text.size() : close + 2;
      for (size_t k = i; k < end; ++k) {
        if (text[k] == '\n') {
          ++line;
          line_start = k + 1;
        }
      }
      i = end;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      size_t end = text.find('\n', i);
      if (end == std::string_view::npos) end = text.size();
      std::string_view body = text.substr(i + 2, end - i - 2);
      if (auto s = ParseComment(file, body, static_cast<uint32_t>(i + 2))) {
        s->range = {file, static_cast<uint32_t>(i), static_cast<uint32_t>(end)};
        s->line = line;
        s->own_line = true;
        for (size_t k = line_start; k < i; ++k) {
          if (!IsBlank(text[k])) s->own_line = false;
        }
        out.push_back(std::move(*s));
      }
      i = end;
    } else {
      ++i;
    }
  }
  return out;
}

namespace {

// Why an allow comment's code suppressed nothing, and what to do, for L100.
struct Unused {
  std::string why;
  std::string help;
};

Unused WhyUnused(const SuppressedCode& code, bool own_line) {
  std::string which_codes =
      "only lints (L1xx) can be allowed; `concord explain L101` describes one";
  std::optional<diag::Code> known = diag::CodeFromName(code.name);
  if (!known) return {fmt::format("`{}` is not a diagnostic code", code.name), which_codes};
  if (!IsConfigurable(*known)) {
    return {fmt::format("`{}` is an error, not a lint", code.name), which_codes};
  }
  return {
      fmt::format("no {} warning starts on this line{}", code.name, own_line ? " or the next" : ""),
      "an allow comment covers the warnings that start on its line, and on the next line "
      "when it stands alone on its line; remove it, or move it there"};
}

}  // namespace

void ApplySuppressions(const sema::Program& program, diag::DiagnosticEngine& diags) {
  const diag::SourceManager& sources = program.sources;
  // Allow comments of the user's files, by file id; the standard library is
  // never linted, so its comments have nothing to do.
  std::vector<std::vector<Suppression>> by_file(sources.file_count());
  for (size_t i = 0; i < program.files.size(); ++i) {
    if (program.is_stdlib[i]) continue;
    diag::FileId id = program.files[i]->id;
    if (id < by_file.size()) by_file[id] = ScanSuppressions(id, sources.Text(id));
  }

  // (file, index of the comment, index of the code) that dropped something.
  std::set<std::tuple<diag::FileId, size_t, size_t>> used;
  std::vector<diag::Diagnostic> kept;
  for (const diag::Diagnostic& d : diags.diagnostics()) {
    bool dropped = false;
    if (IsConfigurable(d.code) && d.code != diag::Code::L100 && d.range.valid() &&
        d.range.file < by_file.size()) {
      uint32_t line = sources.Position(d.range.file, d.range.begin).line;
      std::string_view name = diag::Info(d.code).name;
      const std::vector<Suppression>& comments = by_file[d.range.file];
      for (size_t s = 0; s < comments.size(); ++s) {
        if (!comments[s].Covers(line)) continue;
        for (size_t k = 0; k < comments[s].codes.size(); ++k) {
          if (comments[s].codes[k].name != name) continue;
          used.insert({d.range.file, s, k});
          dropped = true;
        }
      }
    }
    if (!dropped) kept.push_back(d);
  }

  diags.Clear();
  for (diag::Diagnostic& d : kept) diags.Add(std::move(d));
  for (diag::FileId file = 0; file < by_file.size(); ++file) {
    for (size_t s = 0; s < by_file[file].size(); ++s) {
      const Suppression& comment = by_file[file][s];
      if (comment.codes.empty()) {
        diags.Report(diag::Code::L100, comment.range, "it names no lint code")
            .WithHelp("write the codes right after `allow`: `// concord: allow L101, L104`");
        continue;
      }
      for (size_t k = 0; k < comment.codes.size(); ++k) {
        if (used.count({file, s, k})) continue;
        Unused unused = WhyUnused(comment.codes[k], comment.own_line);
        diags.Report(diag::Code::L100, comment.codes[k].range, unused.why)
            .WithHelp(std::move(unused.help));
      }
    }
  }
}

}  // namespace concord::lint
