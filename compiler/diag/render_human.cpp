// Diagnostics as text for a person at a terminal, in the style of rustc and
// clang:
//
//   charter.concord:7:25: error[C002]: exit is real: notice of at most 30 days
//     |
//   7 |     exit anytime notice 60 days
//     |                         ^^^^^^^
//     |
//     = help: a member must be able to leave within 30 days
//
// Carets are placed by display cell, not by byte: a code point is one cell and
// a tab runs to the next multiple of kTabWidth, in the source line and in the
// underline alike, so an en dash or a tab never shifts the underline. Control
// characters, bidirectional overrides and invalid UTF-8 in a source line are
// shown as U+FFFD, so quoting a hostile file can neither drive the terminal nor
// make the displayed line read differently from what the compiler parsed.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/diag/render.h"

namespace concord::diag {
namespace {

constexpr uint32_t kTabWidth = 4;
// Quoted source text longer than this is not repeated in a fix-it's wording.
constexpr size_t kMaxQuotedCodePoints = 40;
constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kRed = "\x1b[1;31m";
constexpr std::string_view kYellow = "\x1b[1;33m";
constexpr std::string_view kGreen = "\x1b[1;32m";
constexpr std::string_view kBlue = "\x1b[1;34m";
constexpr std::string_view kCyan = "\x1b[1;36m";

// Wraps text in an ANSI style when colour is on; otherwise passes it through,
// so the plain output never contains an escape byte.
class Painter {
 public:
  explicit Painter(bool colour) : colour_(colour) {}
  std::string operator()(std::string_view style, std::string_view text) const {
    if (!colour_ || text.empty()) return std::string(text);
    return fmt::format("{}{}{}", style, text, kReset);
  }

 private:
  bool colour_;
};

std::string_view SeverityStyle(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return kRed;
    case Severity::Warning:
      return kYellow;
    case Severity::Note:
      return kCyan;
  }
  return kRed;
}

bool IsContinuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

// Decodes one well-formed UTF-8 sequence (the whole of `unit`), or returns
// nullopt when it is malformed, overlong or a surrogate.
std::optional<char32_t> DecodeUnit(std::string_view unit) {
  auto b = [&](size_t i) { return static_cast<unsigned char>(unit[i]); };
  unsigned char lead = b(0);
  size_t len = lead < 0x80                    ? 1
               : lead >= 0xC2 && lead <= 0xDF ? 2
               : lead >= 0xE0 && lead <= 0xEF ? 3
               : lead >= 0xF0 && lead <= 0xF4 ? 4
                                              : 0;
  if (len == 0 || unit.size() != len) return std::nullopt;
  if (len == 1) return lead;
  if (lead == 0xE0 && b(1) < 0xA0) return std::nullopt;   // overlong
  if (lead == 0xED && b(1) >= 0xA0) return std::nullopt;  // surrogate
  if (lead == 0xF0 && b(1) < 0x90) return std::nullopt;   // overlong
  if (lead == 0xF4 && b(1) >= 0x90) return std::nullopt;  // beyond U+10FFFF
  char32_t cp = lead & (0x7F >> len);
  for (size_t i = 1; i < len; ++i) cp = (cp << 6) | (b(i) & 0x3F);
  return cp;
}

// Code points that would change how the terminal or the reader interprets the
// rest of the line.
bool IsUnsafeToDisplay(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F;
}

// A source line as it is printed, with the display cell of every byte.
struct DisplayLine {
  std::string text;
  // cell_at[i] is the 0-based cell where byte i is drawn; one more entry than
  // bytes, for the position just past the end.
  std::vector<uint32_t> cell_at;
};

// Lines longer than this many bytes are shown as a window around the
// annotation, so a minified or generated one-line file does not print
// megabytes per diagnostic.
constexpr size_t kMaxShownBytes = 240;

DisplayLine PrepareLine(std::string_view line, size_t focus = 0) {
  DisplayLine out;
  out.cell_at.assign(line.size() + 1, 0);
  uint32_t cell = 0;
  size_t i = 0;
  size_t stop = line.size();
  if (line.size() > kMaxShownBytes) {
    size_t start = focus > kMaxShownBytes / 4 ? focus - kMaxShownBytes / 4 : 0;
    while (start > 0 && start < line.size() &&
           IsContinuation(static_cast<unsigned char>(line[start]))) {
      --start;
    }
    stop = std::min(line.size(), start + kMaxShownBytes);
    while (stop < line.size() && IsContinuation(static_cast<unsigned char>(line[stop]))) ++stop;
    if (start > 0) {
      out.text += "...";
      cell = 3;
    }
    for (size_t k = 0; k < start; ++k) out.cell_at[k] = cell;
    i = start;
  }
  while (i < stop) {
    // A unit is one lead byte and its continuation bytes, the same grouping
    // SourceManager uses to count columns.
    size_t len = 1;
    while (i + len < line.size() && IsContinuation(static_cast<unsigned char>(line[i + len]))) {
      ++len;
    }
    for (size_t k = 0; k < len; ++k) out.cell_at[i + k] = cell;
    std::string_view unit = line.substr(i, len);
    if (unit == "\t") {
      uint32_t width = kTabWidth - cell % kTabWidth;
      out.text.append(width, ' ');
      cell += width;
    } else {
      std::optional<char32_t> cp = DecodeUnit(unit);
      out.text += cp && !IsUnsafeToDisplay(*cp) ? unit : kReplacementChar;
      cell += 1;
    }
    i += len;
  }
  for (size_t k = stop; k <= line.size(); ++k) out.cell_at[k] = cell;
  if (stop < line.size()) out.text += "...";
  return out;
}

size_t CountCodePoints(std::string_view text) {
  return std::count_if(text.begin(), text.end(),
                       [](char c) { return !IsContinuation(static_cast<unsigned char>(c)); });
}

size_t Digits(uint32_t n) {
  return fmt::formatted_size("{}", n);
}

// Where a range sits for underlining: on the line where it begins, and on which
// line it ends. A range that stops right after a line break ends on the line
// before, since nothing of the next line is covered.
struct Placement {
  uint32_t line = 1;
  uint32_t end_line = 1;
  uint32_t begin_in_line = 0;  // byte offsets into LineText(line)
  uint32_t end_in_line = 0;
};

Placement Place(const SourceManager& sources, SourceRange range) {
  Placement p;
  uint32_t size = static_cast<uint32_t>(sources.Text(range.file).size());
  uint32_t begin = std::min(range.begin, size);
  uint32_t end = std::clamp(range.end, begin, size);
  p.line = sources.Position(range.file, begin).line;
  p.end_line = sources.Position(range.file, end).line;
  if (p.end_line > p.line && end == sources.LineStart(range.file, p.end_line)) --p.end_line;
  uint32_t start = sources.LineStart(range.file, p.line);
  uint32_t length = static_cast<uint32_t>(sources.LineText(range.file, p.line).size());
  p.begin_in_line = std::min(begin - start, length);
  p.end_in_line = p.end_line == p.line ? std::clamp(end - start, p.begin_in_line, length) : length;
  return p;
}

std::string Location(const SourceManager& sources, SourceRange range) {
  LineColumn pos = sources.Position(range.file, range.begin);
  return fmt::format("{}:{}:{}", sources.Path(range.file), pos.line, pos.column);
}

// One underlined range inside a snippet.
struct Annotation {
  SourceRange range;
  std::string_view message;
  char mark;
  std::string_view style;
};

// Writes the parts of one diagnostic; `gutter_` is the width of the widest line
// number it shows, so every snippet of the diagnostic lines up.
class BlockWriter {
 public:
  BlockWriter(const SourceManager& sources, bool colour, size_t gutter)
      : sources_(sources), paint_(colour), pad_(gutter, ' ') {}

  std::string& out() { return out_; }

  void EmptyGutter() { out_ += paint_(kBlue, pad_ + " |") + "\n"; }

  void SourceLine(uint32_t line, std::string_view text) {
    std::string number = fmt::format("{:>{}}", line, pad_.size());
    out_ += paint_(kBlue, number + " |");
    if (!text.empty()) out_ += fmt::format(" {}", text);
    out_ += "\n";
  }

  void MarkRow(uint32_t from_cell, uint32_t to_cell, char mark, std::string_view style,
               std::string_view message) {
    uint32_t width = std::max<uint32_t>(1, to_cell - from_cell);
    out_ += paint_(kBlue, pad_ + " |") + " " + std::string(from_cell, ' ');
    out_ += paint_(style, std::string(width, mark));
    if (!message.empty()) out_ += " " + paint_(style, message);
    out_ += "\n";
  }

  // `= note: ...`; continuation lines of a multi-line text stay aligned.
  void Footer(std::string_view kind, std::string_view kind_style, std::string_view text) {
    std::string indent = pad_ + " ";
    out_ += indent + paint_(kBlue, "=") + " " + paint_(kind_style, std::string(kind) + ":");
    if (!text.empty()) out_ += " ";
    std::string continuation = "\n" + indent + std::string(kind.size() + 4, ' ');
    for (char c : text) {
      if (c == '\n') {
        out_ += continuation;
      } else {
        out_ += c;
      }
    }
    out_ += "\n";
  }

  // `--> path:line:col` or `::: path:line:col` before a snippet that is not
  // in the file of the header.
  void Arrow(std::string_view arrow, std::string_view location) {
    out_ += pad_ + paint_(kBlue, arrow) + " " + std::string(location) + "\n";
  }

  // Source lines of one file with their underlines, in line order. Lines one
  // apart are both shown; a longer gap is elided as "...".
  void Snippet(FileId file, const std::vector<Annotation>& annotations) {
    std::map<uint32_t, std::vector<std::pair<const Annotation*, Placement>>> by_line;
    for (const Annotation& a : annotations) {
      Placement p = Place(sources_, a.range);
      by_line[p.line].push_back({&a, p});
    }
    uint32_t previous = 0;
    for (const auto& [line, entries] : by_line) {
      if (previous != 0 && line == previous + 2) {
        SourceLine(previous + 1, PrepareLine(sources_.LineText(file, previous + 1)).text);
      } else if (previous != 0 && line > previous + 2) {
        out_ += paint_(kBlue, "...") + "\n";
      }
      size_t focus = entries.front().second.begin_in_line;
      for (const auto& entry : entries) focus = std::min<size_t>(focus, entry.second.begin_in_line);
      DisplayLine display = PrepareLine(sources_.LineText(file, line), focus);
      SourceLine(line, display.text);
      for (const auto& [annotation, p] : entries) {
        std::string message(annotation->message);
        if (p.end_line > p.line) {
          message +=
              fmt::format("{}(continues to line {})", message.empty() ? "" : " ", p.end_line);
        }
        MarkRow(display.cell_at[p.begin_in_line], display.cell_at[p.end_in_line], annotation->mark,
                annotation->style, message);
      }
      previous = line;
    }
  }

 private:
  const SourceManager& sources_;
  Painter paint_;
  std::string pad_;
  std::string out_;
};

bool IsLocated(const SourceManager& sources, SourceRange range) {
  return range.valid() && range.file < sources.file_count();
}

// An empty file has no line worth quoting: a diagnostic about a file that
// could not be read, or is empty, shows its location without a snippet.
bool HasSource(const SourceManager& sources, SourceRange range) {
  return IsLocated(sources, range) && !sources.Text(range.file).empty();
}

enum class FixKind { Replace, Insert, Delete };

FixKind KindOf(const FixIt& fix) {
  if (fix.replacement.empty()) return FixKind::Delete;
  return fix.range.begin == fix.range.end ? FixKind::Insert : FixKind::Replace;
}

// Text that spans lines, worded on one line: "the line `x`", "the lines `x`
// and `y`", each without its indentation (a fix-it inserting whole lines
// ends with a line break, which is no part of what a reader needs to see).
// Nothing when `text` is one line.
std::optional<std::string> LinesWording(std::string_view text) {
  if (text.find('\n') == std::string_view::npos) return std::nullopt;
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    size_t first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos) {
      size_t last = line.find_last_not_of(" \t\r");
      lines.push_back(fmt::format("`{}`", line.substr(first, last - first + 1)));
    }
    start = end + 1;
  }
  if (lines.empty()) return std::string("an empty line");
  if (lines.size() == 1) return "the line " + lines.front();
  std::string out = "the lines ";
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += i + 1 == lines.size() ? " and " : ", ";
    out += lines[i];
  }
  return out;
}

// The help line of a fix-it. When the fix is shown applied to its line, the
// description alone says why and the snippet shows what; otherwise the wording
// has to say what changes.
std::string FixWording(const SourceManager& sources, const FixIt& fix, bool shown_applied) {
  if (shown_applied && !fix.description.empty()) return fix.description;
  std::string_view old_text =
      IsLocated(sources, fix.range) ? sources.Slice(fix.range) : std::string_view();
  bool quotable = !old_text.empty() && old_text.find('\n') == std::string_view::npos &&
                  CountCodePoints(old_text) <= kMaxQuotedCodePoints;
  std::optional<std::string> lines = LinesWording(fix.replacement);
  std::string replacement = lines ? *lines : fmt::format("`{}`", fix.replacement);
  std::string what;
  switch (KindOf(fix)) {
    case FixKind::Replace:
      what = quotable ? fmt::format("replace `{}` with {}", old_text, replacement)
                      : fmt::format("replace with {}", replacement);
      break;
    case FixKind::Insert:
      what = fmt::format("insert {}", replacement);
      break;
    case FixKind::Delete:
      what =
          quotable ? fmt::format("delete `{}`", old_text) : std::string("delete the marked text");
      break;
  }
  return fix.description.empty() ? what : fmt::format("{}: {}", fix.description, what);
}

// A fix-it is shown applied to its line when it stays within one line.
bool HasFixSnippet(const SourceManager& sources, const FixIt& fix) {
  if (!IsLocated(sources, fix.range) || fix.replacement.find('\n') != std::string::npos) {
    return false;
  }
  Placement p = Place(sources, fix.range);
  return p.end_line == p.line;
}

void FixSnippet(BlockWriter& w, const SourceManager& sources, const FixIt& fix) {
  Placement p = Place(sources, fix.range);
  std::string_view line = sources.LineText(fix.range.file, p.line);
  w.EmptyGutter();
  if (KindOf(fix) == FixKind::Delete) {
    DisplayLine display = PrepareLine(line);
    w.SourceLine(p.line, display.text);
    w.MarkRow(display.cell_at[p.begin_in_line], display.cell_at[p.end_in_line], '-', kRed, "");
    return;
  }
  std::string patched = std::string(line.substr(0, p.begin_in_line)) + fix.replacement +
                        std::string(line.substr(p.end_in_line));
  DisplayLine display = PrepareLine(patched);
  w.SourceLine(p.line, display.text);
  size_t new_end = p.begin_in_line + fix.replacement.size();
  w.MarkRow(display.cell_at[p.begin_in_line], display.cell_at[new_end],
            KindOf(fix) == FixKind::Insert ? '+' : '~', kGreen, "");
}

}  // namespace

std::string RenderHumanOne(const Diagnostic& d, const SourceManager& sources, bool colour) {
  Painter paint(colour);
  bool primary_located = IsLocated(sources, d.range);

  // Widest line number shown anywhere in this diagnostic.
  uint32_t widest = 0;
  auto consider = [&](SourceRange r) {
    if (IsLocated(sources, r)) widest = std::max(widest, Place(sources, r).line);
  };
  consider(d.range);
  for (const Label& l : d.labels) consider(l.range);
  for (const Note& n : d.notes) consider(n.range);
  for (const FixIt& f : d.fixits) consider(f.range);
  BlockWriter w(sources, colour, std::max<size_t>(1, Digits(widest)));
  std::string& out = w.out();

  // Header: `path:line:col: error[E0101]: message`. A note stands beside the
  // errors it qualifies and reads `note: message`, as LANGUAGE.md §7 shows;
  // its code stays in the JSON and SARIF output.
  if (primary_located) out += paint(kBold, Location(sources, d.range) + ":") + " ";
  out += paint(SeverityStyle(d.severity),
               d.severity == Severity::Note
                   ? std::string(SeverityName(d.severity))
                   : fmt::format("{}[{}]", SeverityName(d.severity), CodeName(d)));
  out += paint(kBold, ": " + d.message) + "\n";

  // Snippets: the primary's file first, then other files in order of first
  // appearance, each introduced by `::: path:line:col`.
  std::vector<FileId> file_order;
  std::map<FileId, std::vector<Annotation>> by_file;
  auto add = [&](const Annotation& a) {
    if (!by_file.contains(a.range.file)) file_order.push_back(a.range.file);
    by_file[a.range.file].push_back(a);
  };
  if (HasSource(sources, d.range)) add({d.range, "", '^', SeverityStyle(d.severity)});
  std::vector<std::string> unlocated_labels;
  for (const Label& l : d.labels) {
    if (HasSource(sources, l.range)) {
      add({l.range, l.message, '-', kBlue});
    } else if (IsLocated(sources, l.range)) {
      unlocated_labels.push_back(Location(sources, l.range) + ": " + l.message);
    } else {
      unlocated_labels.push_back(l.message);
    }
  }
  for (FileId file : file_order) {
    if (!(primary_located && file == d.range.file)) {
      w.Arrow(file == file_order.front() ? "-->" : ":::",
              Location(sources, by_file[file].front().range));
    }
    w.EmptyGutter();
    w.Snippet(file, by_file[file]);
  }

  // Footers that point nowhere: `= note:` and `= help:`.
  std::vector<const FixIt*> inline_fixes;
  for (const FixIt& f : d.fixits) {
    if (!HasFixSnippet(sources, f)) inline_fixes.push_back(&f);
  }
  bool has_unlocated_note = std::any_of(
      d.notes.begin(), d.notes.end(), [&](const Note& n) { return !IsLocated(sources, n.range); });
  bool has_footer =
      has_unlocated_note || !unlocated_labels.empty() || d.help || !inline_fixes.empty();
  if (has_footer && !file_order.empty()) w.EmptyGutter();
  for (const std::string& label : unlocated_labels) w.Footer("note", kCyan, label);
  for (const Note& n : d.notes) {
    if (!IsLocated(sources, n.range)) w.Footer("note", kCyan, n.message);
  }
  if (d.help) w.Footer("help", kGreen, *d.help);
  for (const FixIt* f : inline_fixes) w.Footer("help", kGreen, FixWording(sources, *f, false));

  // Notes that point somewhere get their own snippet, like clang's.
  for (const Note& n : d.notes) {
    if (!IsLocated(sources, n.range)) continue;
    out += paint(kCyan, "note:") + " " + paint(kBold, Location(sources, n.range) + ":") + " " +
           n.message + "\n";
    if (!HasSource(sources, n.range)) continue;
    w.EmptyGutter();
    w.Snippet(n.range.file, {{n.range, "", '-', kCyan}});
  }
  // Fix-its that fit on their line are shown applied, like rustc's suggestions.
  for (const FixIt& f : d.fixits) {
    if (!HasFixSnippet(sources, f)) continue;
    out += paint(kGreen, "help:") + " " + FixWording(sources, f, true) + "\n";
    FixSnippet(w, sources, f);
  }
  return std::move(out);
}

std::string RenderHuman(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources,
                        bool colour) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    out += RenderHumanOne(d, sources, colour);
    out += "\n";
  }
  return out;
}

std::string RenderSummary(const std::vector<Diagnostic>& diagnostics, std::string_view subject,
                          bool colour, std::string_view verb) {
  Painter paint(colour);
  size_t errors = 0;
  size_t warnings = 0;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::Error) ++errors;
    if (d.severity == Severity::Warning) ++warnings;
  }
  auto count = [](size_t n, std::string_view noun) {
    return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
  };
  if (errors > 0) {
    std::string text =
        fmt::format(": could not {} {} due to {}", verb, subject, count(errors, "error"));
    if (warnings > 0) text += fmt::format("; {} emitted", count(warnings, "warning"));
    return paint(kRed, "error") + paint(kBold, text) + "\n";
  }
  if (warnings > 0) {
    return paint(kYellow, "warning") +
           paint(kBold, fmt::format(": {} generated {}", subject, count(warnings, "warning"))) +
           "\n";
  }
  return "";
}

}  // namespace concord::diag
