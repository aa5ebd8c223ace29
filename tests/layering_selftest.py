#!/usr/bin/env python3
"""Shows tests/layering_test.py failing on each kind of problem it exists for.

Each case builds a small tree (a layer table, a CMakeLists.txt and a few
folders) in a temporary directory, breaks one rule, and expects exit 1 with
the offending file and line named. One more case copies the real tree and
adds an include from runtime/values to compiler/driver.
"""
import pathlib
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
SCRIPT = HERE / "layering_test.py"

TABLE = """# Layers

| layer | folder | library | uses |
| --- | --- | --- | --- |
| 0 | `compiler/diag` | `concord_diag` | — |
| 1 | `runtime/values` | `concord_values` | `compiler/diag` |
| 2 | `compiler/syntax` | `concord_syntax` | `compiler/diag`, `runtime/values` |
"""

CMAKE = """concord_library(compiler/diag LINKS fmt::fmt)
concord_library(runtime/values USES compiler/diag)
# a comment naming concord_library(nothing) is ignored
concord_library(compiler/syntax USES compiler/diag runtime/values PRIVATE concord_antlr)
"""

FILES = {
    "compiler/diag/diagnostic.h": "#pragma once\n#include <string>\n",
    "runtime/values/value.h": '#pragma once\n#include "compiler/diag/diagnostic.h"\n',
    "compiler/syntax/parser.cpp": (
        '#include "antlr4-runtime.h"\n#include "compiler/diag/diagnostic.h"\n'
        '#include "runtime/values/value.h"\n'),
    "tests/unit/values_test.cpp": '#include "runtime/values/value.h"\n',
}


def run(root):
    result = subprocess.run([sys.executable, str(SCRIPT), "--root", str(root)],
                            capture_output=True, text=True, check=False)
    return result.returncode, result.stdout


class Layering(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.root = pathlib.Path(self.dir.name)
        self.write("docs/architecture.md", TABLE)
        self.write("CMakeLists.txt", CMAKE)
        for path, text in FILES.items():
            self.write(path, text)

    def tearDown(self):
        self.dir.cleanup()

    def write(self, path, text):
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)

    def append(self, path, text):
        with open(self.root / path, "a") as out:
            out.write(text)

    def assert_fails(self, *expected):
        code, out = run(self.root)
        self.assertEqual(code, 1, out)
        for text in expected:
            self.assertIn(text, out)

    def test_clean_tree_passes(self):
        code, out = run(self.root)
        self.assertEqual(code, 0, out)
        self.assertIn("layering: ok", out)

    def test_include_of_a_higher_layer(self):
        self.append("runtime/values/value.h", '#include "compiler/syntax/parser.h"\n')
        self.assert_fails("runtime/values/value.h:3: includes compiler/syntax/parser.h")

    def test_include_of_a_folder_not_used(self):
        self.write("compiler/diag/render.cpp", '#include "runtime/values/value.h"\n')
        self.assert_fails("compiler/diag/render.cpp:1: includes runtime/values/value.h")

    def test_use_never_included(self):
        self.write("compiler/syntax/parser.cpp", '#include "compiler/diag/diagnostic.h"\n')
        self.assert_fails("compiler/syntax lists runtime/values but includes nothing of it")

    def test_use_of_the_same_or_a_higher_layer(self):
        self.write("docs/architecture.md", TABLE.replace(
            "| 1 | `runtime/values` | `concord_values` | `compiler/diag` |",
            "| 1 | `runtime/values` | `concord_values` | `compiler/diag`, `compiler/syntax` |"))
        self.assert_fails("runtime/values (layer 1) uses compiler/syntax (layer 2)")

    def test_cmake_uses_differ_from_the_table(self):
        self.write("CMakeLists.txt", CMAKE.replace(
            "concord_library(runtime/values USES compiler/diag)",
            "concord_library(runtime/values)"))
        self.assert_fails("concord_library(runtime/values) USES (none)")

    def test_folder_without_row_or_library(self):
        self.write("compiler/extra/extra.cpp", '#include "compiler/diag/diagnostic.h"\n')
        self.assert_fails("compiler/extra: has code but no row",
                          "compiler/extra: has code but no concord_library()")

    def test_antlr_outside_syntax(self):
        self.append("runtime/values/value.h", '#include "ConcordParser.h"\n')
        self.assert_fails("runtime/values/value.h:3: includes ANTLR (ConcordParser.h)")

    def test_llvm_outside_the_jit_even_in_tests(self):
        self.append("tests/unit/values_test.cpp", "#include <llvm/IR/Module.h>\n")
        self.assert_fails("tests/unit/values_test.cpp:2: includes LLVM (llvm/IR/Module.h)")

    def test_file_too_long(self):
        self.write("compiler/diag/long.cpp", "// line\n" * 601)
        self.assert_fails("compiler/diag/long.cpp: 601 lines, more than 600")

    def test_the_real_tree_with_a_crossing_include(self):
        for part in ("docs/architecture.md", "CMakeLists.txt"):
            shutil.copy(ROOT / part, self.root / part)
        for top in ("compiler", "runtime"):
            shutil.rmtree(self.root / top, ignore_errors=True)
            shutil.copytree(ROOT / top, self.root / top)
        shutil.rmtree(self.root / "tests")
        code, out = run(self.root)
        self.assertEqual(code, 0, out)
        self.append("runtime/values/value.h", '#include "compiler/driver/cli.h"\n')
        self.assert_fails("runtime/values/value.h:", "includes compiler/driver/cli.h")


if __name__ == "__main__":
    unittest.main()
