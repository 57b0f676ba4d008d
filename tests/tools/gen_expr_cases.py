#!/usr/bin/python3
"""Generates tests/frontend/data/expr_valid_cases.json: Python snippets that CPython accepts
in the position Tornado pastes them, with the expected S-expression dump (the format of
compiler/ast/expr_dump.hpp) computed from CPython's own `ast` module.

Run from the repo root: /usr/bin/python3 tests/tools/gen_expr_cases.py
Modes: expr ({% if %} condition: one expression), tuple ({{ }}: expression list),
set (set body; Tornado writes it at column 4 inside a function), for (for header),
except (except header).
"""
import ast
import json
import sys

CASES = {
    "expr": [
        "x", "_private", "名前", "café", "None", "True", "False",
        "0", "42", "1_000_000", "0x1F", "0XfF", "0o17", "0b1010", "0b_1", "0x_ff",
        "9223372036854775807", "1.5", "1e-5", "1E10", ".5", "5.", "1_0.2_5", "1e+16",
        "0.1", "1.7976931348623157e308", "1e400", "0e0", "00", "0_0",
        "'text'", '"text"', "'it''s'", "'a' 'b' \"c\"", "u'x'", "r'\\d+'", "R'a\\'b'",
        "'''tri\nple'''", '"""x"y"""', "'\\n\\t\\\\\\'\\\"'", "'\\x41\\u00e9\\U0001F600'",
        "'\\101\\0'", "'\\q'", "'caf\u00e9 \u4e2d'", "'a\\\nb'", "'\\a\\b\\f\\v\\r'",
        "x.y", "x.y.z", "x.upper()", "f()", "f(a)", "f(a, b)", "f(a, b,)", "f(k=1)",
        "f(a, k=1, j=x.y)", "f(*args)", "f(**kw)", "f(a, *args, k=1, **kw)", "f(x for x in y)",
        "f((x for x in y), 1)", "f(a)(b)", "f()[0].g", "a[0]", "a['k']", "a[-1]", "a[1:2]",
        "a[:2]", "a[1:]", "a[:]", "a[::]", "a[::-1]", "a[1:2:3]", "a[1:2, 3]", "a[1, 2]",
        "a[1,]", "a[x][y]", "a[b[c]]", "a[lambda: 1]", "a[x if y else z]",
        "-x", "+x", "~x", "not x", "not not x", "- - x", "-2 ** 2", "2 ** -1", "2 ** 3 ** 2",
        "(-2) ** 2", "a ** b ** c", "-a.b", "not a == b",
        "a + b", "a - b - c", "a * b", "a / b", "a // b", "a % b", "a + b * c", "(a + b) * c",
        "a << b", "a >> b", "a & b", "a | b", "a ^ b", "a | b ^ c & d << e + f * g",
        "'%s' % x", "'%s-%s' % (a, b)", "'{}'.format(x)",
        "a < b", "a <= b", "a > b", "a >= b", "a == b", "a != b", "a in b", "a not in b",
        "a is b", "a is not b", "a < b < c", "a < b <= c != d", "a is not None",
        "x not in y and y in z", "not a in b", "a == (b == c)",
        "a and b", "a or b", "a and b and c", "a or b or c", "a and b or c", "a or b and c",
        "not a and b", "a or not b", "x or 'default'",
        "a if b else c", "a if b else c if d else e", "(a if b else c) if d else e",
        "a or b if c and d else e", "lambda: 0", "lambda x: x", "lambda x, y=1: x + y",
        "lambda *args, **kw: args", "lambda x, *a, y=2, **k: 0", "lambda a=1, b=2: a",
        "lambda: lambda: 1", "lambda x: x if x else y", "sorted(ws, key=lambda ws: str(ws.name))",
        "()", "(x)", "((x))", "(x,)", "(x, y)", "(x, y,)", "(1, (2, 3))", "[]", "[1]", "[1, 2,]",
        "[*a]", "[*a, b]", "[x, *a]", "{}", "{1: 2}", "{'a': 1, 'b': 2,}", "{**a}",
        "{**a, 'b': 1}", "{'x': 1, **b}", "{1}", "{1, 2}", "{*a}", "{*a, 1}", "(*a, b)",
        "[x for x in y]", "[x for x in y if x]", "[x for x in y if x if not z]",
        "[x + y for x in a for y in b]", "[x for x in a if x for y in x]",
        "[(k, v) for k, v in d.items()]", "[k for (k, v) in d]", "{x for x in y}",
        "{k: v for k, v in d.items() if k not in 'a b'.split()}", "(x for x in y)",
        "[x for x, in y]", "[[y for y in x] for x in z]", "[x for x in (a if b else c)]",
        "[x for x in a or b]",
        "(\n a\n + b\n)", "[1,\n 2]", "{\n'a': 1,\n}", "f(a,\n  b)",
        "x # comment", "(x # c\n + y)",
        "a.b[c](d).e", "handler.settings['x'].get('y', None)", "1if x else 2",
        "_('Home')", "static_url('css/a.css')", "xsrf_form_html()",
        "'a' if x else \"b\"", "str(catid)[-1]", "entry.title[:40]",
        "int(media['length'] / 1024)", "request.request_time() * 1000",
        "modules.Static('js/chat.js')", "x[1:2][::2]", "'' .join(x)", "a.if_",
        "f(a)[b](c)", "match", "case", "type", "print",
        # Constructs from ../shared/corpus/CONSTRUCTS.md, written as the corpus writes them.
        "FlashMessages().as_list()", "Template('x.html', a=1)[:3]", "globals().get('name')",
        "'name' in globals()", "'%s' % (x,)", "'{0}'.format(a, b=c)", "[a, b][i]",
        "int(100 * knowledge.right)", r"""'<div class=\"row\">' if offset in (0,2,5,8) else ''""",
        r'''str(exception).replace("\n", "<br/>")''', "stats['difficulties'][-1]",
        "name not in ['name', 'uuid'] and getattr(task, name, None) is not None",
        "static_url('main.%sjs' % ( '' if options.unminified else 'min.'))",
        "sorted(ws.processing, key=lambda ts: ts.priority)", "pprint.pformat(x)",
        "locale.format_date(entry.published, full_format=True, shorten=True)",
        "escape.url_escape(x)", "json_encode({'a': [1, 2.5, None]})", "ii <= 10",
        "sum(1 for x in y if x)", "any(x for x in y)", "', '.join(str(x) for x in y)",
    ],
    "tuple": ["a, b", "a,", "1, 2, 3", "a, (b, c)", "*a, b", "x"],
    "set": [
        "x = 1", "a, b = pair", "a = b = 1", "(a, b) = c", "[a, b] = c", "a, (b, c) = d",
        "x += 1", "x -= 1", "x *= 2", "x /= 2", "x //= 2", "x %= 2", "x **= 2", "x <<= 1",
        "x >>= 1", "x &= 1", "x |= 1", "x ^= 1", "d['k'] = v", "obj.attr = v", "a[1:2] = b",
        "items.append(x)", "x", "a = 1; b = 2", "a = 1;", "pass", "x = y if z else w",
        "x = lambda: 1", "a.b.c = d[e] = 1", "x = 1, 2", "x = *a, b", "x = yield_",
        "cur_num = page_current\n    if cur_num > 5:\n        cur_num = cur_num - 4\n"
        "    else:\n        cur_num = 1",
        "if a: x = 1", "if a: x = 1; y = 2", "if a:\n        x = 1\n    elif b:\n        x = 2\n"
        "    else:\n        x = 3", "if a:\n        if b:\n            x = 1\n        y = 2\n    z = 3",
        "x = 1 # c\n    # only comment\n\n    y = 2", "x = (1,\n2)", "x = 1 \\\n+ 2",
        "if a:\n      x = 1\n    else:\n            y = 2", "if a:\n        pass",
        "x = '''a\nb'''", "if a: pass\n    else: x = 1", "x = [i for i in y]",
        "name = name or 'John'",
        "worker_list = sorted(workers.values(), key=lambda ws: str(ws.name))",
        "a = 1; b = 2; c = a + b", "total = sum(x.n for x in items)", "d[k], e.f = 1, 2",
        "if a:\n        x = 1\n\n        # note\n    else:\n        x = 2",
        "other = {key: value for key, value in worker['stats'].items() if key not in "
        "'pool pid'.split()}",
    ],
    "for": ["x in y", "k, v in d.items()", "(a, b) in c", "[a, b] in c", "x, in y",
            "x in 1, 2", "i in range(10)", "x.a in y", "x[0] in y", "a, (b, c) in d",
            "x in y if z else w", "x in lambda: y"],
    "except": ["E", "(A, B)", "E as e", "(A, B) as e", "module.Error as err"],
}


def dump_const(v):
    if v is None or isinstance(v, bool):
        return "(const %r)" % (v,)
    if isinstance(v, int):
        return "(const %d)" % v
    if isinstance(v, float):
        return "(const %r)" % v
    if isinstance(v, str):
        return "(const %s)" % json.dumps(v, ensure_ascii=False)
    raise ValueError("constant %r" % (v,))


BINOPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//",
          ast.Mod: "%", ast.Pow: "**", ast.LShift: "<<", ast.RShift: ">>", ast.BitAnd: "&",
          ast.BitOr: "|", ast.BitXor: "^"}
CMPOPS = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
          ast.In: "in", ast.NotIn: "not-in", ast.Is: "is", ast.IsNot: "is-not"}
UNOPS = {ast.USub: "neg", ast.UAdd: "pos", ast.Invert: "invert", ast.Not: "not"}


def opt(e):
    return "_" if e is None else d(e)


def seq(head, items):
    return "(" + " ".join([head] + [d(i) for i in items]) + ")"


def comp_clauses(gens):
    out = []
    for g in gens:
        parts = ["for", d(g.target), d(g.iter)] + ["(if %s)" % d(c) for c in g.ifs]
        out.append("(" + " ".join(parts) + ")")
    return out


def lambda_params(a):
    params = []
    pos = a.args
    defaults = [None] * (len(pos) - len(a.defaults)) + list(a.defaults)
    for p, df in zip(pos, defaults):
        params.append(p.arg if df is None else "(= %s %s)" % (p.arg, d(df)))
    if a.vararg:
        params.append("(* %s)" % a.vararg.arg)
    for p, df in zip(a.kwonlyargs, a.kw_defaults):
        params.append(p.arg if df is None else "(= %s %s)" % (p.arg, d(df)))
    if a.kwarg:
        params.append("(** %s)" % a.kwarg.arg)
    return "(" + " ".join(["params"] + params) + ")"


def d(e):
    t = type(e)
    if t is ast.Name:
        return "(name %s)" % e.id
    if t is ast.Constant:
        return dump_const(e.value)
    if t is ast.Attribute:
        return "(attr %s %s)" % (d(e.value), e.attr)
    if t is ast.Subscript:
        return "(sub %s %s)" % (d(e.value), d(e.slice))
    if t is ast.Slice:
        return "(slice %s %s %s)" % (opt(e.lower), opt(e.upper), opt(e.step))
    if t is ast.Call:
        args = [("(star %s)" % d(a.value)) if type(a) is ast.Starred else d(a) for a in e.args]
        args += ["(dstar %s)" % d(k.value) if k.arg is None else "(kw %s %s)" % (k.arg, d(k.value))
                 for k in e.keywords]
        return "(" + " ".join(["call", d(e.func)] + args) + ")"
    if t is ast.UnaryOp:
        return "(%s %s)" % (UNOPS[type(e.op)], d(e.operand))
    if t is ast.BinOp:
        return "(%s %s %s)" % (BINOPS[type(e.op)], d(e.left), d(e.right))
    if t is ast.BoolOp:
        return seq("and" if type(e.op) is ast.And else "or", e.values)
    if t is ast.Compare:
        parts = ["compare", d(e.left)]
        for op, c in zip(e.ops, e.comparators):
            parts += [CMPOPS[type(op)], d(c)]
        return "(" + " ".join(parts) + ")"
    if t is ast.IfExp:
        return "(ifexp %s %s %s)" % (d(e.test), d(e.body), d(e.orelse))
    if t in (ast.Tuple, ast.List, ast.Set):
        return seq({ast.Tuple: "tuple", ast.List: "list", ast.Set: "set"}[t], e.elts)
    if t is ast.Dict:
        items = ["(: %s %s)" % (d(k), d(v)) if k is not None else "(** %s)" % d(v)
                 for k, v in zip(e.keys, e.values)]
        return "(" + " ".join(["dict"] + items) + ")"
    if t in (ast.ListComp, ast.SetComp, ast.GeneratorExp):
        head = {ast.ListComp: "listcomp", ast.SetComp: "setcomp", ast.GeneratorExp: "genexp"}[t]
        return "(" + " ".join([head, d(e.elt)] + comp_clauses(e.generators)) + ")"
    if t is ast.DictComp:
        return "(" + " ".join(["dictcomp", d(e.key), d(e.value)] + comp_clauses(e.generators)) + ")"
    if t is ast.Lambda:
        return "(lambda %s %s)" % (lambda_params(e.args), d(e.body))
    if t is ast.Starred:
        return "(starred %s)" % d(e.value)
    raise ValueError("unsupported node %s" % t.__name__)


def stmt(s, src):
    t = type(s)
    if t is ast.Assign:
        return "(" + " ".join(["assign"] + [d(x) for x in s.targets] + [d(s.value)]) + ")"
    if t is ast.AugAssign:
        return "(augassign %s= %s %s)" % (BINOPS[type(s.op)], d(s.target), d(s.value))
    if t is ast.Expr:
        return "(expr %s)" % d(s.value)
    if t is ast.Pass:
        return "(pass)"
    if t is ast.If:
        return "(if-stmt " + " ".join(if_branches(s, src)) + ")"
    raise ValueError("unsupported statement %s" % t.__name__)


def if_branches(s, src):
    out = ["(" + " ".join(["branch", d(s.test)] + [stmt(x, src) for x in s.body]) + ")"]
    if not s.orelse:
        return out
    first = s.orelse[0]
    line = src.splitlines()[first.lineno - 1]
    if len(s.orelse) == 1 and type(first) is ast.If and line[first.col_offset:].startswith("elif"):
        return out + if_branches(first, src)
    return out + ["(" + " ".join(["else"] + [stmt(x, src) for x in s.orelse]) + ")"]


def expected(mode, text):
    if mode == "expr":
        return d(ast.parse(text, mode="eval").body)
    if mode == "tuple":
        src = "def f():\n    _tt_tmp = " + text + "\n"
        return d(ast.parse(src).body[0].body[0].value)
    if mode == "set":
        src = "def f():\n    " + text + "\n    pass\n"
        return " ".join(stmt(s, src) for s in ast.parse(src).body[0].body[:-1])
    if mode == "for":
        f = ast.parse("for " + text + ":\n pass").body[0]
        return "(for-header %s %s)" % (d(f.target), d(f.iter))
    if mode == "except":
        h = ast.parse("try:\n pass\nexcept " + text + ":\n pass").body[0].handlers[0]
        return "(except %s %s)" % (d(h.type), json.dumps(h.name or ""))
    raise ValueError(mode)


def main():
    out = []
    for mode, texts in CASES.items():
        for text in texts:
            out.append({"mode": mode, "text": text, "dump": expected(mode, text)})
    path = sys.argv[1] if len(sys.argv) > 1 else "tests/frontend/data/expr_valid_cases.json"
    with open(path, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("%d cases -> %s" % (len(out), path))


if __name__ == "__main__":
    main()
