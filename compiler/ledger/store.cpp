// The ledger's SQLite file; see store.h and docs/ledger.md (Schema).
#include "compiler/ledger/store.h"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <sqlite3.h>

#include <array>
#include <filesystem>
#include <fstream>

namespace concord::ledger {
namespace fs = std::filesystem;
using diag::Code;

namespace {

// `PRAGMA application_id`: "CNCD". A SQLite file without it belongs to
// someone else, and is never written to.
constexpr int kApplicationId = 0x434E4344;

// Migration k takes a file from user_version k to k + 1, inside one
// transaction. A new schema version appends a step here; none is ever edited.
constexpr std::array<const char*, kSchemaVersion> kMigrations = {
    // 0 -> 1: settings, program versions with their sources, batches and events.
    R"sql(
CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE program_version (
  version INTEGER PRIMARY KEY,
  adopted_on TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL);
CREATE TABLE source (
  version INTEGER NOT NULL REFERENCES program_version(version),
  path TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (version, path));
CREATE TABLE batch (
  id INTEGER PRIMARY KEY,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  correction INTEGER NOT NULL,
  event_count INTEGER NOT NULL);
CREATE TABLE event (
  sequence INTEGER PRIMARY KEY,
  batch INTEGER NOT NULL REFERENCES batch(id),
  date TEXT NOT NULL,
  text TEXT NOT NULL);
CREATE INDEX event_by_date ON event(date);
CREATE TRIGGER event_append_only_update BEFORE UPDATE ON event
  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER event_append_only_delete BEFORE DELETE ON event
  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
)sql",
};

// A prepared statement that finalizes itself.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) {
    rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr);
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  int prepare_rc() const { return rc_; }
  void Bind(int i, const std::string& s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
  void Bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  int Step() { return sqlite3_step(stmt_); }
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string Text(int col) const {
    const unsigned char* p = sqlite3_column_text(stmt_, col);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
  }
  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  int rc_ = SQLITE_OK;
};

// The first 16 bytes of every SQLite 3 database file.
bool LooksLikeSqlite(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char header[16] = {};
  in.read(header, sizeof header);
  return in.gcount() == 16 && std::string(header, 16) == std::string("SQLite format 3\0", 16);
}

}  // namespace

Store::Store(sqlite3* db, std::string path, diag::FileId file, diag::DiagnosticEngine& diags)
    : db_(db), path_(std::move(path)), file_(file), diags_(diags) {}

Store::~Store() {
  sqlite3_close_v2(db_);
}

std::string Store::Sha256Hex(const std::string& text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(text.data(), text.size(), digest, &size, EVP_sha256(), nullptr);
  std::string hex;
  for (unsigned int i = 0; i < size; ++i) hex += fmt::format("{:02x}", digest[i]);
  return hex;
}

// Reports an SQLite failure in the ledger's terms: locked, damaged, foreign
// or unwritable. Always returns false.
bool Store::Fail(int rc, const char* doing) {
  diag::SourceRange at{file_, 0, 0};
  int primary = rc & 0xff;
  std::string why = fmt::format("{} ({})", sqlite3_errmsg(db_), doing);
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    diags_.Report(Code::E0274, at, path_, busy_ms_)
        .WithHelp("another `concord record` is writing; run this again when it is done");
  } else if (primary == SQLITE_NOTADB) {
    diags_.Report(Code::E0271, at, path_, "the file is not a SQLite database");
  } else if (primary == SQLITE_CORRUPT || primary == SQLITE_ERROR || primary == SQLITE_SCHEMA ||
             primary == SQLITE_MISMATCH) {
    // SQLITE_ERROR here is an SQL error against the ledger's own schema
    // (`no such column`): the tables are not the ones its version says.
    diags_.Report(Code::E0272, at, path_, why)
        .WithHelp("restore the ledger from a backup, or from `concord ledger export` output");
  } else {
    diags_.Report(Code::E0278, at, path_, why);
  }
  return false;
}

bool Store::Exec(const char* sql) {
  char* error = nullptr;
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &error);
  sqlite3_free(error);
  return rc == SQLITE_OK || Fail(rc, "executing a statement");
}

namespace {

sqlite3* OpenRaw(const std::string& path, int flags, int busy_timeout_ms) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_close_v2(db);
    return nullptr;
  }
  sqlite3_busy_timeout(db, busy_timeout_ms);
  sqlite3_extended_result_codes(db, 1);
  return db;
}

}  // namespace

std::unique_ptr<Store> Store::Create(const std::string& path, const Settings& settings,
                                     int busy_timeout_ms, diag::SourceManager& sources,
                                     diag::DiagnosticEngine& diags) {
  diag::FileId file = sources.AddFile(path, "");
  std::error_code ec;
  if (fs::exists(path, ec)) {
    diags.Report(Code::E0275, {file, 0, 0}, path)
        .WithHelp("choose another file name, or `concord ledger import` into a new one");
    return nullptr;
  }
  sqlite3* db = OpenRaw(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, busy_timeout_ms);
  if (!db) {
    diags.Report(Code::E0270, {file, 0, 0}, path, "the file cannot be created");
    return nullptr;
  }
  std::unique_ptr<Store> store(new Store(db, path, file, diags));
  store->busy_ms_ = busy_timeout_ms;
  // WAL lets readers (`status`, `replay`) run while one writer appends;
  // synchronous=FULL makes an acknowledged commit survive a power cut.
  if (!store->Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;")) return nullptr;
  if (!store->Exec(fmt::format("PRAGMA application_id={};", kApplicationId).c_str()))
    return nullptr;
  if (!store->Migrate()) return nullptr;
  if (!store->Exec("BEGIN IMMEDIATE")) return nullptr;
  Statement put(db, "INSERT INTO setting(key, value) VALUES (?, ?)");
  for (const auto& [key, value] : {std::pair{"start", settings.start}, {"seed", settings.seed}}) {
    put.Bind(1, std::string(key));
    put.Bind(2, value);
    if (int rc = put.Step(); rc != SQLITE_DONE) {
      store->Exec("ROLLBACK");
      store->Fail(rc, "writing the settings");
      return nullptr;
    }
    put.Reset();
  }
  if (!store->Exec("COMMIT") || !store->ReadSettings()) return nullptr;
  return store;
}

std::unique_ptr<Store> Store::Open(const std::string& path, Access access, int busy_timeout_ms,
                                   diag::SourceManager& sources, diag::DiagnosticEngine& diags) {
  diag::FileId file = sources.AddFile(path, "");
  diag::SourceRange at{file, 0, 0};
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    diags.Report(Code::E0270, at, path, "no such file")
        .WithHelp(fmt::format("create it with `concord ledger init {} CHARTERS...`", path));
    return nullptr;
  }
  if (fs::is_directory(path, ec)) {
    diags.Report(Code::E0270, at, path, "it is a directory");
    return nullptr;
  }
  // Checked before SQLite sees the file: SQLite would treat an empty file
  // as a new database and write into it.
  if (!LooksLikeSqlite(path)) {
    std::ifstream probe(path, std::ios::binary);
    diags.Report(Code::E0271, at, path,
                 probe ? "it is not a SQLite database" : "it cannot be read");
    return nullptr;
  }
  int flags = access == Access::kWrite ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY;
  sqlite3* db = OpenRaw(path, flags, busy_timeout_ms);
  if (!db) {
    diags.Report(Code::E0270, at, path, "SQLite cannot open it");
    return nullptr;
  }
  std::unique_ptr<Store> store(new Store(db, path, file, diags));
  store->busy_ms_ = busy_timeout_ms;
  Statement id(db, "PRAGMA application_id");
  if (int rc = id.prepare_rc(); rc != SQLITE_OK) {
    store->Fail(rc, "reading the header");
    return nullptr;
  }
  int rc = id.Step();
  if (rc != SQLITE_ROW) {
    store->Fail(rc, "reading the header");
    return nullptr;
  }
  if (id.Int(0) != kApplicationId) {
    diags.Report(Code::E0271, at, path, "it is a SQLite database of another application")
        .WithHelp("a ledger is created with `concord ledger init`");
    return nullptr;
  }
  Statement version(db, "PRAGMA user_version");
  if (version.prepare_rc() != SQLITE_OK || version.Step() != SQLITE_ROW) {
    store->Fail(sqlite3_errcode(db), "reading the schema version");
    return nullptr;
  }
  int64_t found = version.Int(0);
  if (found > kSchemaVersion) {
    diags.Report(Code::E0273, at, path, found, kSchemaVersion)
        .WithHelp("use the newer `concord` that wrote it");
    return nullptr;
  }
  if (found < kSchemaVersion) {
    if (access == Access::kRead) {
      diags.Report(Code::E0272, at, path,
                   fmt::format("schema version {} needs migrating; open it for writing once "
                               "(`concord record` or `concord ledger import`)",
                               found));
      return nullptr;
    }
    if (!store->Migrate()) return nullptr;
  }
  if (!store->ReadSettings()) return nullptr;
  return store;
}

bool Store::Migrate() {
  Statement version(db_, "PRAGMA user_version");
  if (version.Step() != SQLITE_ROW) return Fail(sqlite3_errcode(db_), "reading the schema version");
  for (int64_t v = version.Int(0); v < kSchemaVersion; ++v) {
    if (!Exec("BEGIN IMMEDIATE")) return false;
    std::string step = std::string(kMigrations[v]) + fmt::format("PRAGMA user_version={};", v + 1);
    if (!Exec(step.c_str())) {
      Exec("ROLLBACK");
      return false;
    }
    if (!Exec("COMMIT")) return false;
  }
  return true;
}

bool Store::ReadSettings() {
  Statement get(db_, "SELECT key, value FROM setting");
  if (get.prepare_rc() != SQLITE_OK) return Fail(get.prepare_rc(), "reading the settings");
  int rc;
  while ((rc = get.Step()) == SQLITE_ROW) {
    if (get.Text(0) == "start") settings_.start = get.Text(1);
    if (get.Text(0) == "seed") settings_.seed = get.Text(1);
  }
  if (rc != SQLITE_DONE) return Fail(rc, "reading the settings");
  if (settings_.start.empty()) {
    diags_.Report(Code::E0272, {file_, 0, 0}, path_, "it has no start date");
    return false;
  }
  return true;
}

int Store::ProgramVersion() const {
  Statement get(db_, "SELECT COALESCE(MAX(version), 0) FROM program_version");
  return get.Step() == SQLITE_ROW ? static_cast<int>(get.Int(0)) : 0;
}

std::optional<std::string> Store::ProgramAdoptedOn() {
  Statement get(db_, "SELECT adopted_on FROM program_version ORDER BY version DESC LIMIT 1");
  if (get.Step() != SQLITE_ROW) {
    diags_.Report(Code::E0272, {file_, 0, 0}, path_, "it holds no program");
    return std::nullopt;
  }
  return get.Text(0);
}

std::optional<std::vector<StoredSource>> Store::OneProgram(const std::string& why) {
  if (int versions = ProgramVersion(); versions > 1) {
    diags_.Report(Code::E0284, {file_, 0, 0}, path_, versions, why)
        .WithNote("the ledger keeps every version and the day it took effect; nothing is lost")
        .WithHelp(
            "`concord ledger replay`, `concord record` and `concord status` play the history "
            "with the version in force on each date");
    return std::nullopt;
  }
  return Program();
}

std::optional<std::vector<StoredSource>> Store::Program() {
  return SourcesOf(ProgramVersion());
}

std::optional<std::vector<StoredVersion>> Store::Versions() {
  Statement get(db_, "SELECT version, adopted_on FROM program_version ORDER BY version");
  if (get.prepare_rc() != SQLITE_OK) {
    Fail(get.prepare_rc(), "reading the program versions");
    return std::nullopt;
  }
  std::vector<StoredVersion> out;
  int rc;
  while ((rc = get.Step()) == SQLITE_ROW) {
    out.push_back({static_cast<int>(get.Int(0)), get.Text(1), {}});
  }
  if (rc != SQLITE_DONE) {
    Fail(rc, "reading the program versions");
    return std::nullopt;
  }
  if (out.empty()) {
    diags_.Report(Code::E0272, {file_, 0, 0}, path_, "it holds no program");
    return std::nullopt;
  }
  for (StoredVersion& v : out) {
    std::optional<std::vector<StoredSource>> sources = SourcesOf(v.version);
    if (!sources) return std::nullopt;
    v.sources = std::move(*sources);
  }
  return out;
}

std::optional<std::vector<StoredSource>> Store::SourcesOf(int64_t version) {
  Statement get(db_, "SELECT path, sha256, text FROM source WHERE version = ? ORDER BY rowid");
  if (get.prepare_rc() != SQLITE_OK) {
    Fail(get.prepare_rc(), "reading the program");
    return std::nullopt;
  }
  get.Bind(1, version);
  std::vector<StoredSource> out;
  int rc;
  while ((rc = get.Step()) == SQLITE_ROW) {
    StoredSource s{get.Text(0), get.Text(1), get.Text(2)};
    if (Sha256Hex(s.text) != s.sha256) {
      diags_.Report(Code::E0272, {file_, 0, 0}, path_,
                    fmt::format("the stored text of `{}` does not match its SHA-256", s.path));
      return std::nullopt;
    }
    out.push_back(std::move(s));
  }
  if (rc != SQLITE_DONE) {
    Fail(rc, "reading the program");
    return std::nullopt;
  }
  if (out.empty()) {
    diags_.Report(Code::E0272, {file_, 0, 0}, path_, "it holds no program");
    return std::nullopt;
  }
  return out;
}

std::optional<std::vector<StoredEvent>> Store::Events() {
  Statement get(
      db_,
      "SELECT e.sequence, e.batch, e.date, e.text, b.recorded_by, b.recorded_at, b.correction "
      "FROM event e JOIN batch b ON b.id = e.batch ORDER BY e.sequence");
  if (get.prepare_rc() != SQLITE_OK) {
    Fail(get.prepare_rc(), "reading the events");
    return std::nullopt;
  }
  std::vector<StoredEvent> out;
  int rc;
  while ((rc = get.Step()) == SQLITE_ROW) {
    out.push_back({get.Int(0), get.Int(1), get.Text(2), get.Text(3), get.Text(4), get.Text(5),
                   get.Int(6) != 0});
  }
  if (rc != SQLITE_DONE) {
    Fail(rc, "reading the events");
    return std::nullopt;
  }
  return out;
}

std::optional<std::string> Store::LastDate() {
  Statement get(db_, "SELECT MAX(date) FROM event");
  if (get.Step() != SQLITE_ROW) return std::nullopt;
  std::string date = get.Text(0);
  if (date.empty()) return std::nullopt;
  return date;
}

bool Store::BeginWrite() {
  return Exec("BEGIN IMMEDIATE");
}
bool Store::Commit() {
  return Exec("COMMIT");
}
void Store::Rollback() {
  if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

bool Store::AddProgram(const std::vector<StoredSource>& sources, const std::string& adopted_on,
                       const Provenance& provenance) {
  bool own = sqlite3_get_autocommit(db_) != 0;
  if (own && !BeginWrite()) return false;
  int version = ProgramVersion() + 1;
  Statement add(db_,
                "INSERT INTO program_version(version, adopted_on, recorded_by, recorded_at) "
                "VALUES (?, ?, ?, ?)");
  add.Bind(1, int64_t{version});
  add.Bind(2, adopted_on);
  add.Bind(3, provenance.by);
  add.Bind(4, provenance.at);
  int rc = add.Step();
  Statement put(db_, "INSERT INTO source(version, path, sha256, text) VALUES (?, ?, ?, ?)");
  for (size_t i = 0; rc == SQLITE_DONE && i < sources.size(); ++i) {
    put.Bind(1, int64_t{version});
    put.Bind(2, sources[i].path);
    put.Bind(3, Sha256Hex(sources[i].text));
    put.Bind(4, sources[i].text);
    rc = put.Step();
    put.Reset();
  }
  if (rc != SQLITE_DONE) {
    Rollback();
    return Fail(rc, "storing the program");
  }
  return !own || Commit();
}

std::optional<int64_t> Store::AppendBatch(const std::vector<NewEvent>& events,
                                          const Provenance& provenance) {
  bool own = sqlite3_get_autocommit(db_) != 0;
  if (own && !BeginWrite()) return std::nullopt;
  Statement add(db_,
                "INSERT INTO batch(recorded_by, recorded_at, correction, event_count) "
                "VALUES (?, ?, ?, ?)");
  add.Bind(1, provenance.by);
  add.Bind(2, provenance.at);
  add.Bind(3, int64_t{provenance.correction ? 1 : 0});
  add.Bind(4, static_cast<int64_t>(events.size()));
  int rc = add.Step();
  int64_t batch = sqlite3_last_insert_rowid(db_);
  Statement put(db_, "INSERT INTO event(batch, date, text) VALUES (?, ?, ?)");
  for (size_t i = 0; rc == SQLITE_DONE && i < events.size(); ++i) {
    put.Bind(1, batch);
    put.Bind(2, events[i].date);
    put.Bind(3, events[i].text);
    rc = put.Step();
    put.Reset();
  }
  if (rc != SQLITE_DONE) {
    Rollback();
    Fail(rc, "appending the batch");
    return std::nullopt;
  }
  if (own && !Commit()) return std::nullopt;
  return batch;
}

bool Store::Verify() {
  Statement check(db_, "PRAGMA integrity_check");
  if (check.prepare_rc() != SQLITE_OK) return Fail(check.prepare_rc(), "checking integrity");
  bool ok = true;
  int rc;
  while ((rc = check.Step()) == SQLITE_ROW) {
    if (check.Text(0) == "ok") continue;
    diags_.Report(Code::E0272, {file_, 0, 0}, path_, check.Text(0));
    ok = false;
  }
  if (rc != SQLITE_DONE) return Fail(rc, "checking integrity");
  Statement partial(db_,
                    "SELECT b.id, b.event_count, COUNT(e.sequence) FROM batch b "
                    "LEFT JOIN event e ON e.batch = b.id GROUP BY b.id "
                    "HAVING COUNT(e.sequence) != b.event_count");
  while ((rc = partial.Step()) == SQLITE_ROW) {
    diags_.Report(Code::E0272, {file_, 0, 0}, path_,
                  fmt::format("batch {} declares {} events but holds {}", partial.Int(0),
                              partial.Int(1), partial.Int(2)));
    ok = false;
  }
  return ok;
}

}  // namespace concord::ledger
