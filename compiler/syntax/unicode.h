// The Unicode side of names and source text (docs/reference.md §2.3), on ICU:
// names are UAX #31 identifiers compared in Normalization Form C, and a
// column of formatted text is what a terminal shows, not a byte or a code
// point. Everything takes and returns UTF-8; invalid UTF-8 never reaches the
// parser (the loader rejects it with E0003), but these functions still treat
// a bad byte as one character of its own rather than failing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace concord::syntax {

// `name` in Normalization Form C: `e` + U+0301 becomes `é`, so two spellings
// of one name are the same name everywhere after the parser. ASCII text is
// returned as it is without asking ICU.
std::string NormalizeName(std::string_view name);

// Whether `text` is already in NFC.
bool IsNormalized(std::string_view text);

// A character of a name that UAX #31 does not allow where it stands: a byte
// range within the name.
struct BadNameCharacter {
  uint32_t offset = 0;
  uint32_t length = 0;
};

// The first character of `name` that is not XID_Start (or `_`) at the start,
// or not XID_Continue after it; nullopt when the whole name is an identifier.
// The lexer's character classes let through the few letters and marks that
// UAX #31 leaves out (U+2E2F VERTICAL TILDE, the Arabic ligatures that NFKC
// would split); this is the exact check.
std::optional<BadNameCharacter> FindNonIdentifierCharacter(std::string_view name);

// Whether `character` (one UTF-8 character) is an uppercase or title-case
// letter, which names leave out in every script (`É`, `Д`), for the help of
// an E0105.
bool IsCapitalLetter(std::string_view character);

// How many terminal columns `text` takes: combining marks and zero-width
// format characters take none, East Asian wide and fullwidth characters two,
// every other character one. A monospace font cannot do better without
// knowing the font; the formatter aligns with this.
int DisplayWidth(std::string_view text);

}  // namespace concord::syntax
