// The printer: Wadler's algorithm as Prettier runs it, with an explicit stack
// (documents nest as deep as expressions do) and a look-ahead that measures a
// group flat plus whatever follows it up to the next possible break.
#include "compiler/format/doc.h"

#include <utility>

#include "compiler/format/align.h"
#include "compiler/syntax/unicode.h"

namespace concord::format {
namespace {

bool IsHard(const Doc& d) {
  switch (d.kind) {
    case DocKind::kHardLine:
    case DocKind::kOwnLine:
    case DocKind::kLineEnd:
      return true;
    case DocKind::kText:
      return d.text.find('\n') != std::string_view::npos;
    default:
      return d.hard;
  }
}

Doc Container(DocKind kind, std::vector<Doc> parts) {
  Doc d;
  d.kind = kind;
  d.parts = std::move(parts);
  for (const Doc& p : d.parts) d.hard = d.hard || IsHard(p);
  return d;
}

Doc Leaf(DocKind kind, std::string_view text = {}) {
  Doc d;
  d.kind = kind;
  d.text = text;
  return d;
}

// Width in terminal columns, which is what a reader counts: `josé` is four
// whether its `é` is one code point or `e` + U+0301, and `李娜` is four
// (docs/reference-fmt.md, "Width").
int Width(std::string_view text) {
  return syntax::DisplayWidth(text);
}

struct Command {
  int indent;
  bool flat;
  const Doc* doc;
};

class Printer {
 public:
  explicit Printer(int width) : width_(width) {}

  std::string Run(const Doc& root) {
    stack_.push_back({0, false, &root});
    while (!stack_.empty()) {
      Command c = stack_.back();
      stack_.pop_back();
      Step(c);
    }
    while (!out_.empty() && (out_.back() == '\n' || out_.back() == ' ')) out_.pop_back();
    if (!out_.empty()) out_ += '\n';
    return AlignColumns(out_, marks_, width_);
  }

 private:
  void Step(const Command& c) {
    const Doc& d = *c.doc;
    switch (d.kind) {
      case DocKind::kText:
        Emit(c.indent, d.text);
        if (clause_pending_ && !d.text.empty()) {
          marks_.clause_starts.push_back(out_.size() - d.text.size());
          clause_pending_ = false;
        }
        break;
      case DocKind::kClauseStart:
        clause_pending_ = true;
        break;
      case DocKind::kAlignSpace:
        // After a comment that ended the line, the space is that line break.
        if (!pending_break_ && !line_start_) {
          marks_.as_spaces.push_back(out_.size());
          Emit(c.indent, " ");
        }
        break;
      case DocKind::kFlatText:
        if (c.flat) Emit(c.indent, d.text);
        break;
      case DocKind::kLine:
        if (c.flat && !pending_break_) {
          Emit(c.indent, " ");
        } else {
          Newline(c.indent);
        }
        break;
      case DocKind::kSoftLine:
        if (!c.flat || pending_break_) Newline(c.indent);
        break;
      case DocKind::kFillLine:
        if (!pending_break_ && (c.flat || Fits(nullptr, c.indent, 1))) {
          Emit(c.indent, " ");
        } else {
          Newline(c.indent);
        }
        break;
      case DocKind::kHardLine:
        Newline(c.indent);
        break;
      case DocKind::kBlank:
        if (line_start_ && out_.size() >= 2 && out_[out_.size() - 2] != '\n' &&
            out_[out_.size() - 2] != '{') {
          out_ += '\n';
        }
        break;
      case DocKind::kOwnLine:
        Newline(c.indent);
        Emit(c.indent, d.text);
        Newline(c.indent);
        break;
      case DocKind::kLineEnd:
        // Two spaces before a comment that ends a line.
        if (!line_start_) {
          marks_.comment_gaps.push_back(out_.size());
          out_ += "  ";
          column_ += 2;
        }
        Emit(c.indent, d.text);
        pending_break_ = true;
        break;
      case DocKind::kConcat:
        Push(c.indent, c.flat, d.parts);
        break;
      case DocKind::kIndent:
        Push(c.indent + 2, c.flat, d.parts);
        break;
      case DocKind::kGroup: {
        bool flat = c.flat || (!d.hard && Fits(&d, c.indent));
        Push(c.indent, flat, d.parts);
        break;
      }
    }
  }

  void Push(int indent, bool flat, const std::vector<Doc>& parts) {
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) stack_.push_back({indent, flat, &*it});
  }

  void Emit(int indent, std::string_view text) {
    if (text.empty()) return;
    if (pending_break_) {
      // A space after a comment that ends the line is that line break.
      if (text == " ") return;
      Newline(indent);
    }
    if (line_start_) {
      out_.append(static_cast<size_t>(indent), ' ');
      column_ = indent;
      line_start_ = false;
    }
    out_ += text;
    size_t newline = text.rfind('\n');
    column_ =
        newline == std::string_view::npos ? column_ + Width(text) : Width(text.substr(newline + 1));
  }

  // A line break; several in a row make one (empty lines come from kBlank).
  void Newline(int indent) {
    pending_break_ = false;
    if (line_start_) {
      column_ = indent;
      return;
    }
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    out_ += '\n';
    line_start_ = true;
    column_ = indent;
  }

  // Whether `group` fits flat on the current line together with what follows
  // it up to the next break (with no group: whether what follows does, after
  // `reserved` columns).
  bool Fits(const Doc* group, int indent, int reserved = 0) const {
    int remaining = width_ - (line_start_ ? indent : column_) - reserved;
    std::vector<Command> local;
    if (group) local.push_back({indent, true, group});
    size_t rest = stack_.size();
    while (remaining >= 0) {
      if (local.empty()) {
        if (rest == 0) return true;
        local.push_back(stack_[--rest]);
      }
      Command c = local.back();
      local.pop_back();
      const Doc& d = *c.doc;
      switch (d.kind) {
        case DocKind::kText:
          remaining -= Width(d.text);
          break;
        case DocKind::kFlatText:
          if (c.flat) remaining -= Width(d.text);
          break;
        case DocKind::kLine:
        case DocKind::kFillLine:
          if (!c.flat) return true;
          remaining -= 1;
          break;
        case DocKind::kSoftLine:
          if (!c.flat) return true;
          break;
        case DocKind::kAlignSpace:
          remaining -= 1;
          break;
        case DocKind::kBlank:  // only ever printed at the start of a line
        case DocKind::kClauseStart:
          break;
        case DocKind::kHardLine:
        case DocKind::kOwnLine:
        case DocKind::kLineEnd:  // a comment ending the line may run past the width
          return true;
        case DocKind::kConcat:
        case DocKind::kIndent:
        case DocKind::kGroup: {
          bool flat = c.flat && !(d.kind == DocKind::kGroup && d.hard);
          for (auto it = d.parts.rbegin(); it != d.parts.rend(); ++it) {
            local.push_back({c.indent, flat, &*it});
          }
          break;
        }
      }
    }
    return false;
  }

  int width_;
  std::vector<Command> stack_;
  std::string out_;
  int column_ = 0;
  bool line_start_ = true;
  bool pending_break_ = false;
  bool clause_pending_ = false;  // a ClauseStart waits for its first text
  AlignMarks marks_;
};

}  // namespace

Doc Text(std::string_view text) {
  return Leaf(DocKind::kText, text);
}
Doc FlatText(std::string_view text) {
  return Leaf(DocKind::kFlatText, text);
}
Doc Line() {
  return Leaf(DocKind::kLine);
}
Doc SoftLine() {
  return Leaf(DocKind::kSoftLine);
}
Doc FillLine() {
  return Leaf(DocKind::kFillLine);
}
Doc HardLine() {
  return Leaf(DocKind::kHardLine);
}
Doc Blank() {
  return Leaf(DocKind::kBlank);
}
Doc OwnLineComment(std::string_view text) {
  return Leaf(DocKind::kOwnLine, text);
}
Doc LineEndComment(std::string_view text) {
  return Leaf(DocKind::kLineEnd, text);
}
Doc ClauseStart() {
  return Leaf(DocKind::kClauseStart);
}
Doc AlignSpace() {
  return Leaf(DocKind::kAlignSpace);
}
Doc Concat(std::vector<Doc> parts) {
  return Container(DocKind::kConcat, std::move(parts));
}
Doc Group(std::vector<Doc> parts) {
  return Container(DocKind::kGroup, std::move(parts));
}
Doc Indent(std::vector<Doc> parts) {
  return Container(DocKind::kIndent, std::move(parts));
}

std::string Print(const Doc& doc, int width) {
  return Printer(width).Run(doc);
}

}  // namespace concord::format
