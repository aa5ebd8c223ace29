// A small document algebra for the formatter, after Wadler's "A prettier
// printer": text, line breaks that a group may keep flat, and indentation.
// The layout (layout.cpp) builds a Doc from the syntax tree; Print() decides
// where lines break so that each line fits the width when it can.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace concord::format {

enum class DocKind : uint8_t {
  kText,         // printed as is
  kFlatText,     // printed only when its group is flat (a `,` between attributes)
  kLine,         // a space when flat, else a line break
  kSoftLine,     // nothing when flat, else a line break
  kFillLine,     // a space when flat or when what follows up to the next break fits, else a break
  kHardLine,     // always a line break
  kBlank,        // an empty line, if at the start of a line not right after `{`
  kOwnLine,      // a comment on a line of its own: breaks before and after it
  kLineEnd,      // a `//` comment ending the current line: the next text starts a new line
  kClauseStart,  // an alignable clause starts with the next text (align.h)
  kAlignSpace,   // a space that column alignment may widen (the one before `as`)
  kConcat,
  kGroup,   // flat if it fits on the line, else every line in it breaks
  kIndent,  // its line breaks indent two more spaces
};

struct Doc {
  DocKind kind = DocKind::kConcat;
  std::string_view text;
  std::vector<Doc> parts;
  // Contains a break that is never flat (a hard line, a comment that must end
  // its line): every group around it breaks.
  bool hard = false;
};

Doc Text(std::string_view text);
Doc FlatText(std::string_view text);
Doc Line();
Doc SoftLine();
Doc FillLine();
Doc HardLine();
Doc Blank();
Doc OwnLineComment(std::string_view text);
Doc LineEndComment(std::string_view text);
Doc ClauseStart();
Doc AlignSpace();
Doc Concat(std::vector<Doc> parts);
Doc Group(std::vector<Doc> parts);
Doc Indent(std::vector<Doc> parts);

// Lays `doc` out in lines of at most `width` code points where it can (text
// that is longer than a line stays whole). No line has trailing spaces, and
// the result ends with exactly one newline unless it is empty. Then the
// columns are aligned (align.h): the `as` of consecutive one-line clauses that
// have an AlignSpace, and the comments ending consecutive lines.
std::string Print(const Doc& doc, int width);

}  // namespace concord::format
