// Diagnostics as JSON Lines (`--format json`): one object per diagnostic per
// line, for scripts and editors that do not speak SARIF. The schema is
// documented in docs/diagnostics.md. Keys keep a fixed order (ordered_json)
// and absent parts are `null` or `[]` rather than missing, so the output is
// byte-stable and a consumer never has to test whether a key exists.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "compiler/diag/render.h"

namespace concord::diag {
namespace {

using Json = nlohmann::ordered_json;

bool IsLocated(const SourceManager& sources, SourceRange range) {
  return range.valid() && range.file < sources.file_count();
}

Json Point(const SourceManager& sources, FileId file, uint32_t offset) {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(sources.Text(file).size()));
  LineColumn pos = sources.Position(file, offset);
  Json j;
  j["line"] = pos.line;
  j["column"] = pos.column;
  j["offset"] = offset;
  return j;
}

Json File(const SourceManager& sources, SourceRange range) {
  return IsLocated(sources, range) ? Json(sources.Path(range.file)) : Json(nullptr);
}

// {"start": {...}, "end": {...}}; `end` is exclusive, as the byte range is.
Json Range(const SourceManager& sources, SourceRange range) {
  if (!IsLocated(sources, range)) return nullptr;
  Json j;
  j["start"] = Point(sources, range.file, range.begin);
  j["end"] = Point(sources, range.file, std::max(range.begin, range.end));
  return j;
}

Json ToJson(const Diagnostic& d, const SourceManager& sources) {
  Json j;
  j["code"] = CodeName(d);
  j["severity"] = SeverityName(d.severity);
  j["message"] = d.message;
  j["file"] = File(sources, d.range);
  j["range"] = Range(sources, d.range);
  j["labels"] = Json::array();
  for (const Label& l : d.labels) {
    Json label;
    label["message"] = l.message;
    label["file"] = File(sources, l.range);
    label["range"] = Range(sources, l.range);
    j["labels"].push_back(std::move(label));
  }
  j["notes"] = Json::array();
  for (const Note& n : d.notes) {
    Json note;
    note["message"] = n.message;
    note["file"] = File(sources, n.range);
    note["range"] = Range(sources, n.range);
    j["notes"].push_back(std::move(note));
  }
  j["help"] = d.help ? Json(*d.help) : Json(nullptr);
  j["fixits"] = Json::array();
  for (const FixIt& f : d.fixits) {
    Json fix;
    fix["file"] = File(sources, f.range);
    fix["range"] = Range(sources, f.range);
    fix["replacement"] = f.replacement;
    fix["description"] = f.description;
    j["fixits"].push_back(std::move(fix));
  }
  return j;
}

}  // namespace

std::string RenderJsonOne(const Diagnostic& diagnostic, const SourceManager& sources) {
  // Messages can quote user text; should any of it be invalid UTF-8, it is
  // replaced with U+FFFD rather than letting the serializer throw.
  return ToJson(diagnostic, sources).dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string RenderJson(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources) {
  std::string out;
  for (const Diagnostic& d : diagnostics) out += RenderJsonOne(d, sources);
  return out;
}

}  // namespace concord::diag
