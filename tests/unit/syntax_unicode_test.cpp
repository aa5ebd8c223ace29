// compiler/syntax/unicode.h: names in NFC, the exact UAX #31 check behind
// the lexer's classes, and the display width the formatter aligns with.
#include <catch2/catch.hpp>

#include "compiler/syntax/unicode.h"

namespace concord::syntax {

TEST_CASE("names are normalised to NFC", "[syntax][unicode]") {
  CHECK(NormalizeName("jose\xCC\x81") == "jos\xC3\xA9");        // e + U+0301 -> é
  CHECK(NormalizeName("\xE2\x84\xAB") == "\xC3\x85");           // ANGSTROM SIGN -> Å
  CHECK(NormalizeName("zoe\xCC\x88") == NormalizeName("zoë"));  // e + U+0308 -> ë
  CHECK(NormalizeName("\xEF\xAC\x81") == "\xEF\xAC\x81");       // NFC keeps the ligature ﬁ
  CHECK(NormalizeName("ana_2") == "ana_2");
  CHECK(IsNormalized("josé"));
  CHECK_FALSE(IsNormalized("jose\xCC\x81"));
}

TEST_CASE("identifier characters follow XID_Start and XID_Continue", "[syntax][unicode]") {
  CHECK_FALSE(FindNonIdentifierCharacter("josé"));
  CHECK_FALSE(FindNonIdentifierCharacter("_дарья2"));
  CHECK_FALSE(FindNonIdentifierCharacter("jose\xCC\x81"));
  CHECK_FALSE(FindNonIdentifierCharacter("col\xC2\xB7lectiu"));  // MIDDLE DOT continues
  // U+2E2F VERTICAL TILDE is a modifier letter (Lm) but Pattern_Syntax.
  auto tilde = FindNonIdentifierCharacter(
      "a\xE2\xB8\xAF"
      "b");
  REQUIRE(tilde);
  CHECK(tilde->offset == 1);
  CHECK(tilde->length == 3);
  // A combining mark cannot start a name; a digit cannot either.
  auto mark = FindNonIdentifierCharacter("\xCC\x81x");
  REQUIRE(mark);
  CHECK(mark->offset == 0);
  CHECK(mark->length == 2);
  CHECK(FindNonIdentifierCharacter("2nd"));
}

TEST_CASE("display width counts terminal columns", "[syntax][unicode]") {
  CHECK(DisplayWidth("josé") == 4);
  CHECK(DisplayWidth("jose\xCC\x81") == 4);  // the combining accent takes no column
  CHECK(DisplayWidth("李娜") == 4);          // wide characters take two
  CHECK(DisplayWidth("дарья") == 5);
  CHECK(DisplayWidth("\xF0\x9F\x8C\xB1") == 2);  // an emoji is wide
  CHECK(DisplayWidth("a\xFF"
                     "b") == 3);  // a stray byte counts as one
}

}  // namespace concord::syntax
