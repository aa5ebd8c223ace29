// Event files read as streams; see event_stream.h.
#include "compiler/pipeline/event_stream.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <limits>

#include "compiler/pipeline/event_json.h"
#include "compiler/pipeline/loader.h"
#include "compiler/syntax/event_line.h"

namespace concord::pipeline {
namespace {

namespace fs = std::filesystem;
using diag::Code;

// Past this many errors in one event file the rest of it is not read: a file
// of the wrong kind should not print a million diagnostics.
constexpr size_t kMaxStreamErrors = 50;

// The file's text, or nullopt after E0290.
std::optional<std::string> ReadStream(const fs::path& path, const ast::EventStream& stream,
                                      diag::DiagnosticEngine& diags) {
  auto refuse = [&](const std::string& why) {
    diags.Report(Code::E0290, stream.path.range, path.string(), why)
        .WithHelp("the path is relative to the file of the scenario");
  };
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    refuse("no such file");
    return std::nullopt;
  }
  if (fs::is_directory(status)) {
    refuse("it is a directory");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    refuse("permission denied or not readable");
    return std::nullopt;
  }
  // Positions in a file are 32-bit offsets (diag::SourceRange).
  constexpr size_t kMaxBytes = std::numeric_limits<uint32_t>::max() - 1;
  std::string text;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<size_t>(in.gcount()));
    if (text.size() > kMaxBytes) {
      refuse("it is larger than 4 GiB; split it into several files");
      return std::nullopt;
    }
  }
  return text;
}

bool BlankOrComment(std::string_view line) {
  size_t first = line.find_first_not_of(" \t\r\f");
  return first == std::string_view::npos || line.substr(first).starts_with("//");
}

// The events of one file read into `events`, which has room for them.
void ParseStream(diag::SourceManager& sources, diag::FileId id, bool json,
                 std::vector<ast::Event>& events, diag::DiagnosticEngine& diags) {
  std::string_view all = sources.Text(id);
  size_t nul = all.find('\0');
  size_t errors_before = diags.error_count();
  std::optional<ast::Located<values::Date>> previous;
  uint32_t begin = 0;
  auto size = static_cast<uint32_t>(all.size());
  while (begin < size) {
    if (diags.error_count() - errors_before >= kMaxStreamErrors) {
      diag::Diagnostic d;
      d.code = Code::E0290;
      d.severity = diag::Severity::Note;
      d.range = {id, begin, begin};
      d.message = fmt::format(
          "the rest of this event file was not read: {} errors are too many for one file",
          kMaxStreamErrors);
      diags.Add(std::move(d));
      return;
    }
    uint32_t next = begin;
    while (next < size && all[next] != '\n') ++next;
    uint32_t end = next;
    if (end > begin && all[end - 1] == '\r') --end;
    uint32_t line_begin = begin;
    begin = next + 1;
    std::string_view line = all.substr(line_begin, end - line_begin);
    // A binary file says so once, at its first NUL, rather than line by line.
    if (nul != std::string::npos && nul < next) {
      auto at = static_cast<uint32_t>(nul);
      diags.Report(Code::E0291, {id, at, at + 1}, "it contains a NUL byte")
          .WithNote("the rest of the file is not read: it looks binary");
      return;
    }
    if (line.size() > syntax::kMaxEventLineBytes) {
      diags.Report(Code::E0292, {id, line_begin, line_begin}, line.size(),
                   syntax::kMaxEventLineBytes);
      continue;
    }
    std::string why;
    if (auto bad = FindInvalidUtf8(line, &why)) {
      auto at = line_begin + static_cast<uint32_t>(*bad);
      diags.Report(Code::E0291, {id, at, at + 1}, why).WithHelp("save the file as UTF-8");
      continue;
    }
    if (BlankOrComment(line)) continue;
    std::optional<ast::Event> event =
        json ? ParseJsonEvent(sources, id, line_begin, end, diags)
             : syntax::ParseEventLine(sources, id, line_begin, end, diags);
    if (!event) continue;
    // In date order, so that a stream can be checked and played as it is
    // read; an event out of order is a mistake in the file, not reordered.
    if (previous && event->date.value < previous->value) {
      diags
          .Report(Code::E0293, event->date.range, event->date.value.ToString(),
                  previous->value.ToString())
          .WithLabel(previous->range, "the event above it")
          .WithHelp("sort the file by date (events of one day keep their order)");
      continue;
    }
    previous = event->date;
    events.push_back(std::move(*event));
  }
}

}  // namespace

void ReadEventStreams(diag::SourceManager& sources, const fs::path& directory, ast::File& file,
                      diag::DiagnosticEngine& diags) {
  for (ast::ScenarioDecl& scenario : file.scenarios) {
    // Every file is read before any is parsed, so the scenario's events grow
    // once: an event is a large node, and growing by file moved each of them
    // once more for every later file (ten times for a decade in yearly files).
    struct Loaded {
      diag::FileId id;
      bool json;
    };
    std::vector<Loaded> loaded;
    size_t lines = 0;
    for (const ast::EventStream& stream : scenario.streams) {
      fs::path path = (directory / stream.path.value).lexically_normal();
      std::optional<std::string> text = ReadStream(path, stream, diags);
      if (!text) continue;
      lines += static_cast<size_t>(std::count(text->begin(), text->end(), '\n')) + 1;
      loaded.push_back(
          {sources.AddFile(path.string(), std::move(*text)), path.extension() == ".jsonl"});
    }
    scenario.events.reserve(scenario.events.size() + lines);
    for (const Loaded& file_of_events : loaded) {
      ParseStream(sources, file_of_events.id, file_of_events.json, scenario.events, diags);
    }
  }
}

}  // namespace concord::pipeline
