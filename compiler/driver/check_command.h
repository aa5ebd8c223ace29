// `concord check FILES...`: load, parse, resolve names and check types.
#pragma once

#include <string>
#include <vector>

#include "compiler/driver/output.h"

namespace concord::driver {

struct CheckOptions {
  std::vector<std::string> files;
  OutputOptions output;
};

int RunCheck(const CheckOptions& options);

}  // namespace concord::driver
