// Diagnostics as a SARIF 2.1.0 log (`--format sarif`) for code-scanning
// services such as GitHub's. Decisions, also in docs/diagnostics.md:
//  - one run; tool.driver.rules lists only the codes that occur, in registry
//    order, each with its explanation from docs/codes as help;
//  - columns count Unicode code points (run.columnKind), as the terminal
//    output does, and end columns are exclusive, as SARIF defines them;
//  - relative paths are URIs relative to %SRCROOT% (the directory the command
//    ran in); absolute ones become file:// URIs;
//  - a diagnostic without a location (an unreadable file, a bad flag) is not a
//    finding in code, so it becomes a tool execution notification of the run's
//    invocation rather than a result;
//  - nothing depends on time or the machine, so the same input gives the same
//    bytes (no timestamps, GUIDs or absolute working directory).
#include <algorithm>
#include <cctype>
#include <deque>
#include <map>
#include <nlohmann/json.hpp>

#include "compiler/diag/explain.h"
#include "compiler/diag/render.h"

namespace concord::diag {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kInformationUri = "https://github.com/concord-lang/concord";
constexpr std::string_view kCodeDocsUri =
    "https://github.com/concord-lang/concord/blob/main/docs/codes/";

bool IsLocated(const SourceManager& sources, SourceRange range) {
  return range.valid() && range.file < sources.file_count();
}

std::string_view Level(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Note:
      return "note";
  }
  return "error";
}

// "unknown-name" -> "UnknownName": SARIF asks for rule names that read as
// identifiers.
std::string PascalCase(std::string_view slug) {
  std::string out;
  bool upper = true;
  for (char c : slug) {
    if (c == '-' || c == '_' || c == ' ') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

// Percent-encodes everything but unreserved characters and the separators
// that keep their meaning in a path.
std::string EncodePath(std::string_view path, bool keep_colon) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : path) {
    unsigned char c = static_cast<unsigned char>(ch);
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '.' || c == '_' || c == '~' || c == '/' ||
                (keep_colon && c == ':');
    if (keep) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

// The artifactLocation for a path exactly as the user gave it.
Json ArtifactLocation(std::string_view given) {
  std::string path(given);
  std::replace(path.begin(), path.end(), '\\', '/');
  bool windows_drive = path.size() >= 3 && std::isalpha(static_cast<unsigned char>(path[0])) &&
                       path[1] == ':' && path[2] == '/';
  Json j;
  if (path.starts_with("/")) {
    j["uri"] = "file://" + EncodePath(path, false);
  } else if (windows_drive) {
    j["uri"] = "file:///" + EncodePath(path, true);
  } else {
    while (path.starts_with("./")) path.erase(0, 2);
    j["uri"] = EncodePath(path, false);
    j["uriBaseId"] = "%SRCROOT%";
  }
  return j;
}

// The first paragraph after the title of an explanation: what the code means.
std::string FirstParagraph(std::string_view markdown) {
  size_t start = markdown.find('\n');
  if (start == std::string_view::npos) return {};
  std::string out;
  size_t pos = start + 1;
  while (pos < markdown.size()) {
    size_t end = markdown.find('\n', pos);
    std::string_view line = markdown.substr(pos, end == std::string_view::npos ? end : end - pos);
    pos = end == std::string_view::npos ? markdown.size() : end + 1;
    if (line.empty() || line == "\r") {
      if (out.empty()) continue;
      break;
    }
    if (!out.empty()) out += ' ';
    out += line;
  }
  return out;
}

// Builds one run. Artifacts and rules are indexed in order of first use so
// results can refer to them by index.
class SarifBuilder {
 public:
  explicit SarifBuilder(const SourceManager& sources) : sources_(sources) {}

  // Rules for every code used, in registry order, so that the rule list and
  // the indices into it do not depend on the order of the diagnostics.
  Json Rules(const std::vector<Diagnostic>& diagnostics) {
    // A concord may define its own codes (reported under C000 with a custom
    // name): each becomes a rule of its own.
    std::vector<std::pair<Code, std::string>> used;
    for (const Diagnostic& d : diagnostics) used.emplace_back(d.code, std::string(CodeName(d)));
    std::sort(used.begin(), used.end());
    used.erase(std::unique(used.begin(), used.end()), used.end());
    Json rules = Json::array();
    for (const auto& [code, name] : used) {
      rule_index_[name] = rules.size();
      CodeInfo info = Info(code);
      if (name != info.name) {
        custom_names_.push_back(name);
        info.name = custom_names_.back();
        info.summary = "a requirement of a concord defined in this program";
      }
      rules.push_back(Rule(info));
    }
    return rules;
  }

  Json Region(SourceRange range) const {
    uint32_t size = static_cast<uint32_t>(sources_.Text(range.file).size());
    uint32_t begin = std::min(range.begin, size);
    uint32_t end = std::clamp(range.end, begin, size);
    LineColumn start = sources_.Position(range.file, begin);
    LineColumn stop = sources_.Position(range.file, end);
    Json j;
    j["startLine"] = start.line;
    j["startColumn"] = start.column;
    j["endLine"] = stop.line;
    j["endColumn"] = stop.column;
    return j;
  }

  Json Artifact(FileId file) {
    auto [it, inserted] = artifact_index_.try_emplace(file, artifact_files_.size());
    if (inserted) artifact_files_.push_back(file);
    Json j = ArtifactLocation(sources_.Path(file));
    j["index"] = it->second;
    return j;
  }

  Json PhysicalLocation(SourceRange range) {
    Json j;
    j["artifactLocation"] = Artifact(range.file);
    j["region"] = Region(range);
    return j;
  }

  Json Result(const Diagnostic& d) {
    Json j;
    j["ruleId"] = CodeName(d);
    j["ruleIndex"] = rule_index_.at(std::string(CodeName(d)));
    j["level"] = Level(d.severity);
    j["message"] = Message(d);
    Json location;
    location["physicalLocation"] = PhysicalLocation(d.range);
    j["locations"] = Json::array({location});

    Json related = Json::array();
    int id = 1;
    auto relate = [&](SourceRange range, std::string_view message) {
      Json r;
      r["id"] = id++;
      r["physicalLocation"] = PhysicalLocation(range);
      if (!message.empty()) r["message"]["text"] = message;
      related.push_back(std::move(r));
    };
    for (const Label& l : d.labels) {
      if (IsLocated(sources_, l.range)) relate(l.range, l.message);
    }
    for (const Note& n : d.notes) {
      if (IsLocated(sources_, n.range)) relate(n.range, n.message);
    }
    if (!related.empty()) j["relatedLocations"] = std::move(related);

    Json fixes = Json::array();
    for (const FixIt& f : d.fixits) {
      if (!IsLocated(sources_, f.range)) continue;
      Json replacement;
      replacement["deletedRegion"] = Region(f.range);
      replacement["insertedContent"]["text"] = f.replacement;
      Json change;
      change["artifactLocation"] = Artifact(f.range.file);
      change["replacements"] = Json::array({replacement});
      Json fix;
      fix["description"]["text"] =
          f.description.empty() ? "apply the suggested edit" : f.description;
      fix["artifactChanges"] = Json::array({change});
      fixes.push_back(std::move(fix));
    }
    if (!fixes.empty()) j["fixes"] = std::move(fixes);
    return j;
  }

  Json Notification(const Diagnostic& d) {
    Json j;
    j["level"] = Level(d.severity);
    j["message"] = Message(d);
    j["associatedRule"]["id"] = CodeName(d);
    j["associatedRule"]["index"] = rule_index_.at(std::string(CodeName(d)));
    return j;
  }

  Json Artifacts() const {
    Json artifacts = Json::array();
    for (FileId file : artifact_files_) {
      Json a;
      a["location"] = ArtifactLocation(sources_.Path(file));
      a["sourceLanguage"] = "concord";
      artifacts.push_back(std::move(a));
    }
    return artifacts;
  }

 private:
  // SARIF has no place for notes without a location or for help, so they
  // follow the message text on lines of their own, as in the terminal.
  Json Message(const Diagnostic& d) const {
    std::string text = d.message;
    for (const Label& l : d.labels) {
      if (!IsLocated(sources_, l.range)) text += "\nnote: " + l.message;
    }
    for (const Note& n : d.notes) {
      if (!IsLocated(sources_, n.range)) text += "\nnote: " + n.message;
    }
    if (d.help) text += "\nhelp: " + *d.help;
    Json j;
    j["text"] = text;
    return j;
  }

  static Json Rule(const CodeInfo& info) {
    Json rule;
    rule["id"] = info.name;
    rule["name"] = PascalCase(info.slug);
    rule["shortDescription"]["text"] = info.summary;
    std::optional<std::string_view> explanation = Explain(info.name);
    std::string full = explanation ? FirstParagraph(*explanation) : std::string();
    rule["fullDescription"]["text"] = full.empty() ? std::string(info.summary) : full;
    rule["defaultConfiguration"]["level"] = Level(info.default_severity);
    rule["helpUri"] = std::string(kCodeDocsUri) + std::string(info.name) + ".md";
    if (explanation) {
      rule["help"]["text"] = *explanation;
      rule["help"]["markdown"] = *explanation;
    } else {
      rule["help"]["text"] = info.summary;
    }
    return rule;
  }

  const SourceManager& sources_;
  std::map<std::string, size_t> rule_index_;
  std::deque<std::string> custom_names_;  // stable storage for custom rule ids
  std::map<FileId, size_t> artifact_index_;
  std::vector<FileId> artifact_files_;
};

}  // namespace

std::string RenderSarif(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources,
                        std::string_view tool_version) {
  SarifBuilder builder(sources);
  Json rules = builder.Rules(diagnostics);
  Json results = Json::array();
  Json notifications = Json::array();
  bool execution_successful = true;
  for (const Diagnostic& d : diagnostics) {
    if (IsLocated(sources, d.range)) {
      results.push_back(builder.Result(d));
    } else {
      notifications.push_back(builder.Notification(d));
      if (d.severity == Severity::Error) execution_successful = false;
    }
  }

  Json driver;
  driver["name"] = "concord";
  driver["informationUri"] = kInformationUri;
  driver["version"] = tool_version;
  driver["rules"] = std::move(rules);

  Json invocation;
  invocation["executionSuccessful"] = execution_successful;
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);

  Json run;
  run["tool"]["driver"] = std::move(driver);
  run["invocations"] = Json::array({invocation});
  run["artifacts"] = builder.Artifacts();
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results);

  Json log;
  log["$schema"] = kSchema;
  log["version"] = "2.1.0";
  log["runs"] = Json::array({run});
  return log.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace concord::diag
