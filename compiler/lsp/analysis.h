// One document compiled the way `concord lint` compiles a file: parse, names,
// types, concords, then the lints with the levels of the nearest
// concord.toml. Open documents stand in for their files on disk, so an
// import of an open file sees the unsaved text. Every feature reads this.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/lsp/document_store.h"
#include "compiler/lsp/position.h"
#include "compiler/pipeline/pipeline.h"

namespace concord::lsp {

struct Analysis {
  std::unique_ptr<pipeline::Compilation> compilation;
  // The document's own file in compilation->program->sources.
  diag::FileId file = diag::kNoFile;
  // Everything `concord lint` would report, in source order.
  std::vector<diag::Diagnostic> diagnostics;

  const sema::Program& program() const { return *compilation->program; }
  // Null when the document did not parse (names are not resolved then).
  const sema::CheckedProgram* checked() const { return compilation->checked.get(); }
  std::string_view text() const;
};

std::unique_ptr<Analysis> Analyze(const Document& document, const DocumentStore& store);

// Turns the compiler's byte ranges into LSP locations: the document's own
// file maps to its URI, other files to `file://` URIs of their paths, and
// the embedded standard library to copies written once under the temporary
// directory (an editor can only jump to a file that exists).
class LocationMapper {
 public:
  LocationMapper(const Analysis& analysis, const Document& document, PositionEncoding encoding);

  std::string Uri(diag::FileId file);
  Position ToPosition(diag::FileId file, uint32_t offset);
  // {"start": ..., "end": ...}
  struct Range {
    Position start, end;
  };
  Range ToRange(diag::SourceRange range);
  // Byte offset of an LSP position in the document itself.
  uint32_t DocumentOffset(Position position);

 private:
  const LineIndex& IndexOf(diag::FileId file);

  const Analysis& analysis_;
  const Document& document_;
  PositionEncoding encoding_;
  std::map<diag::FileId, std::unique_ptr<LineIndex>> indexes_;
};

// Where the embedded copy of standard library file `display_path`
// ("stdlib/minimal.concord") is on disk; writes it on first use.
std::string MaterializedStdlibPath(std::string_view display_path, std::string_view text);

}  // namespace concord::lsp
