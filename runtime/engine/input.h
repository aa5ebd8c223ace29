// What the engine plays: charters, treaties and one scenario as plain
// structs, with every executable expression already lowered to an ir::Root.
// compiler/scenario builds this from the model and the scenario's AST, so the
// runtime never reads the AST or sema; everything here is data the engine
// can trust to be well-typed (the program checked clean).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "compiler/diag/source_range.h"
#include "compiler/ir/ir.h"
#include "runtime/calendar/cycles.h"
#include "runtime/values/date.h"
#include "runtime/values/decimal.h"
#include "runtime/values/duration.h"
#include "runtime/values/money.h"
#include "runtime/values/value.h"

namespace concord::engine {

class ExpressionEngine;  // expression_engine.h

using diag::SourceRange;
using values::Date;

// `require COND else "message"` or `when COND then flag|reject "message"`.
struct RuleCheck {
  enum class Kind : uint8_t { kRequire, kFlag, kReject };
  Kind kind = Kind::kRequire;
  const ir::Root* condition = nullptr;  // one input: the event record
  std::string message;
  SourceRange range;
};

struct RuleSpec {
  std::string name;
  std::string owner;                 // the charter or treaty
  std::optional<std::string> event;  // the trigger's event word; none for prose rules
  const ir::Root* where = nullptr;   // the trigger's filter, may be null
  std::vector<RuleCheck> checks;     // requires, then whens, in source order
  SourceRange range;
};

struct LedgerSpec {
  std::string name;
  std::optional<calendar::Period> report_every;
  std::optional<calendar::Period> steward_every;  // set when the steward rotates
  std::optional<values::Money> cap;
  // `currency EUR`; the ledger's currency is this, else the cap's, else its
  // first payment's (docs/reference-runtime.md).
  std::optional<values::Currency> currency;
  SourceRange range;
};

struct MetricSpec {
  std::string name;
  const ir::Root* value = nullptr;  // no inputs
  SourceRange range;
};

// `entry by decision` admits through `decisions.admission` (else `default`).
enum class EntryMode : uint8_t { kOpen, kSponsored, kVote, kCompulsory, kDecision };

// --- power (POWER.md §1-§4), as the engine plays it -------------------------

enum class OfficeSelection : uint8_t {
  kElection,     // `elect` events
  kLottery,      // the verifiable draw fills the seats each term
  kRotation,     // members take turns, `every` (rotation.h)
  kAppointment,  // `elect` events, by the holders of `appointed_by`
  kHolders,      // `elect` events, by the current holders
  kNamed,        // `held by NAME`: that member, no term
  kUnspecified,  // neither: `elect` events, unchecked selection
};

struct OfficeSpec {
  std::string name;
  std::optional<std::string> title;
  int64_t seats = 1;
  OfficeSelection chosen = OfficeSelection::kUnspecified;
  std::optional<calendar::Period> rotation_every;  // kRotation
  std::optional<std::string> appointed_by;         // kAppointment
  std::optional<std::string> held_by;              // kNamed
  std::optional<values::Duration> term;            // none: permanent
  std::optional<int64_t> limit;                    // terms in a row
  std::optional<values::Decimal> recall_share;     // of members, for a petition
  std::vector<std::string> decides;                // matters it decides alone
  std::optional<values::Money> spending_limit;     // `decides spending up to X`
  SourceRange range;
};

enum class DecisionMethod : uint8_t {
  kMajority,     // more than half of yes + no
  kVoteCast,     // yes >= share × (yes + no)
  kVoteMembers,  // yes >= share × voting members on the day
  kConsent,      // objections <= share × voting members
  kConsensus,    // no block; optional fallback vote after N blocked rounds
  kOffice,       // the office's holders decide alone, optionally up to an amount
  kJury,         // the charter's jury decides
  kAssembly,     // an assembly meeting the revision quorum
};

// A share written as a fraction `N/M`, kept as both numbers so that 2/3 of
// 3 ballots is exactly 2 (the decimal 0.666667 would ask for 2.000001).
struct Fraction {
  int64_t numerator = 0;
  int64_t denominator = 1;
};

// One matter's rule as written in `decisions` or `sanctions`, or computed
// (an amendment rule that falls back to `assembly` has no range).
struct DecisionSpec {
  std::string matter;  // admission, removal, sanction, amendment, spending,
                       // treaty, election, recall, default, warning, suspension
  DecisionMethod method = DecisionMethod::kMajority;
  std::optional<values::Decimal> share;
  std::optional<std::string> office;
  std::optional<values::Money> up_to;
  std::optional<values::Decimal> quorum_share;
  std::optional<int64_t> quorum_count;
  std::optional<values::Duration> notice;
  std::optional<values::Duration> window;
  std::optional<values::Decimal> fallback_share;  // consensus fallback vote
  int64_t fallback_rounds = 0;
  // sanctions: `jury verdict N of M`, `after N findings within D`
  std::optional<std::pair<int64_t, int64_t>> verdict;
  int64_t findings = 0;
  std::optional<values::Duration> findings_within;
  std::optional<values::Duration> at_most;  // suspension length
  bool in_sanctions = false;
  // Set when the share, quorum or fallback share was written `N/M`; the
  // decimal beside it is then only for display.
  std::optional<Fraction> share_fraction;
  std::optional<Fraction> quorum_fraction;
  std::optional<Fraction> fallback_fraction;
  SourceRange range;
};

struct MemberClassSpec {
  std::string name;
  bool votes = true;
  SourceRange range;
};

struct DuesSpec {
  values::Money amount;
  calendar::Period per;
  std::string ledger;
  SourceRange range;
};

struct CharterSpec {
  std::string name;
  Date adopted;
  values::Value value;  // the charter record (model_values), for entities
  EntryMode entry = EntryMode::kOpen;
  int64_t sponsors = 0;
  // `entry vote P`: the admission rule when `decisions` gives none.
  std::optional<values::Decimal> entry_share;
  std::optional<Fraction> entry_fraction;

  std::optional<calendar::Period> revision_every;
  std::optional<values::Decimal> quota_count;  // `quota 2 rules`
  std::optional<values::Decimal> quota_share;  // `quota 25% of rules`
  // `quota ... reconsidered`: reaffirmed rules count toward the quota too.
  bool quota_counts_reaffirmed = false;
  std::optional<values::Decimal> quorum_share;
  std::optional<values::Decimal> quorum_count;
  SourceRange revision_range;

  std::vector<RuleSpec> rules;  // as written

  int64_t jury_size = 0;
  bool jury_lottery = false;
  int64_t jury_external = 0;
  bool external_only_serious = false;
  std::optional<values::Duration> ruling_after;
  bool ruling_reaffirmable = false;
  SourceRange jury_range;

  std::vector<LedgerSpec> ledgers;
  std::optional<calendar::Period> stress_every;
  bool stress_designer_rotates = false;
  SourceRange stress_range;
  std::optional<calendar::Period> reflection_every;
  SourceRange reflection_range;
  std::vector<MetricSpec> metrics;

  // Power. `decisions` holds the rules as written in `decisions` and
  // `sanctions`; `has_decisions` is false for a charter with neither block,
  // whose matters other than amendments are undecided (POWER.md §2).
  std::vector<OfficeSpec> offices;
  std::vector<DecisionSpec> decisions;
  bool has_decisions = false;
  std::vector<MemberClassSpec> classes;  // a member's class: attribute `class`
  std::optional<DuesSpec> dues;
  std::optional<values::Duration> finding_expires;
  SourceRange membership_range;
  SourceRange range;

  const LedgerSpec* FindLedger(std::string_view name) const;
  const OfficeSpec* FindOffice(std::string_view name) const;
  // The rule a matter follows: its own, else `default`; amendments without
  // either follow `assembly`. Null when the matter is undecided.
  const DecisionSpec* RuleFor(std::string_view matter) const;
};

struct FundSpec {
  std::string name;
  const ir::Root* contribution = nullptr;  // one input: income
  std::optional<values::Money> cap;
  std::optional<values::Money> floor;
  std::optional<calendar::Period> per;
  std::optional<calendar::Period> steward_every;
  SourceRange range;
};

struct TreatySpec {
  std::string name;
  values::Value value;  // the treaty record
  std::vector<std::string> parties;
  Date effective;
  values::Duration term;
  bool automatic_renewal = false;
  SourceRange term_range;
  values::Duration exit_notice;
  SourceRange exit_range;
  std::optional<std::string> distress_signal;
  std::optional<values::Duration> respond_within;
  SourceRange distress_range;
  std::vector<FundSpec> funds;
  std::optional<calendar::Period> cross_training_every;  // anchored at `effective`
  SourceRange cross_training_range;
  std::vector<RuleSpec> rules;
  SourceRange range;
};

// One event a line, whatever the longest name.
// clang-format off
#define CONCORD_ENGINE_EVENTS(X) \
  X(Join, "join") \
  X(Leave, "leave") \
  X(Sign, "sign") \
  X(Renew, "renew") \
  X(Exit, "exit") \
  X(Assembly, "assembly") \
  X(Dispute, "dispute") \
  X(Ruling, "ruling") \
  X(Contribute, "contribute") \
  X(Report, "report") \
  X(StressGame, "stress_game") \
  X(Reflection, "reflection") \
  X(Distress, "distress") \
  X(Respond, "respond") \
  X(Record, "record") \
  X(Propose, "propose") \
  X(Vote, "vote") \
  X(Decide, "decide") \
  X(Elect, "elect") \
  X(Petition, "petition") \
  X(Verdict, "verdict") \
  X(Waive, "waive")
// clang-format on

enum class EventKind : uint8_t {
#define CONCORD_ENGINE_EVENT_ENUM(kind, word) k##kind,
  CONCORD_ENGINE_EVENTS(CONCORD_ENGINE_EVENT_ENUM)
#undef CONCORD_ENGINE_EVENT_ENUM
};

const char* EventWord(EventKind kind);

struct Name {
  std::string text;
  SourceRange range;
};

struct Attribute {
  std::string name;
  values::Value value;
};

// One rule change adopted by an assembly.
struct ChangeSpec {
  enum class Kind : uint8_t { kAmend, kRemove, kAdd, kReplace, kReaffirm };
  Kind kind = Kind::kAmend;
  std::optional<Name> target;    // amend, remove, replace, reaffirm
  std::optional<RuleSpec> rule;  // add, replace
  SourceRange range;
};

// Mirrors ast::ProposalMatter (same order; build_input casts).
enum class ProposalMatter : uint8_t {
  kAdmission,
  kRemoval,
  kAmendment,
  kTreatySign,
  kTreatyRenew,
  kTreatyExit,
  kSpending,
  kElection,
  kRecall,
};

// The `decisions` matter a proposal is decided under ("treaty" for the
// three treaty matters).
const char* MatterOf(ProposalMatter matter);

enum class BallotChoice : uint8_t { kYes, kNo, kAbstain, kBlock, kObject };

struct BallotSpec {
  BallotChoice choice = BallotChoice::kYes;
  Name voter;
};

enum class SanctionKind : uint8_t { kWarning, kSuspension, kRemoval };

struct VerdictSpec {
  int64_t in_favour = 0;
  int64_t of = 0;
  SanctionKind sanction = SanctionKind::kWarning;
  std::optional<values::Duration> length;  // suspension
  SourceRange sanction_range;
};

// A dated event; the slots mean what ast::Event's comment table says.
struct EventSpec {
  EventKind kind = EventKind::kJoin;
  Date date;
  Name subject;
  std::optional<Name> target;
  std::vector<Name> names;
  std::string kind_word;  // record: decision | conflict | resource
  std::vector<Attribute> attributes;
  std::optional<values::Money> amount;
  bool flag = false;  // dispute: serious; ruling: reaffirmed
  std::vector<ChangeSpec> changes;
  // contribute/report: the account's owner (charter or treaty) and whether
  // it is a treaty fund, as sema resolved it.
  std::string account_owner;
  bool account_is_fund = false;
  // assembly: `present all`, everyone who is a member on the day, minus
  // `names` (the `except` list).
  bool present_all = false;
  std::optional<ProposalMatter> matter;  // propose
  std::vector<BallotSpec> ballots;       // vote
  std::optional<VerdictSpec> verdict;    // verdict
  std::optional<Date> until_date;        // waive
  // `on DATE every PERIOD EVENT [until DATE]`: the event recurs on
  // date + k × every (k = 0, 1, ...) up to `until` (inclusive) or the end of
  // the run; see recurrence.h.
  struct Recurrence {
    calendar::Period every;
    std::optional<Date> until;
  };
  std::optional<Recurrence> recurrence;
  SourceRange range;
};

struct InitialMembers {
  std::string polity;
  std::vector<Name> members;
  std::vector<Attribute> attributes;
};

enum class ExpectKind : uint8_t { kOnDate, kViolation, kNoViolations, kAtEnd };

struct ExpectSpec {
  ExpectKind kind = ExpectKind::kAtEnd;
  std::optional<Date> date;
  const ir::Root* condition = nullptr;
  // For a comparison `a OP b`: its two sides, so a failure can show the
  // actual value next to the expected one.
  const ir::Root* lhs = nullptr;
  const ir::Root* rhs = nullptr;
  std::string op;
  std::string lhs_source;        // the left side as written
  std::string code;              // kViolation
  std::string source;            // the line as written, for reports
  std::string condition_source;  // the condition as written
  SourceRange range;
};

struct ScenarioSpec {
  std::string name;
  std::optional<std::string> title;
  std::string seed;
  Date start;
  Date until;
  std::vector<InitialMembers> members;
  std::vector<EventSpec> events;  // in source order
  std::vector<ExpectSpec> expectations;
  SourceRange range;
};

// Everything one run reads. Pointers into `module` stay valid while the
// caller keeps the module.
struct ProgramSpec {
  const ir::Module* module = nullptr;
  // Evaluates every expression of the run; null is the interpreter.
  const ExpressionEngine* engine = nullptr;
  // The most entries a run's timeline holds (R035, docs/reference.md,
  // Limits); the entry past it stops the run. Tests lower it.
  size_t max_timeline_entries = 1'000'000;
  std::vector<CharterSpec> charters;
  std::vector<TreatySpec> treaties;

  const CharterSpec* FindCharter(std::string_view name) const;
  const TreatySpec* FindTreaty(std::string_view name) const;
};

}  // namespace concord::engine
