// L108: names that look alike. With names in any script, `pay` and `раy`
// (Cyrillic `р` and `а`) are two different names that no reader can tell
// apart, and a rule that reads one where the other was meant passes review.
// Two declared names are confusable when they differ but have the same
// skeleton under Unicode Technical Standard #39 (ICU's spoof checker), the
// test browsers and registries use for look-alike domain names.
#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/uspoof.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <memory>
#include <vector>

#include "compiler/lint/lints.h"

namespace concord::lint {
namespace {

struct SpoofCheckerDeleter {
  void operator()(USpoofChecker* checker) const { uspoof_close(checker); }
};
using SpoofChecker = std::unique_ptr<USpoofChecker, SpoofCheckerDeleter>;

// The UTS #39 skeleton of `name`; the name itself when ICU cannot compute it.
std::string Skeleton(const USpoofChecker* checker, const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t size = uspoof_getSkeletonUTF8(checker, 0, name.data(), static_cast<int32_t>(name.size()),
                                        nullptr, 0, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return name;
  std::string skeleton(static_cast<size_t>(size), '\0');
  status = U_ZERO_ERROR;
  uspoof_getSkeletonUTF8(checker, 0, name.data(), static_cast<int32_t>(name.size()),
                         skeleton.data(), size, &status);
  return U_SUCCESS(status) ? skeleton : name;
}

// `U+0430 CYRILLIC SMALL LETTER A`.
std::string Describe(UChar32 c) {
  char name[128] = {};
  UErrorCode status = U_ZERO_ERROR;
  u_charName(c, U_UNICODE_CHAR_NAME, name, sizeof name, &status);
  std::string text = fmt::format("U+{:04X}", static_cast<uint32_t>(c));
  if (U_SUCCESS(status) && name[0]) text += fmt::format(" {}", name);
  return text;
}

// Where the two names part: "`раy` has U+0440 CYRILLIC SMALL LETTER ER where
// `pay` has U+0070 LATIN SMALL LETTER P".
std::string FirstDifference(const std::string& name, const std::string& other) {
  int32_t i = 0;
  int32_t j = 0;
  const auto n = static_cast<int32_t>(name.size());
  const auto m = static_cast<int32_t>(other.size());
  while (i < n && j < m) {
    UChar32 a;
    UChar32 b;
    U8_NEXT(name.data(), i, n, a);
    U8_NEXT(other.data(), j, m, b);
    if (a != b) {
      return fmt::format("`{}` has {} where `{}` has {}", name, Describe(a), other, Describe(b));
    }
  }
  return fmt::format("`{}` and `{}` differ only in characters that look alike", name, other);
}

// Every name with a declaring identifier in a charter, treaty, concord or fn,
// in source order. Scenarios are rehearsals and are not linted
// (docs/reference-lints.md), so their members and disputes are left out.
std::vector<const sema::Symbol*> DeclaredNames(const sema::CheckedProgram& checked) {
  std::vector<const sema::Symbol*> out;
  auto add = [&](const std::vector<const sema::Symbol*>& symbols) {
    for (const sema::Symbol* s : symbols) {
      if (s->range.valid()) out.push_back(s);
    }
  };
  for (const sema::Symbol* s : checked.globals().ordered()) {
    if (s->kind != sema::SymbolKind::kScenario && s->range.valid()) out.push_back(s);
  }
  for (const auto& info : checked.charters()) add(info->names.ordered());
  for (const auto& info : checked.treaties()) add(info->names.ordered());
  for (const auto& info : checked.fns()) add(info->params);
  std::stable_sort(out.begin(), out.end(), [](const sema::Symbol* a, const sema::Symbol* b) {
    return a->range.file != b->range.file ? a->range.file < b->range.file
                                          : a->range.begin < b->range.begin;
  });
  return out;
}

}  // namespace

void LintConfusableNames(const ast::File& file, LintContext& cx) {
  UErrorCode status = U_ZERO_ERROR;
  SpoofChecker checker(uspoof_open(&status));
  if (U_FAILURE(status) || !checker) return;  // ICU without its data: nothing to compare with
  // Skeleton -> the first declaration of each distinct name that has it. The
  // same name declared in two scopes (a member of two charters) is one name,
  // not a pair; a name that looks like an earlier one is reported once, at
  // its first declaration, which lies in exactly one file.
  std::map<std::string, std::vector<const sema::Symbol*>> by_skeleton;
  for (const sema::Symbol* symbol : DeclaredNames(cx.checked)) {
    std::vector<const sema::Symbol*>& seen = by_skeleton[Skeleton(checker.get(), symbol->name)];
    bool known = std::any_of(seen.begin(), seen.end(),
                             [&](const sema::Symbol* s) { return s->name == symbol->name; });
    if (known) continue;
    if (!seen.empty() && symbol->range.file == file.id) {
      const sema::Symbol* first = seen.front();
      cx.diags.Report(diag::Code::L108, symbol->range, symbol->name, first->name)
          .WithLabel(first->range, fmt::format("`{}` is declared here", first->name))
          .WithNote(FirstDifference(symbol->name, first->name))
          .WithHelp(
              "give one of the two a name that reads differently, so that nobody reading "
              "the charter can take one for the other");
    }
    seen.push_back(symbol);
  }
}

}  // namespace concord::lint
