// The files every published site carries in its `assets/` folder: the
// site's script and styles (compiler/publish/assets/) and the chart library
// uPlot with its licence (npm, embedded at build time by
// cmake/embed_site_assets.cmake), so a site needs no network.
#pragma once

#include <string_view>
#include <vector>

namespace concord::publish {

struct Asset {
  std::string_view name;  // the file name inside `assets/`
  std::string_view content;
};

const std::vector<Asset>& SiteAssets();

}  // namespace concord::publish
