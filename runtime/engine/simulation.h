// The engine's working object: the state of one run and the steps that
// change it, split over files by concept (simulation.cpp: the day loop and
// transitions; obligations.cpp: periods that close; events.cpp: scenario
// events and their validation; assembly.cpp: presence, quorum and rule
// changes; recurrence.h: the order events are played in, recurring ones
// included; juries.cpp: lottery draws; world.cpp: the interp::Host answers;
// rules.cpp: executable rules and expectations; metrics.cpp: metric values,
// memoized, and the report's metrics).
// Internal to runtime/engine; callers use engine.h.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "runtime/engine/engine.h"
#include "runtime/engine/power_state.h"
#include "runtime/engine/proposals.h"
#include "runtime/engine/recurrence.h"
#include "runtime/engine/state.h"
#include "runtime/interp/host.h"
#include "runtime/interp/interp.h"
#include "runtime/values/growing_set.h"

namespace concord::engine {

// The last day of a treaty's term k (k >= 1): effective + k × term, always
// counted from `effective`. None past year 9999.
std::optional<Date> TreatyTermEnd(const TreatySpec& treaty, int64_t k);
// The first day of rotation (or cross-training) term k from `anchor`; term 0
// starts on the anchor itself. None past year 9999.
std::optional<Date> TermStart(Date anchor, calendar::Period period, int64_t k);
// The term containing `day`, or none before the anchor.
std::optional<int64_t> TermOf(Date anchor, calendar::Period period, Date day);

class Simulation : public interp::Host {
 public:
  Simulation(const ProgramSpec& program, const ScenarioSpec& scenario);
  RunResult Play();
  // --- checkpoint.cpp: results taken at the end of these days while the run
  // goes on (engine.h, RunWithCheckpoints).
  void SetCheckpoints(const std::vector<Date>& days);
  std::vector<std::optional<RunResult>> TakeCheckpoints();
  // --- versions.cpp: a run across program versions (engine.h,
  // RunAcrossVersions); versions[0] is the one the Simulation was made with.
  void SetVersions(std::vector<VersionInForce> versions);
  // --- snapshot_write.cpp / snapshot_read.cpp (snapshot.h): the state at
  // the end of `day` kept as bytes while the run goes on; a fresh
  // Simulation restored from them plays on from the next day.
  void SetSnapshotDay(Date day);
  // The bytes, or none and why (not reached, or state a snapshot cannot hold).
  std::optional<std::string> TakeSnapshot(std::string* why_none);
  // Empty on success, else why the bytes were refused; then Resume plays on.
  std::string Restore(std::string_view blob);
  // What a restored run carries of the timeline before its snapshot day for
  // `concord status` (snapshot.h, ResumedRun::carried).
  std::vector<Entry> TakeCarried() { return std::move(carried_); }
  RunResult Resume();

  // Every draw shuffles its whole pool, one SHA-256 per name
  // (docs/reference-lottery.md), and keeps the pool as verification data:
  // the names of all the draws of a run together may not pass this (R036),
  // or 100,000 disputes among 100,000 members would take hours and more
  // memory than the machine has.
  static constexpr size_t kMaxLotteryNames = 5'000'000;

  // interp::Host
  interp::HostAnswer Entity(ir::EntityKind kind, std::string_view name, std::string_view owner,
                            const ir::Type& type) override;
  // metrics.cpp
  interp::HostAnswer Metric(std::string_view owner, std::string_view name, const ir::Type& type,
                            std::string_view empty_sum_currency) override;
  interp::HostAnswer Query(ir::HostQuery query, std::span<const values::Value> args,
                           const ir::Type& type) override;

 private:
  // --- simulation.cpp -------------------------------------------------------
  void Setup();
  // A charter people belong to or that signs a treaty: its periods from its
  // `adopted` date, its obligations, rules and decisions declared.
  void TakePart(PolityState& p);
  // A treaty a taking-part charter is party to: its clauses declared, its
  // contribution periods from `effective`. False when no party takes part.
  bool DeclareTreaty(TreatyState& t);
  void StartOfDay();
  void ActivateTreaties();
  void EndTreatyTerms();
  void ApplyExits();
  void ExpireRulings();
  void ScheduleCrossTraining();
  // Ends the run on `today_`, when the timeline is full (today is played up
  // to the entry that did not fit) or the lottery's budget was spent the
  // day before (today is not played).
  RunResult StopEarly();
  // Counts a draw from `pool_size` names against kMaxLotteryNames; false
  // (after reporting R036 at `where`) when it would pass the limit.
  bool SpendOnLottery(size_t pool_size, const std::string& dispute, SourceRange where);
  Entry& Add(EntryKind kind, std::string subject, std::string text, SourceRange range = {});
  Entry& Violation(EntryKind kind, diag::Code code, std::string subject, std::string text,
                   SourceRange range);
  void Cover(const std::string& kind, const std::string& name);
  void Declare(const std::string& kind, const std::string& name);

  // --- versions.cpp ---------------------------------------------------------
  // The events the run plays: the scenario's, or across versions each
  // version's events dated while it is in force.
  std::vector<const EventSpec*> EventsToPlay() const;
  // The same events, in the same order, to `visit` until it returns false.
  void VisitEventsToPlay(const std::function<bool(const EventSpec&)>& visit) const;
  // At the start of a day: the versions that come into force today.
  void AdoptVersionsDue();
  void AdoptVersion(const VersionInForce& version);
  // Re-points a charter's state at its text in the version coming into
  // force (rules, schedules, offices, dues); the words of what changed.
  void CarryCharter(PolityState& p, const CharterSpec& next, const std::set<std::string>& revised,
                    std::vector<std::string>& notes);
  void CarryTreaty(TreatyState& t, const TreatySpec& next, std::vector<std::string>& notes);
  // `rotations` become `wanted` (the new text's roles), matched by domain;
  // new roles of a charter start among its `members`.
  void CarryRotations(std::vector<Rotation>& rotations, std::vector<Rotation> wanted,
                      const std::vector<std::string>* members, const std::string& owner,
                      std::vector<std::string>& notes);
  // A charter that takes part from the adoption day on (TakePart, then its
  // roles, offices and dues), its periods that began before today skipped.
  void TakePartFromToday(PolityState& p);
  // The charters joined or signing a treaty on or after `day`.
  std::set<std::string> InvolvedFrom(Date day) const;
  // Past the cycles of `s` that began before today.
  void SkipStartedCycles(Schedule& s) const;
  // `s` re-derived when the period or anchor changed: the cycle in progress
  // on the adoption day is not judged, the next one is. True when changed.
  bool Rederive(Schedule& s, std::optional<calendar::Period> period, Date anchor);
  // Drops what depended on the previous version's texts: metric memos,
  // member records (their shapes and charter values), contribution answers.
  void ForgetVersionCaches();
  std::vector<VersionInForce> versions_;
  size_t next_version_ = 1;

  // The events of the run in play order; those dated outside it are left
  // out, reported (R034) when `report_outside`.
  std::vector<const EventSpec*> EventsInRun(bool report_outside);
  // The day loop from `first` to the end of the run, then the run's end.
  RunResult PlayDays(EventQueue& queue, Date first);

  // --- snapshot_write.cpp / snapshot_read.cpp -------------------------------
  void SnapshotIfDue();
  std::string EncodeState(std::string* why_none) const;  // CBOR, empty when refused
  std::string DecodeState(std::string_view cbor);        // "" or why refused
  std::optional<Date> snapshot_day_;
  std::optional<std::string> snapshot_;
  std::string snapshot_refused_ = "the run did not finish that day";
  // A restored run's timeline holds the entries after its snapshot day
  // only; of those before, it keeps what later days and the run's end read:
  // how many there were (the R035 limit counts them), the violations' codes
  // and dates (`expect violation` reads them) and the latest obligation and
  // steward entry of each obligation and role (`concord status` reads them).
  size_t entries_before_ = 0;
  std::vector<std::pair<diag::Code, Date>> violations_before_;
  std::vector<Entry> carried_;

  // --- checkpoint.cpp -------------------------------------------------------
  // At the end of a day played: the results of the checkpoints of today.
  void CheckpointIfDue();
  // What Play would return if the run ended today, the run unchanged.
  RunResult ResultSoFar();
  std::vector<std::pair<Date, size_t>> checkpoint_days_;  // (day, index asked), by day
  size_t next_checkpoint_ = 0;
  std::vector<std::optional<RunResult>> checkpoints_;

  // --- obligations.cpp ------------------------------------------------------
  void InitSchedule(Schedule& s, std::optional<calendar::Period> period, Date anchor);
  // Opens the cycle that contains today when one begins; returns the cycle
  // closing today, if any.
  void OpenCycles(Schedule& s, size_t rules_in_force);
  std::optional<Period> CloseCycle(Schedule& s);
  void EndOfDay();
  void CloseRevision(PolityState& p);
  void CloseReports(PolityState& p);
  void CloseHeld(PolityState& p, Schedule& s, const char* what, diag::Code code, SourceRange range,
                 const char* coverage_name);
  void CloseDistress(TreatyState& t);

  // --- events.cpp -----------------------------------------------------------
  void ApplyEvent(const EventSpec& e);
  bool RequireMember(const EventSpec& e, const Name& who, const std::string& polity);
  bool RequireKnownMember(const EventSpec& e, const Name& who);
  // False (after R030) when `polity` is a charter adopted after today.
  bool RequireAdopted(const EventSpec& e, const std::string& polity, const SourceRange& where);
  bool RequireParty(const EventSpec& e, const TreatyState& t, const Name& party, bool active);
  void Join(const EventSpec& e);
  void Leave(const EventSpec& e);
  void Sign(const EventSpec& e);
  void Renew(const EventSpec& e);
  void ExitTreaty(const EventSpec& e);
  void Assembly(const EventSpec& e);
  // Applies an assembly's or a passed amendment's rule changes to `polity`
  // and counts them toward its revision quota; the words of what was done.
  std::vector<std::string> ApplyChanges(const EventSpec& e, const std::string& polity,
                                        const std::vector<ChangeSpec>& changes, int64_t* changed);
  // `present all [except ...]`: the members of `polity` today minus the
  // exceptions, each of whom must be a member (R039).
  std::vector<std::string> EveryoneExcept(const EventSpec& e, const std::string& polity);
  void Dispute(const EventSpec& e);
  void Ruling(const EventSpec& e);
  void Contribute(const EventSpec& e);
  void ReportLedger(const EventSpec& e);
  // At the close of a fund's contribution period: every member of a party
  // for the whole period paid at least what the fund asks of them (R012).
  void CloseFundPeriods(TreatyState& t);
  // The indices of the payments into `account` booked on or after `first`,
  // in booking order: payments are booked in date order, so they are a tail
  // of the account's index, found by bisection rather than by reading every
  // payment of the run (the fund-cap check runs on every payment).
  std::span<const size_t> ContributionsSince(const std::string& account, Date first);
  // What fund `f` asks of a member with `income` in one period:
  // min(max(formula, floor), cap); none (after reporting why) when it
  // cannot be computed.
  struct Due {
    values::Money owed;
    std::string how;  // the formula's value and the bound that changed it
  };
  std::optional<Due> Owed(const FundSpec& f, const values::Value& income);
  void Held(const EventSpec& e);
  void DistressEvent(const EventSpec& e);
  void RecordEvent(const EventSpec& e);
  Entry& Invalid(const EventSpec& e, diag::Code code, std::string message, SourceRange range = {});

  // Takes `member` out of `polity` today (a leave or a removal): the roles
  // they held pass on.
  // Takes the member out of the polity: seats, rotations; `why` is what the
  // timeline says of the seats they lose.
  void DropMember(const std::string& polity, const std::string& member, const std::string& why);
  // A join the charter allows, applied: by a `join` event or a passed admission.
  void AdmitMember(const EventSpec& e);
  // False (after R053) when the charter's entry needs a passed admission.
  bool EntryAllowsJoin(const EventSpec& e);

  // --- proposals.cpp (decide17): proposals and ballots ----------------------
  void Propose(const EventSpec& e);
  void Vote(const EventSpec& e);
  // The rule a proposal on `matter` in `p` follows: the charter's (RuleFor),
  // or for an admission under `entry vote P` without one, `vote P of members`.
  const DecisionSpec* ProposalRule(const PolityState& p, ProposalMatter matter);
  // A voting member of `p` on `day`: a member whose class votes and who is
  // not suspended.
  bool CanVote(const PolityState& p, const std::string& member, Date day) const;
  std::vector<std::string> VotingMembers(const PolityState& p, Date day) const;
  // The outcome of proposal `id` today; pending when it was never decided
  // (or never made).
  DecisionOutcome OutcomeOf(const std::string& id) const;
  // A passed `election of OFFICE` proposal not yet used by an `elect`.
  bool ElectionApproved(const std::string& polity, const std::string& office) const;
  void ConsumeElectionApproval(const std::string& polity, const std::string& office);

  // --- treaty_approvals.cpp: treaty actions a charter decides ---------------
  // A passed `treaty sign|renew|exit T` proposal of `polity` waits for the
  // scenario's `sign`, `renew` or `exit` event, as an election for `elect`.
  void ApproveTreatyAction(const ProposalState& proposal, const EventSpec& e);
  // True when `party` may take `action` on `treaty` today: it is not a
  // charter with a `treaty` rule, or a passed proposal is waiting (used
  // up here). Otherwise R064 at `party`, false.
  bool TreatyActionAllowed(const EventSpec& e, const Name& party, ProposalMatter action,
                           const std::string& treaty);

  // --- decisions.cpp (decide17): deciding and applying ----------------------
  void Decide(const EventSpec& e);
  // The outcome of an open proposal today, applied when it passed.
  void DecideOpen(ProposalState& proposal, const EventSpec& e);
  void ApplyDecision(ProposalState& proposal, const EventSpec& e);
  void ApplySpending(ProposalState& proposal, const EventSpec& e);
  // The entry of a decision: the tally, the rule, and `code` when it failed.
  Entry& DecisionEntry(const ProposalState& proposal, const EventSpec& e, DecisionTally tally,
                       std::optional<diag::Code> code, std::string text);
  // The jurors of a proposal decided by jury, drawn on its first decide.
  const std::vector<std::string>* ProposalJurors(ProposalState& proposal, const EventSpec& e);

  // --- stewards.cpp --------------------------------------------------------
  // The rotating roles of every participating charter and every treaty, the
  // charters' starting order drawn from their starting members.
  void SetUpRotations();
  // The rotating roles a text asks for, not yet started (the treaty's start
  // when the treaty becomes active, AssignFundStewards).
  std::vector<Rotation> CharterRotations(const CharterSpec& c);
  std::vector<Rotation> TreatyRotations(const TreatySpec& t);
  // Draws the starting order of `r` among `pool` (docs/reference-runtime.md).
  void StartRotation(Rotation& r, std::vector<std::string> pool, const std::string& pool_words);
  void AssignStewards();
  void AssignFundStewards();
  // Gives every role of `rotations` whose holder left (RotationQueue::Depart)
  // to the next member by the rotation rule, and at the start of the day
  // also every role whose term begins today or that is vacant.
  void Rotate(std::vector<Rotation>& rotations, const std::string& owner, bool start_of_day);
  Rotation* Designer(PolityState& p);

  // --- juries.cpp -----------------------------------------------------------
  void DrawJury(DisputeState& d, const EventSpec& e);
  // Draws `k` of `pool` under `domain` (docs/reference-lottery.md), spending
  // the run's lottery budget. None after reporting why: too small a pool
  // (R006 for `what` of `whose`, labelled at `defined`; `*too_small` set),
  // the budget spent (R036) or SHA-256 unavailable.
  std::optional<lottery::Draw> DrawFromPool(const std::string& subject, const std::string& domain,
                                            std::vector<std::string> pool, size_t k,
                                            const char* what, const std::string& whose,
                                            SourceRange at, SourceRange defined,
                                            bool* too_small = nullptr);
  std::vector<std::string> Allies(const std::string& polity) const;

  // --- offices.cpp ----------------------------------------------------------
  // Every office of every participating charter: named holders checked
  // (R057), coverage declared. Rotation offices live in the rotations
  // (AddOfficeRotations, from SetUpRotations).
  void SetUpOffices();
  void SetUpOfficesOf(const PolityState& p);
  // The rotation offices' seats of `c`, appended to `out`.
  void AddOfficeRotations(const CharterSpec& c, std::vector<Rotation>& out);
  // At the start of the day: terms that end today vacate their seats, and
  // lottery offices whose term begins today are drawn.
  void StartOfficeTerms();
  void DrawOffice(OfficeState& office, int64_t term, Date began);
  void Elect(const EventSpec& e);
  // Whether `e` may fill `office` at all (its kind, seats, appointer);
  // false after R055.
  bool ElectionAllowed(const EventSpec& e, const OfficeState& office);
  // The member leaves every seat they hold in the offices of `polity`
  // (`why`: "left linden", "recalled", "removed from linden").
  void VacateSeats(const std::string& polity, const std::string& member, const std::string& why,
                   SourceRange range);
  OfficeState* FindOfficeState(const std::string& polity, const std::string& office);

 public:
  // The holders of `office` of `p` today, in the order they were seated.
  std::vector<std::string> HoldersOf(const PolityState& p, const std::string& office) const;
  // --- sanctions.cpp --------------------------------------------------------
  // The findings against `member` that count on `day` (unexpired; with
  // `within`, dated within it before `day`).
  int64_t FindingsAgainst(const std::string& member, Date day,
                          std::optional<values::Duration> within) const;
  // Whether a suspension keeps `member` from voting on `day`.
  bool IsSuspended(const std::string& member, Date day) const;
  // Whether a sufficient recall petition against `member` in `p` stands.
  bool RecallPetitioned(const PolityState& p, const std::string& member) const;
  // A passed recall: the member loses their seats in `p`'s offices and the
  // petition is spent.
  void ApplyRecall(PolityState& p, const std::string& member, const EventSpec& e);
  // The member leaves `polity` without choosing to (a removal): seats,
  // rotations and membership, with a "removed" entry. No `leave` rule runs.
  void RemoveFromPolity(const std::string& polity, const std::string& member,
                        const std::string& why, SourceRange range);

 private:
  void Petition(const EventSpec& e);
  void Verdict(const EventSpec& e);
  // Whether `member`'s class in `p` votes (suspensions aside).
  bool ClassVotes(const std::string& member, const PolityState& p) const;

  // --- dues.cpp -------------------------------------------------------------
  void SetUpDues(PolityState& p);
  void OpenDues();
  void CloseDues(PolityState& p);
  void Waive(const EventSpec& e);

  // --- standing.cpp ---------------------------------------------------------
  // How things stand on the last day played, into result_.standing.
  void TakeStanding();

  // --- world.cpp ------------------------------------------------------------
  interp::HostAnswer EntityAnswer(ir::EntityKind kind, std::string_view name,
                                  std::string_view owner) const;
  values::Value MemberValue(const std::string& name) const;
  values::Value CharterValue(const std::string& name) const;
  values::Value TreatyValue(const std::string& name) const;
  values::Value DisputeValue(const DisputeState& d) const;
  values::Value HistoryValue(const HistoryRecord& r) const;
  std::shared_ptr<values::Record> NewRecord(const char* shape, std::string name = {},
                                            std::string owner = {}) const;
  void RebuildMember(MemberState& m);
  bool IsMemberOf(const std::string& member, const std::string& polity) const;
  std::vector<std::string> PolitiesOf(const std::string& member) const;
  int64_t EntryOption(const PolityState& p) const;
  int64_t AllEntryOptions() const;
  int64_t ExitOptions(const std::string& member, int64_t all_options) const;
  values::Value StatusValue(const char* shape, const char* constant) const;

  // --- power_queries.cpp: what expressions ask about power ------------------
  // `p1` in an expression: the proposal once its `propose` event's date has
  // come (from the scenario, like a dispute once raised).
  interp::HostAnswer ProposalAnswer(const std::string& id) const;
  // `outcome(p)`: passed, failed, blocked or pending on today's date.
  interp::HostAnswer OutcomeAnswer(const std::string& proposal) const;
  // `holders(office)`: the members holding that office of `polity` today.
  interp::HostAnswer HoldersAnswer(const std::string& polity, const std::string& office) const;
  // `findings(m)`: the unexpired findings against `member`, in every polity.
  interp::HostAnswer FindingsAnswer(const std::string& member) const;

  // --- rules.cpp ------------------------------------------------------------
  // Evaluates the executable rules of `owners` triggered by `record`; false
  // when a `reject` refused the event. The trigger word is the record's
  // shape (`on contribution c`) unless `word` names it (`on decide p` binds
  // a `proposal`).
  bool RunRules(const EventSpec& e, const values::Value& record,
                const std::vector<std::string>& owners, std::string_view word = {});
  // `on propose p` / `on decide p`: the rules of the proposal's charter.
  void RunProposalRules(const EventSpec& e, const std::string& id, std::string_view word);
  std::optional<values::Value> Eval(const ir::Root* root, std::span<const values::Value> inputs,
                                    SourceRange where);
  // A rule's condition: whether it holds, or nullopt when it gave no bool
  // (an error or an undecided value is then a violation, as with Eval). The
  // engine answers without a boxed value when it can (ExpressionEngine::Decide).
  std::optional<bool> Holds(const ir::Root* root, std::span<const values::Value> inputs,
                            SourceRange where);
  // Every evaluation of the run goes through ProgramSpec::engine.
  interp::Outcome Evaluate(const ir::Root& root, std::span<const values::Value> inputs = {});
  // One result per `expect` line, each still undecided, the first time.
  void PrepareExpectations();
  void CheckExpectations(bool at_end);
  void ExpectViolations();

  // --- metrics.cpp ----------------------------------------------------------
  // While one is alive, metric values are memoized: the state does not
  // change during one evaluation (host questions only read it), nor between
  // the `expect` lines of one day or the metrics of the report, which each
  // open one around all of theirs. The memo is dropped when the last closes.
  class MetricSnapshot {
   public:
    explicit MetricSnapshot(Simulation& simulation);
    ~MetricSnapshot();
    MetricSnapshot(const MetricSnapshot&) = delete;
    MetricSnapshot& operator=(const MetricSnapshot&) = delete;

   private:
    Simulation& s_;
  };
  void IndexMetrics();  // builds metric_index_ and charter_of_metric_ once
  const MetricSpec* FindMetric(std::string_view owner, std::string_view name);
  // The metric's root, or a copy whose empty sums are in `currency`.
  const ir::Root& HintedMetric(const MetricSpec& m, std::string_view currency);
  // The metrics `m`'s expression reads.
  const std::vector<const MetricSpec*>& MetricDependencies(const MetricSpec& m);
  // Memoizes the metrics of `charter`, each after those it reads.
  void WarmMetrics(const CharterSpec& charter);
  void ComputeMetrics();

  // A metric's answer in the current snapshot, and how deep it went.
  struct MemoizedMetric {
    std::optional<values::Value> value;  // none: it has no value
    // The evaluation reached the depth limit, started at `base`: from any
    // deeper start it does too. Otherwise it went `height` levels below
    // its start (runtime/interp/depth.h, NoteLevel).
    bool reached_limit = false;
    int base = 0;
    int height = 0;
  };
  int metric_snapshots_ = 0;
  std::map<std::pair<const MetricSpec*, std::string>, MemoizedMetric> metric_memo_;
  // Built on first use: the metrics by charter and name, and each one's charter.
  bool metric_index_built_ = false;
  std::map<std::string, std::map<std::string, const MetricSpec*, std::less<>>, std::less<>>
      metric_index_;
  std::map<const MetricSpec*, std::string> charter_of_metric_;
  std::map<const MetricSpec*, std::vector<const MetricSpec*>> metric_dependencies_;
  std::map<std::pair<const MetricSpec*, std::string>, std::unique_ptr<ir::Root>> hinted_metrics_;

  // The program in force today: the one the run was made with, or the
  // version in force (versions.cpp).
  const ProgramSpec* program_;
  const ScenarioSpec& scenario_;
  RunResult result_;
  size_t lottery_names_ = 0;        // names shuffled by the run's draws so far
  bool lottery_exhausted_ = false;  // a draw was refused: the run stops tonight
  // A run's timeline holds at most ProgramSpec::max_timeline_entries: a
  // program from someone else cannot make a run produce gigabytes of
  // output, even within one day. The entry past the limit is not kept, and
  // the run stops at the next event or the end of the current step (R035).
  bool timeline_full_ = false;
  Entry dropped_entry_;  // what Add returns once the timeline is full
  Date today_;
  // The event being applied, while it is an occurrence of a recurring event
  // or a one-off (recurrence.h); null between events.
  const Occurrence* occurrence_ = nullptr;
  std::map<std::string, MemberState> members_;  // by name
  std::vector<std::string> member_order_;       // first-appearance order
  std::map<std::string, PolityState> polities_;
  std::vector<std::string> polity_order_;
  std::map<std::string, TreatyState> treaties_;
  std::vector<std::string> treaty_order_;
  std::map<std::string, DisputeState> disputes_;
  std::vector<ContributionState> contributions_;
  // Indices into contributions_ by account (ledger or fund), so that
  // `contributions(f)` and the fund-cap check read one account's payments
  // instead of every payment of the run.
  std::map<std::string, std::vector<size_t>> contributions_by_account_;
  // The answers to `contributions(account)` so far, by (account, owner the
  // question named): each grows by the payments booked since it was last
  // asked. Every contribution holds its member's value, so an answer is
  // rebuilt whole when one of its contributors' records changed since
  // (rebuilt_members_ from members_seen on).
  struct ContributionAnswer {
    size_t booked = 0;        // how many of the account's payments it has seen
    size_t members_seen = 0;  // how much of rebuilt_members_ it has checked
    std::set<std::string> contributors;
    values::GrowingSet set;
  };
  std::map<std::pair<std::string, std::string>, ContributionAnswer> contribution_answers_;
  std::vector<std::string> rebuilt_members_;  // by RebuildMember, in order
  std::vector<HistoryRecord> history_;
  // Offices by polity then office (offices.cpp), findings and suspensions
  // (sanctions.cpp), recall petitions met: (polity, member) -> date, dues
  // periods by polity and waivers (dues.cpp).
  std::map<std::string, std::map<std::string, OfficeState>> offices_;
  std::vector<FindingState> findings_;
  std::map<std::string, Date> suspended_until_;  // member -> first day they vote again
  std::map<std::pair<std::string, std::string>, Date> recall_petitions_;
  std::map<std::string, Schedule> dues_;
  std::vector<WaiverState> waivers_;
  // polity -> who paid short in its latest closed dues period (R061 there).
  std::map<std::string, std::vector<UnpaidDues>> unpaid_dues_;
  std::map<std::string, ProposalState> proposals_;  // by id
  // (polity, office): a passed `election of OFFICE` not yet used.
  std::set<std::pair<std::string, std::string>> approved_elections_;
  // (polity, treaty, action): a passed treaty proposal not yet used.
  std::set<std::tuple<std::string, std::string, ProposalMatter>> approved_treaty_actions_;
  // charter -> the admission rule of `entry vote P` (ProposalRule).
  std::map<std::string, DecisionSpec> entry_rules_;
  std::map<std::string, size_t> coverage_index_;
};

}  // namespace concord::engine
