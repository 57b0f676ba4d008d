#!/usr/bin/python3
"""Generates the UI-module test data with expected outputs from a real Tornado 6.2
Application served on 127.0.0.1. Run with Debian's python3 (it sees python3-tornado):

    /usr/bin/python3 tests/tools/gen_ui_module_cases.py

Writes:
  tests/ui_modules/modules/<Name>/...  the module folders (MODULES below)
  tests/ui_modules/pages/<case>/...    each case's templates, under one template root (a
                                       Template('x.html') call in a case names
                                       '<case>/x.html': Template() resolves from the root)
  tests/ui_modules/static/...          the static files (STATIC below)
  tests/ui_modules/cases.json          the cases with Tornado's outputs

The Python UIModule classes are built from the module folders as written, the way Squall
reads them (docs/ui-modules.md): `def render(self, <signature>)` (or `**kwargs` without a
signature) renders `<Name>/template.html` from a tornado.template.Loader rooted at the
modules folder with the handler namespace plus the bound arguments; embedded.css/.js and
module.json give the resource hooks. HANDWRITTEN are modules written in code; the C++
runners define the same ones (tests/ui_modules/support/test_modules.hpp).

Case format: {name, main, args, optional before (templates rendered with render_string
first, in the same request), optional fragment (render_string only, no injection), expected
(the response body, or {"type", "message"} of the exception that made the 500)}; template
names are relative to tests/ui_modules/pages.
"""
import json
import os
import shutil
import sys
import threading

from tornado import httpclient, ioloop, template, web

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "..", "ui_modules"))
MODULES_DIR = os.path.join(DATA, "modules")
STATIC_DIR = os.path.join(DATA, "static")
PAGES_DIR = os.path.join(DATA, "pages")
OUT = os.path.join(DATA, "cases.json")

# -- Module folders: {Name: {file: text}} (written verbatim; no trailing newlines unless
# meant).
MODULES = {
    # Spec 10.11's M1 and M2.
    "M1": {
        "template.html": "<m1 {% raw x %}>",
        "embedded.js": "js1();",
        "embedded.css": ".m1{}",
        "module.json": json.dumps({
            "signature": "x",
            "javascript_files": ["a.js", "/abs.js", "http://cdn/x.js"],
            "css_files": "m1.css",
            "html_head": "<meta m1>",
            "html_body": "<div m1-body>"}),
    },
    "M2": {
        "template.html": "<m2>",
        "embedded.js": "js2();",
        "embedded.css": ".m2{}",
        "module.json": json.dumps({
            "signature": "",
            "javascript_files": ["/abs.js", "b.js"],
            "css_files": ["m1.css", "/m2.css"],
            "html_head": "<meta m2>",
            "html_body": "<div m2-body>"}),
    },
    "JsOnly": {"template.html": "", "embedded.js": "only();"},
    "Entry": {
        "template.html": '<div class="entry"><h2>{{ entry["title"] }}</h2>'
                         '{% if show_comments %}{% for c in entry["comments"] %}'
                         '{% module Comment(c) %}{% end %}{% end %}</div>',
        "embedded.css": ".entry { margin: 0 }",
        "module.json": json.dumps({
            "signature": "entry, show_comments=False",
            "css_files": ["entry.css", "shared.css"]}),
    },
    "Comment": {
        "template.html": '<p class="c">{{ comment }}</p>',
        "embedded.js": "comments();",
        "module.json": json.dumps({
            "signature": "comment",
            "css_files": "shared.css",
            "javascript_files": "//cdn.example.com/c.js"}),
    },
    "List": {
        "template.html": "<ul>{% for i in items %}{% module Item(i) %}{% end %}</ul>",
        "module.json": json.dumps({"signature": "items", "css_files": ["list.css"]}),
    },
    "Item": {
        "template.html": "<li>{{ prefix }}{{ i }}</li>",
        "embedded.js": "item();",
        "module.json": json.dumps({"signature": "i, *, prefix='#'",
                                   "css_files": "shared.css"}),
    },
    "Card": {
        "template.html": '<div class="card">{{ title }}</div>',
        "embedded.css": ".card{}",
    },
    "Star": {
        "template.html": "{{ first }}:{{ sep.join(str(r) for r in rest) }}:"
                         "{{ sorted(opts.items()) }}",
        "module.json": json.dumps({"signature": "first, *rest, sep=', ', **opts"}),
    },
    "Defaults": {
        "template.html": "{{ a }}|{{ b }}|{{ c }}|{{ d }}|{{ e }}|{{ f }}",
        "module.json": json.dumps({
            "signature": "a=None, b=-1.5, c=(1, 'x'), d=[True, False], e={'k': 2}, f=\"q\""}),
    },
    "Uni": {
        "template.html": "<span>{{ name }} \u2603</span>",
        "embedded.css": "/* \u00e9 */ .u{content:'\u2713'}",
        "module.json": json.dumps({"signature": "name='Zo\u00eb'",
                                   "html_head": "<meta name=\"\u00fc\">",
                                   "css_files": "\u00fc.css"}, ensure_ascii=False),
    },
    "Links": {
        "template.html": "links",
        "module.json": json.dumps({
            "css_files": ["http://x.com/a.css", "https://y.com/b.css", "//cdn/c.css",
                          "ftp:d.css", "e.css?x=1&y=2", "m1.css", "/static/m1.css"],
            "javascript_files": ["a.js", "a.js", "/a.js", "https://q/a.js", "a b.js",
                                 "<x>.js"]}),
    },
    "Helper": {
        "template.html": "{{ static_url('a.js') }}|{{ static_url('nope.js') }}|{{ tag }}",
        "module.json": json.dumps({"signature": "tag='t'"}),
    },
    "Frag": {
        "template.html": "[{% module Template('frag.html', v=v) %}]",
        "module.json": json.dumps({"signature": "v"}),
    },
    "Inc": {
        "template.html": "({% include 'part.html' %})",
        "module.json": json.dumps({"signature": "n"}),
    },
    "Broken": {
        "template.html": "{{ 1 // zero }}",
        "embedded.css": ".broken{}",
        "module.json": json.dumps({"signature": "zero"}),
    },
    "Heads": {
        "template.html": "h",
        "module.json": json.dumps({"html_head": "<link rel=\"icon\">",
                                   "html_body": "<script>tail()</script>"}),
    },
    "Recur": {
        "template.html": "{% if n > 0 %}<r{{ n }}>{% module Recur(n - 1) %}{% end %}",
        "embedded.js": "recur();",
        "module.json": json.dumps({"signature": "n"}),
    },
    "Esc": {
        "template.html": "{{ v }}{% raw v %}",
        "module.json": json.dumps({"signature": "v"}),
    },
}
# A template of the modules folder that module templates include.
MODULE_FILES = {"Inc/part.html": "n={{ n }}"}
# Templates at the page root (what module templates reach through Template()).
ROOT_FILES = {"frag.html": "{{ set_resources(embedded_javascript='frag();') }}f{{ v }}"}

STATIC = {"a.js": "A", "b.js": "B", "m1.css": "C", "entry.css": ".e{}\n", "shared.css": "s",
          "list.css": "l", "\u00fc.css": "\u00fc"}


# -- Hand-written modules (tests/ui_modules/support/test_modules.hpp has the same).
class Counter(web.UIModule):
    def __init__(self, handler):
        super().__init__(handler)
        self.calls = 0

    def render(self, label):
        self.calls += 1
        return "[%s call=%d]" % (label, self.calls)


class Weird(web.UIModule):
    def render(self):
        return "w"

    def embedded_css(self):
        return 5


class ListFiles(web.UIModule):
    def render(self):
        return "lf"

    def javascript_files(self):
        return ("t1.js", "/t2.js")

    def css_files(self):
        return []

    def html_body(self):
        return ""


class BadFiles(web.UIModule):
    def render(self):
        return "bf"

    def css_files(self):
        return ["ok.css", 1]


HANDWRITTEN = {"Counter": Counter, "Weird": Weird, "ListFiles": ListFiles, "BadFiles": BadFiles}

CASES = []


def case(name, templates, args=None, main=None, before=None, fragment=False):
    if isinstance(templates, str):
        templates = {"page.html": templates}
    # Template() resolves from the root, where each case has its own folder.
    templates = {k: v.replace("Template('", "Template('%s/" % name) for k, v in templates.items()}
    c = {"name": name, "templates": templates,
         "main": name + "/" + (main or next(iter(templates))), "args": args or {}}
    if before:
        c["before"] = [name + "/" + b for b in before]
    if fragment:
        c["fragment"] = True
    CASES.append(c)


PAGE = "<html><head><title>t</title></head><body>\n%s\n</body></html>"

# -- Spec 10.11
# Tornado's own test calls set_resources on the page, which it renders through Template;
# here the page's resources come from a Template() render of head.html.
case("w1_tornado_test_uimodule_resources", {
    "page.html": "<html><head>{% module Template('head.html') %}</head><body>\n"
                 "{% module Template('entry.html', entry=1) %}\n"
                 "{% module Template('entry.html', entry=2) %}\n</body></html>",
    "head.html": '{{ set_resources(css_files=["/base.css", "/foo.css"]) }}',
    "entry.html": '{{ set_resources(embedded_css=".entry { margin-bottom: 1em; }", '
                  'embedded_javascript="js_embed()", css_files=["/base.css", "/foo.css"], '
                  'javascript_files="/common.js", html_head="<meta>", '
                  'html_body=\'<script src="/analytics.js"/>\') }}\n'
                  '<div class="entry">...</div>'},
    main="page.html")
case("w2_two_modules_order_dedup_static_url",
     PAGE % "{% module M2() %}{% module M1(v) %}{% module M1(2) %}{{ modules.M1(3) }}",
     {"v": "<x>"})
case("w3_one_instance_per_name",
     "{% module Counter('a') %}{% module Counter('b') %}{{ modules.Counter('c') }}"
     "{% raw _tt_modules.Counter('d') %}")
case("w4_embedded_js_only", "<body>x</body>{% module JsOnly() %}")
case("w5_template_module_aggregation", {
    "tm_page.html": "<html><head></head><body>{% module Template('tm_a.html', n=1) %}"
                    "{% module Template('tm_b.html') %}{% module Template('tm_a.html', n=2) %}"
                    "[{{ 'n' in globals() }}]</body></html>",
    "tm_a.html": "{{ set_resources(css_files='e.css', embedded_javascript='init();', "
                 "html_body='<i>b</i>', javascript_files=['x.js', '/y.js']) }}"
                 "<a n={{ n }} v={{ 'v' in globals() }}/>",
    "tm_b.html": "{{ set_resources(css_files='o.css', embedded_css='.o{}', "
                 "html_head='<meta o>') }}<b/>"}, {"v": 1})
case("w6_conflicting_set_resources", {
    "page.html": "<head></head><body>{% module Template('r.html', k=1) %}"
                 "{% module Template('r.html', k=2) %}</body>",
    "r.html": "{{ set_resources(embedded_css='.c%d{}' % k) }}"})
case("w7_missing_head_for_css", "<body>{% module M2() %}</body>")
case("w7_missing_body_for_js", "<head></head>{% module JsOnly() %}")
case("w8_two_body_tags", {
    "page.html": "<head></head><body>a</body><body>b</body>{% module Template('tm_a.html', n=1) %}",
    "tm_a.html": "{{ set_resources(css_files='e.css', embedded_javascript='init();', "
                 "html_body='<i>b</i>', javascript_files=['x.js', '/y.js']) }}<a n={{ n }}/>"})
case("w14_module_used_before_render", {
    "sub/page.html": "<head></head><body>{% module Template('x.html') %}|{% include 'x.html' %}|"
                     "{% raw frag %}</body>",
    "x.html": "ROOT-X", "sub/x.html": "SUB-X",
    "frag.html": "{% module Template('res.html') %}",
    "res.html": "{{ set_resources(embedded_css='.frag{}') }}"},
    {"frag": "F"}, main="sub/page.html", before=["frag.html"])

# -- Module folders
ENTRY = {"title": "Hello <world>", "comments": ["first & best", "second"]}
case("folder_entry_with_comments", PAGE % "{% module Entry(e, show_comments=True) %}",
     {"e": ENTRY})
case("folder_entry_default_argument", PAGE % "{% module Entry(e) %}", {"e": ENTRY})
case("folder_module_in_loop_50_times",
     PAGE % "{% for i in range(50) %}{% module Item(i) %}{% end %}")
case("folder_nested_modules", PAGE % "{% module List(items) %}{% module List([9]) %}",
     {"items": [1, 2, 3]})
case("folder_shared_css_first_occurrence",
     PAGE % "{% module Comment('c') %}{% module Entry(e) %}{% module List([1]) %}",
     {"e": ENTRY})
case("folder_in_child_block", {
    "base.html": "<html><head></head><body>{% block main %}{% end %}</body></html>",
    "child.html": "{% extends 'base.html' %}{% block main %}{% module Card(title='in block') %}"
                  "{% end %}"}, main="child.html")
case("folder_in_include", {
    "page.html": "<html><head></head><body>{% include 'part.html' %}</body></html>",
    "part.html": "{% module Card(title=t) %}{% module Card(title=t + '!') %}"}, {"t": "inc"})
case("folder_in_template_module", {
    "page.html": "<html><head></head><body>{% module Template('t.html', who='me') %}</body></html>",
    "t.html": "{{ set_resources(css_files='t.css') }}{% module Card(title=who) %}"})
case("folder_calls_template_module",
     "<html><head></head><body>{% module Frag(7) %}{% module Frag(8) %}</body></html>")
case("folder_includes_module_file", PAGE % "{% module Inc(3) %}")
case("folder_no_signature_keywords", PAGE % "{% module Card(title='<b>') %}")
case("folder_star_args", PAGE % "{% module Star(1, 2, 3, sep='-', z=1, a=2) %}")
case("folder_star_args_empty", PAGE % "{% module Star('x') %}")
case("folder_literal_defaults", PAGE % "{% module Defaults() %}")
case("folder_literal_defaults_overridden", PAGE % "{% module Defaults(1, 2, f='F') %}")
case("folder_unicode", PAGE % "{% module Uni() %}{% module Uni('\u00c5sa') %}")
case("folder_links_absolute_relative_dedup", PAGE % "{% module Links() %}")
case("folder_helper_sees_handler_namespace", PAGE % "{% module Helper(tag=v) %}", {"v": "V"})
case("folder_output_escaped_through_modules", PAGE % "{{ modules.Card(title='x') }}")
case("folder_module_argument_not_escaped", PAGE % "{% module Esc(v) %}", {"v": "<i>"})
case("folder_recursion", PAGE % "{% module Recur(3) %}")
case("folder_heads_and_bodies", PAGE % "{% module Heads() %}{% module M1(1) %}")
case("folder_not_called_no_resources", PAGE % "{% if False %}{% module M1(1) %}{% end %}ok")
case("fragment_has_no_injection", "<head></head>{% module M1(1) %}<body></body>", fragment=True)
case("no_resources_needs_no_tags", "{% module Esc('plain') %}")
case("missing_head_for_embedded_css", "{% module Card(title='plain') %}")
case("missing_head_for_head_parts", "<body>{% module Heads() %}</body>")
case("missing_body_for_body_parts", "<head></head>{% module Heads() %}")
case("missing_body_js_files_after_head", "<head></head>{% module Comment('c') %}")
case("head_before_first_of_two", "<head></head><head></head><body>{% module Card(title='c') %}</body>")
case("body_uppercase_not_found", "<HEAD></HEAD><BODY>{% module M1(1) %}</BODY>")
case("failed_render_still_counts_resources",
     PAGE % "{% try %}{% module Broken(0) %}{% except ZeroDivisionError %}caught{% end %}")
case("error_inside_module_template", PAGE % "{% module Broken(0) %}")
case("handwritten_non_str_resource", PAGE % "{% module Weird() %}")
case("handwritten_tuple_files_falsy_parts", PAGE % "{% module ListFiles() %}")
case("handwritten_non_str_file_path", "<head></head>{% module BadFiles() %}")
case("set_resources_positional", {
    "page.html": "{% module Template('r.html') %}",
    "r.html": "{{ set_resources('x.css') }}"})
case("set_resources_passed_to_template", {
    "page.html": "{% module Template('r.html', set_resources=1) %}",
    "r.html": "r"})
case("handwritten_and_folder_order",
     PAGE % "{% module Counter('x') %}{% module M2() %}{% module ListFiles() %}{% module Counter('y') %}")

# -- Tornado compiles `{% module EXPR %}` as `_tt_modules.` + EXPR: the first name only
case("module_conditional_true", {
    "page.html": "{% module Template('a.html') if True else Template('b.html') %}",
    "a.html": "A", "b.html": "B"})
case("module_conditional_false", {
    "page.html": "{% module Template('a.html') if False else Template('b.html') %}",
    "a.html": "A", "b.html": "B"})
case("module_conditional_other_value", {
    "page.html": "[{% module Template('a.html') if flag else '-' %}]",
    "a.html": "A"}, {"flag": False})
case("module_boolean_operator", PAGE % "{% module M2() and Esc('x') %}")

# -- Wrong arguments (Python's TypeError texts, counts including self)
for name, call in [
        ("missing_positional", "Entry()"),
        ("too_many_positional", "Entry(1, 2, 3)"),
        ("unexpected_keyword", "Entry(1, bogus=2)"),
        ("multiple_values", "Entry(1, entry=2)"),
        ("keyword_only_missing_default_used", "Item()"),
        ("keyword_only_positional", "Item(1, '>')"),
        ("no_signature_positional", "Card('x')"),
        ("empty_signature_argument", "M2(1)"),
        ("self_keyword", "Entry(1, self=2)"),
        ("template_without_path", "Template()"),
        ("linkify_without_text", "linkify()"),
        ("xsrf_with_argument", "xsrf_form_html(1)"),
        ("unknown_module", "Nope()"),
        ("star_missing_first", "Star(sep='x')"),
]:
    case("args_" + name, PAGE % ("{%% module %s %%}" % call), {"e": ENTRY})


# -- Running them through Tornado
def module_class(name):
    folder = os.path.join(MODULES_DIR, name)

    def read(file):
        path = os.path.join(folder, file)
        if not os.path.exists(path):
            return None
        with open(path, encoding="utf-8") as f:
            return f.read()

    meta = json.loads(read("module.json") or "{}")
    sig = meta.get("signature")
    if sig is None:
        body = "def render(self, **kwargs):\n    return self.handler.module_template(%r, kwargs)\n"
        src = body % name
    else:
        src = ("def render(self, %s):\n    _ns = dict(locals())\n    del _ns['self']\n"
               "    return self.handler.module_template(%r, _ns)\n") % (sig, name)
    src = "class %s(web.UIModule):\n" % name + "".join("    " + l + "\n" for l in src.splitlines())
    scope = {"web": web}
    exec(src, scope)
    cls = scope[name]
    hooks = {"embedded_css": read("embedded.css"), "embedded_javascript": read("embedded.js"),
             "css_files": meta.get("css_files"), "javascript_files": meta.get("javascript_files"),
             "html_head": meta.get("html_head"), "html_body": meta.get("html_body")}
    for hook, value in hooks.items():
        setattr(cls, hook, (lambda v: lambda self: v)(value))
    return cls


MODULE_LOADER = None


class CaseHandler(web.RequestHandler):
    def initialize(self, results):
        self.results = results

    def get_template_path(self):
        return PAGES_DIR

    def module_template(self, module, ns):
        t = MODULE_LOADER.load(module + "/template.html")
        namespace = self.get_template_namespace()
        namespace.update(ns)
        return t.generate(**namespace)

    def get(self, index):
        self.index = int(index)
        c = CASES[self.index]
        for name in c.get("before", []):
            self.render_string(name, **c["args"])
        if c.get("fragment"):
            self.finish(self.render_string(c["main"], **c["args"]))
        else:
            self.render(c["main"], **c["args"])

    def log_exception(self, typ, value, tb):
        self.results[self.index] = {"type": typ.__name__, "message": str(value)}

    def write_error(self, status_code, **kwargs):
        self.finish("error")


def write_text(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def write_data():
    shutil.rmtree(MODULES_DIR, ignore_errors=True)
    shutil.rmtree(STATIC_DIR, ignore_errors=True)
    shutil.rmtree(PAGES_DIR, ignore_errors=True)
    for c in CASES:
        for file, text in c.pop("templates").items():
            write_text(os.path.join(PAGES_DIR, c["name"], file), text)
    for file, text in ROOT_FILES.items():
        write_text(os.path.join(PAGES_DIR, file), text)
    for name, files in MODULES.items():
        for file, text in files.items():
            write_text(os.path.join(MODULES_DIR, name, file), text)
    for file, text in MODULE_FILES.items():
        write_text(os.path.join(MODULES_DIR, file), text)
    for file, text in STATIC.items():
        write_text(os.path.join(STATIC_DIR, file), text)


def run_all():
    global MODULE_LOADER
    MODULE_LOADER = template.Loader(MODULES_DIR)
    ui_modules = {name: module_class(name) for name in MODULES}
    ui_modules.update(HANDWRITTEN)
    errors = {}
    app = web.Application([(r"/case/(\d+)", CaseHandler, {"results": errors})],
                          ui_modules=ui_modules, static_path=STATIC_DIR)
    loop = ioloop.IOLoop.current()
    server = app.listen(0, address="127.0.0.1")
    port = next(iter(server._sockets.values())).getsockname()[1]
    client = httpclient.AsyncHTTPClient()

    async def fetch_all():
        for i, c in enumerate(CASES):
            r = await client.fetch("http://127.0.0.1:%d/case/%d" % (port, i), raise_error=False)
            if r.code == 200:
                c["expected"] = r.body.decode("utf-8")
            else:
                assert i in errors, (c["name"], r.code, r.body)
                c["expected"] = errors[i]

    loop.run_sync(fetch_all)
    server.stop()


def main():
    names = [c["name"] for c in CASES]
    assert len(names) == len(set(names)), "duplicate case names"
    write_data()
    run_all()
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(CASES, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print("%d cases -> %s" % (len(CASES), os.path.relpath(OUT)), file=sys.stderr)


if __name__ == "__main__":
    main()
