// `concord fmt FILES [--check] [--write]`: prints each file in the canonical
// layout (docs/reference-fmt.md), or with `--check` prints a diff for each
// file that is not in it, or with `--write` rewrites the files that are not.
// A file with syntax errors is never formatted: its diagnostics are printed
// as `concord check` prints them, and the exit code is 1.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "compiler/driver/cli.h"
#include "compiler/driver/commands.h"
#include "compiler/format/format.h"
#include "compiler/format/unified_diff.h"
#include "compiler/pipeline/loader.h"

namespace concord::driver {
namespace {

namespace fs = std::filesystem;
using diag::Code;

struct FmtOptions {
  std::vector<std::string> files;
  bool check = false;
  bool write = false;
  OutputOptions output;
};

// The same size limit as every other command (E0005).
constexpr size_t kMaxFileBytes = 8u << 20;

class Formatter {
 public:
  explicit Formatter(const FmtOptions& options) : options_(options) {}

  int Run() {
    if (options_.check && options_.write) {
      std::fputs("error: `--check` and `--write` cannot be used together\n", stderr);
      return kExitUsage;
    }
    for (const std::string& path : options_.files) {
      if (options_.write && path == "-") {
        std::fputs("error: `--write` cannot rewrite standard input; omit `--write` to print\n",
                   stderr);
        return kExitUsage;
      }
    }
    for (const std::string& path : options_.files) FormatOne(path);
    EmitDiagnostics(diags_, sources_, options_.output, Subject(options_.files), "format");
    if (options_.check && unformatted_ > 0) {
      size_t total = options_.files.size();
      std::fprintf(stderr, "%zu of %zu %s %s not formatted; `concord fmt --write` formats %s\n",
                   unformatted_, total, total == 1 ? "file" : "files",
                   unformatted_ == 1 ? "is" : "are", unformatted_ == 1 ? "it" : "them");
    }
    if (io_error_) return kExitUsage;
    if (diags_.has_errors() || unformatted_ > 0) return kExitInputErrors;
    return kExitOk;
  }

 private:
  void FormatOne(const std::string& path) {
    std::optional<std::string> text = Read(path);
    if (!text) return;
    diag::FileId file = sources_.AddFile(path, std::move(*text));
    if (!Valid(file)) return;
    format::FormatResult result = format::FormatFile(sources_, file);
    if (!result.ok) {
      for (diag::Diagnostic& d : result.diagnostics) diags_.Add(std::move(d));
      return;
    }
    std::string_view original = sources_.Text(file);
    if (options_.check) {
      std::string diff = format::UnifiedDiff(original, result.text, "a/" + path, "b/" + path);
      if (!diff.empty()) {
        ++unformatted_;
        std::fputs(diff.c_str(), stdout);
      }
    } else if (options_.write) {
      if (original != result.text) WriteAtomically(file, path, result.text);
    } else {
      std::fwrite(result.text.data(), 1, result.text.size(), stdout);
    }
    std::fflush(stdout);
  }

  // Reads a file or standard input; reports E0001, E0002 or E0005 when it cannot.
  std::optional<std::string> Read(const std::string& path) {
    auto refuse = [&](Code code, auto... args) {
      io_error_ = code != Code::E0005;
      diag::FileId id = sources_.AddFile(path, "");
      diags_.Report(code, {id, 0, 0}, args...);
      return std::nullopt;
    };
    std::istream* in = &std::cin;
    std::ifstream file;
    if (path != "-") {
      std::error_code ec;
      auto status = fs::status(path, ec);
      if (ec || !fs::exists(status)) return refuse(Code::E0001, path, "no such file");
      if (fs::is_directory(status)) return refuse(Code::E0002, path);
      file.open(path, std::ios::binary);
      if (!file) return refuse(Code::E0001, path, "permission denied or not readable");
      in = &file;
    }
    std::string text;
    char buffer[1 << 16];
    while (in->read(buffer, sizeof buffer) || in->gcount() > 0) {
      text.append(buffer, static_cast<size_t>(in->gcount()));
      if (text.size() > kMaxFileBytes) return refuse(Code::E0005, text.size(), kMaxFileBytes);
    }
    return text;
  }

  // Binary or non-UTF-8 text is refused as every command refuses it.
  bool Valid(diag::FileId file) {
    std::string_view text = sources_.Text(file);
    size_t nul = text.find('\0');
    if (nul != std::string_view::npos) {
      diags_.Report(Code::E0004, {file, 0, 0})
          .WithNote(fmt::format("the first NUL byte is at offset {}", nul));
      return false;
    }
    std::string why;
    if (auto bad = pipeline::FindInvalidUtf8(text, &why)) {
      // Shown without a caret: the line holds bytes a terminal cannot show.
      diags_.Report(Code::E0003, {file, 0, 0}, why)
          .WithNote(fmt::format("the first bad byte is at offset {}", *bad));
      return false;
    }
    return true;
  }

  // Writes a temporary file next to `path` and renames it over `path`, so a
  // reader sees the old file or the new one, never a part of either.
  void WriteAtomically(diag::FileId file, const std::string& path, const std::string& text) {
    auto fail = [&](const std::string& why) {
      io_error_ = true;
      diags_.Report(Code::E0092, {file, 0, 0}, path, why);
    };
    // Through a symbolic link: the file it points to is rewritten and the link
    // stays a link (renaming over the link itself would replace it).
    std::error_code ec;
    fs::path target = fs::is_symlink(path, ec) ? fs::canonical(path, ec) : fs::path(path);
    if (ec) {
      fail(fmt::format("cannot follow the symbolic link: {}", ec.message()));
      return;
    }
    fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    std::string temp = (dir / ("." + target.filename().string() + ".fmt-XXXXXX")).string();
    int fd = mkstemp(temp.data());
    if (fd < 0) {
      fail(fmt::format("cannot create a temporary file in `{}`: {}", dir.string(),
                       std::strerror(errno)));
      return;
    }
    struct stat st;
    if (stat(target.c_str(), &st) == 0) fchmod(fd, st.st_mode & 07777);
    size_t written = 0;
    while (written < text.size()) {
      ssize_t n = ::write(fd, text.data() + written, text.size() - written);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      written += static_cast<size_t>(n);
    }
    int saved = errno;
    bool ok = written == text.size() && fsync(fd) == 0;
    if (!ok && saved == 0) saved = errno;
    ok = (close(fd) == 0) && ok;
    if (!ok) {
      unlink(temp.c_str());
      fail(fmt::format("cannot write the temporary file: {}", std::strerror(saved ? saved : EIO)));
      return;
    }
    if (std::rename(temp.c_str(), target.c_str()) != 0) {
      int why = errno;
      unlink(temp.c_str());
      fail(fmt::format("cannot replace the file: {}", std::strerror(why)));
    }
  }

  const FmtOptions& options_;
  diag::SourceManager sources_;
  diag::DiagnosticEngine diags_;
  size_t unformatted_ = 0;
  bool io_error_ = false;
};

}  // namespace

CLI::App* AddFmtCommand(CLI::App& app, std::function<int()>* run) {
  auto options = std::make_shared<FmtOptions>();
  CLI::App* cmd = app.add_subcommand(
      "fmt", "Print files in the canonical layout, check that they are in it, or rewrite them");
  cmd->add_option("files", options->files, "Files to format (`-` reads standard input)")
      ->required();
  cmd->add_flag("--check", options->check,
                "Print a diff for each file that is not formatted and exit 1; change nothing");
  cmd->add_flag("--write", options->write,
                "Rewrite the files that are not formatted, in place and atomically");
  AddOutputOptions(cmd, options->output);
  *run = [options] { return Formatter(*options).Run(); };
  return cmd;
}

}  // namespace concord::driver
