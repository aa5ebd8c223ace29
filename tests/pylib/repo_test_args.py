"""The command line every whole-repository test script takes.

  SCRIPT --concord build/dev/concord --root .

`parse` returns the concord binary as an absolute path (the scripts run it
from other folders) and the repository root as given. A script imports it
after putting this folder on sys.path:

  sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "pylib"))
  import repo_test_args
"""
import argparse
import os


def parse(doc):
    """Parses --concord and --root; `doc` (the script's __doc__) is its --help."""
    parser = argparse.ArgumentParser(description=doc,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--concord", required=True)
    parser.add_argument("--root", required=True, help="the repository")
    opts = parser.parse_args()
    return os.path.abspath(opts.concord), opts.root
