#!/usr/bin/env python3
"""Writes the federation benchmark's section of docs/performance.md.

    bench/federation/report.py OUT_DIR DOC [--runs N] [--scales "0.01 0.1 1"] [--concord BIN]

Reads what bench/federation.sh left in OUT_DIR (per scale: the generator's
counts, rule_bench's and LuaJIT's `result` lines, GNU time's peak memory,
the end-to-end runs) and replaces the text between `<!-- federation:begin -->`
and `<!-- federation:end -->` in DOC with the tables, the ratios, the
scaling and whether the targets are met. The analysis beneath the figures is
bench/federation/analysis.md, kept by hand.
"""

import argparse
import datetime
import os
import re
import statistics
import subprocess
import sys

BEGIN, END = "<!-- federation:begin -->", "<!-- federation:end -->"
ENGINES = [("hand", "hand-written C++ (scan)"), ("hand-index", "hand-written C++ (per-member totals)"),
           ("jit", "JIT"), ("luajit", "LuaJIT"), ("interp", "interpreter")]


def pairs(line):
    return dict(re.findall(r"(\w+)=(\S+)", line))


def read(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except FileNotFoundError:
        return ""


def peak_kib(path):
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", read(path))
    return int(m.group(1)) if m else None


def machine():
    cpu = "unknown CPU"
    for line in read("/proc/cpuinfo").splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    cores = os.cpu_count() or 0
    mem = re.search(r"MemTotal:\s+(\d+)", read("/proc/meminfo"))
    gib = f"{int(mem.group(1)) / 1048576:.1f} GiB" if mem else "unknown"
    return f"{cpu}, {cores} cores, {gib} memory"


def fmt_rate(x):
    x = float(x)
    if x >= 1e6:
        return f"{x / 1e6:.2f} M"
    if x >= 1e3:
        return f"{x / 1e3:.1f} k"
    return f"{x:.0f}"


def fmt_s(x):
    x = float(x)
    return f"{x:.3f} s" if x >= 0.01 else f"{x * 1000:.2f} ms"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out_dir")
    ap.add_argument("doc")
    ap.add_argument("--runs", default="5")
    ap.add_argument("--scales", default="0.01 0.1 1")
    ap.add_argument("--concord", default="build/bench-release/concord")
    args = ap.parse_args()

    scales = args.scales.split()
    data = {}
    for scale in scales:
        d = os.path.join(args.out_dir, f"s{scale}")
        meta = dict(line.split(" ", 1) for line in read(os.path.join(d, "meta.txt")).splitlines() if " " in line)
        results = {}
        for name in ("rule_bench.out", "luajit.out"):
            for line in read(os.path.join(d, name)).splitlines():
                if line.startswith("result "):
                    r = pairs(line)
                    results[r["engine"]] = r
        jit_line = next((pairs(l) for l in read(os.path.join(d, "rule_bench.out")).splitlines()
                         if l.startswith("jit compile_ms=")), None)
        workload = next((pairs(l) for l in read(os.path.join(d, "rule_bench.out")).splitlines()
                         if l.startswith("workload ")), {})
        agree = any(l.startswith("agree ") for l in read(os.path.join(d, "rule_bench.out")).splitlines())
        e2e = [pairs(l) | {"raw": l} for l in read(os.path.join(d, "e2e.txt")).splitlines()]
        data[scale] = dict(meta=meta, results=results, jit=jit_line, workload=workload, agree=agree,
                           e2e=e2e, bench_peak=peak_kib(os.path.join(d, "rule_bench.time")),
                           lua_peak=peak_kib(os.path.join(d, "luajit.time")))

    try:
        version = subprocess.run([args.concord, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    except (OSError, IndexError):
        version = "concord"
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    except OSError:
        commit = "uncommitted"
    today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")

    out = [BEGIN, "## Federation benchmark: rule evaluation and 10-year runs", ""]
    out += [
        "```sh",
        "bench/federation.sh            # scales 0.01, 0.1 and 1, 5 runs each",
        "bench/federation.sh 3 \"0.01 0.1\"  # 3 runs, the two smaller scales only",
        "```",
        "",
        "`bench/federation.sh` builds `concord` and the `rule_bench` target (not part of `all`) in",
        "`build/bench-release` (release preset), generates the workload with `bench/federation/gen.py`",
        "(deterministic; scale 1 is 1,000 polities, 100,000 members, 2,000 treaties and 10 simulated",
        "years), checks that it is clean, and measures, pinned to one core: `rule_bench` (the",
        "interpreter, the JIT and the hand-written C++ rules of `bench/federation/handwritten.cpp` in",
        "one process, over the same prebuilt event records, their verdicts compared), the same rules",
        "in LuaJIT (`bench/federation/rules.lua`, timed with `os.clock`), and `concord run --engine",
        "interp|jit --stats` end to end. Raw outputs stay in `build/bench-federation/`; this section is",
        "written by `bench/federation/report.py`, and the analysis under the figures is",
        "`bench/federation/analysis.md`.",
        "",
    ]
    out.append(f"Measured by `bench/federation.sh {args.runs}` on {today} ({version}, commit {commit}, "
               "plus the working tree of that day).")
    out.append("")
    out.append("| | |")
    out.append("| --- | --- |")
    out.append(f"| machine | {machine()} |")
    out.append(f"| command | `bench/federation.sh {args.runs}`: `taskset -c 0 build/bench-release/rule_bench "
               f"build/bench-federation/sSCALE --runs {args.runs}`, `luajit bench/federation/rules.lua DIR {args.runs}`, "
               "`concord run --engine interp|jit --stats` |")
    for scale in scales:
        m = data[scale]["meta"]
        if m:
            out.append(f"| workload, scale {scale} | `gen.py --scale {scale} --seed 2026`: {m.get('polities')} polities, "
                       f"{m.get('members')} members, {m.get('treaties')} treaties, {m.get('years')} years; "
                       f"{m.get('scenario_events')} scenario events, {m.get('rule_events')} of them seen by rules "
                       f"({m.get('contributions')} contributions, {m.get('joins')} joins) |")
    out.append(f"| runs | {args.runs} per engine and scale, median CPU time of the process (the machine is shared; "
               "CPU time leaves out time other processes held the core); the JIT's compile time is not in its run time |")
    out.append("")

    out.append("### Rule evaluation, side by side (one process, same events)")
    out.append("")
    out.append("| scale | engine | median time | events/s | rule evaluations/s | of which host queries | compile | peak memory |")
    out.append("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for scale in scales:
        res = data[scale]["results"]
        for key, label in ENGINES:
            r = res.get(key)
            if not r:
                out.append(f"| {scale} | {label} | not measured | | | | | |")
                continue
            compile_ms = "—"
            jit_line = data[scale]["jit"]
            if key == "jit" and jit_line:
                compile_ms = (f"{float(jit_line['cpu_ms']) / 1000:.2f} s CPU ({jit_line['functions']} fns, "
                              f"{jit_line['roots']} roots, {jit_line['llvm_instructions']} LLVM instructions)")
            host = fmt_s(r['host_s']) if float(r.get("host_s", 0)) > 0 else "—"
            if key == "luajit":
                peak = data[scale]["lua_peak"]
            else:
                peak = int(r["peak_kib"]) if "peak_kib" in r else None
            peak_text = f"{peak / 1024:.0f} MiB" if peak else "?"
            out.append(f"| {scale} | {label} | {fmt_s(r['median_s'])} | {fmt_rate(r['events_per_s'])} | "
                       f"{fmt_rate(r['rule_evals_per_s'])} | {host} | {compile_ms} | {peak_text} |")
    out.append("")
    out.append("Rule evaluations are (rule, event) pairs whose trigger matched (the `where` filter included). "
               "Peak memory of the C++ engines is the rule_bench process's maximum resident set size after "
               "that engine ran (they share one process: the compiled program and the prebuilt event "
               "records are counted in all of them); LuaJIT's is its own process (GNU time). The hand-written "
               "scan follows the rule as written (it walks the ledger for every lifetime check, as "
               "`sum(x.amount for x in contributions(kitty) where x.member == c.member)` reads); the "
               "per-member totals are what a programmer would write, and what Concord's engines now do "
               "through the ledger's index (runtime/interp/keyed_filter.h).")
    out.append("")

    out.append("### Verdicts (every engine must agree)")
    out.append("")
    out.append("| scale | rule evaluations | failed requires | flags | lifetime checks | booked | engines agree |")
    out.append("| --- | --- | --- | --- | --- | --- | --- |")
    for scale in scales:
        res = data[scale]["results"]
        ref = res.get("hand") or next(iter(res.values()), None)
        if not ref:
            continue
        keys = ("rule_evaluations", "failed", "flags", "lifetime_checked", "booked_cents")
        same = all(all(r.get(k) == ref.get(k) for k in keys) for r in res.values())
        engines = ", ".join(label for key, label in ENGINES if key in res)
        verdict = f"yes ({engines})" if same and data[scale]["agree"] else "**NO**: see build/bench-federation"
        out.append(f"| {scale} | {ref['rule_evaluations']} | {ref['failed']} | {ref['flags']} | "
                   f"{ref['lifetime_checked']} | {int(ref['booked_cents']) / 100:,.2f} EUR | {verdict} |")
    out.append("")

    out.append("### Ratios (median times)")
    out.append("")
    out.append("| scale | JIT / hand-written (scan) | JIT / hand-written (per-member totals) | interpreter / JIT | LuaJIT / JIT | interpreter / hand-written (scan) | JIT / hand-written (scan), host queries excluded | interpreter / JIT, host queries excluded |")
    out.append("| --- | --- | --- | --- | --- | --- | --- | --- |")

    def t(scale, key):
        r = data[scale]["results"].get(key)
        return float(r["median_s"]) if r else None

    def h(scale, key):
        r = data[scale]["results"].get(key)
        return float(r.get("host_s", 0)) if r else None

    def ratio(a, b):
        if not a or not b:
            return "—"
        return f"{a / b:.2g}×" if a / b < 10 else f"{a / b:.0f}×"
        

    for scale in scales:
        jit, hand, interp, lua = t(scale, "jit"), t(scale, "hand"), t(scale, "interp"), t(scale, "luajit")
        indexed = t(scale, "hand-index")
        jit_eval = jit - h(scale, "jit") if jit else None
        interp_eval = interp - h(scale, "interp") if interp else None
        out.append(f"| {scale} | {ratio(jit, hand)} | {ratio(jit, indexed)} | {ratio(interp, jit)} | {ratio(lua, jit)} | "
                   f"{ratio(interp, hand)} | {ratio(jit_eval, hand)} | {ratio(interp_eval, jit_eval)} |")
    out.append("")

    out.append("### Scaling (median time relative to scale " + scales[0] + ")")
    out.append("")
    out.append("| engine | " + " | ".join(f"scale {s}" for s in scales) + " |")
    out.append("| --- | " + " | ".join("---" for _ in scales) + " |")
    for key, label in ENGINES:
        base = t(scales[0], key)
        cells = []
        for s in scales:
            x = t(s, key)
            cells.append(f"{fmt_s(x)} ({x / base:.0f}×)" if x and base else "—")
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    out.append("")

    out.append("### End to end: `concord run` over the 10 simulated years")
    out.append("")
    out.append("| scale | engine | CPU time (user + sys) | wall time | peak memory | exit | timeline lines | `--stats` |")
    out.append("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for scale in scales:
        e2e = data[scale]["e2e"]
        skipped = next((e for e in e2e if e["raw"].startswith("skipped")), None)
        if skipped:
            out.append(f"| {scale} | — | not run: the scenario file is {int(skipped['bytes']) / 1048576:.1f} MiB, "
                       f"above concord's {int(skipped['limit']) >> 20} MiB input limit (E0005) | | | | | |")
            continue
        by_engine = {}
        for e in e2e:
            if e["raw"].startswith("e2e "):
                by_engine.setdefault(e["engine"], []).append(e)
        for engine, rows in by_engine.items():
            secs = statistics.median(float(r["seconds"]) for r in rows)
            cpu = statistics.median(float(r.get("cpu_s", "nan")) for r in rows)
            stats = [e["raw"].split(" ", 3)[3] for e in e2e
                     if e["raw"].startswith("stats ") and e.get("engine") == engine and e.get("run") == "1"]
            peak = max(int(r["peak_kib"]) for r in rows if r.get("peak_kib", "").isdigit()) if rows else 0
            runs = f" (median of {len(rows)})" if len(rows) > 1 else ""
            out.append(f"| {scale} | {engine} | {cpu:.2f} s{runs} | {secs:.2f} s | {peak / 1024:.0f} MiB | {rows[0]['exit']} | "
                       f"{rows[0]['timeline_lines']} | {'; '.join(stats) if stats else '—'} |")
        if any(e["raw"].startswith("mismatch") for e in e2e):
            out.append(f"| {scale} | | **the interpreter's and the JIT's timelines differ** | | | | | |")
    out.append("")

    out.append("### Targets")
    out.append("")
    top = scales[-1]
    jit, hand, interp = t(top, "jit"), t(top, "hand"), t(top, "interp")
    if jit and hand:
        met = jit / hand <= 1.5
        bare = (jit - h(top, "jit")) / hand
        indexed = t(top, "hand-index")
        against_indexed = (f"; {jit / indexed:.0f}× the hand-written code with per-member totals"
                           if indexed else "")
        out.append(f"- JIT within 1.5× of hand-written C++ on rule evaluation: **{'met' if met else 'not met'}** "
                   f"({jit / hand:.0f}× the scanning hand-written code at scale {top}; {bare:.0f}× leaving out the "
                   f"time spent answering host queries{against_indexed}).")
    else:
        out.append("- JIT within 1.5× of hand-written C++: **not measured** (no JIT in this build).")
    if jit and interp:
        met = interp / jit >= 5
        bare = (interp - h(top, "interp")) / (jit - h(top, "jit"))
        out.append(f"- JIT at least 5× faster than the interpreter on rule evaluation: **{'met' if met else 'not met'}** "
                   f"({interp / jit:.1f}× at scale {top}; {bare:.1f}× leaving out host queries, which both engines answer "
                   "through the same host).")
    else:
        out.append("- JIT at least 5× faster than the interpreter: **not measured** (no JIT in this build).")
    e2e_top = [e for e in data[top]["e2e"] if e["raw"].startswith("e2e ")]
    if e2e_top and float(top) >= 1:
        # Issue 18: scale 1 end to end from event files, under 30 s of CPU and
        # 2 GiB with the interpreter; the JIT is compared, not held to it.
        def best(engine, key):
            rows = [e for e in e2e_top if e.get("engine") == engine and e.get(key, "").replace(".", "").isdigit()]
            return min(float(e[key]) for e in rows) if rows else None
        cpu, kib = best("interp", "cpu_s"), best("interp", "peak_kib")
        if cpu is not None and kib is not None:
            met = cpu < 30 and kib < 2 * 1024 * 1024
            out.append(f"- the whole 10-year federation (scale {top}) from event files, interpreter under 30 s CPU "
                       f"and 2 GiB: **{'met' if met else 'not met'}** ({cpu:.1f} s CPU, {kib / 1024:.0f} MiB).")
        jit_cpu, jit_kib = best("jit", "cpu_s"), best("jit", "peak_kib")
        if jit_cpu is not None and cpu is not None:
            out.append(f"- the JIT on the same run: {jit_cpu:.1f} s CPU ({jit_cpu / cpu:.2f}× the interpreter's), "
                       f"{jit_kib / 1024:.0f} MiB.")
    else:
        ran = [s for s in scales if any(e["raw"].startswith("e2e ") for e in data[s]["e2e"])]
        largest = ran[-1] if ran else None
        out.append("- the whole 10-year federation (scale 1) in seconds: **not met** — it cannot be run end to end "
                   f"today (see below); the largest scale run was {largest or 'none'}.")
    out.append("")

    analysis = read(os.path.join(os.path.dirname(os.path.abspath(__file__)), "analysis.md")).strip()
    if analysis:
        out.append(analysis)
    out.append(END)
    section = "\n".join(out)

    try:
        text = open(args.doc, encoding="utf-8").read()
    except FileNotFoundError:
        text = "# Performance\n"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + section + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    with open(args.doc, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
