// Types: interning, parsing, printing, assignability, unification, and the
// model schema that concords read.
#include <catch2/catch.hpp>

#include "compiler/sema/did_you_mean.h"
#include "compiler/sema/types.h"

namespace concord::sema {
namespace {

TEST_CASE("types are interned", "[sema][types]") {
  TypeContext t;
  CHECK(t.Money("EUR") == t.Money("EUR"));
  CHECK(t.Money("EUR") != t.Money());
  CHECK(t.Set(t.Int()) == t.Parse("set<int>"));
  CHECK(t.Optional(t.Optional(t.Int())) == t.Optional(t.Int()));
  CHECK(t.Optional(t.None()) == t.None());
  CHECK(t.Parse("set<set<member>>")->element()->element() == t.FindRecord("member")->type);
  CHECK(t.Parse("sett<int>") == nullptr);
  CHECK(t.Parse("nothing") == nullptr);
}

TEST_CASE("types print as written and in prose", "[sema][types]") {
  TypeContext t;
  CHECK(t.Money("EUR")->ToString() == "money<EUR>");
  CHECK(t.Parse("money?")->ToString() == "money or none");
  CHECK(t.Parse("set<member>")->ToString() == "set<member>");
  CHECK(Describe(t.Int()) == "an int");
  CHECK(Describe(t.Duration()) == "a duration");
  CHECK(Describe(t.Money("EUR")) == "money in EUR");
  CHECK(Describe(t.Money()) == "money");
  CHECK(Describe(t.Text()) == "text");
  CHECK(Describe(t.Parse("duration?")) == "a duration or none");
  CHECK(Describe(t.Parse("entry_mode")) == "an entry_mode");
}

TEST_CASE("assignability", "[sema][types]") {
  TypeContext t;
  CHECK(IsAssignable(t.Int(), t.Decimal()));
  CHECK_FALSE(IsAssignable(t.Decimal(), t.Int()));
  CHECK(IsAssignable(t.Money("EUR"), t.Money()));
  CHECK(IsAssignable(t.Money(), t.Money("EUR")));
  CHECK_FALSE(IsAssignable(t.Money("EUR"), t.Money("USD")));
  CHECK(IsAssignable(t.None(), t.Parse("money?")));
  CHECK(IsAssignable(t.Money("EUR"), t.Parse("money?")));
  CHECK_FALSE(IsAssignable(t.Parse("money?"), t.Money()));
  CHECK(IsAssignable(t.Set(t.None()), t.Parse("set<member>")));
  CHECK_FALSE(IsAssignable(t.Parse("set<int>"), t.Parse("set<decimal>")));
  CHECK_FALSE(IsAssignable(t.Percent(), t.Decimal()));
  CHECK(IsAssignable(t.Error(), t.Bool()));
}

TEST_CASE("unification", "[sema][types]") {
  TypeContext t;
  bool clash = false;
  CHECK(Unify(t, t.Int(), t.Decimal()) == t.Decimal());
  CHECK(Unify(t, t.Money(), t.Money("EUR")) == t.Money("EUR"));
  CHECK(Unify(t, t.Money("EUR"), t.Money("USD"), &clash) == nullptr);
  CHECK(clash);
  CHECK(Unify(t, t.Money("EUR"), t.None()) == t.Optional(t.Money("EUR")));
  CHECK(Unify(t, t.Set(t.None()), t.Parse("set<member>")) == t.Parse("set<member>"));
  CHECK(Unify(t, t.Text(), t.Int(), &clash) == nullptr);
  CHECK_FALSE(clash);
}

TEST_CASE("the model has every field std.minimal reads", "[sema][types]") {
  TypeContext t;
  auto field = [&](std::initializer_list<const char*> path) -> std::string {
    const Type* at = nullptr;
    for (const char* step : path) {
      if (!at) {
        at = t.FindRecord(step)->type;
        continue;
      }
      if (at->Is(TypeKind::kSet)) at = at->element();
      const Field* f = at->record()->Find(step);
      if (!f) return std::string("no ") + step;
      at = f->type;
    }
    return at->ToString();
  };
  CHECK(field({"charter", "membership", "entry"}) == "entry_mode");
  CHECK(field({"charter", "membership", "exit", "notice"}) == "duration");
  CHECK(field({"charter", "membership", "exit", "penalty"}) == "bool");
  CHECK(field({"charter", "rules", "binds_non_members"}) == "bool");
  CHECK(field({"charter", "revision", "every"}) == "duration");
  CHECK(field({"charter", "revision", "quota"}) == "decimal");
  CHECK(field({"charter", "jury", "ruling", "expires"}) == "bool");
  CHECK(field({"treaty", "term"}) == "duration");
  CHECK(field({"treaty", "renewal"}) == "renewal_mode");
  CHECK(field({"treaty", "exit", "notice"}) == "duration");
  CHECK(field({"treaty", "funds", "cap"}) == "money or none");
  CHECK(field({"contribution", "amount"}) == "money");
  CHECK(field({"contribution", "member", "income"}) == "money");
  CHECK(t.FindEnum("entry_mode")->IndexOf("compulsory") >= 0);
  CHECK(t.FindEnum("renewal_mode")->IndexOf("explicit") >= 0);
}

TEST_CASE("did you mean", "[sema][names]") {
  CHECK(EditDistance("kitten", "sitting") == 3);
  CHECK(EditDistance("bne", "ben") == 1);
  CHECK(EditDistance("", "abc") == 3);
  std::vector<std::string> names = {"minimal", "income", "members", "percent", "f", "capped"};
  CHECK(ClosestName("minimall", names) == "minimal");
  CHECK(ClosestName("incom", names) == "income");
  CHECK(ClosestName("percentage", names) == "percent");
  CHECK(ClosestName("Income", names) == "income");
  CHECK_FALSE(ClosestName("foo", names).has_value());  // `f` is too far for a short name
  CHECK_FALSE(ClosestName("zzz", names).has_value());
  CHECK_FALSE(ClosestName("minimal", names).has_value());  // itself is no suggestion
  // Ties go to the name that sorts first, whatever the input order.
  CHECK(ClosestName("cat", {"cot", "bat"}) == "bat");
  CHECK(ClosestName("cat", {"bat", "cot"}) == "bat");
  CHECK_FALSE(ClosestName("age", {"name"}).has_value());  // two edits, the limit is one
}

TEST_CASE("did you mean stops when its budget is spent", "[sema][names]") {
  std::vector<std::string> names = {"income", "members", "percent"};
  // "incom" against the one candidate of a close length: 6 x 7 cells.
  size_t budget = 42;
  CHECK(ClosestName("incom", names, &budget) == "income");
  CHECK(budget == 0);
  // Spent: no suggestion, rather than a worse one from half the candidates.
  CHECK_FALSE(ClosestName("incom", names, &budget).has_value());
  budget = 41;
  CHECK_FALSE(ClosestName("incom", names, &budget).has_value());
  CHECK(budget == 0);
  // Case-only differences and known prefixes cost nothing and still work.
  CHECK(ClosestName("Income", names, &budget) == "income");
  CHECK(ClosestName("percentage", names, &budget) == "percent");
  // Very long names are not compared by edit distance at all.
  size_t plenty = 1'000'000;
  std::string long_name(kMaxSuggestedLength + 1, 'a');
  CHECK_FALSE(ClosestName(long_name, {long_name + "b"}, &plenty).has_value());
  CHECK(plenty == 1'000'000);
}

}  // namespace
}  // namespace concord::sema
