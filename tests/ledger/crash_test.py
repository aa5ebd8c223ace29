#!/usr/bin/env python3
"""Kills `concord record` (SIGKILL) in the middle of 10,000-event batches,
again and again, and checks after every kill that the ledger is intact:
`PRAGMA integrity_check` is ok, every batch `record` acknowledged (exit 0)
is present with all its events, and no batch is present in part. A batch
whose writer was killed after its commit may be there, whole; docs/ledger.md
("Reliability") explains why that is the guarantee.

  crash_test.py --concord build/dev/concord [--rounds 8] [--events 10000]
"""
import argparse
import datetime
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
KITCHEN = os.path.join(HERE, "..", "golden", "ledger", "_inputs", "kitchen.concord")
ENV = dict(os.environ, NO_COLOR="1", USER="crash")
MEMBERS = ["ana", "ben", "chen", "dara"]


def batch_text(day, events):
    date = (datetime.date(2027, 2, 1) + datetime.timedelta(days=day)).isoformat()
    return "".join(f"on {date} contribute {MEMBERS[i % len(MEMBERS)]} 1 EUR to kitchen_fund\n"
                   for i in range(events))


def state(path):
    """integrity_check rows, {batch id: (declared, stored)}."""
    con = sqlite3.connect(path, timeout=60)
    try:
        integrity = [row[0] for row in con.execute("PRAGMA integrity_check")]
        batches = {row[0]: (row[1], row[2]) for row in con.execute(
            "SELECT b.id, b.event_count, COUNT(e.sequence) FROM batch b "
            "LEFT JOIN event e ON e.batch = b.id GROUP BY b.id")}
    finally:
        con.close()
    return integrity, batches


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--concord", required=True)
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--events", type=int, default=10_000)
    opts = parser.parse_args()
    binary = os.path.abspath(opts.concord)
    problems = []
    with tempfile.TemporaryDirectory(prefix="concord-crash-") as tmp:
        shutil.copy(KITCHEN, os.path.join(tmp, "kitchen.concord"))
        db = os.path.join(tmp, "k.db")
        subprocess.run([binary, "ledger", "init", db, os.path.join(tmp, "kitchen.concord")],
                       env=ENV, check=True, capture_output=True)
        subprocess.run([binary, "record", db, "members kitchen: " + ", ".join(MEMBERS)
                        + " { income 5000 EUR }"], env=ENV, check=True, capture_output=True)
        acknowledged = {1: 1}  # batch id -> events (the `members` line)
        # One undisturbed batch measures how long a record takes here.
        path = os.path.join(tmp, "batch0.concord")
        with open(path, "w") as f:
            f.write(batch_text(0, opts.events))
        began = time.monotonic()
        proc = subprocess.run([binary, "record", db, "--file", path], env=ENV,
                              capture_output=True, text=True)
        duration = time.monotonic() - began
        if proc.returncode != 0:
            print(f"FAIL: the undisturbed batch was refused:\n{proc.stderr}")
            return 1
        acknowledged[int(proc.stdout.split("as batch ")[1].split()[0])] = opts.events
        kills = 0
        # Kill at points spread over the whole run, the commit at its end included.
        fractions = [0.2, 0.5, 0.8, 0.9, 0.95, 1.0, 1.1, 1.6]
        for round_ in range(1, opts.rounds + 1):
            path = os.path.join(tmp, f"batch{round_}.concord")
            with open(path, "w") as f:
                f.write(batch_text(round_, opts.events))
            fraction = fractions[(round_ - 1) % len(fractions)]
            writer = subprocess.Popen([binary, "record", db, "--file", path], env=ENV,
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            try:
                writer.wait(timeout=duration * fraction)
            except subprocess.TimeoutExpired:
                writer.send_signal(signal.SIGKILL)
                kills += 1
            out, err = writer.communicate()
            if writer.returncode == 0:
                acknowledged[int(out.split("as batch ")[1].split()[0])] = opts.events
            elif writer.returncode != -signal.SIGKILL:
                problems.append(f"round {round_}: record failed without being killed:\n{err}")
            integrity, batches = state(db)
            if integrity != ["ok"]:
                problems.append(f"round {round_}: integrity_check says {integrity}")
            for batch, events in acknowledged.items():
                if batches.get(batch) != (events, events):
                    problems.append(f"round {round_}: acknowledged batch {batch} is "
                                    f"{batches.get(batch)}, expected ({events}, {events})")
            for batch, (declared, stored) in batches.items():
                if declared != stored:
                    problems.append(f"round {round_}: batch {batch} is partial: "
                                    f"{stored} of {declared} events")
            status = "killed" if writer.returncode == -signal.SIGKILL else f"exit {writer.returncode}"
            print(f"round {round_}: {status} at {fraction:.2f} of {duration:.2f} s; "
                  f"{len(batches)} batches stored, integrity {integrity[0]}")
        if kills == 0:
            problems.append("no writer was killed: the test proved nothing")
        replay = subprocess.run([binary, "ledger", "replay", db], env=ENV, capture_output=True,
                                text=True)
        if replay.returncode != 0:
            problems.append(f"the ledger does not replay after the kills:\n{replay.stderr}")
    for p in problems:
        print("FAIL " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
