// The verdicts of render_verdicts.h.
#include "compiler/compat/render_verdicts.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "compiler/diag/render.h"

namespace concord::compat {
namespace {

std::string Codes(const PartyVerdict& p) {
  std::vector<std::string> codes;
  for (const diag::Diagnostic& d : p.conflicts) {
    std::string code(diag::CodeName(d));
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
  }
  return fmt::format("{}", fmt::join(codes, ","));
}

nlohmann::json VerdictJson(const TreatyVerdict& v, const diag::SourceManager& sources) {
  nlohmann::json parties = nlohmann::json::array();
  for (const PartyVerdict& p : v.parties) {
    nlohmann::json active = nlohmann::json::array();
    for (const model::Treaty* t : p.active) active.push_back(t->name);
    nlohmann::json conflicts = nlohmann::json::array();
    for (const diag::Diagnostic& d : p.conflicts) {
      conflicts.push_back(nlohmann::json::parse(diag::RenderJsonOne(d, sources)));
    }
    parties.push_back({{"party", p.party},
                       {"compatible", p.compatible()},
                       {"active_treaties", active},
                       {"conflicts", conflicts}});
  }
  return {{"treaty", v.treaty->name},
          {"file", sources.Path(v.treaty->range.file)},
          {"compatible", v.compatible()},
          {"parties", parties}};
}

nlohmann::json StatsJson(const Stats& s) {
  return {{"contribution_checks", s.checks}, {"solver_calls", s.solver_calls}};
}

}  // namespace

std::vector<diag::Diagnostic> AllConflicts(const std::vector<TreatyVerdict>& verdicts) {
  std::vector<diag::Diagnostic> out;
  for (const TreatyVerdict& v : verdicts) {
    for (const PartyVerdict& p : v.parties) {
      out.insert(out.end(), p.conflicts.begin(), p.conflicts.end());
    }
  }
  return out;
}

std::string RenderVerdictsText(const std::vector<TreatyVerdict>& verdicts) {
  std::string out;
  for (const TreatyVerdict& v : verdicts) {
    out += fmt::format("treaty `{}`:\n", v.treaty->name);
    for (const PartyVerdict& p : v.parties) {
      if (p.compatible()) {
        out += fmt::format("  {}: can sign{}\n", p.party,
                           p.active.empty()
                               ? ""
                               : fmt::format(" ({} active treat{} considered)", p.active.size(),
                                             p.active.size() == 1 ? "y" : "ies"));
      } else {
        out += fmt::format("  {}: cannot sign: {} conflict{} ({})\n", p.party, p.conflicts.size(),
                           p.conflicts.size() == 1 ? "" : "s", Codes(p));
      }
    }
  }
  return out;
}

// The table: a row per treaty, a column per charter; `ok`, the conflict
// codes, or `-` where the charter is not a party.
std::string RenderMatrix(const std::vector<TreatyVerdict>& verdicts, const model::Model& model) {
  std::vector<std::string> header = {"treaty"};
  for (const model::Charter& c : model.charters) header.push_back(c.name);
  std::vector<std::vector<std::string>> rows = {header};
  for (const TreatyVerdict& v : verdicts) {
    std::vector<std::string> row = {v.treaty->name};
    for (const model::Charter& c : model.charters) {
      std::string cell = "-";
      for (const PartyVerdict& p : v.parties) {
        if (p.party == c.name) cell = p.compatible() ? "ok" : Codes(p);
      }
      row.push_back(cell);
    }
    rows.push_back(row);
  }
  std::vector<size_t> widths(header.size(), 0);
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(widths[i] - row[i].size() + 2, ' ');
    }
    out += line + "\n";
  }
  int signable = 0;
  for (const TreatyVerdict& v : verdicts) signable += v.compatible() ? 1 : 0;
  out += fmt::format("{} of {} treat{} can be signed by every party\n", signable, verdicts.size(),
                     verdicts.size() == 1 ? "y" : "ies");
  for (const TreatyVerdict& v : verdicts) {
    for (const PartyVerdict& p : v.parties) {
      for (const diag::Diagnostic& d : p.conflicts) {
        out += fmt::format("  {} / {}: {}[{}]: {}\n", v.treaty->name, p.party, "error",
                           diag::CodeName(d), d.message);
      }
    }
  }
  return out;
}

std::string RenderVerdictsJson(const std::vector<TreatyVerdict>& verdicts,
                               const diag::SourceManager& sources, const Stats& stats,
                               const std::optional<Timing>& timing) {
  nlohmann::json treaties = nlohmann::json::array();
  for (const TreatyVerdict& v : verdicts) treaties.push_back(VerdictJson(v, sources));
  nlohmann::json doc = {{"treaties", treaties}, {"stats", StatsJson(stats)}};
  if (timing) {
    doc["stats"]["compile_ms"] = timing->compile_ms;
    doc["stats"]["compat_ms"] = timing->check_ms;
  }
  return doc.dump(2) + "\n";
}

}  // namespace concord::compat
