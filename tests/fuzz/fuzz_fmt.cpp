// The formatter's promises on every input that parses
// (docs/reference-fmt.md): the output parses, CheckFormatting (same syntax
// tree, every comment kept) finds nothing, and formatting the output again
// changes nothing. Any violation aborts with both texts.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "compiler/diag/engine.h"
#include "compiler/diag/render.h"
#include "compiler/diag/source_manager.h"
#include "compiler/format/format.h"
#include "compiler/syntax/parser.h"
#include "tests/fuzz/fuzz_input.h"

namespace {

[[noreturn]] void Violation(const char* what, const std::string& original,
                            const std::string& formatted, const std::string& detail) {
  std::fprintf(stderr,
               "fuzz_fmt: %s\n--- original ---\n%s\n--- formatted ---\n%s\n--- detail ---\n%s\n",
               what, original.c_str(), formatted.c_str(), detail.c_str());
  std::abort();
}

bool Parses(const std::string& text) {
  concord::diag::SourceManager sources;
  concord::diag::FileId file = sources.AddFile("input.concord", text);
  concord::diag::DiagnosticEngine diags;
  (void)concord::syntax::ParseFile(sources, file, diags);
  return !diags.has_errors();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string original = concord::fuzz::AsText(data, size);
  if (!Parses(original)) return 0;  // the formatter promises nothing here

  concord::format::FormatResult first = concord::format::FormatSource(original, "input.concord");
  if (!first.ok) {
    concord::diag::SourceManager sources;
    sources.AddFile("input.concord", original);
    Violation("a file that parses was not formatted", original, "",
              concord::diag::RenderHuman(first.diagnostics, sources, false));
  }
  if (!Parses(first.text)) Violation("the formatted text does not parse", original, first.text, "");

  concord::diag::SourceManager sources;
  concord::diag::FileId original_file = sources.AddFile("input.concord", original);
  concord::diag::FileId formatted_file = sources.AddFile("formatted.concord", first.text);
  auto problems = concord::format::CheckFormatting(sources, original_file, formatted_file);
  if (!problems.empty()) {
    Violation("CheckFormatting rejects the output", original, first.text,
              concord::diag::RenderHuman(problems, sources, false));
  }

  concord::format::FormatResult second =
      concord::format::FormatSource(first.text, "formatted.concord");
  if (!second.ok || second.text != first.text) {
    Violation("formatting is not a fixed point", original, first.text, second.text);
  }
  return 0;
}
