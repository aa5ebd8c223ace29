// Loading a program. Files are checked in the order a person would want to
// hear about problems: can it be read, is it text, is it small enough, does
// it parse; then its imports are followed depth-first so that a cycle is
// reported with the whole chain that forms it.
#include "compiler/pipeline/loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <sstream>

#include "compiler/pipeline/event_stream.h"
#include "compiler/pipeline/stdlib.h"
#include "compiler/syntax/event_line.h"
#include "compiler/syntax/parser.h"

namespace concord::pipeline {
namespace fs = std::filesystem;
using diag::Code;

std::optional<size_t> FindInvalidUtf8(std::string_view text, std::string* why) {
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      if (why) *why = fmt::format("byte 0x{:02X} cannot start a character", c);
      return i;
    }
    if (i + len > text.size()) {
      if (why) *why = "the file ends in the middle of a character";
      return i;
    }
    for (size_t k = 1; k < len; ++k) {
      unsigned char n = static_cast<unsigned char>(text[i + k]);
      if ((n & 0xC0) != 0x80) {
        if (why) {
          *why = fmt::format("byte 0x{:02X} starts a {}-byte character but 0x{:02X} follows it", c,
                             len, n);
        }
        return i;
      }
      cp = (cp << 6) | (n & 0x3F);
    }
    static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len]) {
      if (why) *why = "an overlong encoding";
      return i;
    }
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      if (why) *why = fmt::format("U+{:04X} is not a valid character", cp);
      return i;
    }
    i += len;
  }
  return std::nullopt;
}

namespace {

// `text` with the bytes of `ranges` turned into spaces (line breaks kept),
// so a parse of it sees everything else at the same positions.
std::string BlankRanges(std::string_view text,
                        const std::vector<std::pair<uint32_t, uint32_t>>& ranges) {
  std::string out(text);
  for (const auto& [begin, end] : ranges) {
    for (uint32_t i = begin; i < end && i < out.size(); ++i) {
      if (out[i] != '\n') out[i] = ' ';
    }
  }
  return out;
}

struct Source {
  std::string display;   // as shown in diagnostics
  std::string identity;  // for cycle and duplicate detection
  fs::path directory;    // where its relative imports are resolved
  bool is_stdlib = false;
};

class Loader {
 public:
  Loader(const LoadOptions& options, diag::DiagnosticEngine& diags)
      : options_(options), diags_(diags), program_(std::make_unique<sema::Program>()) {
    for (size_t i = 0; i < options.first_file_id; ++i) program_->sources.AddFile("", "");
  }

  void LoadRoot(const std::string& path) {
    Source src;
    src.display = path;
    if (path == "-") {
      src.identity = "<stdin>";
      src.directory = fs::current_path();
    } else {
      std::error_code ec;
      fs::path canonical = fs::weakly_canonical(fs::path(path), ec);
      src.identity = ec ? path : canonical.string();
      src.directory = fs::path(path).parent_path();
    }
    // The standard library is embedded; a copy of one of its files given on
    // the command line is the same file, not a second declaration of it.
    if (path != "-") {
      for (const StdlibModule& m : StdlibModules()) {
        if (fs::path(path).filename() != std::string(m.name) + ".concord") continue;
        std::ifstream in(path, std::ios::binary);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (text == m.text) src.identity = "std:" + std::string(m.name);
      }
    }
    Load(src, {});
  }

  void LoadStdlib(const std::string& module, diag::SourceRange from) {
    for (const StdlibModule& m : StdlibModules()) {
      if (m.name == module) {
        Source src{fmt::format("stdlib/{}.concord", module), "std:" + module, {}, true};
        Load(src, from, std::string(m.text));
        return;
      }
    }
    std::string known;
    for (const StdlibModule& m : StdlibModules())
      known += (known.empty() ? "" : ", ") + std::string(m.name);
    diags_.Report(Code::E0206, from, "std." + module,
                  fmt::format("the standard library has no such module (it has: {})", known));
  }

  LoadResult Finish() {
    // A charter without a `concord` clause claims the minimal concord; one
    // that says `concord panarchy` claims the standard library's second
    // concord without importing it. Both are always there, like builtins.
    for (const char* module : {"minimal", "panarchy"}) {
      if (!loaded_.count(std::string("std:") + module)) LoadStdlib(module, {});
    }
    return {std::move(program_), io_error_};
  }

 private:
  // Reads a file from disk, an overlay or stdin. Returns nullopt after
  // reporting when it cannot.
  std::optional<std::string> Read(const Source& src, diag::SourceRange from) {
    auto too_large = [&](uintmax_t size) {
      diag::FileId id = program_->sources.AddFile(src.display, "");
      diags_.Report(Code::E0005, {id, 0, 0}, size, options_.max_file_bytes)
          .WithHelp("split the program into several files that import each other");
    };
    // Text open in an editor has the same limit as a file on disk.
    for (const auto& [path, text] : options_.overlays) {
      if (path != src.display && path != src.identity) continue;
      if (text.size() > options_.max_file_bytes) {
        too_large(text.size());
        return std::nullopt;
      }
      return text;
    }
    if (src.display == "-") {
      std::string text;
      char buffer[1 << 16];
      while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
        text.append(buffer, static_cast<size_t>(std::cin.gcount()));
        if (text.size() > options_.max_file_bytes) {
          too_large(text.size());
          return std::nullopt;
        }
      }
      return text;
    }
    fs::path path(src.display);
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      Unreadable(src, from, "no such file");
      return std::nullopt;
    }
    if (fs::is_directory(status)) {
      io_error_ = true;
      diags_.Report(Code::E0002, Where(src, from), src.display)
          .WithHelp(fmt::format("to check every file in it, pass `{}/*.concord`", src.display));
      return std::nullopt;
    }
    uintmax_t size = fs::is_regular_file(status) ? fs::file_size(path, ec) : 0;
    if (!ec && size > options_.max_file_bytes) {
      too_large(size);
      return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      Unreadable(src, from, "permission denied or not readable");
      return std::nullopt;
    }
    std::string text;
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
      text.append(buffer, static_cast<size_t>(in.gcount()));
      if (text.size() > options_.max_file_bytes) {  // a pipe or a growing file
        too_large(text.size());
        return std::nullopt;
      }
    }
    return text;
  }

  void Unreadable(const Source& src, diag::SourceRange from, const char* why) {
    io_error_ = true;
    diags_.Report(Code::E0001, Where(src, from), src.display, why);
  }

  // A file named on the command line has no import to point at, so its
  // diagnostics point at the file itself.
  diag::SourceRange Where(const Source& src, diag::SourceRange from) {
    if (from.valid()) return from;
    diag::FileId id = program_->sources.AddFile(src.display, "");
    return {id, 0, 0};
  }

  void Load(const Source& src, diag::SourceRange from, std::optional<std::string> given = {}) {
    if (loaded_.count(src.identity)) return;
    loaded_.insert(src.identity);
    std::optional<std::string> text = given ? given : Read(src, from);
    if (!text) return;

    // A NUL byte means binary: say so instead of listing encoding errors.
    size_t nul = text->find('\0');
    if (nul != std::string::npos) {
      diag::FileId id = program_->sources.AddFile(src.display, "");
      diags_.Report(Code::E0004, {id, 0, 0})
          .WithNote(fmt::format("the first NUL byte is at offset {}", nul));
      return;
    }
    std::string why;
    if (auto bad = FindInvalidUtf8(*text, &why)) {
      // Keep the text for the caret display, with undecodable bytes shown as `?`.
      std::string shown = *text;
      for (size_t i = *bad; i < shown.size(); ++i) {
        std::string ignored;
        if (FindInvalidUtf8(std::string_view(shown).substr(i, 1), &ignored)) shown[i] = '?';
      }
      diag::FileId id = program_->sources.AddFile(src.display, std::move(shown));
      uint32_t at = static_cast<uint32_t>(*bad);
      diags_.Report(Code::E0003, {id, at, at + 1}, why)
          .WithHelp("save the file as UTF-8 in your editor");
      return;
    }

    // The standard library is part of every program and does not count.
    if (!src.is_stdlib) {
      if (program_bytes_ + text->size() > options_.max_program_bytes) {
        diags_
            .Report(Code::E0007, Where(src, from), program_bytes_ + text->size(),
                    options_.max_program_bytes)
            .WithNote(fmt::format("`{}` is not loaded; nothing it imports is loaded either",
                                  src.display));
        return;
      }
      program_bytes_ += text->size();
    }
    const LoadOptions::EventItems* items = nullptr;
    for (const LoadOptions::EventItems& e : options_.event_items) {
      if (e.path == src.display) items = &e;
    }
    diag::FileId id = program_->sources.AddFile(src.display, std::move(*text));
    syntax::ParseOptions parse_options;
    const char* ll_only = std::getenv("CONCORD_PARSE_LL_ONLY");
    parse_options.two_stage = !(ll_only && std::string_view(ll_only) == "1");
    std::string blanked;
    if (items) blanked = BlankRanges(program_->sources.Text(id), items->ranges);
    if (items) parse_options.text = &blanked;
    auto file = std::make_unique<ast::File>(
        syntax::ParseFile(program_->sources, id, diags_, parse_options));
    if (items && file->scenarios.size() == 1) {
      std::vector<ast::Event>& events = file->scenarios.front().events;
      events.reserve(events.size() + items->ranges.size());
      for (const auto& [begin, end] : items->ranges) {
        auto event = syntax::ParseEventLine(program_->sources, id, begin, end, diags_);
        if (event) events.push_back(std::move(*event));
      }
    }

    // `events from "FILE"`: read now, relative to this file, so the events
    // are declared and checked with the scenario's own.
    if (!src.is_stdlib) ReadEventStreams(program_->sources, src.directory, *file, diags_);
    if (!src.is_stdlib) {
      size_t declared = file->fns.size() + file->concords.size() + file->charters.size() +
                        file->treaties.size() + file->scenarios.size();
      if (declarations_ + declared > options_.max_declarations) {
        diags_
            .Report(Code::E0008, from.valid() ? from : diag::SourceRange{id, 0, 0},
                    declarations_ + declared, options_.max_declarations)
            .WithNote(fmt::format("`{}` is not checked; nothing it imports is loaded", src.display))
            .WithHelp("split the program: check each community's files on their own");
        return;
      }
      declarations_ += declared;
    }
    stack_.push_back(src.display);
    stack_ids_.push_back(src.identity);
    for (const ast::Import& imp : file->imports) {
      if (imp.is_module) {
        if (imp.target.rfind("std.", 0) != 0) {
          diags_.Report(
              Code::E0206, imp.range, imp.target,
              "module names start with `std.`; to import a file, write its path in quotes");
          continue;
        }
        std::string module = imp.target.substr(4);
        if (std::count(stack_ids_.begin(), stack_ids_.end(), "std:" + module)) continue;
        LoadStdlib(module, imp.range);
        continue;
      }
      if (src.is_stdlib) continue;
      fs::path target = (src.directory / imp.target).lexically_normal();
      std::error_code ec;
      fs::path canonical = fs::weakly_canonical(target, ec);
      std::string identity = ec ? target.string() : canonical.string();
      auto on_stack = std::find(stack_ids_.begin(), stack_ids_.end(), identity);
      if (on_stack != stack_ids_.end()) {
        std::string chain;
        for (auto it = on_stack; it != stack_ids_.end(); ++it) {
          chain += stack_[it - stack_ids_.begin()] + " -> ";
        }
        chain += target.string();
        diags_.Report(Code::E0207, imp.range, chain)
            .WithHelp("move what both files need into a third file that each imports");
        continue;
      }
      // An overlay stands for a file that need not be on disk: an editor's
      // unsaved buffer, or a program read back from a ledger (docs/ledger.md).
      bool overlaid = std::any_of(options_.overlays.begin(), options_.overlays.end(),
                                  [&](const auto& o) { return o.first == target.string(); });
      if (!overlaid && !fs::exists(target, ec)) {
        diags_.Report(Code::E0206, imp.range, imp.target,
                      fmt::format("no file `{}`", target.string()));
        continue;
      }
      Source child{target.string(), identity, target.parent_path(), false};
      Load(child, imp.range);
    }
    stack_.pop_back();
    stack_ids_.pop_back();
    program_->files.push_back(std::move(file));
    program_->is_stdlib.push_back(src.is_stdlib);
  }

  const LoadOptions& options_;
  diag::DiagnosticEngine& diags_;
  std::unique_ptr<sema::Program> program_;
  std::set<std::string> loaded_;
  std::vector<std::string> stack_;
  std::vector<std::string> stack_ids_;
  size_t program_bytes_ = 0;
  size_t declarations_ = 0;
  bool io_error_ = false;
};

}  // namespace

LoadResult LoadProgram(const std::vector<std::string>& paths, const LoadOptions& options,
                       diag::DiagnosticEngine& diags) {
  Loader loader(options, diags);
  for (const std::string& path : paths) loader.LoadRoot(path);
  return loader.Finish();
}

}  // namespace concord::pipeline
