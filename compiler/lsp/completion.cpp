// textDocument/completion: keywords, standard functions, and the names in
// scope at the cursor: the program's charters, treaties, concords, fns and
// scenarios, plus the names of the declaration the cursor is in (rules,
// ledgers, functions, metrics, funds, parties, members, parameters). Names
// come from the syntax tree, which exists even while the line being typed
// does not parse yet. The client filters by the typed prefix. Inside
// `decisions { }` (and `sanctions { }`), the matters and the methods come
// first, each method as the whole phrase it is written as.
#include <algorithm>
#include <cctype>
#include <set>
#include <string_view>

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
  kValue = 12,
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

// The word before the innermost `{` still open at `offset`, found in the
// text so that it works on the line being typed, which rarely parses.
std::string_view EnclosingBlock(std::string_view text, uint32_t offset) {
  int depth = 0;
  for (uint32_t i = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size())); i > 0; --i) {
    char c = text[i - 1];
    if (c == '}') ++depth;
    if (c != '{') continue;
    if (depth > 0) {
      --depth;
      continue;
    }
    uint32_t end = i - 1;
    while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
    uint32_t begin = end;
    while (begin > 0 && std::isalnum(static_cast<unsigned char>(text[begin - 1]))) --begin;
    return text.substr(begin, end - begin);
  }
  return {};
}

// Only spaces between the start of the line and `offset`, bar the word being
// typed: where a clause (a matter) begins.
bool AtClauseStart(std::string_view text, uint32_t offset) {
  uint32_t i = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
  while (i > 0 && std::isalpha(static_cast<unsigned char>(text[i - 1]))) --i;
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
  return i == 0 || text[i - 1] == '\n' || text[i - 1] == '{';
}

constexpr const char* kMatters[] = {"admission", "removal",  "sanction", "amendment", "spending",
                                    "treaty",    "election", "recall",   "default"};

struct Phrase {
  const char* text;
  const char* meaning;
};

// The methods of reference.md §9.2 with example shares, and the options
// that may follow them.
constexpr Phrase kMethods[] = {
    {"majority of votes cast", "passes with more than half of yes + no"},
    {"vote 2/3 of votes cast", "passes with at least this share of yes + no"},
    {"vote 50% of members", "passes with yes from at least this share of all members"},
    {"consent objections at most 10% of members", "passes unless objections exceed the share"},
    {"consensus", "passes when nobody blocks"},
    {"jury", "the charter's jury decides"},
    {"assembly", "those present at an assembly meeting the revision quorum decide"},
};
constexpr Phrase kOptions[] = {
    {"quorum 50% of members", "a decision counts only when this share takes part"},
    {"notice 7 days", "a proposal is announced this long before it is decided"},
    {"window 7 days", "votes are taken over this period"},
    {"fallback vote 80% of votes cast after 2 rounds", "for `consensus`: a vote after N rounds"},
};

// `with_matters`: in `decisions`, where a clause starts with a matter (a
// sanction's clause starts with its own word instead).
void AddDecisionItems(std::string_view text, uint32_t offset, const ast::CharterDecl* charter,
                      bool with_matters, Items& items) {
  auto matters = [&] {
    for (const char* matter : kMatters) items.Add(matter, kKeyword, "a matter of `decisions`");
  };
  auto methods = [&] {
    for (const Phrase& m : kMethods) items.Add(m.text, kValue, m.meaning);
    if (charter) {
      for (const ast::Office& o : charter->offices) {
        items.Add("office " + o.name.name, kValue, "the holders of this office decide alone");
      }
    }
    for (const Phrase& o : kOptions) items.Add(o.text, kValue, o.meaning);
  };
  if (!with_matters) {
    methods();
  } else if (AtClauseStart(text, offset)) {
    matters();
    methods();
  } else {
    methods();
    matters();
  }
}

}  // namespace

Json Completion(DocumentContext& context, const Json& params) {
  uint32_t offset = context.mapper.DocumentOffset(PositionFromJson(params.at("position")));
  diag::FileId here = context.analysis.file;
  Items items;
  const ast::CharterDecl* charter = nullptr;
  for (const auto& file : context.analysis.program().files) {
    for (const ast::CharterDecl& c : file->charters) {
      if (Inside(c.range, here, offset)) charter = &c;
    }
  }
  std::string_view block = EnclosingBlock(context.analysis.text(), offset);
  if (block == "decisions" || block == "sanctions") {
    AddDecisionItems(context.analysis.text(), offset, charter, block == "decisions", items);
  }
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
  for (const char* matter : kMatters) items.Add(matter, kKeyword, "a matter of `decisions`");
  for (const Keyword& keyword : Keywords()) {
    items.Add(std::string(keyword.word), kKeyword, std::string(keyword.explanation));
  }
  return Json{{"isIncomplete", false}, {"items", items.Take()}};
}

}  // namespace concord::lsp
