#include "compiler/lsp/json_rpc.h"

namespace concord::lsp {

bool NestingWithin(std::string_view json, size_t limit) {
  size_t depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;  // the escaped character, whatever it is, cannot end the string
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        break;
      case '[':
      case '{':
        if (++depth > limit) return false;
        break;
      case ']':
      case '}':
        // Unbalanced closers are the parser's to report.
        if (depth > 0) --depth;
        break;
      default:
        break;
    }
  }
  return true;
}

uint64_t RequireNonNegative(const nlohmann::json& object, const char* key, uint64_t max) {
  auto invalid = [&](const std::string& what) {
    return RpcError(ErrorCode::kInvalidParams, std::string("`") + key +
                                                   "` must be an integer from 0 to " +
                                                   std::to_string(max) + ", not " + what);
  };
  if (!object.is_object() || !object.contains(key)) throw invalid("missing");
  const nlohmann::json& value = object[key];
  // The text of a bad value, shortened: it is said back to the client.
  auto shown = [&] {
    std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return text.size() > 40 ? text.substr(0, 40) + "..." : text;
  };
  uint64_t number = 0;
  if (value.is_number_unsigned()) {
    number = value.get<uint64_t>();
  } else if (value.is_number_integer()) {
    int64_t signed_number = value.get<int64_t>();
    if (signed_number < 0) throw invalid(shown());
    number = static_cast<uint64_t>(signed_number);
  } else {
    // Floats included: `1e20` and `4294967296.0` are not converted at all.
    throw invalid(shown());
  }
  if (number > max) throw invalid(shown());
  return number;
}

}  // namespace concord::lsp
