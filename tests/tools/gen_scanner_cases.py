#!/usr/bin/python3
"""Generates tests/frontend/data/scanner_cases.json: random templates built from tag
fragments, each with the outcome of Tornado 6.2's template parser (`_parse` only, not
Python's compile): "ok", or its ParseError message with the line ("<message> at t.txt:L").

Run from the repo root: /usr/bin/python3 tests/tools/gen_scanner_cases.py
"""
import json
import random

from tornado import template

TEXT = ["a", "\n", " ", "{", "}", "x\n\n", "\u3000", "%}", "#}", "}}"]
OPS = ["if x", "if", "for x in y", "while x", "try", "except", "except E", "else", "elif x",
       "finally", "end", "end if", "block b", "block", "apply f", "apply", "break", "continue",
       "set x = 1", "set", "comment", "comment x", "raw x", "module M()", "include a",
       "include ''", "extends a", "extends", "import os", "from", "from a import b",
       "whitespace all", "whitespace bad", "autoescape None", "endif", "with x", "if\tx"]
SPACE = ["", " ", "  ", "\n", " \n ", "\u3000"]
FRAGMENTS = ["{{", "{%", "{#", "{{{", "!", "{{!", "{%!", "{#!"]


def piece(rng):
    kind = rng.random()
    if kind < 0.3:
        return rng.choice(TEXT)
    if kind < 0.8:
        return "{%" + rng.choice(SPACE) + rng.choice(OPS) + rng.choice(SPACE) + "%}"
    if kind < 0.9:
        return "{{" + rng.choice([" x ", "", " ", "\n", "x\n", "\u3000"]) + "}}"
    if kind < 0.95:
        return "{#" + rng.choice(["", " c ", "\n{{ x }}\n"]) + "#}"
    return rng.choice(FRAGMENTS)


def outcome(text):
    loader = template.DictLoader({})
    tmpl = object.__new__(template.Template)
    tmpl.name = "t.txt"
    tmpl.autoescape = "xhtml_escape"
    tmpl.namespace = {}
    tmpl.loader = loader
    try:
        template._parse(template._TemplateReader("t.txt", text, "all"), tmpl)
        return "ok"
    except template.ParseError as e:
        return str(e)
    except Exception as e:  # invalid whitespace mode
        return "%s: %s" % (type(e).__name__, e)


def main():
    rng = random.Random(20261126)
    cases = []
    for _ in range(3000):
        text = "".join(piece(rng) for _ in range(rng.randint(1, 16)))
        cases.append({"input": text, "tornado": outcome(text)})
    with open("tests/frontend/data/scanner_cases.json", "w", encoding="utf-8") as out:
        json.dump(cases, out, ensure_ascii=False, indent=0)
        out.write("\n")


if __name__ == "__main__":
    main()
