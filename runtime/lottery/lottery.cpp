// The lottery's shuffle: Fisher–Yates driven by SHA-256 (from OpenSSL, never
// hand-written) of the seed, the domain label and a counter. Every choice here
// is one a verifier must repeat exactly, so the code stays as plain as the
// Python reference in tests/lottery/draw.py.
#include "runtime/lottery/lottery.h"

#include <openssl/evp.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <limits>
#include <utility>

namespace concord::lottery {
namespace {

using Digest = std::array<unsigned char, 32>;

// False only when OpenSSL itself fails, which a scenario cannot cause.
bool Sha256(std::string_view bytes, Digest& digest) {
  unsigned int size = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1) {
    return false;
  }
  return size == digest.size();
}

std::string Hex(const Digest& digest) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(digest.size() * 2);
  for (unsigned char byte : digest) {
    out += kDigits[byte >> 4];
    out += kDigits[byte & 0x0f];
  }
  return out;
}

// Big-endian, so that the number is the one a reader sees at the start of
// the hex digest.
uint64_t First8BytesBigEndian(const Digest& digest) {
  uint64_t value = 0;
  for (int i = 0; i < 8; ++i) value = (value << 8) | digest[i];
  return value;
}

// A name in Normalization Form C, so that `e` + U+0301 and `é` are one name
// and sort as one (Python's unicodedata.normalize("NFC", ...) in draw.py).
// The compiler already hands over names in NFC; this keeps the definition
// closed for any other caller and for the verifier. ASCII stays as it is.
std::string Nfc(const std::string& name) {
  if (std::all_of(name.begin(), name.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return name;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return name;
  icu::UnicodeString normal = nfc->normalize(icu::UnicodeString::fromUTF8(name), status);
  if (U_FAILURE(status)) return name;
  std::string out;
  normal.toUTF8String(out);
  return out;
}

DrawResult Failure(DrawError error, size_t eligible, size_t wanted) {
  DrawResult result;
  result.error = error;
  result.eligible = eligible;
  result.wanted = wanted;
  return result;
}

}  // namespace

std::string HashMessage(std::string_view seed, std::string_view domain, uint64_t counter) {
  std::string message;
  message.reserve(seed.size() + domain.size() + 22);
  message.append(seed);
  message += '\n';
  message.append(domain);
  message += '\n';
  message += std::to_string(counter);
  return message;
}

bool AcceptsSample(uint64_t value, uint64_t range) {
  assert(range >= 1 && "a choice needs at least one option");
  // 2^64 mod range, computed without a 65-bit number: (2^64 - 1) mod range is
  // one less, unless that wraps around to range - 1.
  uint64_t excess = (std::numeric_limits<uint64_t>::max() % range + 1) % range;
  // The largest multiple of range that fits is 2^64 - excess; keep values below it.
  return value <= std::numeric_limits<uint64_t>::max() - excess;
}

DrawResult DrawMembers(std::string_view seed, std::string_view domain,
                       std::vector<std::string> pool, size_t k) {
  for (std::string& name : pool) name = Nfc(name);
  // std::string compares through char_traits<char>, which orders bytes as
  // unsigned char: UTF-8 byte order, which is also Unicode code point order.
  std::sort(pool.begin(), pool.end());
  pool.erase(std::unique(pool.begin(), pool.end()), pool.end());
  if (k > pool.size()) return Failure(DrawError::kPoolTooSmall, pool.size(), k);

  Verification verification;
  verification.seed = std::string(seed);
  verification.domain = std::string(domain);
  verification.k = k;
  verification.pool = pool;

  Digest digest;
  if (!Sha256(HashMessage(seed, domain, 0), digest)) {
    return Failure(DrawError::kHashUnavailable, pool.size(), k);
  }
  verification.first_digest_hex = Hex(digest);

  // Durstenfeld's Fisher–Yates, from the last index down, over the whole pool
  // whatever k is: the first k positions are then a uniformly random ordered
  // selection, and a larger jury extends a smaller one instead of changing it.
  uint64_t counter = 0;
  for (size_t i = pool.size(); i-- > 1;) {
    uint64_t range = static_cast<uint64_t>(i) + 1;
    uint64_t value = 0;
    do {
      if (!Sha256(HashMessage(seed, domain, counter), digest)) {
        return Failure(DrawError::kHashUnavailable, pool.size(), k);
      }
      ++counter;
      value = First8BytesBigEndian(digest);
    } while (!AcceptsSample(value, range));
    std::swap(pool[i], pool[value % range]);
  }
  verification.hashes_used = counter;

  pool.resize(k);
  DrawResult result;
  result.eligible = verification.pool.size();
  result.wanted = k;
  result.draw = Draw{std::move(pool), std::move(verification)};
  return result;
}

DrawResult DrawJury(std::string_view seed, std::string_view dispute_id,
                    std::vector<std::string> pool, size_t k) {
  return DrawMembers(seed, dispute_id, std::move(pool), k);
}

DrawResult DrawExternalDelegates(std::string_view seed, std::string_view dispute_id,
                                 std::vector<std::string> pool, size_t k) {
  std::string domain(dispute_id);
  domain += kExternalSuffix;
  return DrawMembers(seed, domain, std::move(pool), k);
}

}  // namespace concord::lottery
