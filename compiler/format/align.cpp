// The column pass. Like gofmt's tabwriter it works on cells of consecutive
// lines, but it knows only the two columns the layout defines, and it never
// lets padding push a line past the width.
#include "compiler/format/align.h"

#include <algorithm>
#include <string_view>

#include "compiler/syntax/unicode.h"

namespace concord::format {
namespace {

// Width in terminal columns, which is what a reader counts: `josé` is four
// whether its `é` is one code point or `e` + U+0301, and `李娜` is four
// (docs/reference-fmt.md, "Width").
int Width(std::string_view text) {
  return syntax::DisplayWidth(text);
}

struct Line {
  std::string text;
  size_t begin = 0;           // offset of the line in the printed text
  bool clause_start = false;  // an alignable clause starts on this line
  size_t as_space = std::string::npos;
  size_t comment_gap = std::string::npos;

  int Indent() const { return static_cast<int>(text.find_first_not_of(' ')); }
  bool HasAlignableAs() const { return clause_start && as_space != std::string::npos; }
};

// One line of a column: `prefix` code points before the gap, the gap's least
// width, and `rest` code points after it that must stay within the width.
struct Cell {
  size_t line;
  int prefix;
  int rest;
};

// The column where the aligned text starts, and which cells reach it. The
// column is `gap` past the longest prefix among the cells that fit there;
// lowering it can only let more cells fit, so this settles.
std::vector<size_t> Participants(const std::vector<Cell>& cells, int gap, int width, int* column) {
  std::vector<size_t> in(cells.size());
  for (size_t i = 0; i < cells.size(); ++i) in[i] = i;
  int col = -1;
  while (true) {
    int longest = 0;
    for (size_t i : in) longest = std::max(longest, cells[i].prefix);
    int next = longest + gap;
    if (next == col) break;
    col = next;
    std::vector<size_t> fit;
    for (size_t i = 0; i < cells.size(); ++i) {
      if (cells[i].prefix + gap <= col && col + cells[i].rest <= width) fit.push_back(i);
    }
    in = std::move(fit);
    if (in.empty()) break;
  }
  *column = col;
  return in;
}

// Pads one run of cells; `position` picks the gap's offset in a line.
template <typename Position, typename Shift>
void AlignRun(std::vector<Line>& lines, const std::vector<Cell>& cells, int gap, int width,
              Position position, Shift shift) {
  if (cells.size() < 2) return;
  int column = 0;
  for (size_t i : Participants(cells, gap, width, &column)) {
    Line& line = lines[cells[i].line];
    int pad = column - gap - cells[i].prefix;
    if (pad <= 0) continue;
    line.text.insert(position(line), static_cast<size_t>(pad), ' ');
    shift(line, static_cast<size_t>(pad));
  }
}

std::vector<Line> SplitLines(const std::string& text, const AlignMarks& marks) {
  std::vector<Line> lines;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    Line line;
    line.text = text.substr(begin, end - begin);
    line.begin = begin;
    lines.push_back(std::move(line));
    begin = end + 1;
  }
  // Each offset goes to the line holding it; the offsets are in increasing
  // order, so one forward walk over the lines places them all.
  auto place = [&](const std::vector<size_t>& offsets, auto apply) {
    size_t l = 0;
    for (size_t offset : offsets) {
      while (l + 1 < lines.size() && lines[l + 1].begin <= offset) ++l;
      if (l < lines.size() && offset < lines[l].begin + lines[l].text.size()) {
        apply(lines[l], offset - lines[l].begin);
      }
    }
  };
  place(marks.clause_starts, [](Line& line, size_t) { line.clause_start = true; });
  place(marks.as_spaces, [](Line& line, size_t at) { line.as_space = at; });
  place(marks.comment_gaps, [](Line& line, size_t at) { line.comment_gap = at; });
  return lines;
}

// Requirements: `as` one space after the longest condition of the run; the
// rules of a `decisions` block: `by` one space after the longest matter.
void AlignRequirements(std::vector<Line>& lines, int width) {
  for (size_t i = 0; i < lines.size();) {
    if (!lines[i].HasAlignableAs()) {
      ++i;
      continue;
    }
    std::vector<Cell> cells;
    size_t j = i;
    for (; j < lines.size() && lines[j].HasAlignableAs() && lines[j].Indent() == lines[i].Indent();
         ++j) {
      const Line& line = lines[j];
      std::string_view text = line.text;
      size_t code_end = std::max(std::min(line.comment_gap, text.size()), line.as_space + 1);
      // The reason string is never broken, so it may run past the width
      // aligned or not; only `as CODE` must fit for a line to take part. The
      // requirements of a concord then read as one table, as in the spec.
      size_t reason = text.find('"', line.as_space);
      if (reason != std::string_view::npos && reason > line.as_space + 1 && reason < code_end) {
        code_end = reason - 1;
      }
      cells.push_back({j, Width(text.substr(0, line.as_space)),
                       Width(text.substr(line.as_space + 1, code_end - line.as_space - 1))});
    }
    AlignRun(
        lines, cells, 1, width, [](const Line& line) { return line.as_space; },
        [](Line& line, size_t pad) {
          if (line.comment_gap != std::string::npos) line.comment_gap += pad;
        });
    i = j;
  }
}

// Comments ending lines: two spaces after the longest code of the block.
void AlignComments(std::vector<Line>& lines, int width) {
  auto has_comment = [](const Line& line) { return line.comment_gap != std::string::npos; };
  for (size_t i = 0; i < lines.size();) {
    if (!has_comment(lines[i])) {
      ++i;
      continue;
    }
    std::vector<Cell> cells;
    size_t j = i;
    for (; j < lines.size() && has_comment(lines[j]) && lines[j].Indent() == lines[i].Indent();
         ++j) {
      std::string_view text = lines[j].text;
      size_t gap = lines[j].comment_gap;
      cells.push_back({j, Width(text.substr(0, gap)), Width(text.substr(gap + 2))});
    }
    AlignRun(
        lines, cells, 2, width, [](const Line& line) { return line.comment_gap; },
        [](Line&, size_t) {});
    i = j;
  }
}

}  // namespace

std::string AlignColumns(const std::string& text, const AlignMarks& marks, int width) {
  if (marks.as_spaces.empty() && marks.comment_gaps.empty()) return text;
  std::vector<Line> lines = SplitLines(text, marks);
  AlignRequirements(lines, width);
  AlignComments(lines, width);
  std::string out;
  out.reserve(text.size());
  for (const Line& line : lines) {
    out += line.text;
    out += '\n';
  }
  if (!text.empty() && text.back() != '\n') out.pop_back();
  return out;
}

}  // namespace concord::format
