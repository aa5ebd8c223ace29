// The mutable state of one run: who belongs where, the rules in force, treaty
// status, disputes and rulings, contributions and the periods of every
// scheduled obligation. Internal to runtime/engine.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "runtime/engine/input.h"
#include "runtime/engine/rotation.h"
#include "runtime/engine/timeline.h"

namespace concord::engine {

struct MemberState {
  std::string name;
  std::string first_polity;
  Date joined;
  std::vector<Attribute> attributes;
  std::shared_ptr<const values::Record> record;  // rebuilt when attributes change
  // The member as rules see it, rebuilt with `record`: one shared object, so
  // every event and payment of this person holds the same one.
  values::Value value;
  // Positions in the run's polity order of the polities the member belongs
  // to now (kept with PolityState::joined): PolitiesOf asks on every payment.
  std::set<size_t> polities;
};

// One period of a recurring obligation (cycles.h), with what happened in it.
struct Period {
  calendar::Cycle cycle;
  std::set<std::string> changed;     // revision: distinct rules changed by assemblies with quorum
  std::set<std::string> reaffirmed;  // revision: rules reaffirmed (`reaffirm NAME`) likewise
  int64_t held = 0;                  // reports, stress games, reflections
  size_t rules_at_start = 0;         // revision
  bool observed = true;              // began on or after the scenario's start
};

// A recurring obligation's cycles, iterated as days pass.
struct Schedule {
  std::optional<calendar::Period> period;
  Date anchor;
  std::vector<calendar::Cycle> cycles;  // every cycle closing by the end of the run
  size_t next = 0;                      // the first cycle not yet closed
  Period current;
  bool active = false;
};

// One rotating role of a charter (a ledger's steward, the stress-game
// designer) or of a treaty (a fund's steward): its terms and who holds it.
struct Rotation {
  std::string subject;   // the timeline entry's subject: ledger, `stress_game` or fund
  std::string title;     // "steward of kitchen_fund", "steward of fund f of t"
  std::string domain;    // the label of its lottery draw, "rotation/OWNER/ROLE"
  std::string coverage;  // the obligation it covers, or empty
  calendar::Period every;
  Date anchor;  // term 0 starts here: `adopted` or `effective`
  SourceRange range;
  RotationQueue queue;
  bool is_designer = false;
  std::string office;  // a seat of a rotation office: the office's name
  std::optional<std::string> holder;
  // The first day of the term last given out: a second pass on the same day
  // (a treaty signed during the events) does not give it out again.
  std::optional<Date> term_given;
  // How the starting order was drawn, noted on the rotation's first entry.
  std::string draw_note;
  // The term found last, [from, to) from `anchor` by `every` (Rotate asks
  // every rotation every day; the term changes once a term).
  struct KnownTerm {
    Date anchor;
    calendar::Period every;
    int64_t k = 0;
    Date from;
    std::optional<Date> to;  // none: the next term starts past year 9999
  };
  std::optional<KnownTerm> known_term;
};

struct PolityState {
  const CharterSpec* spec = nullptr;
  size_t order = 0;  // position in the run's polity order
  bool participating = false;
  // Not in the program version in force (versions.cpp): no longer a charter
  // anyone can join or leave for.
  bool dropped = false;
  std::vector<std::string> members;    // joining order
  std::map<std::string, Date> joined;  // member -> date joined this polity
  std::vector<const RuleSpec*> rules;  // in force, in order
  std::vector<std::unique_ptr<RuleSpec>> added_rules;
  Schedule revision;
  std::map<std::string, Schedule> reports;  // ledger -> report periods
  Schedule stress;
  Schedule reflection;
  // Ledger stewards in declaration order, then the stress-game designer.
  std::vector<Rotation> rotations;
  std::map<std::string, values::Money> balances;  // ledger -> amount
};

enum class TreatyStatus : uint8_t { kPending, kActive, kExpired, kEnded };
const char* TreatyStatusName(TreatyStatus status);

struct DistressCall {
  std::string party;
  Date raised;
  Date deadline;
  std::set<std::string> responded;
  std::vector<std::string> allies;  // active parties other than the caller, when raised
  SourceRange range;
  bool closed = false;
};

struct TreatyState {
  const TreatySpec* spec = nullptr;
  TreatyStatus status = TreatyStatus::kPending;
  Date since;                          // date of the last transition
  std::vector<std::string> signed_by;  // signing order
  std::vector<std::string> parties;    // current parties, signing order
  std::set<std::string> renewed_by;    // in the current term
  int64_t term_index = 0;  // the current term: it ends on effective + term_index × term
  Date term_end;
  std::map<std::string, std::pair<Date, SourceRange>> exits;  // party -> effective date
  std::vector<DistressCall> distress;
  std::vector<Rotation> rotations;  // fund stewards, in declaration order
  std::map<std::string, values::Money> balances;
  // fund -> its contribution periods (`per`, from `effective`), at whose
  // close every member owes what the formula asks (R012)
  std::map<std::string, Schedule> dues;
  std::optional<int64_t> cross_training_round;  // the last period announced
};

enum class DisputeStatus : uint8_t { kOpen, kRuled, kReaffirmed, kExpired };
const char* DisputeStatusName(DisputeStatus status);

struct DisputeState {
  std::string id;
  std::string polity;
  std::vector<std::string> sides;
  bool serious = false;
  Date date;
  std::vector<std::string> jury;  // jurors then delegates
  DisputeStatus status = DisputeStatus::kOpen;
  std::optional<Date> expires;
};

struct ContributionState {
  std::string member;
  std::string account;
  std::string owner;
  values::Money amount;
  Date date;
};

struct HistoryRecord {
  std::string kind;  // decision | conflict | resource
  std::string id;
  std::string polity;
  Date date;
  std::vector<Attribute> attributes;
};

}  // namespace concord::engine
