// `file://` URIs to filesystem paths and back (RFC 3986 percent-encoding).
// Documents with another scheme (`untitled:`) keep their URI as their path:
// they compile on their own, without imports from disk.
#pragma once

#include <string>
#include <string_view>

namespace concord::lsp {

std::string UriToPath(std::string_view uri);
std::string PathToUri(std::string_view path);

}  // namespace concord::lsp
