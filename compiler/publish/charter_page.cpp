// The body of a charter's and of a treaty's page; see pages.h.
#include <fmt/format.h>

#include "compiler/publish/html.h"
#include "compiler/publish/pages.h"

namespace concord::publish {
namespace {

std::string Section(const std::string& id, const std::string& heading, const std::string& body) {
  return fmt::format("<section aria-labelledby=\"{0}\">\n<h2 id=\"{0}\">{1}</h2>\n{2}</section>\n",
                     id, heading, body);
}

// A clause as written, or a sentence saying the charter has none.
std::string ClauseOrNone(const Json& clause, const std::string& none) {
  if (clause.is_null()) return fmt::format("<p>{}</p>\n", none);
  return AsWrittenBlock(clause);
}

// Named items (offices, ledgers, funds, metrics) with their clause as written.
std::string Items(const Json& items, const std::string& none) {
  if (items.empty()) return fmt::format("<p>{}</p>\n", none);
  std::string out;
  for (const Json& item : items) {
    std::string name = item.contains("name") ? NameAndTitle(item)
                                             : fmt::format("<code>{}</code>", Text(item["matter"]));
    out += fmt::format("<h3>{}</h3>\n{}", name, AsWrittenBlock(item["as_written"]));
  }
  return out;
}

std::string Violations(const Json& violations) {
  std::string out = "<ul class=\"violations\">\n";
  for (const Json& v : violations) {
    out += fmt::format("<li><code>{}</code> {} <span class=\"where\">{}</span></li>\n",
                       Text(v["code"]), Text(v["message"]), Text(v["location"]));
  }
  return out + "</ul>\n";
}

// Each rule as an article with a stable id: its prose beside its executable
// form, so a member can check that the code says what the text says.
std::string RulesSection(const Json& rules) {
  std::string out;
  if (rules.empty()) out += "<p>No rules.</p>\n";
  for (const Json& r : rules) {
    std::string prose = r["prose"].is_null() ? "<p class=\"missing\">No prose text.</p>"
                                             : fmt::format("<p>{}</p>", Text(r["prose"]));
    out += fmt::format(
        "<article class=\"rule\" id=\"{0}\">\n<h3><a class=\"anchor\" href=\"#{0}\">{1}</a></h3>\n"
        "<div class=\"side-by-side\">\n<div class=\"prose\"><h4>Prose</h4>{2}</div>\n"
        "<div class=\"code\"><h4>Executable form{3}</h4>{4}</div>\n</div>\n"
        "<p class=\"where\">{5}</p>\n</article>\n",
        Text(r["anchor"]), NameAndTitle(r), prose,
        r["executable"].get<bool>() ? "" : " (prose only)", AsWrittenBlock(r["as_written"]),
        Text(r["location"]));
  }
  return Section("rules", "Rules", out);
}

}  // namespace

std::string CharterBody(const Json& d) {
  std::string out;
  const Json& concord = d["concord"];
  bool meets = concord["verdict"] == "meets";
  out += fmt::format(
      "<dl class=\"facts\">\n<dt>Name</dt><dd><code>{}</code></dd>\n<dt>Adopted</dt><dd>{}</dd>\n"
      "<dt>Concord claimed</dt><dd><code>{}</code> — <span class=\"verdict verdict-{}\">{}</span>"
      "</dd>\n<dt>Declared at</dt><dd>{}</dd>\n</dl>\n",
      Text(d["name"]), Text(d["adopted"], "not stated"), Text(concord["name"]),
      Text(concord["verdict"]), meets ? "meets its concord" : "violates its concord",
      Text(d["location"]));
  if (!meets) out += Violations(concord["violations"]);
  out += Section("membership", "Membership", ClauseOrNone(d["membership"], "Not stated."));
  out += Section("revision", "Revision", ClauseOrNone(d["revision"], "Not stated."));
  out += Section("offices", "Offices", Items(d["offices"], "No offices."));
  out += Section("decisions", "Decision rules", Items(d["decisions"], "No decision rules."));
  out += Section("jury", "Jury", ClauseOrNone(d["jury"], "No jury."));
  out += Section("ledgers", "Ledgers", Items(d["ledgers"], "No ledgers."));
  out += Section("treaty-limits", "Treaty limits",
                 ClauseOrNone(d["treaty_limits"], "No treaty limits."));
  out += Section("metrics", "Metrics", Items(d["metrics"], "No metrics."));
  out += RulesSection(d["rules"]);
  return out;
}

std::string TreatyBody(const Json& d) {
  std::string parties;
  for (const Json& p : d["parties"]) {
    parties += fmt::format("<li><a href=\"{}\"><code>{}</code></a></li>",
                           Text(Json(CharterFile(p))), Text(p));
  }
  std::string out = fmt::format(
      "<dl class=\"facts\">\n<dt>Parties</dt><dd><ul class=\"inline\">{}</ul></dd>\n"
      "<dt>Effective</dt><dd>{}</dd>\n<dt>Term</dt><dd>{}</dd>\n<dt>Renewal</dt><dd>{}</dd>\n"
      "<dt>Declared at</dt><dd>{}</dd>\n</dl>\n",
      parties, Text(d["effective"], "not stated"), Text(d["term"], "not stated"),
      Text(d["renewal"]), Text(d["location"]));
  if (!d["concord_violations"].empty()) out += Violations(d["concord_violations"]);
  std::string runs;
  for (const Json& s : d["status_in_runs"]) {
    runs += fmt::format("<li><a href=\"{}\">{}</a>: {} on {}</li>\n", Text(s["file"]),
                        Text(s["run"]), Text(s["status"]), Text(s["until"]));
  }
  out += Section(
      "renewal-state", "Status in the histories",
      runs.empty() ? "<p>No history plays this treaty.</p>\n" : "<ul>\n" + runs + "</ul>\n");
  out += Section("exit", "Exit", ClauseOrNone(d["exit"], "Not stated."));
  std::string funds;
  for (const Json& f : d["funds"]) {
    funds += fmt::format("<h3>{}</h3>\n<p>Cap: {}</p>\n{}", NameAndTitle(f), Text(f["cap"], "none"),
                         AsWrittenBlock(f["as_written"]));
  }
  out += Section("funds", "Funds and caps", funds.empty() ? "<p>No funds.</p>\n" : funds);
  std::string rows;
  for (const Json& p : d["compat"]) {
    std::string conflicts;
    for (const Json& k : p["conflicts"]) {
      conflicts += fmt::format("<li><code>{}</code> {}</li>", Text(k["code"]), Text(k["message"]));
    }
    rows += fmt::format(
        "<tr><th scope=\"row\"><code>{}</code></th><td class=\"verdict verdict-{}\">{}</td>"
        "<td>{}</td></tr>\n",
        Text(p["party"]), Text(p["verdict"]), Text(p["verdict"]),
        conflicts.empty() ? "—" : "<ul>" + conflicts + "</ul>");
  }
  out += Section("compat", "Can each party sign? (concord compat)",
                 "<table>\n<thead><tr><th scope=\"col\">Party</th><th scope=\"col\">Verdict</th>"
                 "<th scope=\"col\">Conflicts</th></tr></thead>\n<tbody>\n" +
                     rows + "</tbody>\n</table>\n");
  out += RulesSection(d["rules"]);
  return out;
}

}  // namespace concord::publish
