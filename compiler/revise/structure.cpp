// Reading the structure of a charter or treaty out of its AST, clause by
// clause, and pairing two versions of it. Every clause keeps its text as
// written, so the report quotes the charter, not a paraphrase of it.
#include "compiler/revise/structure.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "compiler/diag/one_line.h"
#include "compiler/revise/merged_sources.h"
#include "compiler/revise/rule_form.h"

namespace concord::revise {
namespace {

// The order of the report: what a member is, who holds power, how it is
// used and checked, what the community owns and measures, how it renews
// itself; then a treaty's own parts.
constexpr std::array<std::string_view, 15> kStructureParts = {
    "charter",   "membership",    "offices", "decisions", "sanctions",
    "jury",      "ledgers",       "metrics", "revision",  "functions",
    "practices", "treaty limits", "treaty",  "terms",     "funds"};

bool StartsWithWord(std::string_view text, std::string_view word) {
  if (text.substr(0, word.size()) != word) return false;
  return text.size() == word.size() || text[word.size()] == ' ' || text[word.size()] == '{';
}

// The clause without its comments, so that a clause shown on one line does
// not carry a `//` into the middle of it. Strings are kept as they are.
std::string WithoutComments(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (text[i] == '"') {
      size_t j = i + 1;
      while (j < text.size() && text[j] != '"' && text[j] != '\n') j += text[j] == '\\' ? 2 : 1;
      j = std::min(j + 1, text.size());
      out.append(text.substr(i, j - i));
      i = j;
    } else if (text.substr(i, 2) == "//") {
      size_t end = text.find('\n', i);
      i = end == std::string_view::npos ? text.size() : end;
    } else if (text.substr(i, 2) == "/*") {
      size_t end = text.find("*/", i + 2);
      i = end == std::string_view::npos ? text.size() : end + 2;
      out += ' ';
    } else {
      out += text[i++];
    }
  }
  return out;
}

class Extractor {
 public:
  explicit Extractor(const Version& version) : version_(version) {}

  // The clause at `range`, as written. Some of the parser's ranges cover only
  // a clause's value (`6` of `seats 6`): `keyword` is put in front when the
  // text does not start with it, so every clause reads as written.
  ClauseAt At(std::string_view keyword, diag::SourceRange range) const {
    ClauseAt c;
    const diag::SourceManager& sources = version_.program->sources;
    std::string text =
        range.valid() ? diag::OneLine(WithoutComments(sources.Slice(range))) : std::string();
    if (!keyword.empty() && !StartsWithWord(text, keyword)) {
      text = text.empty() ? std::string(keyword) : std::string(keyword) + " " + text;
    }
    c.canonical = CanonicalClause(text);
    c.text = std::move(text);
    c.range = Shifted(range, version_.file_offset);
    if (range.valid()) {
      diag::LineColumn at = sources.Position(range.file, range.begin);
      c.line = at.line;
      c.column = at.column;
    }
    return c;
  }

  // An item written as one clause.
  void Single(std::string_view part, std::string key, std::string_view keyword,
              diag::SourceRange range) {
    StructureItem item{std::string(part), std::move(key), At(keyword, range), {}};
    item.fields.push_back({"", item.whole});
    Add(std::move(item));
  }

  // An item with fields; `fields` is filled by the caller through Field().
  StructureItem& Compound(std::string_view part, std::string key, std::string_view keyword,
                          diag::SourceRange range) {
    if (!Add(StructureItem{std::string(part), std::move(key), At(keyword, range), {}})) {
      discarded_ = {};
      return discarded_;
    }
    return items_.back();
  }

  void Field(StructureItem& item, std::string name, std::string_view keyword,
             diag::SourceRange range) {
    for (const StructureField& f : item.fields) {
      if (f.name == name) return;  // a clause written twice is an error there; keep the first
    }
    item.fields.push_back({std::move(name), At(keyword, range)});
  }

  void Title(StructureItem& item, const std::optional<ast::Located<std::string>>& title) {
    if (title) Field(item, "title", "title", title->range);
  }

  std::vector<StructureItem> Take() { return std::move(items_); }

 private:
  bool Add(StructureItem item) {
    for (const StructureItem& i : items_) {
      if (i.part == item.part && i.key == item.key) return false;  // declared twice (E0202)
    }
    items_.push_back(std::move(item));
    return true;
  }

  const Version& version_;
  std::vector<StructureItem> items_;
  StructureItem discarded_;  // the fields of a second declaration go here
};

void Membership(Extractor& x, const ast::Membership& m) {
  if (m.entry) x.Single("membership", "entry", "entry", m.entry->range);
  if (m.exit) x.Single("membership", "exit", "exit", m.exit->range);
  for (const ast::MemberClass& c : m.classes) {
    StructureItem& item = x.Compound("membership", "class " + c.name.name, "class", c.range);
    x.Title(item, c.title);
    if (c.votes) x.Field(item, "votes", "votes", c.votes->range);
  }
  if (m.dues) x.Single("membership", "dues", "dues", m.dues->range);
}

void Offices(Extractor& x, const std::vector<ast::Office>& offices) {
  for (const ast::Office& o : offices) {
    StructureItem& item = x.Compound("offices", o.name.name, "office", o.range);
    x.Title(item, o.title);
    if (o.seats) x.Field(item, "seats", "seats", o.seats->range);
    // How holders come is one field, whether chosen or held by a name, so
    // that `chosen by election` becoming `held by ana` reads as one change.
    if (o.chosen) x.Field(item, "selection", "chosen by", o.chosen->range);
    if (o.held_by) x.Field(item, "selection", "held by", o.held_range);
    if (o.term) x.Field(item, "term", "term", o.term_range);
    if (o.limit) x.Field(item, "limit", "limit", o.limit->range);
    if (o.recall) x.Field(item, "recall", "recall", o.recall_range);
    for (const ast::OfficeDecides& d : o.decides) {
      x.Field(item, "decides " + d.matter.name, "decides", d.range);
    }
  }
}

void Decisions(Extractor& x, const ast::Decisions& decisions) {
  for (const ast::DecisionRule& r : decisions.rules) {
    StructureItem& item = x.Compound("decisions", r.matter.name, "", r.range);
    x.Field(item, "method", "", r.method.range);
    if (r.quorum_share || r.quorum_count) x.Field(item, "quorum", "quorum", r.quorum_range);
    if (r.notice) x.Field(item, "notice", "notice", r.notice_range);
    if (r.window) x.Field(item, "window", "window", r.window_range);
    if (r.fallback) x.Field(item, "fallback", "fallback", r.fallback->range);
  }
}

void Sanctions(Extractor& x, const ast::Sanctions& sanctions) {
  for (const ast::SanctionRule& r : sanctions.rules) {
    x.Single("sanctions", ast::SanctionWord(r.kind), "", r.range);
  }
  if (sanctions.finding_expires) {
    x.Single("sanctions", "finding expiry", "finding", sanctions.finding_range);
  }
}

void Jury(Extractor& x, const ast::Jury& j) {
  if (j.size) x.Single("jury", "size", "size", j.size->range);
  if (j.draw) x.Single("jury", "draw", "", j.draw->range);
  if (j.external) x.Single("jury", "external", "external", j.external->range);
  if (j.ruling) x.Single("jury", "ruling expiry", "ruling", j.ruling->range);
}

void Ledgers(Extractor& x, const std::vector<ast::Ledger>& ledgers) {
  for (const ast::Ledger& l : ledgers) {
    StructureItem& item = x.Compound("ledgers", l.name.name, "ledger", l.range);
    x.Title(item, l.title);
    if (l.is_public) x.Field(item, "visibility", "", l.is_public->range);
    if (l.report_every) x.Field(item, "report", "report", l.report_every->range);
    if (l.steward) x.Field(item, "steward", "steward", l.steward->range);
    if (l.fixed_steward) x.Field(item, "steward", "steward fixed", l.fixed_steward->range);
    if (l.cap) x.Field(item, "cap", "cap", l.cap_range);
    if (l.currency) x.Field(item, "currency", "currency", l.currency->range);
  }
}

void Revision(Extractor& x, const ast::Revision& r) {
  if (r.every) x.Single("revision", "every", "every", r.every->range);
  if (r.quota) x.Single("revision", "quota", "quota", r.quota_range);
  if (r.quorum) x.Single("revision", "quorum", "quorum", r.quorum_range);
}

void TreatyLimits(Extractor& x, const ast::TreatyLimits& t) {
  if (t.term_at_most) x.Single("treaty limits", "term", "", t.term_range);
  if (t.notice_at_most) x.Single("treaty limits", "notice", "", t.notice_range);
  if (t.renewal) x.Single("treaty limits", "renewal", "", t.renewal->range);
  if (t.contribution) x.Single("treaty limits", "contribution", "", t.contribution->range);
  if (t.total_contribution) {
    x.Single("treaty limits", "total contribution", "", t.total_contribution->range);
  }
}

}  // namespace

std::vector<StructureItem> StructureOf(const ast::CharterDecl& c, const Version& version) {
  Extractor x(version);
  if (c.title) x.Single("charter", "title", "title", c.title->range);
  if (c.adopted) x.Single("charter", "adopted", "adopted", c.adopted->range);
  if (c.concord) x.Single("charter", "concord", "concord", c.concord_range);
  if (c.membership) Membership(x, *c.membership);
  Offices(x, c.offices);
  if (c.decisions) Decisions(x, *c.decisions);
  if (c.sanctions) Sanctions(x, *c.sanctions);
  if (c.jury) Jury(x, *c.jury);
  for (const ast::Metric& m : c.metrics) x.Single("metrics", m.name.name, "metric", m.range);
  Ledgers(x, c.ledgers);
  if (c.revision) Revision(x, *c.revision);
  for (const ast::Function& f : c.functions) x.Single("functions", f.name.name, "", f.range);
  if (c.stress_game) x.Single("practices", "stress game", "stress_game", c.stress_game->range);
  if (c.reflection) x.Single("practices", "reflection", "reflection", c.reflection->range);
  if (c.treaty_limits) TreatyLimits(x, *c.treaty_limits);
  return x.Take();
}

std::vector<StructureItem> StructureOf(const ast::TreatyDecl& t, const Version& version) {
  Extractor x(version);
  if (t.title) x.Single("treaty", "title", "title", t.title->range);
  if (!t.parties.empty()) x.Single("treaty", "parties", "parties", t.parties_range);
  if (t.effective) x.Single("treaty", "effective", "effective", t.effective->range);
  if (t.term) x.Single("terms", "term", "term", t.term->range);
  if (t.exit) x.Single("terms", "exit", "exit", t.exit->range);
  if (t.distress) x.Single("terms", "distress signal", "", t.distress->range);
  if (t.cross_training) {
    x.Single("terms", "cross training", "cross_training", t.cross_training->range);
  }
  for (const ast::Fund& f : t.funds) {
    StructureItem& item = x.Compound("funds", f.name.name, "fund", f.range);
    x.Title(item, f.title);
    if (f.contribution) x.Field(item, "contribution", "", f.contribution->range);
    if (f.steward) x.Field(item, "steward", "steward", f.steward->range);
    if (f.fixed_steward) x.Field(item, "steward", "steward fixed", f.fixed_steward->range);
  }
  return x.Take();
}

std::vector<StructureChange> DiffStructure(const std::vector<StructureItem>& before,
                                           const std::vector<StructureItem>& after) {
  auto find = [](const std::vector<StructureItem>& items, const StructureItem& like) {
    for (const StructureItem& i : items) {
      if (i.part == like.part && i.key == like.key) return &i;
    }
    return static_cast<const StructureItem*>(nullptr);
  };
  auto field = [](const StructureItem& item, const std::string& name) {
    for (const StructureField& f : item.fields) {
      if (f.name == name) return &f;
    }
    return static_cast<const StructureField*>(nullptr);
  };
  std::vector<StructureChange> changes;
  auto push = [&](const StructureItem& item, const std::string& field_name,
                  StructureChangeKind kind, const ClauseAt* was, const ClauseAt* now) {
    StructureChange c{item.part, item.key, field_name, kind, std::nullopt, std::nullopt};
    if (was) c.before = *was;
    if (now) c.after = *now;
    changes.push_back(std::move(c));
  };
  for (std::string_view part : kStructureParts) {
    for (const StructureItem& now : after) {
      if (now.part != part) continue;
      const StructureItem* was = find(before, now);
      if (!was) {
        push(now, "", StructureChangeKind::kAdded, nullptr, &now.whole);
        continue;
      }
      for (const StructureField& f : now.fields) {
        const StructureField* old_field = field(*was, f.name);
        if (!old_field) {
          push(now, f.name, StructureChangeKind::kAdded, nullptr, &f.clause);
        } else if (old_field->clause.canonical != f.clause.canonical) {
          push(now, f.name, StructureChangeKind::kChanged, &old_field->clause, &f.clause);
        }
      }
      for (const StructureField& f : was->fields) {
        if (!field(now, f.name))
          push(now, f.name, StructureChangeKind::kRemoved, &f.clause, nullptr);
      }
    }
    for (const StructureItem& was : before) {
      if (was.part == part && !find(after, was)) {
        push(was, "", StructureChangeKind::kRemoved, &was.whole, nullptr);
      }
    }
  }
  return changes;
}

}  // namespace concord::revise
