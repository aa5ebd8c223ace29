// textDocument/completion: keywords, standard functions, and the names in
// scope at the cursor: the program's charters, treaties, concords, fns and
// scenarios, plus the names of the declaration the cursor is in (rules,
// ledgers, functions, metrics, funds, parties, members, parameters). Names
// come from the syntax tree, which exists even while the line being typed
// does not parse yet. The client filters by the typed prefix.
#include <set>

#include "compiler/lsp/features.h"
#include "compiler/lsp/keywords.h"
#include "compiler/sema/builtins.h"

namespace concord::lsp {
namespace {

// LSP CompletionItemKind.
enum ItemKind : int {
  kMethod = 2,
  kFunction = 3,
  kField = 5,
  kVariable = 6,
  kClass = 7,
  kInterface = 8,
  kModule = 9,
  kProperty = 10,
  kKeyword = 14,
  kStruct = 22,
  kEvent = 23,
};

class Items {
 public:
  void Add(const std::string& label, int kind, const std::string& detail) {
    if (label.empty() || !seen_.insert(label).second) return;
    items_.push_back({{"label", label}, {"kind", kind}, {"detail", detail}});
  }
  Json Take() { return std::move(items_); }

 private:
  std::set<std::string> seen_;
  Json items_ = Json::array();
};

bool Inside(diag::SourceRange range, diag::FileId file, uint32_t offset) {
  return range.valid() && range.file == file && range.begin <= offset && offset <= range.end;
}

}  // namespace

Json Completion(DocumentContext& context, const Json& params) {
  uint32_t offset = context.mapper.DocumentOffset(PositionFromJson(params.at("position")));
  diag::FileId here = context.analysis.file;
  Items items;
  // Local names first: they are the likeliest, and a client keeps the order
  // among equally good matches.
  for (const auto& file : context.analysis.program().files) {
    for (const ast::FnDecl& fn : file->fns) {
      if (!Inside(fn.range, here, offset)) continue;
      for (const ast::Param& p : fn.params) items.Add(p.name.name, kVariable, "parameter");
    }
    for (const ast::CharterDecl& c : file->charters) {
      if (!Inside(c.range, here, offset)) continue;
      for (const ast::Rule& r : c.rules) items.Add(r.name.name, kMethod, "rule");
      for (const ast::Ledger& l : c.ledgers) items.Add(l.name.name, kField, "ledger");
      for (const ast::Function& f : c.functions) items.Add(f.name.name, kField, "function");
      for (const ast::Metric& m : c.metrics) items.Add(m.name.name, kProperty, "metric");
      for (const ast::Office& o : c.offices) items.Add(o.name.name, kField, "office");
    }
    for (const ast::TreatyDecl& t : file->treaties) {
      if (!Inside(t.range, here, offset)) continue;
      for (const ast::Fund& f : t.funds) items.Add(f.name.name, kField, "fund");
      for (const ast::Rule& r : t.rules) items.Add(r.name.name, kMethod, "rule");
    }
    for (const ast::ScenarioDecl& s : file->scenarios) {
      if (!Inside(s.range, here, offset)) continue;
      for (const ast::MembersDecl& group : s.members) {
        for (const ast::Identifier& m : group.members) {
          items.Add(m.name, kVariable, "member of " + group.polity.name);
        }
      }
    }
  }
  for (const auto& file : context.analysis.program().files) {
    for (const ast::CharterDecl& c : file->charters) items.Add(c.name.name, kClass, "charter");
    for (const ast::TreatyDecl& t : file->treaties) items.Add(t.name.name, kStruct, "treaty");
    for (const ast::ConcordDecl& c : file->concords) {
      items.Add(c.name.name, kInterface, "concord");
    }
    for (const ast::FnDecl& f : file->fns) items.Add(f.name.name, kFunction, "fn");
    for (const ast::ScenarioDecl& s : file->scenarios) {
      items.Add(s.name.name, kModule, "scenario");
    }
  }
  for (const sema::BuiltinInfo& builtin : sema::AllBuiltins()) {
    items.Add(std::string(builtin.name), kFunction, std::string(builtin.signature));
  }
  // The matters of `decisions` are ordinary names to the grammar, so they
  // are offered here rather than as keywords.
  for (const char* matter : {"admission", "removal", "sanction", "amendment", "spending", "treaty",
                             "election", "recall", "default"}) {
    items.Add(matter, kKeyword, "a matter of `decisions`");
  }
  for (const Keyword& keyword : Keywords()) {
    items.Add(std::string(keyword.word), kKeyword, std::string(keyword.explanation));
  }
  return Json{{"isIncomplete", false}, {"items", items.Take()}};
}

}  // namespace concord::lsp
