// Comparing two compiled versions (compiler/revise/compare.h): declarations
// matched by name, the old version's quota, and the diagnostics R001, L111
// and L112 with their ranges in the merged sources.
#include <catch2/catch.hpp>

#include "compiler/pipeline/loader.h"
#include "compiler/revise/compare.h"
#include "compiler/revise/merged_sources.h"
#include "compiler/sema/check.h"

namespace concord::revise {
namespace {

struct Loaded {
  diag::DiagnosticEngine diags;
  std::unique_ptr<sema::Program> program;
  const ast::File* main = nullptr;
};

std::unique_ptr<Loaded> Load(const std::string& path, const std::string& text) {
  auto l = std::make_unique<Loaded>();
  pipeline::LoadOptions options;
  options.overlays.push_back({path, text});
  l->program = pipeline::LoadProgram({path}, options, l->diags).program;
  sema::Check(*l->program, l->diags);
  for (const auto& f : l->program->files) {
    if (l->program->sources.Path(f->id) == path) l->main = f.get();
  }
  REQUIRE(l->main);
  return l;
}

// Both versions, merged as the command merges them: new files first.
struct Compared {
  std::unique_ptr<Loaded> before, after;
  diag::SourceManager sources;
  diag::DiagnosticEngine diags;
  std::vector<UnitReport> units;

  std::string Codes() const {
    std::string out;
    for (const diag::Diagnostic& d : diags.Sorted()) {
      out += (out.empty() ? "" : " ") + std::string(diag::Info(d.code).name);
    }
    return out;
  }
  std::string_view Text(diag::SourceRange r) const { return sources.Slice(r); }
  std::string_view PathOf(diag::SourceRange r) const { return sources.Path(r.file); }
};

std::unique_ptr<Compared> Compare(const std::string& old_text, const std::string& new_text) {
  auto c = std::make_unique<Compared>();
  c->before = Load("old.concord", old_text);
  c->after = Load("new.concord", new_text);
  auto same = [](const std::string& p) { return p; };
  AppendFiles(c->after->program->sources, c->sources, same);
  diag::FileId offset = AppendFiles(c->before->program->sources, c->sources, same);
  c->units = CompareVersions({c->before->program.get(), {c->before->main}, offset},
                             {c->after->program.get(), {c->after->main}, 0}, c->diags);
  return c;
}

std::string Charter(const std::string& quota, const std::string& rules,
                    const std::string& name = "k") {
  return "charter " + name +
         " {\n adopted 2026-11-01\n membership { entry open exit anytime notice 0 days }\n"
         " revision { every month " +
         quota + " }\n" + rules + "}\n";
}

const std::string kFour = R"( rule a { text "a" }
 rule b { text "b" }
 rule c { text "c" }
 rule d { text "d" }
)";

TEST_CASE("revise compare: quota met by amendments", "[revise][compare]") {
  auto c = Compare(Charter("quota 25% of rules", kFour),
                   Charter("quota 25% of rules", R"( rule a { text "A" }
 rule b { text "b" } rule c { text "c" } rule d { text "d" })"));
  CHECK(c->Codes() == "");
  REQUIRE(c->units.size() == 1);
  const UnitReport& u = c->units[0];
  CHECK(u.presence == Presence::kBoth);
  REQUIRE(u.quota);
  CHECK(u.quota->status == QuotaStatus::kMet);
  CHECK(u.quota->clause == "quota 25% of rules");
  CHECK(u.quota->rules_in_force == 4);
  CHECK(u.quota->required == 1);
  CHECK(u.quota->changed == 1);
}

TEST_CASE("revise compare: a missed quota is R001 at the new clause", "[revise][compare]") {
  // Additions do not count, and the new, lower quota does not excuse.
  auto c = Compare(Charter("quota 2 rules", kFour),
                   Charter("quota 1", kFour + R"( rule e { text "e" })"));
  REQUIRE(c->Codes() == "R001");
  const diag::Diagnostic& d = c->diags.diagnostics()[0];
  CHECK(d.message == "revision changed 0 of 4 rules; the quota is 2");
  CHECK(c->PathOf(d.range) == "new.concord");
  CHECK(c->Text(d.range) == "quota 1");
  REQUIRE(d.labels.size() == 1);
  CHECK(c->PathOf(d.labels[0].range) == "old.concord");
  CHECK(c->Text(d.labels[0].range) == "quota 2 rules");
  REQUIRE(c->units[0].quota);
  CHECK(c->units[0].quota->status == QuotaStatus::kMissed);
  CHECK(c->units[0].changes.added.size() == 1);
}

TEST_CASE("revise compare: an unchanged quota clause gets a note, not a label",
          "[revise][compare]") {
  auto c = Compare(Charter("quota 25% of rules", kFour), Charter("quota 25% of rules", kFour));
  REQUIRE(c->Codes() == "R001");
  const diag::Diagnostic& d = c->diags.diagnostics()[0];
  CHECK(d.labels.empty());
  REQUIRE_FALSE(d.notes.empty());
  CHECK(d.notes[0].message ==
        "the quota of the old version holds for this revision: `quota 25% of rules` of 4 rules "
        "is 1");
}

TEST_CASE("revise compare: a quota over members is L111, not checked", "[revise][compare]") {
  auto c = Compare(Charter("quota 10% of members", kFour), Charter("quota 10% of members", kFour));
  REQUIRE(c->Codes() == "L111");
  CHECK(c->PathOf(c->diags.diagnostics()[0].range) == "old.concord");
  REQUIRE(c->units[0].quota);
  CHECK(c->units[0].quota->status == QuotaStatus::kUnevaluable);
}

TEST_CASE("revise compare: charters only on one side", "[revise][compare]") {
  auto c = Compare(Charter("quota 1", kFour, "gone"), Charter("quota 1", kFour, "fresh"));
  REQUIRE(c->Codes() == "L112");
  CHECK(c->diags.diagnostics()[0].message ==
        "charter `gone` of the old version is not in the new one");
  REQUIRE(c->units.size() == 2);
  CHECK(c->units[0].name == "fresh");
  CHECK(c->units[0].presence == Presence::kOnlyNew);
  CHECK(c->units[0].changes.added.size() == 4);
  CHECK_FALSE(c->units[0].quota);
  CHECK(c->units[1].name == "gone");
  CHECK(c->units[1].presence == Presence::kOnlyOld);
  CHECK(c->units[1].changes.removed.size() == 4);
}

TEST_CASE("revise compare: treaty rules are compared, with no quota", "[revise][compare]") {
  std::string charters = Charter("quota 1", R"( rule a { text "a" })", "x") +
                         Charter("quota 1", R"( rule a { text "a" })", "y");
  auto treaty = [](const std::string& rules) {
    return "treaty p {\n parties x, y\n effective 2026-12-01\n term 6 months renew explicitly "
           "by all\n exit any party notice 14 days\n" +
           rules + "}\n";
  };
  auto c = Compare(charters + treaty(R"( rule t { text "1" })"),
                   charters + treaty(R"( rule t { text "2" })"));
  REQUIRE(c->units.size() == 3);
  const UnitReport& t = c->units[2];
  CHECK(t.kind == OwnerKind::kTreaty);
  CHECK(t.changes.amended.size() == 1);
  CHECK_FALSE(t.quota);
  CHECK(c->Codes() == "R001 R001");  // both charters left their rule as it was
}

}  // namespace
}  // namespace concord::revise
