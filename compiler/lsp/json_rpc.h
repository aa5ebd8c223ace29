// JSON-RPC 2.0 as LSP uses it: error codes, the error a handler throws to
// answer a request with one, and the checks every incoming message and
// number goes through before the server reads it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace concord::lsp {

enum class ErrorCode : int {
  kParseError = -32700,
  kInvalidRequest = -32600,
  kMethodNotFound = -32601,
  kInvalidParams = -32602,
  kInternalError = -32603,
  kServerNotInitialized = -32002,
  kRequestFailed = -32803,
};

class RpcError : public std::runtime_error {
 public:
  RpcError(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ErrorCode code() const { return code_; }

 private:
  ErrorCode code_;
};

// Arrays and objects nested deeper than this in one message make it a parse
// error (-32700): copying and dumping JSON recurse once per level, so an
// unbounded depth would overflow the stack. LSP messages nest a dozen
// levels at most.
inline constexpr size_t kMaxJsonNesting = 512;

// Whether no `[` or `{` of `json` (outside strings) is nested more than
// `limit` deep. One linear pass, done before the text is parsed; it does not
// check that the text is JSON.
bool NestingWithin(std::string_view json, size_t limit = kMaxJsonNesting);

// The number `object[key]` as a non-negative integer of at most `max`. A
// number with a fraction or an exponent (`1e20`, `0.5`), a negative one, one
// over `max`, or anything not a number throws RpcError(kInvalidParams)
// naming `key`; a missing key too.
uint64_t RequireNonNegative(const nlohmann::json& object, const char* key, uint64_t max);

// The same for a number of type T: every integer the server reads from a
// message goes through here, so none is converted out of its range.
template <typename T>
T RequireNonNegative(const nlohmann::json& object, const char* key) {
  static_assert(std::numeric_limits<T>::is_integer);
  return static_cast<T>(
      RequireNonNegative(object, key, static_cast<uint64_t>(std::numeric_limits<T>::max())));
}

// As above for an optional field: nullopt when `key` is absent or null.
template <typename T>
std::optional<T> OptionalNonNegative(const nlohmann::json& object, const char* key) {
  if (!object.is_object() || !object.contains(key) || object[key].is_null()) return std::nullopt;
  return RequireNonNegative<T>(object, key);
}

}  // namespace concord::lsp
