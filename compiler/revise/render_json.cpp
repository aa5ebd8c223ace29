// The revision report as JSON (`--format json`) and inside SARIF
// (`--format sarif`). Keys keep a fixed order and absent parts are `null` or
// `[]`, never missing, as in the diagnostics' JSON (docs/diagnostics.md), so
// the output is byte-stable and a consumer never tests whether a key exists.
#include <nlohmann/json.hpp>

#include "compiler/diag/render.h"
#include "compiler/revise/render.h"

namespace concord::revise {
namespace {

using Json = nlohmann::ordered_json;

Json Optional(const std::optional<std::string>& s) {
  return s ? Json(*s) : Json(nullptr);
}

class ReportJson {
 public:
  explicit ReportJson(const diag::SourceManager& sources) : sources_(sources) {}

  Json Report(const RevisionReport& r, const std::vector<diag::Diagnostic>& diagnostics) {
    Json j;
    j["old"] = r.old_path;
    j["new"] = r.new_path;
    if (r.git_revision) {
      j["git"]["revision"] = *r.git_revision;
      j["git"]["commit"] = Optional(r.git_commit);
    } else {
      j["git"] = nullptr;
    }
    j["charters"] = Json::array();
    j["treaties"] = Json::array();
    bool quota_met = true;
    for (const UnitReport& u : r.units) {
      j[u.kind == OwnerKind::kCharter ? "charters" : "treaties"].push_back(Unit(u));
      if (u.quota && u.quota->status == QuotaStatus::kMissed) quota_met = false;
    }
    if (r.history_checked) {
      Json h;
      h["commits"] = r.history_commits;
      h["calcified_after"] = r.calcified_after;
      h["calcified"] = Json::array();
      for (const CalcifiedRule& c : r.calcified) {
        Json e;
        e["kind"] = c.kind == OwnerKind::kCharter ? "charter" : "treaty";
        e["owner"] = c.owner;
        e["rule"] = c.rule;
        e["revisions"] = c.revisions;
        e["since_commit"] = c.since_commit;
        e["since_date"] = c.since_date;
        h["calcified"].push_back(std::move(e));
      }
      j["history"] = std::move(h);
    } else {
      j["history"] = nullptr;
    }
    size_t errors = 0, warnings = 0;
    for (const diag::Diagnostic& d : diagnostics) {
      errors += d.severity == diag::Severity::Error;
      warnings += d.severity == diag::Severity::Warning;
    }
    j["result"]["quota_met"] = quota_met;
    j["result"]["errors"] = errors;
    j["result"]["warnings"] = warnings;
    return j;
  }

 private:
  Json Rule(const RuleVersion& r) {
    Json j;
    j["name"] = r.name;
    j["title"] = Optional(r.title);
    bool located = r.name_range.valid() && r.name_range.file < sources_.file_count();
    j["file"] = located ? Json(sources_.Path(r.name_range.file)) : Json(nullptr);
    j["line"] = located ? Json(sources_.Position(r.name_range.file, r.name_range.begin).line)
                        : Json(nullptr);
    return j;
  }

  Json Pair(const RuleVersion& before, const RuleVersion& after) {
    Json j;
    j["old"] = Rule(before);
    j["new"] = Rule(after);
    return j;
  }

  Json Replaced(const Replacement& r) {
    Json j = Pair(r.before, r.after);
    j["by"] = r.reason == ReplaceReason::kReplacesClause ? "replaces" : "title";
    return j;
  }

  Json Added(const Addition& a) {
    Json j = Rule(a.rule);
    j["replaces"] = Optional(a.rule.replaces);
    switch (a.unmatched) {
      case UnmatchedReplaces::kNone:
        j["unmatched_replaces"] = nullptr;
        break;
      case UnmatchedReplaces::kStillInForce:
        j["unmatched_replaces"] = "still-in-force";
        break;
      case UnmatchedReplaces::kNotInOld:
        j["unmatched_replaces"] = "not-in-old";
        break;
      case UnmatchedReplaces::kAlreadyReplaced:
        j["unmatched_replaces"] = "already-replaced";
        break;
    }
    return j;
  }

  Json Clause(const std::optional<ClauseAt>& c) {
    if (!c) return nullptr;
    Json j;
    j["text"] = c->text;
    bool located = c->range.valid() && c->range.file < sources_.file_count();
    j["file"] = located ? Json(sources_.Path(c->range.file)) : Json(nullptr);
    j["line"] = c->line;
    j["column"] = c->column;
    return j;
  }

  Json Structure(const StructureChange& c) {
    static constexpr const char* kChange[] = {"changed", "added", "removed"};
    Json j;
    j["part"] = c.part;
    j["item"] = c.item;
    j["field"] = c.field.empty() ? Json(nullptr) : Json(c.field);
    j["change"] = kChange[static_cast<int>(c.kind)];
    j["old"] = Clause(c.before);
    j["new"] = Clause(c.after);
    return j;
  }

  Json Quota(const QuotaCheck& q) {
    static constexpr const char* kStatus[] = {"met", "missed", "unevaluable", "none"};
    Json j;
    j["status"] = kStatus[static_cast<int>(q.status)];
    j["clause"] = q.status == QuotaStatus::kNone ? Json(nullptr) : Json(q.clause);
    j["rules_in_force"] = q.rules_in_force;
    bool counted = q.status == QuotaStatus::kMet || q.status == QuotaStatus::kMissed;
    j["exact"] = counted ? Json(q.exact) : Json(nullptr);
    j["required"] = counted ? Json(q.required) : Json(nullptr);
    j["changed"] = q.changed;
    j["reason"] = q.status == QuotaStatus::kUnevaluable ? Json(q.why_unevaluable) : Json(nullptr);
    return j;
  }

  Json Unit(const UnitReport& u) {
    static constexpr const char* kPresence[] = {"both", "old", "new"};
    const RuleChanges& c = u.changes;
    Json j;
    j["name"] = u.name;
    j["title"] = Optional(u.title);
    j["presence"] = kPresence[static_cast<int>(u.presence)];
    j["rules_before"] = u.rules_before;
    j["rules_after"] = u.rules_after;
    auto list = [](auto& items, auto convert) {
      Json a = Json::array();
      for (const auto& item : items) a.push_back(convert(item));
      return a;
    };
    j["amended"] = list(c.amended, [&](const RulePair& p) { return Pair(p.before, p.after); });
    j["replaced"] = list(c.replaced, [&](const Replacement& r) { return Replaced(r); });
    j["removed"] = list(c.removed, [&](const RuleVersion& r) { return Rule(r); });
    j["added"] = list(c.added, [&](const Addition& a) { return Added(a); });
    j["renamed"] = list(c.renamed, [&](const Replacement& r) { return Replaced(r); });
    j["retitled"] = list(c.retitled, [&](const RulePair& p) { return Pair(p.before, p.after); });
    j["unchanged"] = list(c.unchanged, [&](const RuleVersion& r) { return Rule(r); });
    j["changed"] = c.Burned();
    j["structure"] = list(u.structure, [&](const StructureChange& s) { return Structure(s); });
    j["quota"] = u.quota ? Quota(*u.quota) : Json(nullptr);
    return j;
  }

  const diag::SourceManager& sources_;
};

}  // namespace

std::string RenderReportJson(const RevisionReport& report,
                             const std::vector<diag::Diagnostic>& diagnostics,
                             const diag::SourceManager& sources) {
  Json j = ReportJson(sources).Report(report, diagnostics);
  j["diagnostics"] = Json::array();
  for (const diag::Diagnostic& d : diagnostics) {
    j["diagnostics"].push_back(Json::parse(diag::RenderJsonOne(d, sources)));
  }
  return j.dump(2) + "\n";
}

std::string RenderReportSarif(const RevisionReport& report,
                              const std::vector<diag::Diagnostic>& diagnostics,
                              const diag::SourceManager& sources, std::string_view tool_version) {
  Json log = Json::parse(diag::RenderSarif(diagnostics, sources, tool_version));
  Json& run = log["runs"][0];
  run["properties"]["concordRevise"] = ReportJson(sources).Report(report, diagnostics);
  return log.dump(2) + "\n";
}

}  // namespace concord::revise
