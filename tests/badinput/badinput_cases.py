"""The cases of run_badinput.py: one generator per kind of bad input, and the
table CASES of what `concord` must do with each (exit code, diagnostic code
and where it points, CPU time, output size). run_badinput.py runs them.

Python 3 standard library only.
"""

import dataclasses
import random
import re
from pathlib import Path
from typing import Callable, Optional

# --- what a run is given -----------------------------------------------------

STDIN_NAME = r"(?:-|<stdin>)"  # how a diagnostic may name standard input


@dataclasses.dataclass
class Invocation:
    """What `concord check` is run on: file arguments, relative to the work
    directory, and the bytes for standard input when one of them is `-`."""

    args: list
    stdin: Optional[bytes] = None
    # A regex for how diagnostics name the input (defaults to the first argument).
    shown_as: Optional[str] = None

    def name_pattern(self) -> str:
        return self.shown_as if self.shown_as is not None else re.escape(self.args[0])

    def name_label(self) -> str:
        return "`-` or `<stdin>`" if self.shown_as == STDIN_NAME else self.args[0]


def write(directory: Path, name: str, data: bytes) -> Invocation:
    (directory / name).write_bytes(data)
    return Invocation([name])


# --- input generators, one per kind of bad input ---------------------------

FIFTY_MB = 50 * 1000 * 1000
VALID = b"fn f() -> int = 1\n"


def empty_file(d: Path) -> Invocation:
    return write(d, "empty.concord", b"")


def invalid_utf8_in_comment(d: Path) -> Invocation:
    # The bad bytes follow 14 ASCII bytes on line 3: column 15 whether columns
    # count bytes or characters.
    text = b"// a charter with a bad byte\n" + VALID + b"// bad bytes: \xff\xfe here\n"
    return write(d, "invalid_utf8.concord", text)


def truncated_utf8_at_eof(d: Path) -> Invocation:
    # `\xe2\x82` starts a three-byte character (the euro sign) but the file
    # ends first; it sits on line 2 after 11 ASCII bytes.
    return write(d, "truncated_utf8.concord", VALID + b"// costs 5 \xe2\x82")


def random_binary(d: Path) -> Invocation:
    data = bytearray(random.Random(20261101).randbytes(4096))
    data[100] = 0  # a NUL for certain, whatever the seed produces
    return write(d, "random.concord", bytes(data))


def executable_binary(d: Path) -> Invocation:
    ls = Path("/bin/ls")
    if ls.is_file():
        data = ls.read_bytes()[:4096]
    else:  # an ELF header, which has a NUL at offset 7
        data = b"\x7fELF\x02\x01\x01\x00" + bytes(4088)
    return write(d, "ls.concord", data)


def fifty_mb_file(d: Path) -> Invocation:
    line = b"// a comment line, repeated until the file is far too large to check\n"
    with open(d / "huge.concord", "wb") as f:
        chunk = line * (1 << 14)
        written = 0
        while written < FIFTY_MB:
            f.write(chunk)
            written += len(chunk)
    return Invocation(["huge.concord"])


def fifty_mb_stdin(d: Path) -> Invocation:
    line = b"// a comment line, repeated on standard input\n"
    return Invocation(["-"], stdin=line * (FIFTY_MB // len(line) + 1), shown_as=STDIN_NAME)


def nested_parens(d: Path) -> Invocation:
    depth = 10_000
    text = b"fn f() -> int = " + b"(" * depth + b"1" + b")" * depth + b"\n"
    return write(d, "parens.concord", text)


def unclosed_parens(d: Path) -> Invocation:
    return write(d, "unclosed_parens.concord", b"fn f() -> int = " + b"(" * 10_000 + b"\n")


def nested_braces(d: Path) -> Invocation:
    depth = 10_000
    return write(d, "braces.concord", b"{" * depth + b"}" * depth + b"\n")


def nested_not(d: Path) -> Invocation:
    # Prefix operators nest without brackets: `not not not ... true`.
    return write(d, "nots.concord", b"fn f() -> bool = " + b"not " * 10_000 + b"true\n")


def missing_file(d: Path) -> Invocation:
    return Invocation(["no_such_file.concord"])


def directory(d: Path) -> Invocation:
    (d / "a_directory.concord").mkdir(exist_ok=True)
    return Invocation(["a_directory.concord"])


def stdin_valid(d: Path) -> Invocation:
    return Invocation(["-"], stdin=VALID, shown_as=STDIN_NAME)


def stdin_invalid(d: Path) -> Invocation:
    return Invocation(["-"], stdin=b"fn f( -> int = 1\n", shown_as=STDIN_NAME)


def long_line_of_tokens(d: Path) -> Invocation:
    # One megabyte on one line: identifiers, each a valid token, in no valid order.
    return write(d, "long_line.concord", b"fn f() -> int = 1 " + b"a " * 500_000 + b"\n")


def long_line_sum(d: Path) -> Invocation:
    # One megabyte on one line that parses: a left-deep chain of 250,000 `+`,
    # which a recursive tree walk would follow 250,000 frames deep.
    return write(d, "long_sum.concord", b"fn f() -> int = 1" + b" + 1" * 250_000 + b"\n")


def many_declarations_on_one_line(d: Path) -> Invocation:
    text = b" ".join(b"fn f%d() -> int = %d" % (i, i) for i in range(40_000)) + b"\n"
    return write(d, "many_fns.concord", text)


MANY_ERRORS = 100_000


def many_syntax_errors(d: Path) -> Invocation:
    return write(d, "many_errors.concord", b"@\n" * MANY_ERRORS)


def call_chain(d: Path) -> Invocation:
    # Each function calls the one before: a dependency graph 99,000 deep,
    # which a recursive or quadratic search for cycles would not survive.
    lines = [b"fn f0() -> int = 0"] + [b"fn f%d() -> int = f%d() + 1" % (i, i - 1) for i in range(1, 99_000)]
    return write(d, "chain.concord", b"\n".join(lines) + b"\n")


def too_many_tokens(d: Path) -> Invocation:
    # 8 MB of `+1`: 4.1 million tokens in one expression took 5.7 GB to parse;
    # now the lexer stops one token past the limit of 2,000,000.
    return write(d, "tokens.concord", b"fn f() -> int = 1" + b"+1" * 4_100_000 + b"\n")


def unknown_names(d: Path) -> Invocation:
    # 20,000 calls of unknown functions among 20,000 declared ones: "did you
    # mean" must not compare every unknown name with every known one.
    lines = [b"fn f%d() -> int = gx%d() + 1" % (i, i) for i in range(20_000)]
    return write(d, "unknown.concord", b"\n".join(lines) + b"\n")


def recursive_ring(d: Path) -> Invocation:
    # 100,000 functions in one cycle: one E0215 that shows a few steps, not 100,000.
    n = 100_000
    lines = [b"fn f%d() -> int = f%d() + 1" % (i, (i + 1) % n) for i in range(n)]
    return write(d, "ring.concord", b"\n".join(lines) + b"\n")


def imports_over_program_limit(d: Path) -> Invocation:
    # Nine imported files of 7.5 MB each: every file is under the 8 MiB limit,
    # together they pass the 64 MiB of a program at the ninth import.
    line = b"// padding: a comment line that a generator wrote far too often....\n"
    chunk = line * (7_500_000 // len(line))
    for i in range(9):
        (d / f"part{i}.concord").write_bytes(chunk)
    main = b"".join(b'import "part%d.concord"\n' % i for i in range(9))
    return write(d, "parts.concord", main)


def declarations_over_limit(d: Path) -> Invocation:
    # 100,001 functions over two files: the import that crosses the limit is reported.
    (d / "decls_a.concord").write_bytes(b"".join(b"fn a%d() -> int = %d\n" % (i, i) for i in range(50_000)))
    text = b'import "decls_a.concord"\n' + b"".join(b"fn b%d() -> int = %d\n" % (i, i) for i in range(50_001))
    return write(d, "decls_b.concord", text)


# Two charters that satisfy the minimal concord, for the runtime's cases.
def _valley_bakery(name: bytes, every: bytes) -> bytes:
    return b"""charter %s {
  adopted 2027-01-01
  concord minimal
  membership { entry open exit anytime notice 0 days }
  revision { every %s quota 1 rules quorum 50%% of members }
  jury {
    size 2
    draw lottery from members excluding parties
    external 1 from allies when serious
    ruling expires after 2 months unless reaffirmed
  }
  ledger flour_fund { public report every %s steward rotates every month among members }
  stress_game every 2 months designer rotates among members
  reflection every 3 months
  rule opening_hours "The bakery opens at dawn" { text "Whoever bakes opens the door." }
}
""" % (name, every, every)


def scenario_of_eight_thousand_years(d: Path) -> Invocation:
    text = (b"import std.minimal\n" + _valley_bakery(b"bakery", b"month") +
            b'scenario forever {\n  seed "x"\n  start 2027-01-01\n  members bakery: ana, ben\n'
            b"  run until 9999-12-31\n}\n")
    return write(d, "forever.concord", text)


def treaty_of_zero_term(d: Path) -> Invocation:
    # `term 0 days` made `run` loop for ever while activating the treaty
    # (issue 15): refused as E0221 before anything runs.
    text = (b"import std.minimal\n"
            b"treaty instant {\n  parties bakery\n  effective 2027-01-01\n  term 0 days\n"
            b"  exit any party notice 0 days\n}\n" + _valley_bakery(b"bakery", b"month") +
            b'scenario s {\n  seed "x"\n  start 2027-01-01\n  members bakery: ana, ben\n'
            b"  on 2027-01-05 sign instant by bakery\n  run until 2027-01-10\n}\n")
    return write(d, "instant.concord", text)


def timeline_flood(d: Path) -> Invocation:
    # Four charters with daily cycles and reports for 900 years: about
    # 2.6 million entries, so the run stops at 1,000,000 with R035.
    text = b"import std.minimal\n" + b"".join(_valley_bakery(b"bakery%d" % i, b"1 days") for i in range(4))
    text += b'scenario flood {\n  seed "x"\n  start 2027-01-01\n'
    text += b"".join(b"  members bakery%d: ana%d, ben%d\n" % (i, i, i) for i in range(4))
    text += b"  run until 2926-12-31\n  expect count(members(bakery0)) == 2\n}\n"
    return write(d, "flood.concord", text)


def jury_draw_flood(d: Path) -> Invocation:
    # 20,000 members and 300 disputes on one day: each draw shuffles the whole
    # pool, so the 251st passes the 5,000,000 names a run may shuffle (R036).
    members = b", ".join(b"m%d" % i for i in range(20_000))
    text = b"import std.minimal\n" + _valley_bakery(b"bakery", b"month")
    text += b'scenario juries {\n  seed "x"\n  start 2027-01-01\n  members bakery: ' + members + b"\n"
    text += b"".join(b"  on 2027-02-01 dispute d%d in bakery m%d vs m%d\n" % (i, i, i + 1) for i in range(300))
    text += b"  run until 2027-03-01\n  expect count(members(bakery)) == 20000\n}\n"
    return write(d, "juries.concord", text)


def _too_large_for_the_jit(scenario_lines: bytes) -> bytes:
    # 25,000 functions lower to about 1.6 million LLVM instructions, over the
    # JIT's module limit.
    text = b"import std.minimal\n" + _valley_bakery(b"bakery", b"month")
    text += b"fn f0(x: int) -> int = x\n"
    text += b"".join(b"fn f%d(x: int) -> int = if x > %d then x * %d + f%d(x - 1) else %d\n"
                     % (i, i, i % 97 + 2, i - 1, i) for i in range(1, 25_000))
    text += b'scenario s {\n  seed "x"\n  start 2027-01-01\n  members bakery: ana, ben\n'
    return text + scenario_lines + b"  run until 2027-01-10\n}\n"


def program_too_large_for_the_jit(d: Path) -> Invocation:
    # A warning, then the interpreter.
    return write(d, "jit_too_large.concord", _too_large_for_the_jit(b""))


def program_too_large_for_the_background_jit(d: Path) -> Invocation:
    # 5,000 `expect` lines, enough for `--engine auto` to compile in the
    # background while the interpreter runs the test: the compile is refused,
    # the warning comes at the end, the results stay.
    expects = b"".join(b"  expect f%d(1) == %d\n" % (i, 1 if i == 0 else i) for i in range(5_000))
    return write(d, "jit_too_large_auto.concord", _too_large_for_the_jit(expects))


FN_CHAIN = 20_000


def _fn_chain_program(d: Path) -> None:
    # 20,000 fns, each calling the next, used by a rule, an `expect` and a
    # treaty's contribution: lowering recursed once per fn and overflowed the
    # stack (segfault in run, test and compat). The interpreter stops the
    # evaluation at its depth limit (R025), and compat cannot compare (K010).
    rule = (b'  rule deep {\n    on contribution c\n    when f0(1) > 0 then flag "deep"\n  }\n'
            b"  rule opening_hours")
    accept = b"  treaties { accept contribution at most 5 EUR per month }\n  stress_game"
    bakery = _valley_bakery(b"bakery", b"month").replace(b"  rule opening_hours", rule)
    text = b"import std.minimal\n" + bakery.replace(b"  stress_game", accept)
    text += _valley_bakery(b"mill", b"month")
    text += b"".join(b"fn f%d(x: int) -> int = f%d(x)\n" % (i, i + 1) for i in range(FN_CHAIN - 1))
    text += b"fn f%d(x: int) -> int = x\n" % (FN_CHAIN - 1)
    text += (b'scenario s {\n  seed "x"\n  start 2027-01-01\n  members bakery: ana, ben\n'
             b"  on 2027-01-05 contribute ana 10 EUR to flour_fund\n"
             b"  run until 2027-01-10\n  expect f0(1) == 1\n}\n")
    (d / "fn_chain.concord").write_bytes(text)
    (d / "fn_chain_pact.concord").write_bytes(b"""import std.minimal
treaty pact "A pact between the bakery and the mill" {
  parties bakery, mill
  effective 2027-03-01
  term 6 months renew explicitly by all
  exit any party notice 14 days
  fund flour "Flour" {
    contribution f0(2) * 1% of income cap 10 EUR per month
    steward rotates every month among parties
  }
}
""")


def fn_chain(d: Path) -> Invocation:
    _fn_chain_program(d)
    return Invocation(["fn_chain.concord"])


def fn_chain_compat(d: Path) -> Invocation:
    _fn_chain_program(d)
    return Invocation(["fn_chain_pact.concord", "fn_chain.concord"])


METRIC_CHAIN = 20_000


def _metric_chain(d: Path, name: str, count: int, additions: int) -> Invocation:
    # `metric m0 = m1 + 1`, `metric m1 = m2 + 1`, ...: typing m0 typed m1
    # inside it, and so on down the chain, which overflowed the stack in
    # check (and so in every subcommand); with 100 more additions each,
    # 4,500 metrics sufficed. Now sema types the metrics each after those it
    # reads; a run evaluates the chain up to the depth limit (R025) and no
    # further.
    tail = b" + 1" * additions
    metrics = b"".join(b"  metric m%d = m%d%s\n" % (i, i + 1, tail) for i in range(count - 1))
    metrics += b"  metric m%d = 0\n" % (count - 1)
    bakery = _valley_bakery(b"bakery", b"month").replace(b"  rule opening_hours", metrics + b"  rule opening_hours")
    text = b"import std.minimal\n" + bakery + _valley_bakery(b"mill", b"month")
    text += (b'scenario s {\n  seed "x"\n  start 2027-01-01\n  members bakery: ana, ben\n'
             b"  run until 2027-01-03\n  expect m0 == %d\n}\n" % ((count - 1) * (additions + 1)))
    (d / name).write_bytes(text)
    (d / "metric_chain_pact.concord").write_bytes(b"""import std.minimal
treaty pact "A pact between the bakery and the mill" {
  parties bakery, mill
  effective 2027-03-01
  term 6 months renew explicitly by all
  exit any party notice 14 days
}
""")
    return Invocation([name])


def metric_chain(d: Path) -> Invocation:
    return _metric_chain(d, "metric_chain.concord", METRIC_CHAIN, 0)


def metric_chain_of_sums(d: Path) -> Invocation:
    return _metric_chain(d, "metric_sums.concord", 4_500, 100)


def metric_chain_compat(d: Path) -> Invocation:
    _metric_chain(d, "metric_chain.concord", METRIC_CHAIN, 0)
    return Invocation(["metric_chain_pact.concord", "metric_chain.concord"])


def unterminated_string(d: Path) -> Invocation:
    # The string opens on line 2, column 18, and the file ends inside it.
    return write(d, "string.concord", VALID + b'fn g() -> text = "never closed')


def unterminated_comment(d: Path) -> Invocation:
    return write(d, "comment.concord", VALID + b"/* never closed\nfn g() -> int = 2\n")


# --- the contract ----------------------------------------------------------


@dataclasses.dataclass
class At:
    """The diagnostic line starts with `NAME:LINE:COL:` (COL unchecked if None)."""

    line: int
    col: Optional[int] = None


class InFile:
    """The diagnostic line starts with `NAME:` (with or without line and column)."""


class Names:
    """The diagnostic line mentions NAME somewhere (a path that cannot be opened)."""


# --- event files (`events from "FILE"`, docs/reference.md, Event files) --------

def stream(d: Path, events_name: str, events: bytes) -> Invocation:
    """A scenario that reads `events_name`, holding `events`; the diagnostics
    name the event file."""
    (d / events_name).write_bytes(events)
    text = (b"scenario streamed {\n  start 2027-01-01\n"
            b"  events from \"" + events_name.encode() + b"\"\n  run until 2027-12-31\n}\n")
    (d / "streamed.concord").write_bytes(text)
    return Invocation(["streamed.concord"], shown_as=re.escape(events_name))


def stream_random_bytes(d: Path) -> Invocation:
    return stream(d, "random.events", random.Random(20270120).randbytes(4096) + b"\0")


def stream_missing_file(d: Path) -> Invocation:
    (d / "streamed.concord").write_bytes(
        b"scenario streamed {\n  start 2027-01-01\n  events from \"nowhere.events\"\n"
        b"  run until 2027-12-31\n}\n")
    return Invocation(["streamed.concord"])


def stream_long_line(d: Path) -> Invocation:
    return stream(d, "long.events", b"on 2027-01-02 report " + b"x" * 1_000_000 + b"\n")


def stream_many_bad_lines(d: Path) -> Invocation:
    return stream(d, "bad.events", b"on 2027-01-02 ??? \n" * 100_000)


def stream_malformed_json(d: Path) -> Invocation:
    return stream(d, "bad.jsonl", b'{"date": "2027-01-02", "event": "report", "ledger": \n')


def stream_unknown_member(d: Path) -> Invocation:
    return stream(d, "pay.events", b"on 2027-01-02 contribute nobody 5 EUR to nowhere\n")


# --- files given as a ledger (`concord ledger replay`, docs/ledger.md) ---------

def ledger_random_bytes(d: Path) -> Invocation:
    return write(d, "random.db", random.Random(20270101).randbytes(8192))


def ledger_sqlite_header_only(d: Path) -> Invocation:
    # The 16-byte magic of a SQLite file, then garbage: SQLite's own checks
    # must turn this into a diagnostic, not a crash.
    return write(d, "header.db", b"SQLite format 3\0" + random.Random(7).randbytes(4080))


def ledger_foreign_sqlite(d: Path) -> Invocation:
    import sqlite3
    con = sqlite3.connect(str(d / "foreign.db"))
    con.execute("CREATE TABLE photos(id INTEGER PRIMARY KEY, name TEXT)")
    con.commit()
    con.close()
    return Invocation(["foreign.db"])


@dataclasses.dataclass
class Case:
    name: str
    make: Callable[[Path], Invocation]
    exit: object  # an int, or a set of acceptable ints
    # The diagnostic code that must appear, a regex (`E0003`, `E01\d\d`); None
    # means no error or warning at all.
    code: Optional[str]
    where: object = None  # At, InFile, Names or None
    # Of CPU time (all threads); ten times this of wall time. A hang detector:
    # the slowest default case (a ring of 100,000 recursive functions) takes
    # 6 s of CPU in the dev build and nearly 20 s under ASan on a contended
    # machine, so 60 s is over 5x its slowest correct run.
    seconds: float = 60.0
    # When the file holds this many errors and fewer are shown, a note must say
    # that the rest were suppressed.
    planted_errors: Optional[int] = None
    # The subcommand and its options (the input path follows them).
    command: tuple = ("check",)
    # At most this much output (beyond 64 MiB it is a flood, not diagnostics);
    # less where a limit must show one diagnostic instead of many.
    max_output: int = 64 << 20
    # `code` is a warning, expected on a run that succeeds (exit 0).
    warning: bool = False


ANY_SYNTAX = r"E01\d\d"

CASES = [
    #    name                                  input                    exit    code       where
    Case("empty file",                         empty_file,              0,      None),
    Case("invalid UTF-8 in a comment",         invalid_utf8_in_comment, 1,      "E0003",   At(3, 15)),
    Case("UTF-8 cut short at end of file",     truncated_utf8_at_eof,   1,      "E0003",   At(2, 12)),
    Case("4 KiB of random bytes",              random_binary,           1,      "E0004",   InFile()),
    Case("the first 4 KiB of /bin/ls",         executable_binary,       1,      "E0004",   InFile()),
    Case("a 50 MB file",                       fifty_mb_file,           1,      "E0005",   InFile(), seconds=5),
    Case("50 MB on standard input",            fifty_mb_stdin,          1,      "E0005",   InFile(), seconds=5),
    Case("10,000 nested parentheses",          nested_parens,           1,      "E0109",   At(1)),
    Case("10,000 unclosed parentheses",        unclosed_parens,         1,      "E0109",   At(1)),
    Case("10,000 nested braces at top level",  nested_braces,           1,      ANY_SYNTAX, At(1)),
    Case("10,000 nested `not`",                nested_not,              1,      "E0109",   At(1)),
    Case("a missing file",                     missing_file,            2,      "E0001",   Names()),
    Case("a directory given as a file",        directory,               2,      "E0002",   Names()),
    Case("valid standard input",               stdin_valid,             0,      None),
    Case("random bytes as a ledger",           ledger_random_bytes,     2,      "E0271",   InFile(),
         command=("ledger", "replay")),
    Case("a SQLite header then garbage as a ledger", ledger_sqlite_header_only, 2, r"E027[0-2]", InFile(),
         command=("ledger", "replay")),
    Case("another application's SQLite file as a ledger", ledger_foreign_sqlite, 2, "E0271", InFile(),
         command=("record", "--file", "-")),
    Case("invalid standard input",             stdin_invalid,           1,      ANY_SYNTAX, At(1)),
    Case("a 1 MB line of tokens",              long_line_of_tokens,     1,      ANY_SYNTAX, At(1)),
    Case("a 1 MB line: 250,000 additions",     long_line_sum,           {0, 1}, ANY_SYNTAX, At(1)),
    Case("a 1 MB line of declarations",        many_declarations_on_one_line, 0, None),
    Case("100,000 syntax errors",              many_syntax_errors,      1,      ANY_SYNTAX, InFile(),
         planted_errors=MANY_ERRORS),
    Case("unterminated string at end of file", unterminated_string,     1,      "E0103",   At(2)),
    Case("unterminated block comment at EOF",  unterminated_comment,    1,      "E0104",   At(2, 1)),
    Case("99,000 functions, each calling the last", call_chain,         0,      None),
    Case("8 MB of `+1` (4.1 million tokens)",   too_many_tokens,         1,      "E0114",   At(1, 2_000_010)),
    Case("20,000 unknown names among 20,000",  unknown_names,           1,      "E0201",   At(1, 18)),
    Case("a ring of 100,000 recursive functions", recursive_ring,       1,      "E0215",   At(1, 4),
         max_output=20_000),
    Case("nine 7.5 MB imports (over 64 MiB)",  imports_over_program_limit, 1,   "E0007",   At(9, 1), seconds=60),
    Case("100,001 declarations in two files",  declarations_over_limit, 1,      "E0008",   At(1, 1)),
    Case("a scenario of 8,000 years",          scenario_of_eight_thousand_years, 1, "E0220", At(22, 13)),
    Case("a treaty of term 0 days, run",       treaty_of_zero_term,     1,      "E0221",   At(5, 8),
         command=("run",)),
    Case("a run that floods its timeline",     timeline_flood,          1,      "R035",    InFile(),
         command=("test",), seconds=180, max_output=100_000),
    Case("300 jury draws from 20,000 members", jury_draw_flood,         1,      "R036",    InFile(),
         command=("test",), seconds=180, max_output=100_000),
    Case("a program too large for the JIT",    program_too_large_for_the_jit, 0, "R040",   None,
         command=("run", "--engine", "jit"), seconds=180, warning=True),
    Case("the same, compiled in the background", program_too_large_for_the_background_jit, 0, "R040",
         None, command=("test",), seconds=180, warning=True),
    Case("a chain of 20,000 fns, run",         fn_chain,                1,      "R025",    InFile(),
         command=("run",), seconds=60, max_output=100_000),
    Case("a chain of 20,000 fns, test",        fn_chain,                1,      "R025",    InFile(),
         command=("test",), seconds=60, max_output=100_000),
    Case("a chain of 20,000 fns, compat",      fn_chain_compat,         1,      "K010",    At(8, 5),
         command=("compat",), seconds=60, max_output=100_000),
    # The JIT counts levels as the interpreter does (issue 15, item 2): it
    # ran the chain to the end and exited 0 where the interpreter said R025.
    Case("a chain of 20,000 fns, run by the JIT", fn_chain,             1,      "R025",    InFile(),
         command=("run", "--engine", "jit"), seconds=180, max_output=100_000),
    Case("an event file of random bytes",     stream_random_bytes,     1,      "E0291",   InFile()),
    Case("a missing event file",              stream_missing_file,     1,      "E0290",   At(3, 15)),
    Case("a 1 MB line in an event file",      stream_long_line,        1,      "E0292",   At(1, 1)),
    Case("100,000 bad lines in an event file", stream_many_bad_lines,  1,      ANY_SYNTAX, At(1),
         planted_errors=100_000, max_output=200_000),
    Case("a malformed JSON Lines event",      stream_malformed_json,   1,      "E0294",   At(1)),
    Case("an unknown member in an event file", stream_unknown_member,  1,      "E0201",   At(1, 26)),
    Case("a chain of 20,000 metrics, check",  metric_chain,            0,      None),
    Case("4,500 metrics of 100 additions each", metric_chain_of_sums,   0,      None),
    Case("a chain of 20,000 metrics, lint",   metric_chain,            0,      None,
         command=("lint",)),
    Case("a chain of 20,000 metrics, fmt",    metric_chain,            0,      None,
         command=("fmt",)),
    Case("a chain of 20,000 metrics, compat", metric_chain_compat,     0,      None,
         command=("compat",), seconds=60),
    Case("a chain of 20,000 metrics, run",    metric_chain,            1,      "R025",    InFile(),
         command=("run",), seconds=60),
    Case("a chain of 20,000 metrics, test",   metric_chain,            1,      "R025",    InFile(),
         command=("test",), seconds=60),
    Case("a chain of 20,000 metrics, JIT",    metric_chain,            1,      "R025",    InFile(),
         command=("test", "--engine", "jit"), seconds=180),
]  # fmt: skip
