// The ledger file: one SQLite database per community holding the program it
// adopted (every source file with its SHA-256, by version) and the
// append-only log of what happened (each event as scenario text, with its
// date, who recorded it, when, and the batch it came in). docs/ledger.md
// describes the schema; this is the only file that speaks SQL.
//
// Every problem with the file itself (missing, not SQLite, someone else's
// database, damaged, newer than this build, locked by another writer) is a
// diagnostic on the ledger's path, never an exception or a crash.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/diag/engine.h"
#include "compiler/diag/source_manager.h"

struct sqlite3;

namespace concord::ledger {

// `PRAGMA user_version` of the newest schema this build writes; older files
// are migrated forward when opened for writing (store.cpp, kMigrations).
inline constexpr int kSchemaVersion = 1;

struct StoredSource {
  std::string path;    // as given to `ledger init`, relative imports resolve from it
  std::string sha256;  // hex of the text, checked whenever the program is read
  std::string text;
};

struct StoredEvent {
  int64_t sequence = 0;  // order of recording, 1-based
  int64_t batch = 0;
  std::string date;  // YYYY-MM-DD; a `members` line carries the ledger's start
  std::string text;  // one scenario item, as written (`on 2027-01-20 ...`)
  std::string recorded_by;
  std::string recorded_at;  // UTC, ISO 8601
  bool correction = false;  // recorded with `--correction`
};

// One version of the program and the first day it governs (version 1: the
// ledger's start; later ones: `ledger adopt --on`).
struct StoredVersion {
  int version = 0;
  std::string adopted_on;
  std::vector<StoredSource> sources;
};

struct Settings {
  std::string start;  // the first day the ledger plays
  std::string seed;   // the lottery seed of every draw
};

struct NewEvent {
  std::string date;
  std::string text;
};

struct Provenance {
  std::string by;
  std::string at;
  bool correction = false;
};

enum class Access { kRead, kWrite };

class Store {
 public:
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Creates a new ledger at `path` (refused when the file exists).
  static std::unique_ptr<Store> Create(const std::string& path, const Settings& settings,
                                       int busy_timeout_ms, diag::SourceManager& sources,
                                       diag::DiagnosticEngine& diags);
  // Opens an existing ledger; null after reporting why it cannot.
  static std::unique_ptr<Store> Open(const std::string& path, Access access, int busy_timeout_ms,
                                     diag::SourceManager& sources, diag::DiagnosticEngine& diags);

  const Settings& settings() const { return settings_; }
  int ProgramVersion() const;
  // The day the latest program version took effect (version 1: the start).
  std::optional<std::string> ProgramAdoptedOn();
  // The sources of the program in force, hashes checked (E0272 if one differs).
  std::optional<std::vector<StoredSource>> Program();
  // Every version of the program, oldest first, hashes checked (E0272): a
  // history is played with the version in force on each date.
  std::optional<std::vector<StoredVersion>> Versions();
  // Program() for what shows a history over one program (`ledger export`,
  // `publish`), refused with E0284 (saying `why`) while the ledger holds
  // more than one version.
  std::optional<std::vector<StoredSource>> OneProgram(const std::string& why);
  std::optional<std::vector<StoredEvent>> Events();
  // The latest event date recorded, if any.
  std::optional<std::string> LastDate();

  // A write transaction around reading the log, validating and appending,
  // so that two writers serialise (the second waits up to the busy timeout,
  // then E0274) and neither validates against a log the other is changing.
  bool BeginWrite();
  bool Commit();
  void Rollback();

  // Stores a program version (init) in one transaction (the open one, if any).
  bool AddProgram(const std::vector<StoredSource>& sources, const std::string& adopted_on,
                  const Provenance& provenance);
  // Appends one batch atomically (in the open transaction, if any); returns
  // its id, or nothing after reporting.
  std::optional<int64_t> AppendBatch(const std::vector<NewEvent>& events,
                                     const Provenance& provenance);
  // `PRAGMA integrity_check` and the batch counts; problems are reported.
  bool Verify();

  static std::string Sha256Hex(const std::string& text);

 private:
  Store(sqlite3* db, std::string path, diag::FileId file, diag::DiagnosticEngine& diags);
  bool Exec(const char* sql);
  bool Migrate();
  bool ReadSettings();
  bool Fail(int rc, const char* doing);
  std::optional<std::vector<StoredSource>> SourcesOf(int64_t version);

  sqlite3* db_;
  std::string path_;
  diag::FileId file_;
  diag::DiagnosticEngine& diags_;
  Settings settings_;
  int busy_ms_ = 0;
};

}  // namespace concord::ledger
