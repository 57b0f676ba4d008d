#!/usr/bin/python3
"""Generates tests/typed/typed-cases.json: the expected output of the typed test templates
(tests/typed/templates, declared with `{# squall: ... #}` comments) from real Tornado 6.2,
for the JSON arguments below. tests/typed/typed_render_test.cpp renders each case through
the interpreter and the by-name compiled template with these arguments, and through the
typed entry point with the same data as C++ structs (blog_types.hpp). Run with Debian's
python3 (it sees python3-tornado):

    /usr/bin/python3 tests/tools/gen_typed_cases.py

JSON objects are given to Tornado as AttrDict (keys read as attributes), Squall's data
model for dicts (docs/differences.md).
"""
import json
import os

from tornado import template
from tornado_render import AttrDict  # Squall's data model for the render arguments

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "typed", "templates")
OUT = os.path.join(HERE, "..", "typed", "typed-cases.json")


def attrdicts(v):
    return json.loads(json.dumps(v), object_pairs_hook=AttrDict)


ANN = {"name": "Ann", "email": "ann@example.com"}
BOB = {"name": "Bob <b>", "email": None}
POST1 = {"title": "Hello & welcome", "votes": 12, "score": 0.5, "draft": False,
         "author": ANN, "tags": ["a<b", "news"], "editor": BOB}
POST2 = {"title": "x", "votes": 0, "score": 1e16, "draft": True,
         "author": BOB, "tags": [], "editor": None}
POST3 = {"title": "Third", "votes": 5, "score": 2.25, "draft": False,
         "author": ANN, "tags": ["t3"], "editor": None}

CASES = [
    ("post_full", "post.html", {"post": POST1, "active": "Hello & welcome"}),
    ("post_empty", "post.html", {"post": POST2, "active": "nope"}),
    ("list", "list.html", {"posts": [POST1, POST2, POST3], "year": 2024}),
    ("list_one", "list.html", {"posts": [POST3], "year": -7}),
    ("editor_present", "editor.html", {"post": POST1}),
    ("editor_none", "editor.html", {"post": POST2}),
    ("mixed", "mixed.html", {"names": ["a", "b"], "extra": {"k": "v<", "a": 1}}),
    ("constructs", "constructs.html", {"posts": [POST1, POST2, POST3]}),
    ("fallback", "fallback.html", {"posts": [POST1, POST2, POST3]}),
    ("layout_page", "page.html", {"post": POST1}),
    ("layout_page_empty", "page.html", {"post": POST2}),
]


def main():
    loader = template.Loader(ROOT, whitespace="all")
    out = []
    for name, main_template, args in CASES:
        try:
            expected = loader.load(main_template).generate(**attrdicts(args)).decode()
        except Exception as e:  # noqa: BLE001 - the expected error
            expected = {"type": type(e).__name__, "message": str(e)}
        out.append({"name": name, "main": main_template, "args": args, "expected": expected})
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
