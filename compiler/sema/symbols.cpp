// Symbol kinds in words, name tables, and inherited requirements.
#include "compiler/sema/symbols.h"

namespace concord::sema {

const char* KindName(SymbolKind kind) {
  switch (kind) {
    case SymbolKind::kCharter:
      return "charter";
    case SymbolKind::kTreaty:
      return "treaty";
    case SymbolKind::kConcord:
      return "concord";
    case SymbolKind::kFn:
      return "function";
    case SymbolKind::kScenario:
      return "scenario";
    case SymbolKind::kRule:
      return "rule";
    case SymbolKind::kLedger:
      return "ledger";
    case SymbolKind::kFunction:
      return "charter function";
    case SymbolKind::kMetric:
      return "metric";
    case SymbolKind::kOffice:
      return "office";
    case SymbolKind::kFund:
      return "fund";
    case SymbolKind::kMember:
      return "member";
    case SymbolKind::kDispute:
      return "dispute";
    case SymbolKind::kHistoryRecord:
      return "history record";
    case SymbolKind::kProposal:
      return "proposal";
    case SymbolKind::kParam:
      return "parameter";
    case SymbolKind::kVariable:
      return "comprehension variable";
    case SymbolKind::kTriggerVariable:
      return "event variable";
    case SymbolKind::kImplicit:
      return "built-in name";
    case SymbolKind::kEnumConstant:
      return "enum constant";
  }
  return "name";
}

const char* ImplicitName(Implicit implicit) {
  switch (implicit) {
    case Implicit::kNone:
      return "";
    case Implicit::kMembers:
      return "members";
    case Implicit::kRules:
      return "rules";
    case Implicit::kDecisions:
      return "decisions";
    case Implicit::kConflicts:
      return "conflicts";
    case Implicit::kResources:
      return "resources";
    case Implicit::kLedgers:
      return "ledgers";
    case Implicit::kFunctions:
      return "functions";
    case Implicit::kMetrics:
      return "metrics";
    case Implicit::kParties:
      return "parties";
    case Implicit::kFunds:
      return "funds";
    case Implicit::kIncome:
      return "income";
    case Implicit::kCharter:
      return "charter";
    case Implicit::kTreaty:
      return "treaty";
    case Implicit::kToday:
      return "today";
  }
  return "";
}

const Symbol* NameTable::Add(const Symbol* symbol) {
  auto [it, inserted] = by_name_.emplace(symbol->name, symbol);
  if (!inserted) return it->second;
  ordered_.push_back(symbol);
  return nullptr;
}

const Symbol* NameTable::Find(std::string_view name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : it->second;
}

std::vector<std::string> NameTable::Names() const {
  std::vector<std::string> names;
  names.reserve(ordered_.size());
  for (const Symbol* s : ordered_) names.push_back(s->name);
  return names;
}

std::vector<const RequirementInfo*> ConcordInfo::AllRequirements() const {
  // Walk up the extends chain (sema has rejected cycles, and a guard keeps a
  // malformed chain from looping), then list base requirements first.
  std::vector<const ConcordInfo*> chain;
  for (const ConcordInfo* c = this; c && chain.size() < 64; c = c->extends) {
    bool seen = false;
    for (const ConcordInfo* s : chain) seen = seen || s == c;
    if (seen) break;
    chain.push_back(c);
  }
  std::vector<const RequirementInfo*> out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    for (const RequirementInfo& r : (*it)->requirements) out.push_back(&r);
  }
  return out;
}

}  // namespace concord::sema
