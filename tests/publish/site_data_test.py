#!/usr/bin/env python3
"""Golden test of the data of the examples' published site (not its HTML bytes).

Publishes examples/*.concord, reads the JSON block of every page
(<script type="application/json" id="page-data">) and compares each with
tests/publish/expected/PAGE.json. Also checks that every file a page links
to or loads exists in the site, so the site works from disk.

  site_data_test.py --concord build/dev/concord [--update]
Read the diff of regenerated files before committing: that review is the test.
"""
import argparse
import difflib
import glob
import html.parser
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
EXPECTED = os.path.join(HERE, "expected")


class PageReader(html.parser.HTMLParser):
    """The data block's text and every local href/src of a page."""

    def __init__(self):
        super().__init__()
        self.data, self.links, self._in_data = None, [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("id") == "page-data":
            self._in_data = True
        for key in ("href", "src"):
            link = attrs.get(key)
            if link and not link.startswith("#"):
                self.links.append(link.split("#")[0])

    def handle_endtag(self, tag):
        self._in_data = False

    def handle_data(self, text):
        if self._in_data:
            self.data = (self.data or "") + text


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--concord", required=True)
    parser.add_argument("--update", action="store_true")
    args = parser.parse_args()
    examples = sorted(glob.glob(os.path.join(ROOT, "examples", "*.concord")))
    failures = []
    with tempfile.TemporaryDirectory(prefix="concord-site-") as site:
        files = [os.path.relpath(f, ROOT) for f in examples]
        done = subprocess.run([os.path.abspath(args.concord), "publish", *files, "--out", site],
                              cwd=ROOT, capture_output=True, text=True)
        if done.returncode != 0:
            print(done.stdout + done.stderr)
            return 1
        pages = sorted(f for f in os.listdir(site) if f.endswith(".html"))
        if args.update:
            os.makedirs(EXPECTED, exist_ok=True)
            for old in glob.glob(os.path.join(EXPECTED, "*.json")):
                os.remove(old)
        wanted = {os.path.basename(f)[:-5] for f in glob.glob(os.path.join(EXPECTED, "*.json"))}
        for page in pages:
            reader = PageReader()
            with open(os.path.join(site, page), encoding="utf-8") as f:
                reader.feed(f.read())
            for link in reader.links:
                if not os.path.exists(os.path.join(site, link)):
                    failures.append(f"{page}: links to {link}, which is not in the site")
            if reader.data is None:
                failures.append(f"{page}: no data block")
                continue
            text = json.dumps(json.loads(reader.data), indent=1, ensure_ascii=False) + "\n"
            name = page[:-5]
            expected_path = os.path.join(EXPECTED, name + ".json")
            if args.update:
                with open(expected_path, "w", encoding="utf-8") as f:
                    f.write(text)
                continue
            wanted.discard(name)
            if not os.path.exists(expected_path):
                failures.append(f"{page}: no expected data (run with --update and review)")
                continue
            with open(expected_path, encoding="utf-8") as f:
                expected = f.read()
            if expected != text:
                diff = difflib.unified_diff(expected.splitlines(True), text.splitlines(True),
                                            expected_path, page + " (published)", n=2)
                failures.append("".join(list(diff)[:80]))
        for name in sorted(wanted):
            failures.append(f"{name}.html was expected but not published")
    for failure in failures:
        print(failure)
    if not failures:
        print(f"{len(pages)} pages: data as expected")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
