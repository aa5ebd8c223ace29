// textDocument/publishDiagnostics: every diagnostic `concord lint` reports
// for the document, with the concord's reasons as related information at
// the requirement that was broken.
#include <fmt/format.h>

#include "compiler/lsp/features.h"
#include "compiler/lsp/json_rpc.h"

namespace concord::lsp {
namespace {

int SeverityNumber(diag::Severity severity) {
  switch (severity) {
    case diag::Severity::Error:
      return 1;
    case diag::Severity::Warning:
      return 2;
    case diag::Severity::Note:
      break;
  }
  return 3;  // Information
}

bool Located(const DocumentContext& context, diag::SourceRange range) {
  return range.valid() && range.file < context.analysis.program().sources.file_count();
}

// Where a diagnostic in another file shows in this document: the import
// that brought the file in when one matches, else the first line.
diag::SourceRange AnchorInDocument(DocumentContext& context, diag::FileId file) {
  const sema::Program& program = context.analysis.program();
  const std::string& path = program.sources.Path(file);
  for (const auto& f : program.files) {
    if (f->id != context.analysis.file) continue;
    for (const ast::Import& import : f->imports) {
      std::string target = import.is_module ? import.target.substr(4) + ".concord" : import.target;
      if (!target.empty() && path.size() >= target.size() &&
          path.compare(path.size() - target.size(), target.size(), target) == 0) {
        return import.range;
      }
    }
  }
  return {context.analysis.file, 0, 0};
}

}  // namespace

Json ToJson(Position position) {
  return Json{{"line", position.line}, {"character", position.character}};
}

Json ToJson(const LocationMapper::Range& range) {
  return Json{{"start", ToJson(range.start)}, {"end", ToJson(range.end)}};
}

Position PositionFromJson(const Json& json) {
  Position p;
  // LSP's `uinteger`: 0 to 2^32 - 1; anything else is InvalidParams, never
  // wrapped or converted from a float.
  p.line = RequireNonNegative<uint32_t>(json, "line");
  p.character = RequireNonNegative<uint32_t>(json, "character");
  return p;
}

Json Location(DocumentContext& context, diag::SourceRange range) {
  return Json{{"uri", context.mapper.Uri(range.file)},
              {"range", ToJson(context.mapper.ToRange(range))}};
}

Json DiagnosticToJson(DocumentContext& context, const diag::Diagnostic& d) {
  Json out;
  std::string message = d.message;
  diag::SourceRange range = d.range;
  if (!Located(context, range) || context.analysis.file == diag::kNoFile) {
    range = {context.analysis.file, 0, 0};
  } else if (range.file != context.analysis.file) {
    // A problem in an imported file: shown on the import, with its place.
    diag::LineColumn at = context.analysis.program().sources.Position(range.file, range.begin);
    message = fmt::format("{}:{}:{}: {}", context.analysis.program().sources.Path(range.file),
                          at.line, at.column, message);
    range = AnchorInDocument(context, d.range.file);
  }
  Json related = Json::array();
  if (d.range.valid() && d.range.file != range.file && Located(context, d.range)) {
    related.push_back({{"location", Location(context, d.range)}, {"message", d.message}});
  }
  for (const diag::Label& label : d.labels) {
    if (!Located(context, label.range)) continue;
    related.push_back({{"location", Location(context, label.range)}, {"message", label.message}});
  }
  for (const diag::Note& note : d.notes) {
    if (Located(context, note.range)) {
      related.push_back({{"location", Location(context, note.range)}, {"message", note.message}});
    } else {
      message += "\nnote: " + note.message;
    }
  }
  if (d.help) message += "\nhelp: " + *d.help;
  out["range"] = context.analysis.file == diag::kNoFile
                     ? Json{{"start", ToJson(Position{})}, {"end", ToJson(Position{})}}
                     : ToJson(context.mapper.ToRange(range));
  out["severity"] = SeverityNumber(d.severity);
  out["code"] = std::string(diag::CodeName(d));
  out["source"] = "concord";
  out["message"] = message;
  if (!related.empty()) out["relatedInformation"] = std::move(related);
  return out;
}

Json PublishDiagnostics(DocumentContext& context) {
  Json diagnostics = Json::array();
  const sema::Program& program = context.analysis.program();
  for (const diag::Diagnostic& d : context.analysis.diagnostics) {
    // The standard library's own diagnostics are not the user's to fix,
    // and a note alone is part of the diagnostic before it.
    bool in_stdlib = false;
    for (size_t i = 0; i < program.files.size(); ++i) {
      if (d.range.valid() && program.files[i]->id == d.range.file && program.is_stdlib[i]) {
        in_stdlib = true;
      }
    }
    if (in_stdlib) continue;
    diagnostics.push_back(DiagnosticToJson(context, d));
  }
  return Json{{"uri", context.document.uri},
              {"version", context.document.version},
              {"diagnostics", std::move(diagnostics)}};
}

}  // namespace concord::lsp
