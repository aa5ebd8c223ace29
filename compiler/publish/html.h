// The HTML every page of a published site shares: escaping of whatever came
// from a user's files, the page frame (landmarks, navigation, the shared
// assets) and the page's data as a JSON block that scripts and tests read.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace concord::publish {

// Text safe inside an element or a quoted attribute: & < > " ' escaped.
std::string Escape(std::string_view text);

// A JSON document safe inside <script type="application/json">: every `<`
// becomes \u003c, so no text from a user's file can close the script.
std::string ScriptSafeJson(std::string_view json);

// The file of a page and its link text in the navigation.
struct NavLink {
  std::string href;
  std::string label;
};

struct PageFrame {
  std::string file;     // "charter-eastside_kitchen.html"
  std::string title;    // the <title> and the <h1>, plain text
  std::string kind;     // "index", "charter", "treaty", "run": a class on <body>
  std::string body;     // HTML inside <main>, after the <h1>
  std::string data;     // the page's data, a JSON document
  bool charts = false;  // load the chart library
};

// The whole document: a header with the site's navigation, <main>, the
// data block and the scripts, all from the site's own `assets/` folder.
std::string RenderPage(const PageFrame& page, const std::vector<NavLink>& nav);

}  // namespace concord::publish
