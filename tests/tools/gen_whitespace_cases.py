#!/usr/bin/python3
"""Generates tests/frontend/data/whitespace_cases.json: inputs for Tornado's
filter_whitespace(mode, text) with Tornado 6.2's outputs, for the three modes.

Run from the repo root: /usr/bin/python3 tests/tools/gen_whitespace_cases.py
Inputs are fixed strings plus deterministic random mixes of the characters Python's `\\s`
matches (ASCII and Unicode), newlines and letters.
"""
import json
import random

from tornado.template import filter_whitespace

FIXED = [
    "", "a", " ", "\n", "a b", "a  b", "a\t\tb", " \t a \t ", "a\nb", "a \n b", "a\n\n\nb",
    "\r\n", "a\r\nb\r\n", "a\r\rb", "a\x0b\x0cb", "a\x1c\x1d\x1e\x1fb", "a\x85b", "a\n\x85b",
    "a\u00a0\u00a0b", "a\u00a0\nb", "\u3000\u3000", "a\u2028b", "a\u2029\nb", "a\u1680b",
    "a\u200ab", "a\u200bb", "a\u202f\u205f\n b", "\ufeffa  b", "caf\u00e9  \u4e2d\n\n x",
    "<pre>  x  </pre>", "  leading", "trailing  \n",
]

CHARS = [" ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\u00a0", "\u2003", "\u3000",
         "\u2028", "\u200b", "a", "b", "\u00e9"]


def main():
    rng = random.Random(20261126)
    inputs = list(FIXED)
    for _ in range(200):
        inputs.append("".join(rng.choice(CHARS) for _ in range(rng.randint(1, 12))))
    cases = []
    for text in inputs:
        for mode in ("all", "single", "oneline"):
            cases.append({"mode": mode, "input": text, "expected": filter_whitespace(mode, text)})
    with open("tests/frontend/data/whitespace_cases.json", "w", encoding="utf-8") as out:
        json.dump(cases, out, ensure_ascii=False, indent=0)
        out.write("\n")


if __name__ == "__main__":
    main()
