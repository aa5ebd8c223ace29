// The body of a run page: the timeline with its filters, the charts with
// their data as tables, the revision calendar and the jury draws with their
// verify buttons (the scripts in assets/site.js bring these to life).
#include <fmt/format.h>

#include <map>

#include "compiler/publish/html.h"
#include "compiler/publish/pages.h"

namespace concord::publish {
namespace {

std::string Options(const Json& values, const std::string& all) {
  std::string out = fmt::format("<option value=\"\">{}</option>", all);
  for (const Json& v : values) out += fmt::format("<option>{}</option>", Text(v));
  return out;
}

std::string Timeline(const Json& d) {
  std::string rows;
  const Json& entries = d["timeline"]["timeline"];
  for (size_t i = 0; i < entries.size(); ++i) {
    const Json& e = entries[i];
    std::string polities;
    for (const Json& p : d["entry_polities"][i]) {
      if (!polities.empty()) polities += ' ';
      polities += p.get<std::string>();
    }
    rows += fmt::format(
        "<tr data-kind=\"{}\" data-polities=\"{}\"{}><td>{}</td><td>{}</td><td><code>{}</code></td>"
        "<td>{}</td><td>{}</td></tr>\n",
        Text(e["kind"]), Escape(polities), e["code"].is_null() ? "" : " class=\"violation\"",
        Text(e["date"]), Text(e["kind"]), Text(e["subject"]), Text(e["text"]),
        e["code"].is_null() ? "" : fmt::format("<code>{}</code>", Text(e["code"])));
  }
  return fmt::format(
      "<section aria-labelledby=\"timeline\">\n<h2 id=\"timeline\">Timeline</h2>\n"
      "<form class=\"filters\" aria-label=\"Filter the timeline\">\n"
      "<label>Polity <select id=\"filter-polity\">{}</select></label>\n"
      "<label>Kind <select id=\"filter-kind\">{}</select></label>\n"
      "<output id=\"filter-count\" aria-live=\"polite\">{} entries</output>\n</form>\n"
      "<table id=\"timeline-table\">\n<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">"
      "Kind</th><th scope=\"col\">Subject</th><th scope=\"col\">What happened</th>"
      "<th scope=\"col\">Code</th></tr></thead>\n<tbody>\n{}</tbody>\n</table>\n</section>\n",
      Options(d["polities"], "all polities"), Options(d["kinds"], "all kinds"), entries.size(),
      rows);
}

std::string ChartTable(const Json& chart) {
  std::string head = "<th scope=\"col\">Date</th>";
  for (const Json& s : chart["series"])
    head += fmt::format("<th scope=\"col\">{}</th>", Text(s["label"]));
  std::string rows;
  for (size_t i = 0; i < chart["x"].size(); ++i) {
    rows += fmt::format("<tr><th scope=\"row\">{}</th>", Text(chart["x"][i]));
    for (const Json& s : chart["series"]) {
      const Json& v = s["values"][i];
      std::string shown = v.is_null() ? "—" : v.dump();
      if (chart.contains("categories") && v.is_number_integer()) {
        shown = chart["categories"][v.get<size_t>() - 1].get<std::string>();
      } else if (!v.is_null() && !s["unit"].get<std::string>().empty()) {
        shown += " " + s["unit"].get<std::string>();
      }
      rows += fmt::format("<td>{}</td>", Escape(shown));
    }
    rows += "</tr>\n";
  }
  return fmt::format(
      "<details><summary>The data as a table</summary>\n<table>\n<thead><tr>{}</tr></thead>\n"
      "<tbody>\n{}</tbody>\n</table>\n</details>\n",
      head, rows);
}

std::string Charts(const Json& d) {
  std::string out;
  for (const Json& chart : d["charts"]) {
    out += fmt::format(
        "<figure class=\"chart\" id=\"chart-{0}\">\n<figcaption>{1}</figcaption>\n"
        "<div class=\"chart-canvas\" data-chart=\"{0}\" data-series=\"{2}\" role=\"img\" "
        "aria-label=\"{1} over time, {2} series; the data is in the table below\"></div>\n{3}"
        "</figure>\n",
        Text(chart["id"]), Text(chart["title"]), chart["series"].size(), ChartTable(chart));
  }
  if (out.empty()) out = "<p>This history reports no metrics to chart.</p>\n";
  return "<section aria-labelledby=\"charts\">\n<h2 id=\"charts\">Charts</h2>\n" + out +
         "</section>\n";
}

// A calendar of revision cycles: one row per polity, one cell per cycle.
std::string RevisionCalendar(const Json& d) {
  std::map<std::string, std::string> rows;
  for (const Json& c : d["revision_cycles"]) {
    bool met = c["met"].get<bool>();
    rows[c["polity"].get<std::string>()] += fmt::format(
        "<li class=\"cycle cycle-{}\" title=\"{}\"><time>{}</time> {}</li>", met ? "met" : "missed",
        Text(c["text"]), Text(c["date"]), met ? "✓ met" : "✗ missed");
  }
  std::string out;
  for (const auto& [polity, cells] : rows) {
    out += fmt::format(
        "<tr><th scope=\"row\"><code>{}</code></th><td><ul class=\"cycles\">{}"
        "</ul></td></tr>\n",
        Escape(polity), cells);
  }
  if (out.empty()) {
    out = "<p>No revision cycle closed in this history.</p>\n";
  } else {
    out =
        "<table class=\"calendar\">\n<thead><tr><th scope=\"col\">Polity</th><th scope=\"col\">"
        "Cycles, in order</th></tr></thead>\n<tbody>\n" +
        out + "</tbody>\n</table>\n";
  }
  return "<section aria-labelledby=\"revisions\">\n<h2 id=\"revisions\">Revision cycles</h2>\n" +
         out + "</section>\n";
}

std::string Draws(const Json& d) {
  std::string out;
  for (const Json& draw : d["draws"]) {
    const Json& v = draw["verification"];
    std::string members;
    for (const Json& m : draw["members"]) members += fmt::format("<li>{}</li>", Text(m));
    std::string pool;
    for (const Json& p : v["pool"]) pool += fmt::format("<li>{}</li>", Text(p));
    out += fmt::format(
        "<article class=\"draw\" id=\"{0}\" data-draw=\"{0}\">\n"
        "<h3>{1}: {2} of dispute <code>{3}</code></h3>\n"
        "<div class=\"side-by-side\">\n<div><h4>Drawn, in order</h4><ol>{4}</ol></div>\n"
        "<div><h4>Verification data</h4><dl>\n<dt>Seed</dt><dd><code>{5}</code></dd>\n"
        "<dt>Domain</dt><dd><code>{6}</code></dd>\n<dt>Pool (sorted)</dt><dd><ul class=\"inline\">"
        "{7}</ul></dd>\n<dt>k</dt><dd>{8}</dd>\n<dt>Hashes used</dt><dd>{9}</dd>\n"
        "<dt>First SHA-256</dt><dd><code class=\"digest\">{10}</code></dd>\n</dl></div>\n</div>\n"
        "<p><button type=\"button\" class=\"verify\">Verify this draw</button> "
        "<output class=\"verify-result\" aria-live=\"polite\"></output></p>\n</article>\n",
        Text(draw["id"]), Text(draw["date"]), Text(draw["role"]), Text(draw["dispute"]), members,
        Text(v["seed"]), Text(v["domain"]), pool, Text(v["k"]), Text(v["hashes_used"]),
        Text(v["first_digest"]));
  }
  if (out.empty()) out = "<p>No jury was drawn in this history.</p>\n";
  return "<section aria-labelledby=\"draws\">\n<h2 id=\"draws\">Jury draws</h2>\n"
         "<p>Each button re-draws the jury in this page, with your browser's SHA-256 and the "
         "shuffle documented in the Concord reference (jury lottery), and compares the result "
         "with the members shown.</p>\n" +
         out + "</section>\n";
}

}  // namespace

std::string RunBody(const Json& d) {
  const Json& t = d["timeline"];
  std::string out = fmt::format(
      "<dl class=\"facts\">\n<dt>History</dt><dd>{}</dd>\n<dt>Seed</dt><dd><code>{}</code></dd>\n"
      "<dt>From</dt><dd>{}</dd>\n<dt>Until</dt><dd>{}</dd>\n<dt>Violations</dt><dd>{}{}</dd>\n"
      "</dl>\n",
      Text(d["origin"]), Text(t["seed"]), Text(t["start"]), Text(t["until"]), Text(t["violations"]),
      d["violations_by_code"].get<std::string>().empty()
          ? ""
          : " (" + Text(d["violations_by_code"]) + ")");
  out += Timeline(d);
  out += Charts(d);
  out += RevisionCalendar(d);
  out += Draws(d);
  return out;
}

}  // namespace concord::publish
