#!/usr/bin/env python3
"""`concord revise --git`: a real git repository, built here in a temp dir.

The charter gets eight commits. Its `shared_meals` rule is written in the
first and never touched again; `fund_cap` changes in commit 6; the last
commit amends `quiet_hours` and replaces `big_gifts` by `gift_book`. Then:

  - `revise --git HEAD~1 FILE` reports exactly those changes and a met quota,
    and warns L110 about `shared_meals` (unchanged in 7 revisions, since
    commit 1) but not about the rules changed later;
  - a working-tree edit counts as the newest change of a rule;
  - `--calcified-after` moves the threshold;
  - a renamed file's history is followed;
  - the files the old version imports are read from the same commit;
  - a bad revision, a file that git does not have at a revision, and a file
    outside any repository are E0081/E0080 with exit 2.

  git_history_test.py --concord build/dev/concord
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

BASE = """import std.minimal

charter kitchen "Riverside Kitchen" {
  adopted 2026-11-01
  membership { entry open exit anytime notice 0 days }
  revision { every lunar month quota 25% of rules quorum 50% of members }
  jury {
    size 5
    draw lottery from members excluding parties
    external 1 from allies when serious
    ruling expires after 6 months unless reaffirmed
  }
  stress_game every 3 months designer rotates among members
  reflection every 6 months

  rule shared_meals "Meals are shared" {
    text "Anyone who helps cook eats first."
  }
  rule quiet_hours "Quiet after ten" {
    text "Quiet after QUIET in the evening."
  }
  rule fund_cap "Contributions are capped" {
    on contribution c
    require c.amount <= min(5% * c.member.income, CAP EUR) else "above the cap"
  }
GIFTS
}
"""

GIFTS_OLD = """  rule big_gifts "Large gifts are announced" {
    on contribution c
    when c.amount > 40 EUR then flag "a large gift"
  }"""

GIFTS_NEW = """  rule gift_book "Gifts are written down" {
    replaces big_gifts
    on contribution c
    when c.amount > 30 EUR then flag "write it in the gift book"
  }"""


def charter(quiet="ten", cap=50, gifts=GIFTS_OLD, comment=""):
    text = BASE.replace("QUIET", quiet).replace("CAP", str(cap)).replace("GIFTS", gifts)
    return comment + text


class Repo:
    def __init__(self, root):
        self.root = root
        self.day = 0
        os.makedirs(root, exist_ok=True)
        self.git("init", "-q")

    def git(self, *args):
        env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", HOME=self.root)
        if self.day:
            stamp = f"2026-11-{self.day:02d}T12:00:00Z"
            env.update(GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp)
        out = subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                              "-c", "commit.gpgsign=false", "-C", self.root] + list(args),
                             env=env, capture_output=True, text=True)
        if out.returncode != 0:
            raise RuntimeError(f"git {' '.join(args)} failed: {out.stderr}")
        return out.stdout

    def commit(self, path, text, message):
        self.day += 1
        full = os.path.join(self.root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(text)
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)
        return self.git("rev-parse", "HEAD").strip()


failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print(f"FAIL: {what}")


def run(concord, cwd, *args):
    env = dict(os.environ, NO_COLOR="1")
    return subprocess.run([concord, "revise"] + list(args), cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--concord", required=True)
    concord = os.path.abspath(parser.parse_args().concord)
    if shutil.which("git") is None:
        print("git is not installed")
        return 1
    tmp = tempfile.mkdtemp(prefix="concord-revise-git-")
    try:
        repo = Repo(tmp)
        path = "charters/kitchen.concord"
        first = repo.commit(path, charter(), "adopt the charter")
        # Commits 2-5 touch the file without changing any rule's tokens.
        for k in range(2, 6):
            repo.commit(path, charter(comment=f"// revision note {k}\n"), f"note {k}")
        cap_commit = repo.commit(path, charter(cap=45, comment="// note 5\n"), "lower the cap")
        repo.commit(path, charter(cap=45, comment="// note 7\n"), "note 7")
        repo.commit(path, charter(quiet="eleven", cap=45, gifts=GIFTS_NEW), "first new moon")

        # --- the last revision against the one before -----------------------
        r = run(concord, tmp, "--git", "HEAD~1", path)
        print(r.stdout + r.stderr)
        check(r.returncode == 0, f"exit 0 with only warnings (got {r.returncode})")
        check("amended (1):\n    quiet_hours \"Quiet after ten\"" in r.stdout, "quiet_hours amended")
        check('big_gifts "Large gifts are announced" -> gift_book "Gifts are written down" '
              "(`replaces big_gifts`)" in r.stdout, "big_gifts replaced by gift_book")
        check("unchanged (2): shared_meals, fund_cap" in r.stdout, "two rules unchanged")
        check("quota: 2 of 4 rules changed (quota 25% of rules = 1): met" in r.stdout, "quota met")
        check(f"revise `HEAD~1:{path}` (HEAD~1 = " in r.stdout, "old side named by revision")
        check("history: 8 commits touched" in r.stdout, "8 commits in the history")
        calcified = re.findall(r"warning\[L110\]: rule `(\w+)` has not changed in (\d+) "
                               r"revisions, since commit (\w+) of ([\d-]+)", r.stderr)
        check(calcified == [("shared_meals", "7", first[:7], "2026-11-01")],
              f"only shared_meals is calcified, since the first commit (got {calcified})")
        check(f"{path}:16:8: warning[L110]" in r.stderr, "L110 points at the rule's name")

        # --- JSON: the same facts, structured -------------------------------
        r = run(concord, tmp, "--git", "HEAD~1", "--format", "json", path)
        doc = json.loads(r.stdout)
        unit = doc["charters"][0]
        check(doc["git"]["revision"] == "HEAD~1" and len(doc["git"]["commit"]) == 40, "git in JSON")
        check([p["new"]["name"] for p in unit["amended"]] == ["quiet_hours"], "JSON amended")
        check([(p["old"]["name"], p["new"]["name"], p["by"]) for p in unit["replaced"]]
              == [("big_gifts", "gift_book", "replaces")], "JSON replaced")
        check(unit["quota"]["status"] == "met" and unit["quota"]["required"] == 1, "JSON quota")
        hist = doc["history"]
        check(hist["commits"] == 8 and hist["calcified_after"] == 6, "JSON history")
        check([(c["rule"], c["revisions"], c["since_commit"]) for c in hist["calcified"]]
              == [("shared_meals", 7, first)], "JSON calcified")

        # --- the threshold ----------------------------------------------------
        r = run(concord, tmp, "--git", "HEAD~1", "--calcified-after", "2", path)
        names = re.findall(r"warning\[L110\]: rule `(\w+)`", r.stderr)
        check(names == ["shared_meals", "fund_cap"], f"threshold 2 adds fund_cap (got {names})")
        check(f"since commit {cap_commit[:7]} of 2026-11-06" in r.stderr, "fund_cap since commit 6")
        r = run(concord, tmp, "--git", "HEAD~1", "--calcified-after", "8", path)
        check("L110" not in r.stderr, "threshold 8: nothing is calcified")

        # --- a working-tree edit is the newest change -------------------------
        with open(os.path.join(tmp, path), "w", encoding="utf-8") as f:
            f.write(charter(quiet="eleven", cap=45, gifts=GIFTS_NEW).replace(
                "Anyone who helps cook eats first.", "Whoever cooks eats first."))
        r = run(concord, tmp, "--git", "HEAD", path)
        check("amended (1):\n    shared_meals" in r.stdout, "working-tree amendment reported")
        check("L110" not in r.stderr, "an amended rule is not calcified")
        check(r.returncode == 0, f"HEAD vs working tree meets the quota of 1 (got {r.returncode})")
        r = run(concord, tmp, "--git", "HEAD", "--format", "json", path)
        check(json.loads(r.stdout)["charters"][0]["quota"]["status"] == "met", "JSON: quota met")
        repo.git("checkout", "-q", "--", path)

        # --- a revision that misses its quota ----------------------------------
        r = run(concord, tmp, "--git", "HEAD~2", path)  # HEAD~2 -> working tree = HEAD
        check(r.returncode == 0, "HEAD~2 to HEAD also meets the quota")
        r = run(concord, tmp, "--git", "HEAD", path)
        check(r.returncode == 1 and "error[R001]: revision changed 0 of 4 rules; the quota is 1"
              in r.stderr, f"no change since HEAD misses the quota (exit {r.returncode})")

        # --- renames are followed -----------------------------------------------
        repo.git("mv", path, "charters/riverside.concord")
        repo.day += 1
        repo.git("commit", "-q", "-m", "rename")
        r = run(concord, tmp, "--git", "HEAD~1", "charters/riverside.concord")
        check(r.returncode == 2 and "error[E0081]" in r.stderr,
              "the renamed file is not at HEAD~1 under its new name")
        r = run(concord, tmp, "--git", "HEAD~2", "charters/riverside.concord")
        check("error[E0081]" in r.stderr, "revise reads the file under the name it is given")
        # The history, though, follows the rename: 9 commits, shared_meals 8 old.
        r = run(concord, os.path.join(tmp, "charters"), "--git", "HEAD", "riverside.concord")
        check("history: 9 commits touched" in r.stdout, "history follows the rename")
        check("rule `shared_meals` has not changed in 8 revisions" in r.stderr,
              "calcification counts commits before the rename")

        # --- the old version's imports come from the same commit -----------------
        pact_repo = Repo(os.path.join(tmp, "pact"))
        parties = ("charter {a} {{\n adopted 2026-11-01\n membership {{ entry open exit anytime "
                   "notice 0 days }}\n revision {{ every month quota 1 }}\n jury {{ size 3 draw "
                   "lottery from members excluding parties external 1 from allies when serious "
                   "ruling expires after 6 months unless reaffirmed }}\n}}\n")
        pact = ('import "parties.concord"\ntreaty pact {{\n parties north, {b}\n effective '
                "2026-12-01\n term 6 months renew explicitly by all\n exit any party notice 14 "
                'days\n rule bread "Bread" {{ text "{text}" }}\n}}\n')
        pact_repo.commit("parties.concord", parties.format(a="north") + parties.format(a="south"),
                         "two parties")
        pact_repo.commit("pact.concord", pact.format(b="south", text="Bread on Saturdays."), "pact")
        # The working tree renames `south` in both files: the old pact only
        # compiles against the old parties file.
        with open(os.path.join(pact_repo.root, "parties.concord"), "w", encoding="utf-8") as f:
            f.write(parties.format(a="north") + parties.format(a="southside"))
        with open(os.path.join(pact_repo.root, "pact.concord"), "w", encoding="utf-8") as f:
            f.write(pact.format(b="southside", text="Bread on Sundays."))
        r = run(concord, pact_repo.root, "--git", "HEAD", "pact.concord")
        print(r.stdout + r.stderr)
        check(r.returncode == 0 and "E0201" not in r.stderr,
              f"old imports read at the commit (exit {r.returncode})")
        # The renamed party is a structural change of the treaty, listed
        # before its amended rule.
        check("treaty pact: 1 rule before, 1 after\n  structure (1 change):\n    treaty:\n"
              "      parties: `parties north, south` -> `parties north, southside` (line 3 -> 3)\n"
              "  amended (1):\n    bread" in r.stdout,
              "the treaty's parties changed and its rule is amended")

        # --- errors: exit 2 with a code -----------------------------------------
        r = run(concord, tmp, "--git", "no-such-branch", "charters/riverside.concord")
        check(r.returncode == 2 and "error[E0081]: cannot read `charters/riverside.concord` at "
              "revision `no-such-branch`: no commit of that name" in r.stderr, "bad revision")
        r = run(concord, tmp, "--git", "--format", "charters/riverside.concord")
        check(r.returncode == 2, "an option as revision is refused")
        outside = tempfile.mkdtemp(prefix="concord-revise-nogit-")
        try:
            lone = os.path.join(outside, "lone.concord")
            with open(lone, "w", encoding="utf-8") as f:
                f.write(charter())
            r = run(concord, outside, "--git", "HEAD", "lone.concord")
            check(r.returncode == 2 and "error[E0080]: cannot use git for `lone.concord`"
                  in r.stderr, f"a file outside git is E0080 (got {r.returncode}: {r.stderr})")
        finally:
            shutil.rmtree(outside, ignore_errors=True)
        r = run(concord, tmp, "--calcified-after", "3", "a.concord", "b.concord")
        check(r.returncode == 2, "--calcified-after needs --git")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
