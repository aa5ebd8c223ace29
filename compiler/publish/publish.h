// `concord publish`: a static, self-contained website of a community's
// charters, treaties and histories (docs/publish.md). One page per charter,
// per treaty and per run, and an index; each page carries its data as JSON
// and the shared assets, so the site works from disk without a network.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/pipeline/pipeline.h"
#include "runtime/engine/input.h"

namespace concord::publish {

// What a site is made of: a compiled program (with a model), and the
// scenarios to play with it (a ledger's history is one such scenario).
struct SiteSources {
  const pipeline::Compilation* compilation = nullptr;
  const engine::ProgramSpec* program = nullptr;  // null when nothing is played
  std::vector<const engine::ScenarioSpec*> scenarios;
  std::string origin;  // how a run page names its history: "scenario", "ledger community.db"
};

struct Published {
  std::vector<std::string> files;  // written, relative to the site's folder
  // Concord violations (C-codes) the charter and treaty pages show.
  size_t concord_violations = 0;
  // A run the engine could not finish (its page says so).
  std::optional<std::string> internal_error;
};

// Why the site could not be written (E0300).
struct WriteFailure {
  std::string path;
  std::string reason;
};

struct PublishResult {
  std::optional<Published> published;
  std::optional<WriteFailure> failure;
};

PublishResult Publish(const SiteSources& sources, const std::string& out_dir);

}  // namespace concord::publish
