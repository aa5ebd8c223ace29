// The `concord` executable. It only adds what the libraries cannot know:
// the version line naming the LLVM the JIT tier is linked against.
#include <llvm/Config/llvm-config.h>
#include <llvm/TargetParser/Host.h>

#include <cstdio>
#include <exception>
#include <string>

#include "compiler/driver/cli.h"

int main(int argc, char** argv) {
  std::string version = std::string("concord ") + CONCORD_VERSION + " (LLVM " +
                        LLVM_VERSION_STRING + ", " + llvm::sys::getProcessTriple() + ")";
  try {
    return concord::driver::RunCli(argc, argv, version);
  } catch (const std::exception& e) {
    // Library code reports problems as diagnostics; reaching here is a bug,
    // but it must still end with a message and a documented exit code.
    std::fprintf(stderr, "internal error: %s\n", e.what());
    return concord::driver::kExitUsage;
  }
}
