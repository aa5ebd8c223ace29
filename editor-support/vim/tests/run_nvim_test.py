#!/usr/bin/env python3
"""Loads every example and stdlib file, and sample.concord, in headless Neovim
with editor-support/vim on the runtimepath, and fails on any error message, a
wrong filetype or b:current_syntax, or a position with the wrong syntax group
(the expectations are in positions.vim). It also writes every keyword of the
lexer (grammar/Concord.g4) into lexer_keywords.concord, one per line, and each
must be highlighted: a keyword added to the language but not to the syntax
file fails.

usage: run_nvim_test.py [--nvim PATH] [FILES...]   (default: examples/, stdlib/, sample)
"""
import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
VIM_DIR = os.path.dirname(HERE)
ROOT = os.path.dirname(os.path.dirname(VIM_DIR))


def lexer_keywords():
    with open(os.path.join(ROOT, "grammar", "Concord.g4"), encoding="utf-8") as f:
        g4 = f.read()
    words = set()
    for rule in re.finditer(r"^[A-Z_]+\s*:\s*((?:'[a-z_]+'\s*\|?\s*)+);", g4, re.M):
        words.update(re.findall(r"'([a-z_]+)'", rule.group(1)))
    if len(words) < 100:
        sys.exit(f"found only {len(words)} keywords in grammar/Concord.g4: has its layout changed?")
    return sorted(words)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--nvim", default="nvim")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    files = args.files or (sorted(glob.glob(os.path.join(ROOT, "examples", "*.concord")))
                           + sorted(glob.glob(os.path.join(ROOT, "stdlib", "*.concord")))
                           + [os.path.join(HERE, "sample.concord")])
    with tempfile.TemporaryDirectory() as scratch:
        result = os.path.join(scratch, "result.txt")
        keywords_file = os.path.join(scratch, "lexer_keywords.concord")
        with open(keywords_file, "w", encoding="utf-8") as f:
            f.write("".join(word + " }\n" for word in lexer_keywords()))
        files = files + [keywords_file]
        command = [
            # -n: no swap files, so runs at the same time cannot disturb each other.
            args.nvim, "--headless", "--clean", "-n", "-i", "NONE",
            "--cmd", "set runtimepath^=" + VIM_DIR.replace(",", r"\,"),
            "--cmd", "let g:concord_result_file = '" + result.replace("'", "''") + "'",
            "--cmd", "source " + os.path.join(HERE, "positions.vim"),
            "-S", os.path.join(HERE, "check.vim"),
            "--", *files,
        ]
        try:
            run = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True,
                                 text=True, timeout=120, cwd=scratch)
        except subprocess.TimeoutExpired:
            print("nvim did not finish within 120 s", file=sys.stderr)
            return 1
        report = open(result).read() if os.path.exists(result) else ""
        sys.stdout.write(report)
        if run.returncode != 0 or not report.startswith("checked "):
            print(f"nvim exited with {run.returncode}", file=sys.stderr)
            sys.stderr.write(run.stdout[-2000:] + run.stderr[-2000:])
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
