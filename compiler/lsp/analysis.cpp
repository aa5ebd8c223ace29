#include "compiler/lsp/analysis.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "compiler/lint/config.h"
#include "compiler/lint/project_file.h"
#include "compiler/lsp/uri.h"

namespace concord::lsp {
namespace fs = std::filesystem;

std::string_view Analysis::text() const {
  if (file == diag::kNoFile) return {};
  return program().sources.Text(file);
}

namespace {

// The levels `concord lint` would use for this document. A broken
// concord.toml is reported by `concord lint`; here the defaults apply, so
// a half-edited configuration does not silence every diagnostic.
lint::LintConfig ProjectConfig(const Document& document) {
  lint::LintConfig config;
  if (document.path == document.uri) return config;  // not a file on disk
  diag::SourceManager sources;
  diag::DiagnosticEngine diags;
  fs::path dir = fs::path(document.path).parent_path();
  lint::ProjectLoad loaded = lint::LoadProjectFile(dir, config, sources, diags);
  if (!loaded.ok) return lint::LintConfig{};
  return config;
}

}  // namespace

std::unique_ptr<Analysis> Analyze(const Document& document, const DocumentStore& store) {
  auto analysis = std::make_unique<Analysis>();
  pipeline::CompileOptions options;
  for (const auto& [uri, open] : store.documents()) {
    options.load.overlays.emplace_back(open.path, open.text);
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(open.path, ec);
    if (!ec && canonical.string() != open.path) {
      options.load.overlays.emplace_back(canonical.string(), open.text);
    }
  }
  options.lint = ProjectConfig(document);
  analysis->compilation = pipeline::Compile({document.path}, options);
  pipeline::Compilation& c = *analysis->compilation;
  const diag::SourceManager& sources = c.program->sources;
  for (diag::FileId id = 0; id < sources.file_count(); ++id) {
    if (sources.Path(id) == document.path) {
      analysis->file = id;
      break;
    }
  }
  analysis->diagnostics = c.diags.Sorted();
  return analysis;
}

std::string MaterializedStdlibPath(std::string_view display_path, std::string_view text) {
  std::error_code ec;
  fs::path dir = fs::temp_directory_path(ec) / ("concord-lsp-" + std::to_string(getuid()));
  fs::path path = dir / fs::path(display_path);
  std::ifstream in(path, std::ios::binary);
  std::stringstream existing;
  existing << in.rdbuf();
  if (!in || existing.str() != text) {
    // Written beside and renamed into place, so a second server starting at
    // the same time never reads half a file.
    fs::create_directories(path.parent_path(), ec);
    fs::path partial = path;
    partial += ".tmp" + std::to_string(getpid());
    {
      std::ofstream out(partial, std::ios::binary | std::ios::trunc);
      out << text;
    }
    fs::rename(partial, path, ec);
  }
  return path.string();
}

LocationMapper::LocationMapper(const Analysis& analysis, const Document& document,
                               PositionEncoding encoding)
    : analysis_(analysis), document_(document), encoding_(encoding) {}

const LineIndex& LocationMapper::IndexOf(diag::FileId file) {
  auto& slot = indexes_[file];
  if (!slot) slot = std::make_unique<LineIndex>(analysis_.program().sources.Text(file));
  return *slot;
}

std::string LocationMapper::Uri(diag::FileId file) {
  if (file == analysis_.file) return document_.uri;
  const sema::Program& program = analysis_.program();
  const std::string& path = program.sources.Path(file);
  for (size_t i = 0; i < program.files.size(); ++i) {
    if (program.files[i]->id == file && program.is_stdlib[i]) {
      return PathToUri(MaterializedStdlibPath(path, program.sources.Text(file)));
    }
  }
  return PathToUri(path);
}

Position LocationMapper::ToPosition(diag::FileId file, uint32_t offset) {
  return IndexOf(file).ToPosition(offset, encoding_);
}

LocationMapper::Range LocationMapper::ToRange(diag::SourceRange range) {
  return {ToPosition(range.file, range.begin),
          ToPosition(range.file, std::max(range.begin, range.end))};
}

uint32_t LocationMapper::DocumentOffset(Position position) {
  if (analysis_.file == diag::kNoFile) return 0;
  return IndexOf(analysis_.file).ToOffset(position, encoding_);
}

}  // namespace concord::lsp
