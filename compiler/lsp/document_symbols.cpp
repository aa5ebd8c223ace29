// textDocument/documentSymbol: the outline, hierarchical (DocumentSymbol[]).
// Read from the syntax tree, so a document with type errors, or syntax
// errors the parser recovered from, still has an outline.
//
// Kinds (LSP SymbolKind): charter Class, treaty Struct, concord Interface,
// fn Function, scenario Module; rule Method, metric Property, ledger and fund
// Field, function Object, requirement Constant (named by its code), member
// Variable.
#include "compiler/lsp/features.h"

namespace concord::lsp {
namespace {

enum SymbolKind : int {
  kModule = 2,
  kClass = 5,
  kMethod = 6,
  kProperty = 7,
  kField = 8,
  kInterface = 11,
  kFunction = 12,
  kVariable = 13,
  kConstant = 14,
  kObject = 19,
  kStruct = 23,
};

class OutlineBuilder {
 public:
  explicit OutlineBuilder(DocumentContext& context) : context_(context) {}

  // Null JSON when the node has no usable name or range (error recovery).
  Json Symbol(const std::string& name, int kind, diag::SourceRange range,
              diag::SourceRange selection, const std::string& detail = "") {
    if (name.empty() || !InDocument(range)) return nullptr;
    if (!InDocument(selection)) selection = range;
    // The selection must lie inside the range.
    range = diag::SourceRange::Cover(range, selection);
    Json out{{"name", name},
             {"kind", kind},
             {"range", ToJson(context_.mapper.ToRange(range))},
             {"selectionRange", ToJson(context_.mapper.ToRange(selection))}};
    if (!detail.empty()) out["detail"] = detail;
    return out;
  }

  static void Add(Json& parent, Json child) {
    if (child.is_null()) return;
    if (parent.is_array()) {
      parent.push_back(std::move(child));
    } else {
      parent["children"].push_back(std::move(child));
    }
  }

  Json Rule(const ast::Rule& rule) {
    return Symbol(rule.name.name, kMethod, rule.range, rule.name.range, Title(rule.title));
  }

  static std::string Title(const std::optional<ast::Located<std::string>>& title) {
    return title ? title->value : "";
  }

 private:
  bool InDocument(diag::SourceRange range) const {
    return range.valid() && range.file == context_.analysis.file && range.end >= range.begin;
  }

  DocumentContext& context_;
};

}  // namespace

Json DocumentSymbols(DocumentContext& context) {
  Json result = Json::array();
  const ast::File* file = nullptr;
  for (const auto& f : context.analysis.program().files) {
    if (f->id == context.analysis.file) file = f.get();
  }
  if (!file) return result;
  OutlineBuilder b(context);
  using B = OutlineBuilder;
  for (const ast::FnDecl& fn : file->fns) {
    B::Add(result, b.Symbol(fn.name.name, kFunction, fn.range, fn.name.range));
  }
  for (const ast::ConcordDecl& concord : file->concords) {
    Json node = b.Symbol(concord.name.name, kInterface, concord.range, concord.name.range,
                         B::Title(concord.title));
    if (node.is_null()) continue;
    for (const ast::Requirement& r : concord.requirements) {
      B::Add(node, b.Symbol(r.code.value, kConstant, r.range, r.code.range, r.reason.value));
    }
    B::Add(result, std::move(node));
  }
  for (const ast::CharterDecl& charter : file->charters) {
    Json node = b.Symbol(charter.name.name, kClass, charter.range, charter.name.range,
                         B::Title(charter.title));
    if (node.is_null()) continue;
    for (const ast::Function& f : charter.functions) {
      B::Add(node, b.Symbol(f.name.name, kObject, f.range, f.name.range, B::Title(f.title)));
    }
    for (const ast::Ledger& l : charter.ledgers) {
      B::Add(node, b.Symbol(l.name.name, kField, l.range, l.name.range, B::Title(l.title)));
    }
    for (const ast::Office& o : charter.offices) {
      B::Add(node, b.Symbol(o.name.name, kObject, o.range, o.name.range, B::Title(o.title)));
    }
    for (const ast::Rule& r : charter.rules) B::Add(node, b.Rule(r));
    for (const ast::Metric& m : charter.metrics) {
      B::Add(node, b.Symbol(m.name.name, kProperty, m.range, m.name.range, B::Title(m.title)));
    }
    B::Add(result, std::move(node));
  }
  for (const ast::TreatyDecl& treaty : file->treaties) {
    Json node = b.Symbol(treaty.name.name, kStruct, treaty.range, treaty.name.range,
                         B::Title(treaty.title));
    if (node.is_null()) continue;
    for (const ast::Fund& f : treaty.funds) {
      B::Add(node, b.Symbol(f.name.name, kField, f.range, f.name.range, B::Title(f.title)));
    }
    for (const ast::Rule& r : treaty.rules) B::Add(node, b.Rule(r));
    B::Add(result, std::move(node));
  }
  for (const ast::ScenarioDecl& scenario : file->scenarios) {
    Json node = b.Symbol(scenario.name.name, kModule, scenario.range, scenario.name.range,
                         B::Title(scenario.title));
    if (node.is_null()) continue;
    for (const ast::MembersDecl& group : scenario.members) {
      for (const ast::Identifier& m : group.members) {
        B::Add(node,
               b.Symbol(m.name, kVariable, m.range, m.range, "member of " + group.polity.name));
      }
    }
    B::Add(result, std::move(node));
  }
  // In source order, as editors show an outline.
  std::stable_sort(result.begin(), result.end(), [](const Json& a, const Json& b) {
    auto key = [](const Json& j) {
      Position start = PositionFromJson(j["range"]["start"]);
      return std::pair(start.line, start.character);
    };
    return key(a) < key(b);
  });
  return result;
}

}  // namespace concord::lsp
