// Reads the files of a program and everything they import: size and encoding
// checks, parsing, import resolution and cycle detection. The command line
// and the language server both start here.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "compiler/diag/engine.h"
#include "compiler/sema/program.h"

namespace concord::pipeline {

struct LoadOptions {
  // Files larger than this are refused (E0005) before they are parsed.
  size_t max_file_bytes = 8u << 20;
  // All the files of a program together (E0007), so that imports cannot
  // multiply the per-file limit without end.
  size_t max_program_bytes = 64u << 20;
  // Top-level declarations (charters, treaties, concords, fns, scenarios)
  // of all the files of a program together (E0008).
  size_t max_declarations = 100'000;
  // Text for paths that are open in an editor, used instead of the disk.
  std::vector<std::pair<std::string, std::string>> overlays;
  // Files (by path) whose one scenario holds these byte ranges of dated
  // events: the rest of the file is parsed as usual, each range on its own
  // (syntax::ParseEventLine), appended in order. A ledger's history is read
  // this way, so its size is not bounded by the token limit (E0114).
  struct EventItems {
    std::string path;
    std::vector<std::pair<uint32_t, uint32_t>> ranges;  // [begin, end), in order
  };
  std::vector<EventItems> event_items;
  // The program's files get ids from this number on; the ids below it are
  // held by empty files, since they belong to other compilations. Several
  // compilations can so share one id space: a
  // ledger played across program versions compiles each version on its own
  // and shows the run's ranges, which point into every version, together.
  size_t first_file_id = 0;
};

struct LoadResult {
  std::unique_ptr<sema::Program> program;
  // A file could not be read at all (missing, a directory): exit code 2.
  bool io_error = false;
};

// `paths` as given on the command line; `-` reads standard input.
LoadResult LoadProgram(const std::vector<std::string>& paths, const LoadOptions& options,
                       diag::DiagnosticEngine& diags);

// Validates UTF-8; on failure returns the byte offset of the first bad byte
// and sets `why`.
std::optional<size_t> FindInvalidUtf8(std::string_view text, std::string* why);

}  // namespace concord::pipeline
