// The page frame and escaping; see html.h.
#include "compiler/publish/html.h"

#include <fmt/format.h>

namespace concord::publish {

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string ScriptSafeJson(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    // `<` appears in JSON only inside strings, where \u003c means the same.
    if (c == '<') {
      out += "\\u003c";
    } else {
      out += c;
    }
  }
  return out;
}

std::string RenderPage(const PageFrame& page, const std::vector<NavLink>& nav) {
  std::string links;
  for (const NavLink& link : nav) {
    bool here = link.href == page.file;
    links += fmt::format("<li><a href=\"{}\"{}>{}</a></li>", Escape(link.href),
                         here ? " aria-current=\"page\"" : "", Escape(link.label));
  }
  std::string chart_assets = page.charts
                                 ? "<link rel=\"stylesheet\" href=\"assets/uPlot.min.css\">\n"
                                   "<script src=\"assets/uPlot.iife.min.js\" defer></script>\n"
                                 : "";
  return fmt::format(
      "<!DOCTYPE html>\n"
      "<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{0} · Concord</title>\n"
      "<link rel=\"stylesheet\" href=\"assets/site.css\">\n"
      "<link rel=\"stylesheet\" href=\"assets/print.css\" media=\"print\">\n"
      "{1}<script src=\"assets/site.js\" defer></script>\n"
      "</head>\n<body class=\"page-{2}\">\n"
      "<a class=\"skip\" href=\"#content\">Skip to content</a>\n"
      "<header>\n<nav aria-label=\"Site\"><ul>{3}</ul></nav>\n</header>\n"
      "<main id=\"content\">\n<h1>{0}</h1>\n{4}</main>\n"
      "<footer><p>Published with <code>concord publish</code>. This site works offline: "
      "every script and style is in its <code>assets</code> folder.</p></footer>\n"
      "<script type=\"application/json\" id=\"page-data\">{5}</script>\n"
      "</body>\n</html>\n",
      Escape(page.title), chart_assets, Escape(page.kind), links, page.body,
      ScriptSafeJson(page.data));
}

}  // namespace concord::publish
