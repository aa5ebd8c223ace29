// Spellings of operators and event words, shared by diagnostics and the
// formatter.
#include "compiler/syntax/ast.h"

namespace concord::ast {

const char* Spelling(BinaryOp op) {
  switch (op) {
    case BinaryOp::kAdd:
      return "+";
    case BinaryOp::kSub:
      return "-";
    case BinaryOp::kMul:
      return "*";
    case BinaryOp::kDiv:
      return "/";
    case BinaryOp::kOf:
      return "of";
    case BinaryOp::kEq:
      return "==";
    case BinaryOp::kNe:
      return "!=";
    case BinaryOp::kLt:
      return "<";
    case BinaryOp::kLe:
      return "<=";
    case BinaryOp::kGt:
      return ">";
    case BinaryOp::kGe:
      return ">=";
    case BinaryOp::kAnd:
      return "and";
    case BinaryOp::kOr:
      return "or";
    case BinaryOp::kWithin:
      return "within";
  }
  return "?";
}

const char* Spelling(UnaryOp op) {
  return op == UnaryOp::kNeg ? "-" : "not";
}

const char* EventWord(EventKind kind) {
  switch (kind) {
#define CONCORD_EVENT_WORD(kind, word) \
  case EventKind::k##kind:             \
    return word;
    CONCORD_EVENT_KINDS(CONCORD_EVENT_WORD)
#undef CONCORD_EVENT_WORD
  }
  return "?";
}

const char* ProposalMatterWords(ProposalMatter matter) {
  switch (matter) {
#define CONCORD_PROPOSAL_MATTER_WORDS(kind, words) \
  case ProposalMatter::k##kind:                    \
    return words;
    CONCORD_PROPOSAL_MATTERS(CONCORD_PROPOSAL_MATTER_WORDS)
#undef CONCORD_PROPOSAL_MATTER_WORDS
  }
  return "?";
}

const char* SanctionWord(SanctionKind kind) {
  switch (kind) {
    case SanctionKind::kWarning:
      return "warning";
    case SanctionKind::kSuspension:
      return "suspension";
    case SanctionKind::kRemoval:
      return "removal";
  }
  return "?";
}

}  // namespace concord::ast
