// The standard library (stdlib/*.concord), embedded at build time.
#pragma once

#include <string_view>
#include <vector>

namespace concord::pipeline {

struct StdlibModule {
  std::string_view name;  // "minimal" for `import std.minimal`
  std::string_view text;
};

const std::vector<StdlibModule>& StdlibModules();

}  // namespace concord::pipeline
