// Helpers the page writers share; see pages.h.
#include <fmt/format.h>

#include "compiler/publish/html.h"
#include "compiler/publish/pages.h"

namespace concord::publish {

std::string Text(const Json& value, const std::string& fallback) {
  if (value.is_null()) return Escape(fallback);
  if (value.is_string()) return Escape(value.get<std::string>());
  return Escape(value.dump());
}

std::string AsWrittenBlock(const Json& value) {
  if (value.is_null()) return "";
  return fmt::format("<pre class=\"as-written\"><code>{}</code></pre>\n", Text(value));
}

std::string NameAndTitle(const Json& item) {
  std::string name = fmt::format("<code>{}</code>", Text(item["name"]));
  if (item["title"].is_null()) return name;
  return fmt::format("{} — {}", Text(item["title"]), name);
}

std::string IndexBody(const Json& data) {
  std::string out;
  out += "<section aria-labelledby=\"charters\">\n<h2 id=\"charters\">Charters</h2>\n<ul>\n";
  for (const Json& c : data["charters"]) {
    out += fmt::format(
        "<li><a href=\"{}\">{}</a> — concord <code>{}</code>: <span class=\"verdict "
        "verdict-{}\">{}</span></li>\n",
        Text(c["file"]), NameAndTitle(c), Text(c["concord"]), Text(c["verdict"]),
        Text(c["verdict"]));
  }
  out += "</ul>\n</section>\n";
  out += "<section aria-labelledby=\"treaties\">\n<h2 id=\"treaties\">Treaties</h2>\n<ul>\n";
  for (const Json& t : data["treaties"]) {
    out += fmt::format("<li><a href=\"{}\">{}</a> — {}</li>\n", Text(t["file"]), NameAndTitle(t),
                       Text(t["compat"]));
  }
  out += "</ul>\n</section>\n";
  out += "<section aria-labelledby=\"runs\">\n<h2 id=\"runs\">Histories</h2>\n<ul>\n";
  for (const Json& r : data["runs"]) {
    out += fmt::format(
        "<li><a href=\"{}\">{}</a> ({}) — {} entries, {} violations, {} jury draws</li>\n",
        Text(r["file"]), NameAndTitle(r), Text(r["origin"]), Text(r["entries"]),
        Text(r["violations"]), Text(r["draws"]));
  }
  out += "</ul>\n</section>\n";
  return out;
}

}  // namespace concord::publish
