// The structure of a charter or treaty, everything besides its rules: who may
// join and leave, the offices, how each matter is decided, the sanctions, the
// jury, the ledgers, the metrics, the revision cycle, a treaty's terms and
// funds. `concord revise` lists each clause that changed between two
// versions, so a member reviewing a proposed revision sees a shorter term or a
// lower threshold as plainly as an amended rule. docs/reference-revise.md,
// section "Structural changes".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/diag/source_range.h"
#include "compiler/revise/version.h"
#include "compiler/syntax/ast.h"

namespace concord::revise {

// One clause as one version writes it.
struct ClauseAt {
  std::string text;         // on one line, as written: `term 6 months`
  std::string canonical;    // its tokens, comments and separators left out
  diag::SourceRange range;  // in the merged sources (merged_sources.h)
  int64_t line = 0;         // 1-based, in the version's own file
  int64_t column = 0;
};

// A field of an item: `term` of office `coordinators`. An item written as one
// clause (`entry open`) has one field with an empty name.
struct StructureField {
  std::string name;
  ClauseAt clause;
};

// A thing a charter or treaty has at most once per key: an office, a matter's
// decision rule, the entry clause. `whole` is the item as written, shown
// when the item is added or removed.
struct StructureItem {
  std::string part;  // "membership", "offices", ... (kStructureParts order)
  std::string key;   // "coordinators", "entry", "admission"
  ClauseAt whole;
  std::vector<StructureField> fields;
};

enum class StructureChangeKind : uint8_t { kChanged, kAdded, kRemoved };

struct StructureChange {
  std::string part;
  std::string item;
  std::string field;  // empty: the item as a whole
  StructureChangeKind kind = StructureChangeKind::kChanged;
  std::optional<ClauseAt> before;  // absent when added
  std::optional<ClauseAt> after;   // absent when removed
};

// The items of a charter (or a treaty), part by part in the order of
// kStructureParts, each part's items in source order.
std::vector<StructureItem> StructureOf(const ast::CharterDecl& charter, const Version& version);
std::vector<StructureItem> StructureOf(const ast::TreatyDecl& treaty, const Version& version);

// Items are matched by part and key, fields by name; two clauses are the same
// when their canonical tokens are. The changes come part by part, and within
// a part in the new version's order, then what only the old version has.
std::vector<StructureChange> DiffStructure(const std::vector<StructureItem>& before,
                                           const std::vector<StructureItem>& after);

}  // namespace concord::revise
