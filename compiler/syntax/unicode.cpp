#include "compiler/syntax/unicode.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace concord::syntax {
namespace {

bool IsAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

const icu::Normalizer2* Nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  return U_SUCCESS(status) ? nfc : nullptr;
}

// Steps over one character of `text` at `*at`; a byte that does not start a
// valid UTF-8 sequence comes back as a negative code point, one byte long.
UChar32 Next(std::string_view text, uint32_t* at) {
  UChar32 c;
  int32_t i = static_cast<int32_t>(*at);
  U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
  *at = static_cast<uint32_t>(i);
  return c;
}

}  // namespace

std::string NormalizeName(std::string_view name) {
  if (IsAscii(name)) return std::string(name);
  const icu::Normalizer2* nfc = Nfc();
  if (!nfc) return std::string(name);  // ICU without its data: compare as written
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString normal = nfc->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(
                                                 name.data(), static_cast<int32_t>(name.size()))),
                                             status);
  if (U_FAILURE(status)) return std::string(name);
  std::string out;
  normal.toUTF8String(out);
  return out;
}

bool IsNormalized(std::string_view text) {
  if (IsAscii(text)) return true;
  const icu::Normalizer2* nfc = Nfc();
  if (!nfc) return true;
  UErrorCode status = U_ZERO_ERROR;
  bool normal = nfc->isNormalized(icu::UnicodeString::fromUTF8(icu::StringPiece(
                                      text.data(), static_cast<int32_t>(text.size()))),
                                  status);
  return U_FAILURE(status) || normal;
}

std::optional<BadNameCharacter> FindNonIdentifierCharacter(std::string_view name) {
  uint32_t at = 0;
  while (at < name.size()) {
    uint32_t start = at;
    UChar32 c = Next(name, &at);
    bool ok = c >= 0 && (start == 0 ? c == '_' || u_hasBinaryProperty(c, UCHAR_XID_START)
                                    : u_hasBinaryProperty(c, UCHAR_XID_CONTINUE));
    if (!ok) return BadNameCharacter{start, at - start};
  }
  return std::nullopt;
}

bool IsCapitalLetter(std::string_view character) {
  uint32_t at = 0;
  UChar32 c = Next(character, &at);
  if (c < 0) return false;
  int8_t type = u_charType(c);
  return type == U_UPPERCASE_LETTER || type == U_TITLECASE_LETTER;
}

int DisplayWidth(std::string_view text) {
  int width = 0;
  uint32_t at = 0;
  while (at < text.size()) {
    UChar32 c = Next(text, &at);
    if (c < 0) {
      ++width;
      continue;
    }
    int8_t type = u_charType(c);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) continue;
    int east_asian = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    width += east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH ? 2 : 1;
  }
  return width;
}

}  // namespace concord::syntax
