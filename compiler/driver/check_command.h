// `concord check FILES... [--dump-ir]`: load, parse, resolve names and check types.
#pragma once

#include <string>
#include <vector>

#include "compiler/driver/output.h"

namespace concord::driver {

struct CheckOptions {
  std::vector<std::string> files;
  OutputOptions output;
  // `--dump-ir`: after a clean check, print the IR `concord run` would play
  // (a debugging aid; dump_ir.h).
  bool dump_ir = false;
};

int RunCheck(const CheckOptions& options);

}  // namespace concord::driver
