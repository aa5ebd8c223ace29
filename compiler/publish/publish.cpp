// Builds every page's data, writes the pages and the assets; see publish.h.
#include "compiler/publish/publish.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "compiler/publish/assets.h"
#include "compiler/publish/html.h"
#include "compiler/publish/pages.h"
#include "compiler/publish/site_data.h"

namespace concord::publish {
namespace {

namespace fs = std::filesystem;

std::string Heading(const Json& data, const std::string& kind) {
  std::string name = data["name"];
  if (data["title"].is_string()) return data["title"].get<std::string>() + " (" + name + ")";
  return kind + " " + name;
}

std::optional<WriteFailure> WriteFile(const fs::path& path, std::string_view content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (out) out.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (out) out.close();
  if (!out) {
    return WriteFailure{path.string(), errno ? std::strerror(errno) : "the file cannot be written"};
  }
  return std::nullopt;
}

}  // namespace

PublishResult Publish(const SiteSources& sources, const std::string& out_dir) {
  const pipeline::Compilation& c = *sources.compilation;
  Published published;
  std::vector<Json> runs;
  if (sources.program) {
    for (const engine::ScenarioSpec* s : sources.scenarios) {
      runs.push_back(RunData(*sources.program, *s, c, sources.origin));
      if (runs.back()["internal_error"].is_string() && !published.internal_error) {
        published.internal_error = runs.back()["internal_error"].get<std::string>();
      }
    }
  }
  std::vector<Json> charters;
  for (const model::Charter& ch : c.model->charters) {
    charters.push_back(CharterData(ch, c));
    published.concord_violations += charters.back()["concord"]["violations"].size();
  }
  std::vector<Json> treaties;
  if (!c.model->treaties.empty()) {
    compat::Checker checker(*c.checked, *c.model, c.program->sources, {});
    for (const model::Treaty& t : c.model->treaties) {
      treaties.push_back(TreatyData(t, checker.Check(t, std::nullopt), c, runs));
      published.concord_violations += treaties.back()["concord_violations"].size();
    }
  }

  std::vector<PageFrame> pages;
  Json index = IndexData(charters, treaties, runs);
  pages.push_back(
      {"index.html", "Charters, treaties and histories", "index", IndexBody(index), index.dump(1)});
  std::vector<NavLink> nav = {{"index.html", "Home"}};
  for (const Json& d : charters) {
    nav.push_back({d["file"], d["name"]});
    pages.push_back({d["file"], Heading(d, "Charter"), "charter", CharterBody(d), d.dump(1)});
  }
  for (const Json& d : treaties) {
    nav.push_back({d["file"], d["name"]});
    pages.push_back({d["file"], Heading(d, "Treaty"), "treaty", TreatyBody(d), d.dump(1)});
  }
  for (const Json& d : runs) {
    nav.push_back({d["file"], "history " + d["name"].get<std::string>()});
    pages.push_back({d["file"], Heading(d, "History"), "run", RunBody(d), d.dump(1), true});
  }

  std::error_code error;
  fs::path root(out_dir);
  fs::create_directories(root / "assets", error);
  if (error) return {std::nullopt, WriteFailure{(root / "assets").string(), error.message()}};
  for (const Asset& asset : SiteAssets()) {
    if (auto failure = WriteFile(root / "assets" / std::string(asset.name), asset.content)) {
      return {std::nullopt, failure};
    }
    published.files.push_back("assets/" + std::string(asset.name));
  }
  for (const PageFrame& page : pages) {
    if (auto failure = WriteFile(root / page.file, RenderPage(page, nav))) {
      return {std::nullopt, failure};
    }
    published.files.push_back(page.file);
  }
  return {std::move(published), std::nullopt};
}

}  // namespace concord::publish
