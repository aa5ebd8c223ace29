#!/usr/bin/env python3
"""The living ledger end to end (docs/ledger.md), with the real `concord`:

  replay   `concord ledger replay` prints exactly what `concord run` prints for
           the program and `concord ledger export`'s scenario;
  roundtrip  export, import into a fresh ledger, export again: the same text,
           provenance included; and the replays agree;
  refusal  a refused batch leaves the ledger byte-for-byte as it was;
  writers  two concurrent writers serialise: with a short busy timeout the
           second gets E0274 and a clear message, with a long one both land;
  adopt    `ledger adopt` stores a new program version only when `revise`
           accepts it (quota met, the day after the last event): a refused
           version leaves the ledger byte-for-byte as it was; an adopted one is
           stored with its day; then `record` judges each event by the
           version in force on its date (a refused batch changes nothing),
           `replay` and `status` play across the versions, and `export`
           refuses (E0284: a scenario cannot say when a version comes in);
  adopt_charter  a version that adds a charter: before its day the charter is
           unknown (E0201, nothing stored), a `members` line cannot name it
           (starting members are version 1's); after it a join and a payment
           into its fund are recorded, and `replay` and `status` show it
           taking part;
  damaged  a foreign SQLite file, a newer schema, a damaged file, a truncated
           file and a directory each get their diagnostic (E0270-E0273), never
           a crash.

  ledger_test.py --concord build/dev/concord [CHECK...]
"""
import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
KITCHEN = os.path.join(HERE, "..", "golden", "ledger", "_inputs", "kitchen.concord")
ENV = dict(os.environ, NO_COLOR="1", SOURCE_DATE_EPOCH="1798761600", USER="tester")

MONTH = """members kitchen: ana, ben, chen { income 1200 EUR }
on 2027-01-10 join dara to kitchen { income 900 EUR }
on 2027-01-20 contribute ana 30 EUR to kitchen_fund
on 2027-01-31 report kitchen_fund
"""


class Failure(Exception):
    pass


def concord(binary, *args, stdin=None, cwd=None, check=None):
    proc = subprocess.run([binary] + list(args), cwd=cwd, env=ENV, input=stdin,
                          capture_output=True, text=True, timeout=600)
    if check is not None and proc.returncode != check:
        raise Failure(f"`concord {' '.join(args)}` exited {proc.returncode}, expected {check}\n"
                      f"stdout:\n{proc.stdout}\nstderr:\n{proc.stderr}")
    return proc


def expect(condition, message):
    if not condition:
        raise Failure(message)


def new_ledger(binary, tmp, name="k.db"):
    shutil.copy(KITCHEN, os.path.join(tmp, "kitchen.concord"))
    concord(binary, "ledger", "init", name, "kitchen.concord", cwd=tmp, check=0)
    return name


def check_replay(binary, tmp):
    db = new_ledger(binary, tmp)
    concord(binary, "record", db, "-", stdin=MONTH, cwd=tmp, check=0)
    concord(binary, "record", db, "on 2027-02-20 contribute dara 20 EUR to kitchen_fund",
            cwd=tmp, check=0)
    exported = concord(binary, "ledger", "export", db, cwd=tmp, check=0).stdout
    with open(os.path.join(tmp, "k.history.concord"), "w") as f:
        f.write(exported)
    for fmt in ("text", "json"):
        replay = concord(binary, "ledger", "replay", db, "--format", fmt, cwd=tmp, check=0)
        run = concord(binary, "run", "kitchen.concord", "k.history.concord", "--format", fmt,
                      cwd=tmp)
        expect(run.returncode == 0, f"run of the export failed:\n{run.stderr}")
        expect(replay.stdout == run.stdout,
               f"replay ({fmt}) differs from run of the export:\n--- replay\n{replay.stdout}"
               f"--- run\n{run.stdout}")
    expect("contribute" in exported and "// batch 2 by tester" in exported,
           f"the export lacks the events or their provenance:\n{exported}")


def check_roundtrip(binary, tmp):
    db = new_ledger(binary, tmp)
    concord(binary, "record", db, "--by", "ana", "-", stdin=MONTH, cwd=tmp, check=0)
    concord(binary, "record", db, "--by", "ben",
            "on 2027-02-20 contribute dara 20 EUR to kitchen_fund", cwd=tmp, check=0)
    concord(binary, "record", db, "--by", "chen", "--correction",
            "on 2027-02-02 contribute ben 5 EUR to kitchen_fund", cwd=tmp, check=0)
    first = concord(binary, "ledger", "export", db, cwd=tmp, check=0).stdout
    with open(os.path.join(tmp, "history.concord"), "w") as f:
        f.write(first)
    copy = new_ledger(binary, tmp, "copy.db")
    # The copy must have the same seed: init names it after the file, so set it.
    os.remove(os.path.join(tmp, copy))
    concord(binary, "ledger", "init", copy, "kitchen.concord", "--seed", "k", cwd=tmp, check=0)
    concord(binary, "ledger", "import", "history.concord", copy, cwd=tmp, check=0)
    second = concord(binary, "ledger", "export", copy, cwd=tmp, check=0).stdout
    expect(first == second, f"import∘export is not the identity:\n--- first\n{first}"
                            f"--- second\n{second}")
    a = concord(binary, "ledger", "replay", db, cwd=tmp, check=0).stdout
    b = concord(binary, "ledger", "replay", copy, cwd=tmp, check=0).stdout
    expect(a == b, "the imported ledger replays differently")


def check_refusal(binary, tmp):
    db = new_ledger(binary, tmp)
    concord(binary, "record", db, "-", stdin=MONTH, cwd=tmp, check=0)
    before = concord(binary, "ledger", "export", db, cwd=tmp, check=0).stdout
    refused = concord(binary, "record", db, "-", cwd=tmp, check=1,
                      stdin="on 2027-02-01 contribute ben 10 EUR to kitchen_fund\n"
                            "on 2027-02-02 contribute chen 90 EUR to kitchen_fund\n")
    expect("-:2:1: error[R010]" in refused.stderr, f"no located R010:\n{refused.stderr}")
    after = concord(binary, "ledger", "export", db, cwd=tmp, check=0).stdout
    expect(before == after, "a refused batch changed the ledger")


def check_writers(binary, tmp):
    db = new_ledger(binary, tmp)
    concord(binary, "record", db, "-", stdin=MONTH, cwd=tmp, check=0)
    path = os.path.join(tmp, db)
    # A writer holds the ledger, as a long `record` does while it validates.
    holder = sqlite3.connect(path, timeout=0)
    holder.execute("BEGIN IMMEDIATE")
    waiting = concord(binary, "record", db, "--busy-timeout", "200",
                      "on 2027-02-01 contribute ben 10 EUR to kitchen_fund", cwd=tmp, check=2)
    expect("error[E0274]" in waiting.stderr and "gave up after 200 ms" in waiting.stderr,
           f"no clear busy message:\n{waiting.stderr}")
    # With a long timeout the second writer waits its turn and lands.
    result = {}

    def second():
        result["proc"] = concord(binary, "record", db, "--busy-timeout", "60000",
                                 "on 2027-02-01 contribute ben 10 EUR to kitchen_fund", cwd=tmp)

    thread = threading.Thread(target=second)
    thread.start()
    thread.join(1.0)
    expect(thread.is_alive(), "the second writer did not wait for the first")
    holder.rollback()
    holder.close()
    thread.join(120)
    expect(result["proc"].returncode == 0, f"the waiting writer failed:\n{result['proc'].stderr}")
    exported = concord(binary, "ledger", "export", db, cwd=tmp, check=0).stdout
    expect("contribute ben 10 EUR" in exported, "the waiting writer's batch is missing")


def check_damaged(binary, tmp):
    cases = []
    foreign = os.path.join(tmp, "foreign.db")
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE t(x)")
    con.commit()
    con.close()
    cases.append((foreign, "E0271", "another application"))
    newer = os.path.join(tmp, new_ledger(binary, tmp, "newer.db"))
    con = sqlite3.connect(newer)
    con.execute("PRAGMA user_version=99")
    con.commit()
    con.close()
    cases.append((newer, "E0273", "schema version 99"))
    tampered = os.path.join(tmp, new_ledger(binary, tmp, "tampered.db"))
    con = sqlite3.connect(tampered)
    con.execute("UPDATE source SET text = text || ' '")
    con.commit()
    con.close()
    cases.append((tampered, "E0272", "does not match its SHA-256"))
    # Tables that are not the ones the schema version says (found by
    # fuzz_ledger): damaged, not "cannot write" (E0278) as it once said.
    renamed = os.path.join(tmp, new_ledger(binary, tmp, "renamed.db"))
    con = sqlite3.connect(renamed)
    con.execute("ALTER TABLE source RENAME COLUMN sha256 TO digest")
    con.commit()
    con.close()
    cases.append((renamed, "E0272", "no such column: sha256"))
    truncated = os.path.join(tmp, "truncated.db")
    with open(os.path.join(tmp, new_ledger(binary, tmp, "whole.db")), "rb") as f:
        data = f.read()
    with open(truncated, "wb") as f:
        f.write(data[:100])
    cases.append((truncated, None, None))
    garbage = os.path.join(tmp, "garbage.db")
    with open(garbage, "wb") as f:
        f.write(b"SQLite format 3\0" + bytes(range(256)) * 64)
    cases.append((garbage, None, None))
    cases.append((tmp, "E0270", "directory"))
    cases.append((os.path.join(tmp, "missing.db"), "E0270", "no such file"))
    for path, code, words in cases:
        for args in (["ledger", "replay", path], ["ledger", "export", path],
                     ["record", path, "on 2027-02-01 join zed to kitchen"]):
            proc = concord(binary, *args, cwd=tmp)
            expect(proc.returncode in (1, 2), f"`{' '.join(args)}` exited {proc.returncode}:"
                                              f"\n{proc.stderr}")
            expect("error[E02" in proc.stderr, f"`{' '.join(args)}` gave no ledger diagnostic:"
                                               f"\n{proc.stderr}")
            if code:
                expect(f"error[{code}]" in proc.stderr and words in proc.stderr,
                       f"`{' '.join(args)}`: expected {code} ({words}):\n{proc.stderr}")


def check_off_disk(binary, tmp):
    """The stored program is what plays, imports included, even once the
    files it came from are gone (pipeline overlays stand for them)."""
    os.mkdir(os.path.join(tmp, "charters"))
    shutil.copy(KITCHEN, os.path.join(tmp, "charters", "kitchen.concord"))
    with open(os.path.join(tmp, "charters", "main.concord"), "w") as f:
        f.write('import "kitchen.concord"\n\nfn double(x: money) -> money = x * 2\n')
    concord(binary, "ledger", "init", "k.db", "charters/main.concord", cwd=tmp, check=0)
    shutil.rmtree(os.path.join(tmp, "charters"))
    concord(binary, "record", "k.db", "-", stdin=MONTH, cwd=tmp, check=0)
    replay = concord(binary, "ledger", "replay", "k.db", cwd=tmp, check=0).stdout
    expect("ana contributes 30 EUR" in replay, f"the replay lacks the events:\n{replay}")


# The kitchen's next version: `fund_cap` amended (the quota is 1 rule), a rule added.
KITCHEN_V2_CHANGES = [
    ('require c.amount <= 50 EUR else "contribution above the kitchen\'s cap of 50 EUR"',
     'require c.amount <= 80 EUR else "contribution above the kitchen\'s cap of 80 EUR"'),
    ('  metric fund_received',
     '  rule tidy_up "Tidy up" {\n    text "Whoever cooks last tidies up."\n  }\n\n'
     '  metric fund_received'),
]


def write_version(tmp, name, changes):
    with open(KITCHEN) as f:
        text = f.read()
    for old, new in changes:
        expect(old in text, f"the kitchen no longer has {old!r}")
        text = text.replace(old, new)
    with open(os.path.join(tmp, name), "w") as f:
        f.write(text)


def versions(tmp, db):
    with sqlite3.connect(os.path.join(tmp, db)) as conn:
        return conn.execute(
            "SELECT version, adopted_on FROM program_version ORDER BY version").fetchall()


def check_adopt(binary, tmp):
    db = new_ledger(binary, tmp)
    concord(binary, "record", db, "-", stdin=MONTH, cwd=tmp, check=0)
    write_version(tmp, "kitchen_v2.concord", KITCHEN_V2_CHANGES)
    # Only a rule added: the quota (1 rule of the version in force) is missed.
    write_version(tmp, "kitchen_short.concord", KITCHEN_V2_CHANGES[1:])
    with open(os.path.join(tmp, db), "rb") as f:
        before = f.read()
    refusals = [
        (("kitchen_short.concord", "--on", "2027-03-01"), "error[R001]"),
        (("kitchen_v2.concord", "--on", "2027-01-31"), "error[E0282]"),
        (("kitchen.concord", "--on", "2027-03-01"), "error[E0283]"),
    ]
    for args, code in refusals:
        refused = concord(binary, "ledger", "adopt", db, *args, cwd=tmp, check=1)
        expect(code in refused.stderr and "nothing was adopted" in refused.stderr,
               f"`adopt {' '.join(args)}` did not report {code}:\n{refused.stderr}")
        with open(os.path.join(tmp, db), "rb") as f:
            expect(f.read() == before, f"a refused adoption ({code}) changed the ledger")
    adopted = concord(binary, "ledger", "adopt", db, "kitchen_v2.concord", "--on", "2027-03-01",
                      "--by", "ana", cwd=tmp, check=0)
    expect("adopted program version 2 of `k.db` (1 file), in force from 2027-03-01: charter "
           "`kitchen` (rules: 1 amended, 1 added)" in adopted.stdout,
           f"adopt did not say what it adopted:\n{adopted.stdout}")
    expect(versions(tmp, db) == [(1, "2027-01-01"), (2, "2027-03-01")],
           f"the versions stored are {versions(tmp, db)}")
    # The next version is held to version 2's quota and must come after 2027-03-01.
    again = concord(binary, "ledger", "adopt", db, "kitchen.concord", "--on", "2027-03-01",
                    cwd=tmp, check=1)
    expect("error[E0282]" in again.stderr, f"a second adoption on the same day:\n{again.stderr}")
    exported = concord(binary, "ledger", "export", db, cwd=tmp, check=2)
    expect("error[E0284]" in exported.stderr,
           f"`ledger export` of two versions did not refuse with E0284:\n{exported.stderr}")

    # 70 EUR is above version 1's cap (50 EUR) and within version 2's (80 EUR):
    # dated before 2027-03-01 it is refused, and the ledger is unchanged.
    with open(os.path.join(tmp, db), "rb") as f:
        before = f.read()
    early = concord(binary, "record", db, "on 2027-02-20 contribute ana 70 EUR to kitchen_fund",
                    cwd=tmp, check=1)
    expect("error[R010]" in early.stderr and "cap of 50 EUR" in early.stderr
           and "<command line>:1:1" in early.stderr,
           f"a payment under version 1 was not judged by version 1's cap:\n{early.stderr}")
    with open(os.path.join(tmp, db), "rb") as f:
        expect(f.read() == before, "a refused batch after an adoption changed the ledger")
    concord(binary, "record", db, "on 2027-03-02 contribute ana 70 EUR to kitchen_fund",
            cwd=tmp, check=0)
    late = concord(binary, "record", db, "on 2027-03-03 contribute ben 90 EUR to kitchen_fund",
                   cwd=tmp, check=1)
    expect("error[R010]" in late.stderr and "cap of 80 EUR" in late.stderr,
           f"a payment under version 2 was not judged by version 2's cap:\n{late.stderr}")
    replay = concord(binary, "ledger", "replay", db, cwd=tmp, check=0).stdout
    expect("program version 2 is adopted: it is in force from 2027-03-01" in replay
           and "ana contributes 70 EUR to kitchen_fund" in replay,
           f"the replay does not play across the versions:\n{replay}")
    status = concord(binary, "status", db, "--on", "2027-03-05", "--format", "json", cwd=tmp)
    expect(status.returncode in (0, 1) and '"events": 5' in status.stdout,
           f"status across the versions:\n{status.stdout}{status.stderr}")


GARDEN = """
charter garden "A community garden" {
  adopted 2027-01-01

  membership {
    entry open
    exit anytime notice 0 days
    dues 10 EUR per month to seeds
  }

  revision {
    every 6 months
    quota 1 rules
    quorum 50% of members
  }

  jury {
    size 1
    draw lottery from members excluding parties
    ruling expires after 6 months
  }

  ledger seeds "Seed fund" {
    public
    report every month
    steward rotates every month among members
  }

  rule water "Water in the morning" {
    text "Whoever waters does it before nine."
  }
}
"""


def check_adopt_charter(binary, tmp):
    db = new_ledger(binary, tmp)
    concord(binary, "record", db, "-", stdin=MONTH, cwd=tmp, check=0)
    write_version(tmp, "kitchen_v2.concord", KITCHEN_V2_CHANGES)
    with open(os.path.join(tmp, "kitchen_v2.concord"), "a") as f:
        f.write(GARDEN)
    adopted = concord(binary, "ledger", "adopt", db, "kitchen_v2.concord", "--on", "2027-03-01",
                      cwd=tmp, check=0)
    expect("new charter `garden`" in adopted.stdout, f"adopt did not name the garden:\n{adopted.stdout}")
    with open(os.path.join(tmp, db), "rb") as f:
        before = f.read()
    for early in ("on 2027-02-20 join eve to garden", "members garden: eve"):
        refused = concord(binary, "record", db, "--correction", early, cwd=tmp, check=1)
        expect("error[E0201]" in refused.stderr and "unknown charter `garden`" in refused.stderr,
               f"`{early}` was not refused as naming an unknown charter:\n{refused.stderr}")
        with open(os.path.join(tmp, db), "rb") as f:
            expect(f.read() == before, f"the refused `{early}` changed the ledger")
    concord(binary, "record", db, "-", cwd=tmp, check=0,
            stdin="on 2027-03-05 join eve to garden\non 2027-03-06 contribute eve 10 EUR to seeds\n")
    replay = concord(binary, "ledger", "replay", db, cwd=tmp, check=0).stdout
    for line in ("note: charter garden is new: it takes part from today",
                 "2027-03-05  event    eve joins garden; 1 member now",
                 "2027-03-06  steward  steward of seeds is eve until 2027-03-31",
                 "eve contributes 10 EUR to seeds (balance 10 EUR)"):
        expect(line in replay, f"the replay does not show {line!r}:\n{replay}")
    status = concord(binary, "status", db, "--on", "2027-04-10", cwd=tmp, check=1).stdout
    for line in ("no report of ledger `seeds` was published from 2027-03-02 to 2027-04-01",
                 "garden.seeds balance                     10 EUR",
                 "since then: steward of seeds is eve until 2027-04-30"):
        expect(line in status, f"status does not show {line!r}:\n{status}")


CHECKS = {"off_disk": check_off_disk, "replay": check_replay, "roundtrip": check_roundtrip, "refusal": check_refusal,
          "writers": check_writers, "damaged": check_damaged, "adopt": check_adopt,
          "adopt_charter": check_adopt_charter}


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--concord", required=True)
    parser.add_argument("checks", nargs="*", default=list(CHECKS))
    opts = parser.parse_args()
    binary = os.path.abspath(opts.concord)
    failed = 0
    for name in opts.checks:
        with tempfile.TemporaryDirectory(prefix="concord-ledger-") as tmp:
            try:
                CHECKS[name](binary, tmp)
                print(f"ok   {name}")
            except Failure as e:
                failed += 1
                print(f"FAIL {name}: {e}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
