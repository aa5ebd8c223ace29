// The formatter's library API (compiler/format/format.h): the layout, its
// idempotence, and the safety net that refuses an output which would change
// the file's meaning or lose a comment.
#include <catch2/catch.hpp>

#include "compiler/format/format.h"
#include "compiler/format/unified_diff.h"

namespace concord::format {
namespace {

std::string Formatted(std::string_view text) {
  FormatResult r = FormatSource(text, "t.concord");
  INFO(text);
  REQUIRE(r.ok);
  REQUIRE(r.diagnostics.empty());
  return r.text;
}

TEST_CASE("fmt: one clause per line, two spaces, separators dropped", "[fmt]") {
  CHECK(Formatted("charter k { adopted 2026-11-01 ; membership { entry open, exit anytime "
                  "notice 14 days } }") ==
        "charter k {\n"
        "  adopted 2026-11-01\n"
        "  membership {\n"
        "    entry open\n"
        "    exit anytime notice 14 days\n"
        "  }\n"
        "}\n");
}

TEST_CASE("fmt: literals are printed exactly as written", "[fmt]") {
  std::string text = "fn f(x: money) -> money = x * 1.50 + 0.5 EUR + 25% of x\n";
  CHECK(Formatted(text) == text);
  CHECK(
      Formatted("charter k {\n  adopted 2026-01-01\n  rule r {\n    text \"a \\\"b\\\"\"\n  }\n}\n")
          .find("text \"a \\\"b\\\"\"") != std::string::npos);
}

TEST_CASE("fmt: idempotent, comments kept", "[fmt]") {
  std::string once = Formatted(
      "// head\ncharter k { // brace\n adopted 2026-11-01 /* b */ // end\n\n\n"
      "  rule r { require a and // op\n b }\n // before close\n}\n// tail\n");
  CHECK(Formatted(once) == once);
  for (std::string_view c :
       {"// head", "// brace", "/* b */", "// end", "// op", "// before close", "// tail"}) {
    CHECK(once.find(c) != std::string::npos);
  }
  // At most one blank line survives.
  CHECK(once.find("\n\n\n") == std::string::npos);
  CHECK(once.find("// end\n\n  rule r") != std::string::npos);
}

TEST_CASE("fmt: requirements align their `as`, long reasons included", "[fmt]") {
  std::string once = Formatted(
      "concord c {\n"
      "  require treaty.term <= 1 year as C010 \"a\"\n"
      "  require charter.revision.quota > 0      as C006 \"b\"\n"
      "\n"
      "  require x as C001 \"a new run\"\n"
      "  require not any(r in charter.rules where r.binds_non_members) as C004 \"short\"\n"
      "  require y as C002 \"a reason long enough to pass one hundred columns once padded\"\n"
      "}\n");
  CHECK(once ==
        "concord c {\n"
        "  require treaty.term <= 1 year      as C010 \"a\"\n"
        "  require charter.revision.quota > 0 as C006 \"b\"\n"
        "\n"
        "  require x" +
            std::string(53, ' ') + "as C001 \"a new run\"\n" +
            "  require not any(r in charter.rules where r.binds_non_members) as C004 \"short\"\n"
            // Padded, this line is 134 columns wide: the reason string may run
            // past the width, so it aligns all the same.
            "  require y" +
            std::string(53, ' ') +
            "as C002 \"a reason long enough to pass one hundred columns once padded\"\n"
            "}\n");
  CHECK(Formatted(once) == once);
}

TEST_CASE("fmt: comments ending consecutive lines align", "[fmt]") {
  std::string once = Formatted(
      "charter k {\n"
      "  adopted 2026-11-01 // a\n"
      "  concord minimal // b\n"
      "  membership { // c\n"
      "    entry open // d\n"
      "  }\n"
      "}\n");
  CHECK(once ==
        "charter k {\n"
        "  adopted 2026-11-01  // a\n"
        "  concord minimal     // b\n"
        "  membership {        // c\n"
        "    entry open  // d\n"
        "  }\n"
        "}\n");
  CHECK(Formatted(once) == once);
  // Formatting the aligned text from scratch gives the same columns back.
  std::string squeezed = once;
  for (size_t at = squeezed.find("   //"); at != std::string::npos; at = squeezed.find("   //")) {
    squeezed.erase(at, 1);
  }
  CHECK(Formatted(squeezed) == once);
}

TEST_CASE("fmt: a long expression breaks within the width", "[fmt]") {
  std::string long_fn =
      "fn f(m: member) -> bool = m.income > 1000 EUR and m.hours >= 10 and m.joined <= "
      "2026-01-01 and not m.suspended and m.age >= 18 and m.role == cook and m.shifts > 3\n";
  std::string out = Formatted(long_fn);
  size_t start = 0;
  while (start < out.size()) {
    size_t end = out.find('\n', start);
    CHECK(end - start <= 100);
    start = end + 1;
  }
  // The body moves below the header, and the `and` chain breaks before each
  // operator, indented under it.
  CHECK(out.starts_with("fn f(m: member) -> bool =\n  m.income > 1000 EUR\n    and "));
}

TEST_CASE("fmt: syntax errors are not formatted", "[fmt]") {
  FormatResult r = FormatSource("charter k {\n  adopted\n}\n", "bad.concord");
  CHECK_FALSE(r.ok);
  CHECK(r.text.empty());
  REQUIRE_FALSE(r.diagnostics.empty());
  CHECK(diag::Info(r.diagnostics.front().code).name.starts_with("E01"));
}

TEST_CASE("fmt: the safety net catches a changed meaning or a lost comment", "[fmt]") {
  diag::SourceManager sources;
  diag::FileId original =
      sources.AddFile("a.concord", "charter k { adopted 2026-11-01 } // note\n");
  diag::FileId same =
      sources.AddFile("b.concord", "charter k {\n  adopted 2026-11-01\n}  // note\n");
  diag::FileId changed =
      sources.AddFile("c.concord", "charter k {\n  adopted 2026-11-02\n}  // note\n");
  diag::FileId lost = sources.AddFile("d.concord", "charter k {\n  adopted 2026-11-01\n}\n");
  diag::FileId broken = sources.AddFile("e.concord", "charter k {\n  adopted\n}  // note\n");

  CHECK(CheckFormatting(sources, original, same).empty());

  std::vector<diag::Diagnostic> meaning = CheckFormatting(sources, original, changed);
  REQUIRE(meaning.size() == 1);
  CHECK(meaning[0].code == diag::Code::E0090);
  CHECK(meaning[0].message.find("2026-11-01") != std::string::npos);

  std::vector<diag::Diagnostic> comment = CheckFormatting(sources, original, lost);
  REQUIRE(comment.size() == 1);
  CHECK(comment[0].code == diag::Code::E0091);
  CHECK(comment[0].message.find("// note") != std::string::npos);

  std::vector<diag::Diagnostic> unparsable = CheckFormatting(sources, original, broken);
  REQUIRE(unparsable.size() == 1);
  CHECK(unparsable[0].code == diag::Code::E0090);
}

TEST_CASE("fmt: unified diff", "[fmt]") {
  CHECK(UnifiedDiff("a\nb\n", "a\nb\n", "a/x", "b/x").empty());
  CHECK(UnifiedDiff("a\nb\nc\n", "a\nB\nc\n", "a/x", "b/x") ==
        "--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
  std::string far = UnifiedDiff("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "1\nX\n3\n4\n5\n6\n7\n8\n9\nY\n",
                                "a/x", "b/x");
  CHECK(far.find("@@ -1,5 +1,5 @@") != std::string::npos);
  CHECK(far.find("@@ -7,4 +7,4 @@") != std::string::npos);
}

}  // namespace
}  // namespace concord::format
