#!/usr/bin/python3
"""Stores a sample of the differential generator's templates with Tornado 6.2's results, so
a test (tests/interp/differential_sample_test.cpp) checks the interpreter against Tornado
without Python. Run with Debian's python3 (it sees python3-tornado) after building
squall_differential:

    /usr/bin/python3 tests/tools/gen_differential_sample.py build/tests/squall_differential

The generator makes the templates (`--emit-json`), so the sample is exactly what a seed
produces; the test regenerates each case from its seed and checks the text is unchanged.
Each case gets `expected`: {"output": text} or {"type": class, "template": name,
"line": N} for an error Tornado raises out of the render, and `log`: the calls of the
namespace function `log` (record.hpp's format).
"""
import json
import os
import subprocess
import sys
import tempfile

from tornado import template

from tornado_render import AttrDict  # Squall's data model for the render arguments

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "parity", "differential-sample.json")
SEED = 20261207
TEMPLATES = 60
EXPRESSIONS_PER_TEMPLATE = 12


LOG = []


def log(*args, **kwargs):
    LOG.append(" ".join([repr(a) for a in args] + ["%s=%r" % kv for kv in kwargs.items()]))
    return args[-1] if args else None


def error_position(loader, e):
    """The template and line of the innermost template statement that raised."""
    where = None
    tb = e.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith(".generated.py"):
            for t in loader.templates.values():
                if t.name.replace(".", "_") + ".generated.py" == name:
                    text = t.code.split("\n")[tb.tb_lineno - 1]
                    marker = text.rfind("  # ")
                    if marker >= 0:
                        tname, _, line = text[marker + 4:].rpartition(":")
                        where = (tname, int(line))
        tb = tb.tb_next
    return where


def run(c):
    LOG.clear()
    loader = template.DictLoader(c["templates"])
    args = json.loads(json.dumps(c["args"]), object_pairs_hook=AttrDict)
    try:
        out = loader.load(c["main"]).generate(log=log, exc_name=lambda e: type(e).__name__,
                                              **args).decode("utf-8")
        return {"output": out}
    except Exception as e:
        result = {"type": type(e).__name__}
        where = error_position(loader, e)
        if where:
            result["template"], result["line"] = where
        return result


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "cases.json")
        subprocess.run([sys.argv[1], "--seed", str(SEED), "--templates", str(TEMPLATES),
                        "--expressions", str(TEMPLATES * EXPRESSIONS_PER_TEMPLATE),
                        "--emit-json", path], check=True)
        with open(path, encoding="utf-8") as f:
            cases = json.load(f)
    for c in cases:
        c["expressions"] = EXPRESSIONS_PER_TEMPLATE
        c["expected"] = run(c)
        c["log"] = list(LOG)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(cases, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print("%d cases -> %s" % (len(cases), os.path.relpath(OUT)), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
