// `events from "FILE"`: a scenario's events read from a file as a stream,
// line by line (docs/reference.md, Event files). Each line is one event in
// the scenario event syntax, or one JSON object when FILE ends in `.jsonl`;
// the events are appended to the scenario's own and checked with them, so a
// file of a million events costs a million small parses rather than one
// parse tree, and is bounded by memory rather than by the 8 MiB source limit
// (E0005) or the token limit (E0114).
#pragma once

#include <filesystem>

#include "compiler/diag/engine.h"
#include "compiler/diag/source_manager.h"
#include "compiler/syntax/ast.h"

namespace concord::pipeline {

// Reads every `events from` of the scenarios of `file`, whose paths are
// relative to `directory` (the folder of the file that names them). The
// files join `sources`, so diagnostics point at FILE:LINE:COL.
void ReadEventStreams(diag::SourceManager& sources, const std::filesystem::path& directory,
                      ast::File& file, diag::DiagnosticEngine& diags);

}  // namespace concord::pipeline
