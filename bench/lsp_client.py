#!/usr/bin/env python3
"""Times `concord lsp` from a `didChange` to its `publishDiagnostics`.

    bench/lsp_client.py CONCORD FILE [--changes 15]

Opens FILE (the whole text in didOpen), then sends incremental changes that
each rewrite one number in place (a `notice N days` clause, alternating
between two valid values, so every change compiles, checks and lints the
whole program again), and waits for the diagnostics each change
publishes. Prints one JSON object: the lines, the time to the first
diagnostics after didOpen, every change's wall time and their median, and
the server's CPU time (user + system, from /proc, in clock ticks of 10 ms)
per change and its median, in ms.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time


def send(proc, message):
    body = json.dumps(message).encode("utf-8")
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()


def receive(proc):
    length = None
    while True:
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError("the server closed its output")
        line = line.strip()
        if not line:
            break
        name, _, value = line.decode("ascii").partition(":")
        if name.lower() == "content-length":
            length = int(value)
    return json.loads(proc.stdout.read(length))


def cpu_seconds(pid):
    """User + system CPU time of `pid` so far (from /proc): what the server
    itself spent, which other load on the machine does not inflate."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_for(proc, predicate):
    while True:
        message = receive(proc)
        if predicate(message):
            return message


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("concord")
    parser.add_argument("file")
    parser.add_argument("--changes", type=int, default=15)
    args = parser.parse_args()

    path = os.path.abspath(args.file)
    uri = "file://" + path
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    # The edit: the digits of the first `notice N days` in the file.
    target = None
    for number, line in enumerate(lines):
        m = re.search(r"notice (\d+) days", line)
        if m:
            target = (number, m.start(1), m.end(1), m.group(1))
            break
    if target is None:
        sys.exit("no `notice N days` clause to edit")
    line_no, start, end, original = target
    values = [str(int(original) - 1 if int(original) > 0 else 1), original]

    proc = subprocess.Popen([args.concord, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    send(proc, {"jsonrpc": "2.0", "id": 1, "method": "initialize",
                "params": {"processId": os.getpid(), "capabilities": {}}})
    wait_for(proc, lambda m: m.get("id") == 1)
    send(proc, {"jsonrpc": "2.0", "method": "initialized", "params": {}})

    def published(message):
        return message.get("method") == "textDocument/publishDiagnostics"

    began = time.perf_counter()
    send(proc, {"jsonrpc": "2.0", "method": "textDocument/didOpen",
                "params": {"textDocument": {"uri": uri, "languageId": "concord",
                                            "version": 1, "text": text}}})
    first = wait_for(proc, published)
    open_ms = (time.perf_counter() - began) * 1000
    if first["params"]["diagnostics"]:
        sys.exit("the benchmark file does not check clean: %s"
                 % json.dumps(first["params"]["diagnostics"][0]))

    times = []
    cpu = []
    current = original
    for i in range(args.changes):
        new = values[i % 2]
        change = {"range": {"start": {"line": line_no, "character": start},
                            "end": {"line": line_no, "character": start + len(current)}},
                  "text": new}
        began = time.perf_counter()
        cpu_began = cpu_seconds(proc.pid)
        send(proc, {"jsonrpc": "2.0", "method": "textDocument/didChange",
                    "params": {"textDocument": {"uri": uri, "version": i + 2},
                               "contentChanges": [change]}})
        message = wait_for(proc, published)
        times.append((time.perf_counter() - began) * 1000)
        cpu.append((cpu_seconds(proc.pid) - cpu_began) * 1000)
        current = new
        if message["params"]["version"] != i + 2 or message["params"]["diagnostics"]:
            sys.exit("unexpected diagnostics after change %d" % (i + 1))

    send(proc, {"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    wait_for(proc, lambda m: m.get("id") == 2)
    send(proc, {"jsonrpc": "2.0", "method": "exit"})
    code = proc.wait(timeout=30)
    print(json.dumps({"lines": len(lines) - (1 if lines[-1] == "" else 0),
                      "open_ms": round(open_ms, 1),
                      "changes_ms": [round(t, 1) for t in times],
                      "median_ms": round(statistics.median(times), 1),
                      "cpu_ms": [round(t) for t in cpu],
                      "median_cpu_ms": round(statistics.median(cpu)),
                      "exit_code": code}))


if __name__ == "__main__":
    main()
