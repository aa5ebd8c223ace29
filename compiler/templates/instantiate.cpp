// Renaming a template's charter. The parser finds the exact byte ranges of
// the name, the title and the adoption date, so the edit never touches a
// comment or a string that happens to contain the same words.
#include "compiler/templates/instantiate.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "compiler/diag/engine.h"
#include "compiler/diag/source_manager.h"
#include "compiler/syntax/parser.h"

namespace concord::templates {
namespace {

struct Edit {
  diag::SourceRange range;
  std::string replacement;
};

// Parses `text` alone; the file name only appears in diagnostics nobody sees.
struct Parsed {
  diag::SourceManager sources;
  diag::DiagnosticEngine diags;
  ast::File file;
};

std::unique_ptr<Parsed> Parse(std::string_view text) {
  auto parsed = std::make_unique<Parsed>();
  diag::FileId id = parsed->sources.AddFile("template.concord", std::string(text));
  parsed->file = syntax::ParseFile(parsed->sources, id, parsed->diags);
  return parsed;
}

std::string Quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string TitleFromName(std::string_view name) {
  std::string title;
  bool word_start = true;
  for (char c : name) {
    if (c == '_') {
      // Several underscores in a row, or at either end, make no empty words.
      if (!title.empty() && title.back() != ' ') title += ' ';
      word_start = true;
      continue;
    }
    title += word_start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    word_start = false;
  }
  while (!title.empty() && title.back() == ' ') title.pop_back();
  return title;
}

std::variant<std::string, InstantiateError> Instantiate(const CharterTemplate& charter_template,
                                                        std::string_view name,
                                                        values::Date adopted) {
  auto original = Parse(charter_template.text);
  if (original->diags.has_errors() || original->file.charters.size() != 1) {
    // A template is checked by its own tests; reaching this is a build of
    // concord with a broken template, not a user mistake.
    return InstantiateError{"template `" + std::string(charter_template.name) +
                            "` does not hold exactly one charter that parses"};
  }
  const ast::CharterDecl& charter = original->file.charters.front();
  std::vector<Edit> edits;
  edits.push_back({charter.name.range, std::string(name)});
  std::string title = Quoted(TitleFromName(name));
  if (charter.title) {
    edits.push_back({charter.title->range, title});
  } else {
    edits.push_back(
        {{charter.name.range.file, charter.name.range.end, charter.name.range.end}, " " + title});
  }
  if (!charter.adopted) {
    return InstantiateError{"template `" + std::string(charter_template.name) +
                            "` has no `adopted` clause to date"};
  }
  edits.push_back({charter.adopted->range, adopted.ToString()});

  // From the last edit to the first, so earlier offsets stay valid.
  std::sort(edits.begin(), edits.end(),
            [](const Edit& a, const Edit& b) { return a.range.begin > b.range.begin; });
  std::string text(charter_template.text);
  for (const Edit& e : edits) {
    text.replace(e.range.begin, e.range.end - e.range.begin, e.replacement);
  }

  // The name must survive a parse as the charter's name: this rejects a
  // keyword, a capital letter, a space or a path in one place, with the
  // parser's own idea of an identifier (Unicode letters included).
  auto result = Parse(text);
  bool renamed = !result->diags.has_errors() && result->file.charters.size() == 1 &&
                 result->file.charters.front().name.name == name;
  if (!renamed) {
    return InstantiateError{"`" + std::string(name) +
                            "` is not a charter name: use lowercase letters, digits and `_`, "
                            "starting with a letter or `_` (not a keyword)"};
  }
  return text;
}

}  // namespace concord::templates
