// What the word under the cursor is: a declared name (charter, rule, fund,
// member, fn, parameter, ...), a concord requirement named by its code, a
// diagnostic code, or a keyword. Names resolve the way sema scopes them: the
// declaration the cursor is in first (its names, implicit names and
// parameters), then the program's globals. Hover, definition and semantic
// tokens share this.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/lsp/analysis.h"
#include "compiler/sema/checked_program.h"

namespace concord::lsp {

// A declaration found in the syntax tree alone, for documents that do not
// parse (sema does not run then): what the tree says, without types.
struct SyntacticDeclaration {
  std::string kind;  // "charter", "rule", ...
  diag::SourceRange name;
  std::string title;
};

struct Target {
  diag::SourceRange word;  // in the document
  std::string text;
  const sema::Symbol* symbol = nullptr;
  bool is_declaration = false;                         // the cursor is on the declaring identifier
  const sema::RequirementInfo* requirement = nullptr;  // `C002` naming a requirement
  // Set instead of `symbol` when the document did not parse.
  std::optional<SyntacticDeclaration> syntactic;
};

// The identifier-like word at byte `offset` of the document (the cursor may
// sit just after it); nullopt on whitespace, punctuation, strings' insides
// are not told apart.
std::optional<Target> WordAt(const Analysis& analysis, uint32_t offset);

// WordAt, then resolves the word: through sema when the document parsed,
// else by name among the declarations of the syntax trees (the enclosing
// declaration's first, then every file's).
std::optional<Target> FindTarget(const Analysis& analysis, uint32_t offset);

// Resolves `name` as seen from `offset` of the document; null when unknown.
const sema::Symbol* ResolveName(const sema::CheckedProgram& checked, diag::FileId file,
                                uint32_t offset, std::string_view name);

// Every symbol with a declaring identifier, in program order.
std::vector<const sema::Symbol*> DeclaredSymbols(const sema::CheckedProgram& checked);

// A concord requirement whose code is `code` (`C002`), searching every concord.
const sema::RequirementInfo* FindRequirement(const sema::CheckedProgram& checked,
                                             std::string_view code);

// A byte of a word. Every byte of a non-ASCII character counts, so `josé`,
// `e` + U+0301 and `李娜` are whole words: the parser has already reported
// the characters that cannot be in a name (E0105), and a word that is no
// name resolves to nothing.
inline bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace concord::lsp
