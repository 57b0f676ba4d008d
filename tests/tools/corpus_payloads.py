#!/usr/bin/python3
"""Extracts the Python payloads of every corpus template (the same scan as
tests/frontend/expr_corpus_test.cpp) and checks each with CPython in the shape Tornado 6.2
pastes it into its generated function. Writes the payloads CPython rejects to
tests/frontend/data/corpus_python_rejects.txt ("<template path> <byte offset> <kind>") and
prints the counts. The corpus itself is read in place from ../shared and never copied.

Run from the repo root: /usr/bin/python3 tests/tools/corpus_payloads.py
"""
import json
import os
import sys

CONTROL = {"if", "for", "while", "try", "apply"}
EXPR_OPS = {"if": "if", "elif": "if", "while": "if", "for": "for", "set": "set",
            "raw": "tuple", "module": "module", "apply": "expr", "except": "except",
            "import": "import", "from": "from"}


def scan(text):
    """Yields (kind, begin, end, depth) with byte offsets of each payload in `text`."""
    data = text.encode("utf-8")
    pos, depth, stack = 0, 0, []
    while True:
        start = data.find(b"{", pos)
        if start < 0 or start + 1 >= len(data):
            return
        c = data[start + 1:start + 2]
        if c not in (b"{", b"%", b"#"):
            pos = start + 1
            continue
        if c == b"{" and data[start + 2:start + 3] == b"{" and start + 3 < len(data):
            pos = start + 1
            continue
        if data[start + 2:start + 3] == b"!":
            pos = start + 3
            continue
        close = {b"{": b"}}", b"%": b"%}", b"#": b"#}"}[c]
        end = data.find(close, start + 2)
        if end < 0:
            return
        pos = end + 2
        if c == b"#":
            continue
        inner = data[start + 2:end].decode("utf-8")
        b, e = strip_bounds(inner)
        base = start + 2
        if c == b"{":
            if e > b:
                yield ("tuple", base + nbytes(inner[:b]), base + nbytes(inner[:e]), depth)
            continue
        content = inner[b:e]
        op, _, _ = content.partition(" ")
        if op in CONTROL:
            stack.append(op)
        elif op == "block":
            stack.append(op)
        elif op == "end" and stack:
            stack.pop()
        if op in EXPR_OPS and " " in content:
            rest = content[len(op) + 1:]
            sb, se = strip_bounds(rest)
            if se > sb:
                off = base + nbytes(inner[:b]) + nbytes(op) + 1
                kind_depth = depth if op not in CONTROL else depth
                yield (EXPR_OPS[op], off + nbytes(rest[:sb]), off + nbytes(rest[:se]), kind_depth)
        depth = sum(1 for s in stack if s in CONTROL)


def nbytes(s):
    return len(s.encode("utf-8"))


def strip_bounds(s):
    stripped_left = s.lstrip()
    b = len(s) - len(stripped_left)
    e = b + len(stripped_left.rstrip())
    return b, e


def accepted(kind, text, depth):
    ind = " " * (4 * (depth + 1))
    if kind == "tuple":
        body = ind + "_tt_tmp = " + text
    elif kind == "module":
        body = ind + "_tt_tmp = _tt_modules." + text
    elif kind == "expr":
        body = ind + "_tt_tmp = (" + text + ")"
    elif kind == "if":
        body = ind + "if " + text + ":\n" + ind + "    pass"
    elif kind == "for":
        body = ind + "for " + text + ":\n" + ind + "    pass"
    elif kind == "set":
        body = ind + text
    elif kind == "except":
        body = ind + "try:\n" + ind + "    pass\n" + ind + "except " + text + ":\n" + ind + "    pass"
    elif kind in ("import", "from"):
        body = ind + kind + " " + text
    else:
        raise ValueError(kind)
    opener = "".join("    " * (i + 1) + "if 1:\n" for i in range(depth))
    src = "def f():\n" + opener + body + "  # comment\n" + ind + "pass\n"
    try:
        compile(src, "<t>", "exec", dont_inherit=True)
        return True
    except SyntaxError:
        return False


def main():
    shared = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared")
    shared = sys.argv[1] if len(sys.argv) > 1 else shared
    index = json.load(open(os.path.join(shared, "corpus", "index.json")))
    rejects, total = [], 0
    for entry in index:
        rel = os.path.join(entry["root"], entry["name"])
        text = open(os.path.join(shared, "corpus", rel), encoding="utf-8").read()
        data = text.encode("utf-8")
        for kind, b, e, depth in scan(text):
            total += 1
            if not accepted(kind, data[b:e].decode("utf-8"), depth):
                rejects.append("%s %d %s" % (rel, b, kind))
    out = os.path.join(os.path.dirname(__file__), "..", "frontend", "data",
                       "corpus_python_rejects.txt")
    with open(out, "w") as f:
        f.write("# Corpus payloads CPython rejects where Tornado pastes them "
                "(tests/tools/corpus_payloads.py).\n")
        for r in rejects:
            f.write(r + "\n")
    print("templates: %d, payloads: %d, accepted by CPython: %d, rejected: %d"
          % (len(index), total, total - len(rejects), len(rejects)))


if __name__ == "__main__":
    main()
