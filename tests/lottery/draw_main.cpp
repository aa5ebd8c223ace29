// concord_draw: runs the C++ lottery on cases read from standard input, one
// per line, so tests/lottery/crosscheck.py can compare it with the Python
// reference. Input lines are `SEED DOMAIN K NAME...`; output lines are
//   drawn HASHES FIRST_DIGEST | MEMBER... | POOL...
//   too-small ELIGIBLE WANTED
// Fields are separated by spaces. Seeds and names may hold any byte, so every
// field is escaped: `%XX` for `%`, `|`, bytes up to 0x20 and 0x7F (other bytes,
// UTF-8 included, stand for themselves), `-` alone for the empty text and
// `%2D` for a lone hyphen. Malformed input exits with status 2.
#include <cstdio>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "runtime/lottery/lottery.h"

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> Unescape(const std::string& field) {
  if (field == "-") return std::string();
  std::string out;
  for (size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '%') {
      out += field[i];
      continue;
    }
    if (i + 2 >= field.size()) return std::nullopt;
    int high = HexValue(field[i + 1]);
    int low = HexValue(field[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

std::string Escape(const std::string& text) {
  if (text.empty()) return "-";
  if (text == "-") return "%2D";
  std::string out;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7f || c == '%' || c == '|') {
      char buffer[4];
      std::snprintf(buffer, sizeof buffer, "%%%02X", byte);
      out += buffer;
    } else {
      out += c;
    }
  }
  return out;
}

std::optional<size_t> ParseCount(const std::string& text) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  size_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<size_t>(c - '0');
  }
  return value;
}

}  // namespace

int main() {
  std::string line;
  int line_number = 0;
  while (std::getline(std::cin, line)) {
    ++line_number;
    std::istringstream fields(line);
    std::vector<std::string> raw;
    for (std::string field; fields >> field;) raw.push_back(field);
    if (raw.empty()) continue;

    std::vector<std::string> decoded;
    for (const std::string& field : raw) {
      std::optional<std::string> text = Unescape(field);
      if (!text) {
        std::cerr << "line " << line_number << ": bad escape in `" << field << "`\n";
        return 2;
      }
      decoded.push_back(*text);
    }
    std::optional<size_t> k = raw.size() >= 3 ? ParseCount(raw[2]) : std::nullopt;
    if (!k) {
      std::cerr << "line " << line_number << ": expected SEED DOMAIN K NAME...\n";
      return 2;
    }

    std::vector<std::string> pool(decoded.begin() + 3, decoded.end());
    concord::lottery::DrawResult result =
        concord::lottery::DrawMembers(decoded[0], decoded[1], std::move(pool), *k);
    if (!result.ok()) {
      if (result.error == concord::lottery::DrawError::kHashUnavailable) {
        std::cerr << "line " << line_number << ": OpenSSL could not compute SHA-256\n";
        return 1;
      }
      std::cout << "too-small " << result.eligible << ' ' << result.wanted << '\n';
      continue;
    }
    const concord::lottery::Verification& verification = result.draw->verification;
    std::cout << "drawn " << verification.hashes_used << ' ' << verification.first_digest_hex
              << " |";
    for (const std::string& member : result.draw->members) std::cout << ' ' << Escape(member);
    std::cout << " |";
    for (const std::string& name : verification.pool) std::cout << ' ' << Escape(name);
    std::cout << '\n';
  }
  return 0;
}
