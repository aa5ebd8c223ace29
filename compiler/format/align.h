// Column alignment after the line breaks are chosen (docs/reference-fmt.md,
// "Columns"): the `as` of consecutive one-line requirements, the `by` of the
// rules of a `decisions` block, and `//` comments ending consecutive lines. The printer records where the alignable spaces
// are; this pass widens them. It only ever adds spaces where the printer put
// some, so the lines and the tokens on them stay as printed.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace concord::format {

struct AlignMarks {
  // Byte offsets into the printed text, each list in increasing order.
  std::vector<size_t> clause_starts;  // where an alignable clause's first token starts
  std::vector<size_t> as_spaces;      // the space before a requirement's `as` or a rule's `by`
  std::vector<size_t> comment_gaps;   // where the two spaces before a `//` comment start
};

// Widens the marked spaces in `text` so that the columns line up, keeping every
// padded line within `width` display columns (syntax::DisplayWidth; a line that would not fit keeps
// its single space, or two before a comment, and does not take part).
std::string AlignColumns(const std::string& text, const AlignMarks& marks, int width);

}  // namespace concord::format
