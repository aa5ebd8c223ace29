// Shared by the fuzz targets: the fuzzer's bytes as the text of one
// in-memory .concord file, compiled by the same pipeline as `concord check`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "compiler/pipeline/pipeline.h"

namespace concord::fuzz {

// The path the in-memory file is given. Its directory does not exist, so a
// relative `import` in the input finds nothing on disk.
inline constexpr const char* kInputPath = "/nonexistent-concord-fuzz/input.concord";

inline std::string AsText(const uint8_t* data, size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// Compiles `text` as kInputPath: parse, names, types, concords.
inline std::unique_ptr<pipeline::Compilation> CompileText(const std::string& text) {
  pipeline::CompileOptions options;
  options.load.overlays.emplace_back(kInputPath, text);
  return pipeline::Compile({kInputPath}, options);
}

}  // namespace concord::fuzz
