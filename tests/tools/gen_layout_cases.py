#!/usr/bin/python3
"""Generates tests/conformance/layout-cases.json: inheritance cases aimed at the shared
layout body of the C++ back end (compiler/sema/layout_sharing.hpp), where a page calls its
layout's body instead of being flattened with it. Each case is either one the code
generator shares (and must render exactly as Tornado's single flattened function) or one
it must refuse (a name shared between the layout and a block, a block in a loop or an
apply body, ...). Expected outputs from real Tornado 6.2; run with Debian's python3:

    /usr/bin/python3 tests/tools/gen_layout_cases.py

Both back ends run every case (the compiled one also compares the error's template, line
and chain with the interpreter's). Case format: as tests/conformance/squall-cases.json.
"""
import json
import os
import sys

from tornado import template

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "conformance", "layout-cases.json")

CASES = []

BASE = ("<title>{% block title %}Site{% end %}</title>\n"
        "<nav>{% block nav %}home{% end %}</nav>\n"
        "{% block body %}{% end %}\n"
        "<footer>{% block footer %}(c) {{ year }}{% end %}</footer>\n")


def case(name, templates, args=None, main="page.html"):
    CASES.append({"name": name, "templates": templates, "main": main, "args": args or {}})


# -- Shared: the page supplies blocks, the layout's defaults fill the rest.
case("layout_shared_some_blocks", {
    "base.html": BASE,
    "page.html": '{% extends "base.html" %}{% block title %}{{ t }}{% end %}'
                 '{% block body %}<p>{{ t }}</p>{% end %}'},
    {"t": "A & B", "year": 2024})
case("layout_shared_no_block_overridden", {
    "base.html": BASE, "page.html": '{% extends "base.html" %}'}, {"year": 1999})
case("layout_shared_the_layout_itself", {"base.html": BASE}, {"year": 7}, main="base.html")
case("layout_shared_block_locals", {
    "base.html": BASE,
    "page.html": '{% extends "base.html" %}{% block body %}{% set n = 0 %}'
                 '{% for x in xs %}{% set n = n + x %}{% end %}{{ n }}{% end %}'
                 '{% block title %}{% set m = "own" %}{{ m }}{% end %}'},
    {"xs": [1, 2, 3], "year": 1})
case("layout_shared_layout_locals", {
    "base.html": '{% set who = "layout" %}{{ who }}|{% block b %}{% end %}|{{ who }}',
    "page.html": '{% extends "base.html" %}{% block b %}{% set other = 1 %}{{ other }}{% end %}'})
case("layout_shared_block_reads_global_layout_sets_other", {
    "base.html": '{% set a = 1 %}{% block b %}{% end %}{{ a }}',
    "page.html": '{% extends "base.html" %}{% block b %}{{ g }}{% end %}'}, {"g": "G"})
case("layout_shared_try_in_layout_catches_block_error", {
    "base.html": '{% try %}[{% block b %}{% end %}]{% except ZeroDivisionError %}caught'
                 '{% end %}|after',
    "page.html": '{% extends "base.html" %}{% block b %}x{{ 1 // zero }}y{% end %}'},
    {"zero": 0})
case("layout_shared_try_in_layout_finally_after_block_error", {
    "base.html": '{% try %}{% block b %}{% end %}{% finally %}F{% end %}',
    "page.html": '{% extends "base.html" %}{% block b %}x{{ 1 // zero }}{% end %}'},
    {"zero": 0})
case("layout_shared_error_in_page_block", {
    "base.html": "a\n{% block b %}{% end %}\nz",
    "page.html": '{% extends "base.html" %}\n{% block b %}\n{{ missing.attr }}\n{% end %}'})
case("layout_shared_error_in_layout_after_block", {
    "base.html": "{% block b %}{% end %}\n{{ 1 // zero }}",
    "page.html": '{% extends "base.html" %}{% block b %}ok{% end %}'}, {"zero": 0})
case("layout_shared_error_in_default_block", {
    "base.html": "{% block a %}{% end %}\n{% block b %}\n{{ nope }}{% end %}",
    "page.html": '{% extends "base.html" %}{% block a %}A{% end %}'})
case("layout_shared_error_in_include_in_page_block", {
    "base.html": "x{% block b %}{% end %}",
    "part.html": "\n\n{{ [][1] }}",
    "page.html": '{% extends "base.html" %}{% block b %}\n{% include "part.html" %}{% end %}'})
case("layout_shared_include_in_layout", {
    "base.html": '{% include "head.html" %}{% block b %}{% end %}{% include "head.html" %}',
    "head.html": "<{{ n }}>",
    "page.html": '{% extends "base.html" %}{% block b %}B{% end %}'}, {"n": 3})
case("layout_shared_three_levels", {
    "base.html": BASE,
    "section.html": '{% extends "base.html" %}{% block nav %}{{ s }} &gt; '
                    '{% block crumb %}{% end %}{% end %}{% block footer %}S{% end %}',
    "page.html": '{% extends "section.html" %}{% block crumb %}{{ p }}{% end %}'
                 '{% block body %}B{% end %}'},
    {"s": "Docs", "p": "Intro", "year": 2})
case("layout_shared_nested_block_overridden", {
    "base.html": "<{% block outer %}[{% block inner %}i{% end %}]{% end %}>",
    "page.html": '{% extends "base.html" %}{% block inner %}PAGE{% end %}'})
case("layout_shared_nested_block_in_page_block", {
    "base.html": "{% block a %}{% end %}|{% block b %}B{% end %}",
    "page.html": '{% extends "base.html" %}{% block a %}A{% block b %}b{% end %}{% end %}'})
case("layout_shared_block_twice_without_locals", {
    "base.html": "{% block b %}{% end %}|{% block b %}{% end %}",
    "page.html": '{% extends "base.html" %}{% block b %}{{ x }}{% end %}'}, {"x": 5})
case("layout_shared_block_in_if", {
    "base.html": "{% if on %}{% block b %}{% end %}{% else %}off{% end %}",
    "page.html": '{% extends "base.html" %}{% block b %}on{% end %}'}, {"on": True})
case("layout_shared_apply_in_page_block", {
    "base.html": "{% block b %}{% end %}",
    "page.html": '{% extends "base.html" %}{% block b %}{% apply xhtml_escape %}<b>'
                 '{% set y = "in" %}{{ y }}{% end %}{% end %}'})
case("layout_shared_lambda_in_page_block", {
    "base.html": "{% block b %}{% end %}",
    "page.html": '{% extends "base.html" %}{% block b %}{% set k = 2 %}'
                 '{% set f = lambda v: v * k %}{% set k = 3 %}{{ f(5) }}{% end %}'})
case("layout_shared_import_in_page_block", {
    "base.html": "{% block b %}{% end %}{{ 1 }}",
    "page.html": '{% extends "base.html" %}{% block b %}{% import math %}{{ math.floor(2.5) }}'
                 '{% end %}'})
case("layout_shared_except_as_in_page_block", {
    "base.html": "{% block b %}{% end %}",
    "page.html": '{% extends "base.html" %}{% block b %}{% try %}{{ 1 // 0 }}'
                 '{% except Exception as e %}{{ e }}{% end %}{% end %}'})
case("layout_shared_unbound_local_in_page_block", {
    "base.html": "{% block b %}{% end %}",
    "page.html": '{% extends "base.html" %}{% block b %}{{ v }}{% set v = 1 %}{% end %}'},
    {"v": "global"})
case("layout_shared_autoescape_differs", {
    "base.html": "{% autoescape None %}{{ h }}{% block b %}{{ h }}{% end %}",
    "page.html": '{% extends "base.html" %}{% block b %}{{ h }}{% end %}'}, {"h": "<i>"})

# -- Refused (flattened): what sharing would change.
case("layout_refused_layout_reads_name_block_sets", {
    "base.html": "{% block head %}{% end %}{{ title }}",
    "page.html": '{% extends "base.html" %}{% block head %}{% set title = "T" %}{% end %}'},
    {"title": "global"})
case("layout_refused_layout_reads_before_block_sets", {
    "base.html": "{{ title }}{% block head %}{% end %}",
    "page.html": '{% extends "base.html" %}{% block head %}{% set title = "T" %}{% end %}'},
    {"title": "global"})
case("layout_refused_block_reads_layout_local", {
    "base.html": '{% set who = "layout" %}{% block b %}{% end %}',
    "page.html": '{% extends "base.html" %}{% block b %}{{ who }}{% end %}'})
case("layout_refused_default_block_makes_name_local", {
    "base.html": '{% block a %}{% set t = "default" %}{% end %}{{ t }}',
    "page.html": '{% extends "base.html" %}{% block a %}A{% end %}'}, {"t": "global"})
case("layout_refused_two_blocks_share_a_local", {
    "base.html": "{% block a %}{% end %}{% block b %}{% end %}",
    "page.html": '{% extends "base.html" %}{% block a %}{% set n = 1 %}{% end %}'
                 '{% block b %}{{ n }}{% end %}'})
case("layout_refused_block_in_loop_keeps_locals", {
    "base.html": "{% for i in range(3) %}{% block item %}{% end %}{% end %}",
    "page.html": '{% extends "base.html" %}{% block item %}{% if i == 0 %}'
                 '{% set first = i %}{% end %}{{ first }}{% end %}'})
case("layout_refused_block_in_loop_reads_loop_variable", {
    "base.html": "{% for i in range(3) %}{% block item %}{% end %}{% end %}",
    "page.html": '{% extends "base.html" %}{% block item %}{{ i }},{% end %}'})
case("layout_refused_block_in_apply", {
    "base.html": "{% apply xhtml_escape %}<b>{% set z = 'z' %}{% block b %}{% end %}{% end %}",
    "page.html": '{% extends "base.html" %}{% block b %}{{ z }}{% end %}'})
case("layout_shared_block_in_included_file", {
    "base.html": '{% include "inc.html" %}\n{% block c %}{% end %}',
    "inc.html": "<{% block b %}d{% end %}>",
    "page.html": '{% extends "base.html" %}{% block b %}P{% set q = 1 %}{% end %}'
                 '{% block c %}{% set r = 2 %}{{ r }}{% end %}'})
case("layout_shared_error_in_block_in_included_file", {
    "base.html": 'a\n{% include "inc.html" %}',
    "inc.html": "\n<{% block b %}d{% end %}>",
    "page.html": '{% extends "base.html" %}{% block b %}\n{{ 1 // zero }}{% end %}'},
    {"zero": 0})
case("layout_refused_file_with_blocks_included_twice", {
    "base.html": '{% include "inc.html" %}|{% include "inc.html" %}',
    "inc.html": "<{% block b %}d{% end %}>",
    "page.html": '{% extends "base.html" %}{% block b %}{% try %}{{ c }}'
                 '{% except NameError %}first{% end %}{% set c = "second" %}{% end %}'})
case("layout_refused_included_block_in_loop", {
    "base.html": '{% for i in range(2) %}{% include "inc.html" %}{% end %}',
    "inc.html": "<{% block b %}d{% end %}>",
    "page.html": '{% extends "base.html" %}{% block b %}{{ i }}{% end %}'})
case("layout_refused_block_twice_with_locals", {
    "base.html": "{% block b %}{% end %}|{% block b %}{% end %}",
    "page.html": '{% extends "base.html" %}{% block b %}{% try %}{{ c }}'
                 '{% except NameError %}first{% end %}{% set c = "second" %}{% end %}'})
case("layout_refused_escape_function_assigned_in_block", {
    "base.html": "{{ h }}{% block b %}{% end %}{{ h }}",
    "page.html": '{% extends "base.html" %}{% block b %}{% set xhtml_escape = lambda s: "[" + s + "]" %}'
                 '{% end %}'}, {"h": "<i>"})
case("layout_refused_import_shared", {
    "base.html": "{% import math %}{% block b %}{% end %}",
    "page.html": '{% extends "base.html" %}{% block b %}{{ math.ceil(0.5) }}{% end %}'})
case("layout_refused_except_name_shared", {
    "base.html": "{% try %}{{ 1 // 0 }}{% except Exception as e %}{% end %}{% block b %}{% end %}",
    "page.html": '{% extends "base.html" %}{% block b %}{{ e }}{% end %}'},
    {"e": "global e"})


def run(c):
    try:
        loader = template.DictLoader(c["templates"])
        out = loader.load(c["main"]).generate(**c["args"])
        return out.decode("utf-8")
    except Exception as e:
        return {"error": type(e).__name__, "type": type(e).__name__, "message": str(e)}


def main():
    names = [c["name"] for c in CASES]
    assert len(names) == len(set(names)), "duplicate case names"
    for c in CASES:
        c["expected"] = run(c)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(CASES, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print("%d cases -> %s" % (len(CASES), os.path.relpath(OUT)), file=sys.stderr)


if __name__ == "__main__":
    main()
