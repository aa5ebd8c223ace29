// Reading concord.toml with toml++. toml++ throws on syntax errors; the throw
// stops here and becomes an E0006 diagnostic pointing into the file, like
// every other mistake in a user's input.
#include "compiler/lint/project_file.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <cctype>
#include <fstream>
#include <map>
#include <sstream>
#include <system_error>

#include "compiler/sema/did_you_mean.h"

namespace concord::lint {
namespace {

// Same limit as for .concord files: a project file is a few lines, and a huge
// one is a mistake, not a configuration.
constexpr uintmax_t kMaxProjectFileBytes = 8u << 20;

bool IsContinuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

// toml++ positions are 1-based lines and columns in code points.
uint32_t OffsetOf(const diag::SourceManager& sources, diag::FileId file,
                  const toml::source_position& pos) {
  std::string_view text = sources.Text(file);
  if (pos.line == 0 || pos.line > sources.LineCount(file))
    return static_cast<uint32_t>(text.size());
  uint32_t offset = sources.LineStart(file, pos.line);
  for (uint32_t column = 1; column < pos.column && offset < text.size() && text[offset] != '\n';
       ++column) {
    ++offset;
    while (offset < text.size() && IsContinuation(static_cast<unsigned char>(text[offset]))) {
      ++offset;
    }
  }
  return offset;
}

diag::SourceRange RangeOf(const diag::SourceManager& sources, diag::FileId file,
                          const toml::source_region& region) {
  uint32_t begin = OffsetOf(sources, file, region.begin);
  uint32_t end = OffsetOf(sources, file, region.end);
  if (end < begin) end = begin;
  return {file, begin, end};
}

std::string Quoted(std::string_view s) {
  return fmt::format("\"{}\"", s);
}

// What a value is, in TOML's words, for "found ..." messages.
std::string Describe(const toml::node& node) {
  if (const auto* s = node.as_string()) return fmt::format("the string {}", Quoted(s->get()));
  switch (node.type()) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a number";
    case toml::node_type::boolean:
      return "a boolean";
    default:
      return "a date or time";
  }
}

class Parser {
 public:
  Parser(const diag::SourceManager& sources, diag::FileId file, diag::DiagnosticEngine& diags)
      : sources_(sources), file_(file), diags_(diags) {}

  bool Parse(std::vector<LevelSetting>& out) {
    toml::table root;
    try {
      root = toml::parse(sources_.Text(file_), sources_.Path(file_));
    } catch (const toml::parse_error& e) {
      // toml++ capitalises its messages; ours are lowercase.
      std::string why(e.description());
      if (!why.empty())
        why[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(why[0])));
      Error(RangeOf(sources_, file_, e.source()), why);
      return false;
    }
    for (auto&& [key, node] : root) {
      if (key.str() != "lints") {
        auto& d = Error(
            RangeOf(sources_, file_, key.source()),
            fmt::format("unknown key `{}`: concord.toml has a `[lints]` table only", key.str()));
        if (auto near = sema::ClosestName(key.str(), {"lints"})) {
          d.WithHelp(fmt::format("did you mean `[{}]`?", *near));
        }
        continue;
      }
      const toml::table* lints = node.as_table();
      if (!lints) {
        Error(RangeOf(sources_, file_, node.source()),
              fmt::format("`lints` must be a table such as `[lints]`, found {}", Describe(node)));
        continue;
      }
      ParseLints(*lints, out);
    }
    return ok_;
  }

 private:
  void ParseLints(const toml::table& lints, std::vector<LevelSetting>& out) {
    // toml++ iterates keys in sorted order, so settings are sorted too; the
    // order does not matter because a code can be set only once here.
    std::map<std::optional<diag::Code>, std::string> seen;
    for (auto&& [key, node] : lints) {
      diag::SourceRange key_range = RangeOf(sources_, file_, key.source());
      diag::SourceRange value_range = RangeOf(sources_, file_, node.source());
      const auto* text = node.as_string();
      std::optional<Level> level = text ? LevelFromName(text->get()) : std::nullopt;
      if (!level) {
        auto& d = Error(value_range, fmt::format("`{}` must be \"allow\", \"warn\" or \"deny\", "
                                                 "found {}",
                                                 key.str(), Describe(node)));
        if (text) {
          if (auto near = sema::ClosestName(text->get(), {"allow", "warn", "deny"})) {
            d.WithHelp(fmt::format("did you mean {}?", Quoted(*near)));
          }
        }
        continue;
      }
      std::string why;
      std::optional<LevelSetting> setting = ParseSetting(key.str(), *level, &why);
      if (!setting) {
        Error(key_range, why);
        continue;
      }
      auto [it, fresh] = seen.emplace(setting->code, std::string(key.str()));
      if (!fresh) {
        Error(key_range,
              fmt::format("`{}` sets the same lint as `{}` again", key.str(), it->second));
        continue;
      }
      out.push_back(*setting);
    }
  }

  diag::Diagnostic& Error(diag::SourceRange range, std::string why) {
    ok_ = false;
    return diags_.Report(diag::Code::E0006, range, why);
  }

  const diag::SourceManager& sources_;
  diag::FileId file_;
  diag::DiagnosticEngine& diags_;
  bool ok_ = true;
};

}  // namespace

std::optional<std::filesystem::path> FindProjectFile(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::path current = std::filesystem::absolute(dir, ec).lexically_normal();
  if (ec) return std::nullopt;
  while (true) {
    std::filesystem::path candidate = current / kProjectFileName;
    if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
    std::filesystem::path parent = current.parent_path();
    if (parent == current || parent.empty()) return std::nullopt;
    current = parent;
  }
}

bool ParseProjectFile(const diag::SourceManager& sources, diag::FileId file,
                      std::vector<LevelSetting>& out, diag::DiagnosticEngine& diags) {
  return Parser(sources, file, diags).Parse(out);
}

ProjectLoad LoadProjectFile(const std::filesystem::path& dir, LintConfig& config,
                            diag::SourceManager& sources, diag::DiagnosticEngine& diags) {
  ProjectLoad result;
  std::optional<std::filesystem::path> found = FindProjectFile(dir);
  if (!found) return result;
  std::error_code ec;
  std::filesystem::path shown = std::filesystem::proximate(*found, ec);
  config.project_path = (ec ? *found : shown).string();

  uintmax_t size = std::filesystem::file_size(*found, ec);
  if (!ec && size > kMaxProjectFileBytes) {
    diag::FileId file = sources.AddFile(config.project_path, "");
    diags.Report(diag::Code::E0005, {file, 0, 0}, size, kMaxProjectFileBytes);
    result.ok = false;
    return result;
  }
  std::ifstream in(*found, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in || in.bad()) {
    diags.Report(diag::Code::E0001, {}, config.project_path, "it cannot be opened");
    result.ok = false;
    return result;
  }
  diag::FileId file = sources.AddFile(config.project_path, text.str());
  result.file = file;
  result.ok = ParseProjectFile(sources, file, config.project, diags);
  return result;
}

}  // namespace concord::lint
