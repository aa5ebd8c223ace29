// Declaration nodes: the parsed form of a .concord file. Sections that may
// appear once are optional fields (the parser reports a second occurrence as
// E0110); repeatable ones are vectors in source order. Every node keeps the
// range of the clause it came from, so later phases can point at it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/syntax/ast_common.h"
#include "compiler/syntax/ast_power.h"
#include "compiler/syntax/expr.h"

namespace concord::ast {

// `rotates every 3 months among members`.
struct Rotation {
  std::optional<Period> every;
  Identifier among;
  SourceRange range;
};

struct Import {
  bool is_module = false;  // `import std.minimal` vs `import "file.concord"`
  std::string target;      // "std.minimal" or the path as written
  SourceRange range;
};

struct TypeRef {
  Identifier name;
  std::unique_ptr<TypeRef> argument;  // set<member>
  SourceRange range;
};

struct Param {
  Identifier name;
  TypeRef type;
};

struct FnDecl {
  Identifier name;
  std::vector<Param> params;
  TypeRef result;
  ExprPtr body;
  SourceRange range;
};

struct Requirement {
  ExprPtr condition;
  Located<std::string> code;  // "C001"
  Located<std::string> reason;
  SourceRange range;
};

struct ConcordDecl {
  Identifier name;
  std::optional<Located<std::string>> title;
  std::optional<Identifier> extends;
  std::vector<Requirement> requirements;
  SourceRange range;
};

// --- charters -------------------------------------------------------------

// kByDecision: `entry by decision`, admission follows `decisions.admission`.
enum class EntryMode : uint8_t { kOpen, kSponsored, kVote, kCompulsory, kByDecision };

struct Entry {
  EntryMode mode = EntryMode::kOpen;
  int64_t sponsors = 0;        // sponsored by N
  values::Decimal vote_share;  // vote 66% (as a fraction)
  SourceRange range;
};

struct ExitRule {
  bool anytime = false;
  ExprPtr notice;
  std::optional<Located<std::string>> penalty;
  SourceRange range;
};

// `class associate "Associate" { votes false }`: a class of members.
struct MemberClass {
  Identifier name;
  std::optional<Located<std::string>> title;
  std::optional<Located<bool>> votes;  // absent: members of the class vote
  SourceRange range;
};

// `dues 10 EUR per month to rent_pool`.
struct Dues {
  ExprPtr amount;
  Period per;
  Identifier ledger;
  SourceRange range;
};

struct Membership {
  std::optional<Entry> entry;
  std::optional<ExitRule> exit;
  std::vector<MemberClass> classes;
  std::optional<Dues> dues;
  SourceRange range;
};

// What a revision quota counts (`quota ... changed` / `... reconsidered`):
// rules amended, removed or replaced, or those and the rules an assembly
// reaffirms. Added rules count toward neither.
enum class QuotaCounting : uint8_t { kChanged, kReconsidered };

struct Revision {
  std::optional<Period> every;
  ExprPtr quota;
  QuotaCounting quota_counts = QuotaCounting::kChanged;
  ExprPtr quorum;
  SourceRange quota_range;
  SourceRange quorum_range;
  SourceRange range;
};

struct Team {
  Identifier name;
  std::optional<Located<std::string>> method;
  SourceRange range;
};

struct Function {
  Identifier name;
  std::optional<Located<std::string>> title;
  bool essential = false;
  std::vector<Team> teams;
  SourceRange range;
};

enum class DrawMode : uint8_t { kLottery, kRotation, kAppointed };

struct JuryDraw {
  DrawMode mode = DrawMode::kLottery;
  std::optional<Identifier> from;
  std::optional<Identifier> excluding;
  SourceRange range;
};

struct JuryExternal {
  int64_t count = 0;
  Identifier from;
  std::optional<Identifier> when;
  SourceRange range;
};

struct RulingExpiry {
  bool permanent = false;
  ExprPtr after;  // null when permanent
  bool unless_reaffirmed = false;
  SourceRange range;
};

struct Jury {
  std::optional<Located<int64_t>> size;
  std::optional<JuryDraw> draw;
  std::optional<JuryExternal> external;
  std::optional<RulingExpiry> ruling;
  SourceRange range;
};

struct Ledger {
  Identifier name;
  std::optional<Located<std::string>> title;
  std::optional<Located<bool>> is_public;
  std::optional<Period> report_every;
  std::optional<Rotation> steward;
  std::optional<Identifier> fixed_steward;
  ExprPtr cap;
  SourceRange cap_range;
  // `currency EUR`: the one currency the ledger holds (a valid code).
  std::optional<Located<std::string>> currency;
  SourceRange range;
};

struct StressGame {
  Period every;
  std::optional<Rotation> designer;
  SourceRange range;
};

struct Reflection {
  Period every;
  SourceRange range;
};

enum class RenewalMode : uint8_t { kExplicit, kAutomatic };

struct ContributionLimit {
  ExprPtr amount;
  Period per;
  SourceRange range;
};

struct TreatyLimits {
  ExprPtr term_at_most;
  SourceRange term_range;
  ExprPtr notice_at_most;
  SourceRange notice_range;
  std::optional<Located<RenewalMode>> renewal;
  std::optional<ContributionLimit> contribution;
  std::optional<ContributionLimit> total_contribution;
  SourceRange range;
};

struct RuleTrigger {
  Identifier event;
  Identifier variable;
  ExprPtr where;  // may be null
  SourceRange range;
};

struct RuleRequire {
  ExprPtr condition;
  std::optional<Located<std::string>> message;
  SourceRange range;
};

enum class EffectKind : uint8_t { kFlag, kReject };

struct RuleWhen {
  ExprPtr condition;
  EffectKind effect = EffectKind::kFlag;
  Located<std::string> message;
  SourceRange range;
};

struct Rule {
  Identifier name;
  std::optional<Located<std::string>> title;
  std::optional<Located<std::string>> text;
  std::optional<RuleTrigger> trigger;
  std::vector<RuleRequire> requires_;
  std::vector<RuleWhen> whens;
  std::optional<Identifier> replaces;
  SourceRange range;
};

struct Metric {
  Identifier name;
  std::optional<Located<std::string>> title;
  ExprPtr value;
  SourceRange range;
};

struct CharterDecl {
  Identifier name;
  std::optional<Located<std::string>> title;
  std::optional<Located<values::Date>> adopted;
  std::optional<Identifier> concord;
  SourceRange concord_range;
  std::optional<Membership> membership;
  std::optional<Revision> revision;
  std::vector<Function> functions;
  std::optional<Jury> jury;
  std::vector<Ledger> ledgers;
  std::optional<StressGame> stress_game;
  std::optional<Reflection> reflection;
  std::optional<TreatyLimits> treaty_limits;
  std::vector<Office> offices;
  std::optional<Decisions> decisions;
  std::optional<Sanctions> sanctions;
  std::vector<Rule> rules;
  std::vector<Metric> metrics;
  SourceRange range;
};

// --- treaties -------------------------------------------------------------

struct Term {
  ExprPtr length;
  std::optional<Located<RenewalMode>> renewal;
  SourceRange range;
};

struct TreatyExit {
  ExprPtr notice;
  std::optional<Located<std::string>> penalty;
  SourceRange range;
};

struct DistressSignal {
  Located<std::string> signal;
  ExprPtr respond_within;
  SourceRange range;
};

struct FundContribution {
  ExprPtr amount;
  ExprPtr cap;    // may be null
  ExprPtr floor;  // may be null
  Period per;
  SourceRange range;
};

struct Fund {
  Identifier name;
  std::optional<Located<std::string>> title;
  std::optional<FundContribution> contribution;
  std::optional<Rotation> steward;
  std::optional<Identifier> fixed_steward;
  SourceRange range;
};

struct TreatyDecl {
  Identifier name;
  std::optional<Located<std::string>> title;
  std::vector<Identifier> parties;
  SourceRange parties_range;
  std::optional<Located<values::Date>> effective;
  std::optional<Term> term;
  std::optional<TreatyExit> exit;
  std::optional<DistressSignal> distress;
  std::vector<Fund> funds;
  std::optional<Period> cross_training;
  std::vector<Rule> rules;
  SourceRange range;
};

// --- scenarios ------------------------------------------------------------

struct Attribute {
  Identifier name;
  ExprPtr value;
};

struct MembersDecl {
  Identifier polity;
  std::vector<Identifier> members;
  std::vector<Attribute> attributes;
  SourceRange range;
};

// `reaffirm NAME` keeps a rule as it is, having reconsidered it: it changes
// nothing, and counts only toward a quota of rules `reconsidered`.
enum class ChangeKind : uint8_t { kAmend, kRemove, kAdd, kReplace, kReaffirm };

struct Change {
  ChangeKind kind = ChangeKind::kAmend;
  std::optional<Identifier> target;  // amend, remove, replace, reaffirm
  std::unique_ptr<Rule> rule;        // add, replace
  SourceRange range;
};

#define CONCORD_EVENT_KINDS(X)                                                              \
  X(Join, "join")                                                                           \
  X(Leave, "leave")                                                                         \
  X(Sign, "sign")                                                                           \
  X(Renew, "renew")                                                                         \
  X(Exit, "exit") X(Assembly, "assembly") X(Dispute, "dispute") X(Ruling, "ruling")         \
      X(Contribute, "contribute") X(Report, "report") X(StressGame, "stress_game")          \
          X(Reflection, "reflection") X(Distress, "distress") X(Respond, "respond")         \
              X(Record, "record") X(Propose, "propose") X(Vote, "vote") X(Decide, "decide") \
                  X(Elect, "elect") X(Petition, "petition") X(Verdict, "verdict")           \
                      X(Waive, "waive")

enum class EventKind : uint8_t {
#define CONCORD_EVENT_ENUM(kind, word) k##kind,
  CONCORD_EVENT_KINDS(CONCORD_EVENT_ENUM)
#undef CONCORD_EVENT_ENUM
};

const char* EventWord(EventKind kind);

// One dated event. The meaning of the name slots depends on the kind:
//   join/leave    subject = member,  target = polity
//   sign/renew    subject = treaty,  names = parties
//   exit          subject = party,   target = treaty
//   assembly      subject = polity,  names = members present, changes;
//                 with `present all`: present_all, names = the `except` list
//   dispute       subject = id,      target = polity, names = the two sides
//   ruling        subject = dispute id, flag = reaffirmed
//   contribute    subject = member,  target = fund, amount
//   report        subject = ledger
//   stress_game   subject = polity,  names = designer (optional)
//   reflection    subject = polity
//   distress      subject = treaty,  names = party raising it
//   respond       subject = treaty,  names = responding party
//   record        kind_word = decision|conflict|resource, subject = id,
//                 target = polity, attributes
//   propose       subject = proposal id, target = polity, matter; names[0] =
//                 the matter's object (the member of admission/removal/
//                 recall, the treaty, the office of an election, the ledger
//                 of spending); amount (spending); changes (amendment)
//   vote          subject = proposal id, ballots
//   decide        subject = proposal id
//   elect         subject = office, names = the holders elected,
//                 target = polity (written `in POLITY`, else sema's owner)
//   petition      subject = the member recalled, target = polity,
//                 names = petitioners (`petition recall of NAME in P by ...`)
//   verdict       subject = dispute id, target = the member, verdict, sanction
//   waive         subject = member, target = polity (written or resolved),
//                 until (`waive dues for NAME [in P] until DATE`)
// POWER.md §6: what a proposal asks the community to decide.
#define CONCORD_PROPOSAL_MATTERS(X)                                                     \
  X(Admission, "admission")                                                             \
  X(Removal, "removal")                                                                 \
  X(Amendment, "amendment") X(TreatySign, "treaty sign") X(TreatyRenew, "treaty renew") \
      X(TreatyExit, "treaty exit") X(Spending, "spending") X(Election, "election")      \
          X(Recall, "recall")

enum class ProposalMatter : uint8_t {
#define CONCORD_PROPOSAL_MATTER_ENUM(kind, words) k##kind,
  CONCORD_PROPOSAL_MATTERS(CONCORD_PROPOSAL_MATTER_ENUM)
#undef CONCORD_PROPOSAL_MATTER_ENUM
};

// The words a proposal of this matter is written with ("treaty sign").
const char* ProposalMatterWords(ProposalMatter matter);

enum class BallotChoice : uint8_t { kYes, kNo, kAbstain, kBlock, kObject };

// One voter's ballot in `vote p1 yes ana, ben no dara ...`.
struct Ballot {
  BallotChoice choice = BallotChoice::kYes;
  Identifier voter;
};

// `verdict d1 against ben 4 of 5 { suspension 1 month }`.
struct Verdict {
  Located<int64_t> in_favour;
  Located<int64_t> of;
  SanctionKind sanction = SanctionKind::kWarning;
  ExprPtr length;  // suspension: a duration; may be null
  SourceRange sanction_range;
};

struct Event {
  EventKind kind = EventKind::kJoin;
  Located<values::Date> date;
  Identifier subject;
  std::optional<Identifier> target;
  std::vector<Identifier> names;
  std::optional<Identifier> kind_word;
  std::vector<Attribute> attributes;
  ExprPtr amount;
  bool flag = false;  // dispute: serious; ruling: reaffirmed
  std::vector<Change> changes;
  bool present_all = false;                         // assembly: `present all [except names]`
  std::optional<ProposalMatter> matter;             // propose
  std::vector<Ballot> ballots;                      // vote, in source order
  std::optional<Verdict> verdict;                   // verdict
  std::optional<Located<values::Date>> until_date;  // waive
  // `on DATE every PERIOD EVENT [until DATE]`: the event recurs on
  // DATE + k × PERIOD; `date` is the first occurrence.
  struct Recurrence {
    Period every;
    std::optional<Located<values::Date>> until;  // inclusive
  };
  std::optional<Recurrence> recurrence;
  SourceRange range;
};

enum class ExpectKind : uint8_t { kOnDate, kViolation, kNoViolations, kAlways };

struct Expectation {
  ExpectKind kind = ExpectKind::kAlways;
  std::optional<Located<values::Date>> date;
  ExprPtr condition;                         // kOnDate, kAlways
  std::optional<Located<std::string>> code;  // kViolation
  SourceRange range;
};

// `events from "FILE"`: the path as written (relative to the scenario's
// file); the loader reads the file as a stream into the scenario's events.
struct EventStream {
  Located<std::string> path;
  SourceRange range;
};

struct ScenarioDecl {
  Identifier name;
  std::optional<Located<std::string>> title;
  std::optional<Located<std::string>> seed;
  std::optional<Located<values::Date>> start;
  std::vector<MembersDecl> members;
  std::vector<Event> events;
  std::vector<EventStream> streams;
  std::optional<Located<values::Date>> run_until;
  std::vector<Expectation> expectations;
  SourceRange range;
};

// --- files ----------------------------------------------------------------

struct File {
  diag::FileId id = diag::kNoFile;
  std::vector<Import> imports;
  std::vector<FnDecl> fns;
  std::vector<ConcordDecl> concords;
  std::vector<CharterDecl> charters;
  std::vector<TreatyDecl> treaties;
  std::vector<ScenarioDecl> scenarios;
};

}  // namespace concord::ast
