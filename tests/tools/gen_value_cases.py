#!/usr/bin/python3
"""Generates tests/runtime/data/value_cases.json: Python expression cases whose expected
results come from running them in CPython. The C++ test (tests/runtime/value_cases_test.cpp)
evaluates the same operations through squall::py and compares repr() of the result, or the
exception class and str(e).

Run from the repository root with /usr/bin/python3 (the version recorded in the output):
    /usr/bin/python3 tests/tools/gen_value_cases.py

Operands are written as Python expressions that the C++ test's small literal parser
understands: literals, names of builtins (`str`, `len`), `datetime`, attribute access and calls.
Cases whose Python result needs an int beyond 64 bits are dropped: Squall raises
OverflowError there by design (tested separately).
"""
import datetime
import json
import operator
import random
import struct
import sys

INT64 = (-(2 ** 63), 2 ** 63 - 1)
NS = {"datetime": datetime}

BINARY = {
    "add": operator.add, "sub": operator.sub, "mul": operator.mul,
    "truediv": operator.truediv, "floordiv": operator.floordiv, "mod": operator.mod,
    "pow": operator.pow, "lshift": operator.lshift, "rshift": operator.rshift,
    "and_": operator.and_, "or_": operator.or_, "xor_": operator.xor,
    "eq": operator.eq, "ne": operator.ne, "lt": operator.lt, "le": operator.le,
    "gt": operator.gt, "ge": operator.ge,
    "contains": operator.contains,
    "is_": operator.is_,
}
UNARY = {"neg": operator.neg, "pos": operator.pos, "invert": operator.invert,
         "not_": operator.not_, "truthy": bool, "str": str, "repr": repr, "len": len}

cases = []


def fits(v):
    """True when every int inside v fits in int64."""
    if isinstance(v, bool):
        return True
    if isinstance(v, int):
        return INT64[0] <= v <= INT64[1]
    if isinstance(v, (list, tuple, set)):
        return all(fits(x) for x in v)
    if isinstance(v, dict):
        return all(fits(k) and fits(x) for k, x in v.items())
    return True


def ev(src):
    return eval(src, NS)


def run(case, thunk):
    try:
        result = thunk()
        if hasattr(result, "__next__"):
            result = list(result)
            case["iterate"] = True
        if not fits(result) or isinstance(result, complex):
            return  # big ints and complex numbers are outside Squall's Value model
        case["expect"] = repr(result)
    except Exception as e:  # noqa: BLE001 - every Python error class is a test vector
        if isinstance(e, (OverflowError, MemoryError)) and "int" in str(e):
            return
        case["expect_error"] = type(e).__name__
        case["message"] = str(e)
    cases.append(case)


def binary(name, a, b, family):
    run({"id": f"{family}/{len(cases)}", "op": "binary", "name": name, "args": [a, b]},
        lambda: BINARY[name](ev(a), ev(b)))


def unary(name, a, family):
    run({"id": f"{family}/{len(cases)}", "op": "unary", "name": name, "args": [a]},
        lambda: UNARY[name](ev(a)))


def method(self, name, args=(), kwargs=None, family="method"):
    kwargs = kwargs or {}
    run({"id": f"{family}/{len(cases)}", "op": "method", "self": self, "name": name,
         "args": list(args), "kwargs": kwargs},
        lambda: getattr(ev(self), name)(*[ev(a) for a in args],
                                        **{k: ev(v) for k, v in kwargs.items()}))


def builtin(name, args=(), kwargs=None, family="builtin"):
    kwargs = kwargs or {}
    run({"id": f"{family}/{len(cases)}", "op": "builtin", "name": name, "args": list(args),
         "kwargs": kwargs},
        lambda: __builtins__.__dict__[name](*[ev(a) for a in args],
                                            **{k: ev(v) for k, v in kwargs.items()}))


def getitem(obj, key, family="getitem"):
    run({"id": f"{family}/{len(cases)}", "op": "getitem", "args": [obj, key]},
        lambda: ev(obj)[ev(key)])


def slice_case(obj, lo, hi, step, family="slice"):
    run({"id": f"{family}/{len(cases)}", "op": "slice", "args": [obj, lo, hi, step]},
        lambda: ev(obj)[slice(ev(lo), ev(hi), ev(step))])


class AttrDict(dict):
    """Squall's documented deviation: dict keys also read as attributes (methods win)."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"'dict' object has no attribute '{name}'") from None


def getattr_case(obj, name, family="getattr"):
    def thunk():
        v = ev(obj)
        return getattr(AttrDict(v) if type(v) is dict else v, name)
    run({"id": f"{family}/{len(cases)}", "op": "getattr", "args": [obj], "name": name}, thunk)


def format_case(value, spec, family="format"):
    run({"id": f"{family}/{len(cases)}", "op": "format", "args": [value, spec]},
        lambda: format(ev(value), ev(spec)))


# -- Arithmetic
NUMS = ["-7", "-3", "-1", "0", "1", "2", "3", "7", "10", "True", "-2.5", "-0.5", "0.0", "0.1",
        "1.5", "3.0"]
for name in ["add", "sub", "mul", "truediv", "floordiv", "mod"]:
    for a in NUMS:
        for b in ["-3", "-1", "0", "2", "7", "True", "-0.5", "0.0", "1.5"]:
            binary(name, a, b, "arith")
for a in ["2", "-2", "0", "3", "2.0", "-8.0", "0.5", "10"]:
    for b in ["0", "1", "3", "-1", "-2", "0.5", "10", "62"]:
        binary("pow", a, b, "pow")
for a, b in [("9007199254740993", "1"), ("9223372036854775807", "1"), ("-9223372036854775808", "-1"),
             ("3037000500", "3037000500"), ("1e308", "10.0"), ("7", "2.0"), ("-7", "2.0"),
             ("7.5", "-2"), ("-0.0", "1"), ("1e16", "1"), ("0.1", "0.2")]:
    for name in ["add", "sub", "mul", "truediv", "floordiv", "mod"]:
        binary(name, a, b, "arith_edge")
for a, b in [("6", "3"), ("-6", "3"), ("5", "-2"), ("True", "3"), ("1", "62"), ("-1", "1"),
             ("1", "-1"), ("255", "4"), ("True", "False")]:
    for name in ["lshift", "rshift", "and_", "or_", "xor_"]:
        binary(name, a, b, "bits")
for a in ["5", "-5", "0", "2.5", "-0.0", "True", "False", "''", "'a'", "[]", "[0]", "None",
          "{}", "()", "(0,)", "0.0", "set()", "{1}", "range(0)", "range(2)"]:
    for name in ["neg", "pos", "invert", "not_", "truthy"]:
        unary(name, a, "unary")
# Sequences
for a, b in [("'ab'", "'cd'"), ("'ab'", "3"), ("3", "'ab'"), ("'ab'", "0"), ("'ab'", "-1"),
             ("[1, 2]", "[3]"), ("[1]", "3"), ("(1,)", "(2,)"), ("(1, 2)", "2"),
             ("'a'", "1"), ("[1]", "(2,)"), ("'a'", "1.5"), ("[1]", "'a'"), ("None", "1"),
             ("'%s'", "None"), ("{1, 2}", "{2, 3}"), ("'ab'", "True")]:
    for name in ["add", "sub", "mul", "mod"]:
        binary(name, a, b, "seq_ops")
for a, b in [("{1, 2}", "{2, 3}"), ("{1}", "{1, 2}")]:
    for name in ["and_", "or_", "xor_", "sub", "lt", "le", "eq"]:
        binary(name, a, b, "set_ops")

# -- Comparisons
CMP = ["1", "1.0", "True", "0", "2", "-1", "0.5", "'a'", "'b'", "'ab'", "''", "'é'", "[1, 2]",
       "[1, 3]", "[1]", "(1, 2)", "(1,)", "None", "float('nan')", "9007199254740993",
       "9007199254740992.0"]
for a in CMP:
    for b in CMP:
        for name in ["eq", "lt"]:
            binary(name, a, b, "compare")
for a, b in [("1", "2"), ("'a'", "'a'"), ("[1, [2]]", "[1, [2]]"), ("{'a': 1}", "{'a': 1.0}"),
             ("{1, 2}", "{2, 1}"), ("(1, 'a')", "(1, 'b')"), ("range(3)", "range(0, 3)"),
             ("{'a': 1}", "{'a': 2}"), ("[1, 2]", "(1, 2)")]:
    for name in ["eq", "ne", "le", "gt", "ge"]:
        binary(name, a, b, "compare2")
for item, container in [("'a'", "'abc'"), ("'x'", "'abc'"), ("''", "'abc'"), ("1", "[1, 2]"),
                        ("1.0", "[1, 2]"), ("3", "(1, 2)"), ("'a'", "{'a': 1}"), ("1", "{'a': 1}"),
                        ("2", "{1, 2}"), ("1", "'abc'"), ("5", "range(10)"), ("5", "range(0, 10, 2)"),
                        ("4.0", "range(0, 10, 2)"), ("[1]", "[[1], 2]"), ("[1]", "{1: 2}"),
                        ("1", "5"), ("True", "[1]"), ("None", "[None]")]:
    binary("contains", container, item, "contains")
for a, b in [("None", "None"), ("True", "True"), ("False", "False"), ("None", "0"), ("True", "1")]:
    binary("is_", a, b, "is")

# -- %-formatting
PCT = [
    ("'%s'", "'x'"), ("'%s'", "None"), ("'%s'", "1.5"), ("'%r'", "'x'"), ("'%d'", "3.9"),
    ("'%d'", "-3.9"), ("'%i'", "True"), ("'%5d|'", "42"), ("'%-5d|'", "42"), ("'%05d'", "-42"),
    ("'%+d'", "5"), ("'% d'", "5"), ("'%x'", "255"), ("'%X'", "255"), ("'%#x'", "255"),
    ("'%o'", "8"), ("'%#o'", "8"), ("'%e'", "12345.678"), ("'%E'", "0.000123"), ("'%g'", "0.0001"),
    ("'%g'", "1e-05"), ("'%g'", "123456789.0"), ("'%G'", "1e-10"), ("'%f'", "3.14159"),
    ("'%.2f'", "2.675"), ("'%.2f'", "1.005"), ("'%5.1f|'", "3.14159"), ("'%-8.3f|'", "-3.14159"),
    ("'%08.3f'", "-3.14159"), ("'%.0f'", "0.5"), ("'%.0f'", "1.5"), ("'%.3s'", "'abcdef'"),
    ("'%10s|'", "'abc'"), ("'%-10s|'", "'abc'"), ("'%c'", "65"), ("'%c'", "'z'"), ("'%%'", "()"),
    ("'%s-%05.2f'", "('a', 3.14159)"), ("'%s and %s'", "('a', 'b')"), ("'%s'", "('a',)"),
    ("'%s'", "[1, 2]"), ("'%s'", "{'a': 1}"), ("'%(n)d apples'", "{'n': 3}"),
    ("'%(a)s %(b)r'", "{'a': 'x', 'b': 'y'}"), ("'%(a)s %%'", "{'a': 1}"), ("'%s %s'", "('a',)"),
    ("'%s'", "('a', 'b')"), ("'%d'", "'x'"), ("'%x'", "1.5"), ("'%f'", "'x'"), ("'%(a)s'", "('a',)"),
    ("'%(a)s'", "{}"), ("'%y'", "1"), ("'%*d'", "(5, 42)"), ("'%.*f'", "(2, 3.14159)"),
    ("'%s'", "True"), ("'%d'", "True"), ("'%f'", "float('inf')"), ("'%e'", "float('nan')"),
    ("'%.1f%%'", "99.5"), ("'%s %s'", "[1, 2]"), ("'%5.1e'", "123.456"), ("'%s'", "''"), ("'%a'", "'é'"),
    ("'%.15g'", "0.1"), ("'%.17g'", "0.1"), ("'%-+6d|'", "3"), ("'%+.2e'", "-0.0"),
]
for f, a in PCT:
    binary("mod", f, a, "percent")

# -- format() and str.format
FMT = [
    ("'ab'", "'>4'"), ("'ab'", "'<4'"), ("'ab'", "'^5'"), ("'ab'", "'*^6'"), ("'abc'", "'.2'"),
    ("'ab'", "''"), ("'ab'", "'s'"), ("'ab'", "'+'"), ("'ab'", "'=5'"), ("'ab'", "'d'"),
    ("0.25", "'.1%'"), ("1234567.891", "','"), ("1234567.891", "',.2f'"), ("1234567", "'_'"),
    ("1234567", "','"), ("255", "'x'"), ("255", "'#x'"), ("255", "'#X'"), ("255", "'#b'"),
    ("255", "'#o'"), ("255", "'08b'"), ("255", "'_b'"), ("65", "'c'"), ("-42", "'05'"),
    ("42", "'+'"), ("42", "' '"), ("42", "'=+6'"), ("-42", "'<6'"), ("42", "'^7'"),
    ("42", "'.2f'"), ("42", "'e'"), ("42", "'%'"), ("42", "'g'"), ("1234", "'010,'"),
    ("3.14159", "''"), ("3.14159", "'.2'"), ("3.14159", "'.3g'"), ("3.14159", "'10.3f'"),
    ("3.14159", "'<10.3f'"), ("3.14159", "'010.3f'"), ("-3.14159", "'+.1f'"),
    ("1e16", "''"), ("1e16", "'.3'"), ("100.0", "'.3'"), ("1.0", "'.3'"), ("0.0001", "'g'"),
    ("0.00001", "'g'"), ("1e-7", "'.2e'"), ("123456789.0", "'g'"), ("123456789.0", "'.10g'"),
    ("float('inf')", "'f'"), ("float('-inf')", "'F'"), ("float('nan')", "'.2f'"),
    ("-0.0", "''"), ("-0.0", "'.1f'"), ("2.5", "'.0f'"), ("3.5", "'.0f'"), ("0.125", "'.2f'"),
    ("1.5", "'#.0f'"), ("12.0", "'#g'"), ("True", "''"), ("True", "'d'"), ("True", "'>5'"),
    ("None", "''"), ("None", "'>5'"), ("[1]", "''"), ("1.5", "'x'"), ("'x'", "'.x'"),
    ("1234.5678", "'_.2f'"), ("0.000012345", "'.3e'"), ("12345.6789", "'.2%'"),
    ("5", "'*>+8'"), ("5.5", "'0=8.2f'"), ("'é'", "'^5'"), ("'x'", "'é<3'"),
]
for v, spec in FMT:
    format_case(v, spec)
# A seeded sweep of random specs over ints, floats and strings.
spec_rng = random.Random(77)
SWEEP_VALUES = ["0", "7", "-42", "123456789", "True", "0.0", "-0.0", "3.14159", "-2.5",
                "1234567.891", "1e-07", "6.02e+23", "0.5", "'abc'", "'héllo'", "''"]
for _ in range(400):
    fill_align = spec_rng.choice(["", "", "<", ">", "^", "=", "*<", "0>", "_^", "#="])
    sign = spec_rng.choice(["", "", "+", "-", " "])
    alt = spec_rng.choice(["", "", "#"])
    zero = spec_rng.choice(["", "", "0"])
    width = spec_rng.choice(["", "", "1", "6", "12"])
    group = spec_rng.choice(["", "", ",", "_"])
    prec = spec_rng.choice(["", "", ".0", ".1", ".3", ".12"])
    typ = spec_rng.choice(["", "", "d", "s", "f", "F", "e", "E", "g", "G", "%", "x", "X",
                           "o", "b", "n", "c"])
    spec = fill_align + sign + alt + zero + width + group + prec + typ
    format_case(spec_rng.choice(SWEEP_VALUES), repr(spec), family="format_sweep")
for _ in range(250):
    flags = "".join(spec_rng.sample(["-", "+", " ", "#", "0"], spec_rng.randint(0, 2)))
    width = spec_rng.choice(["", "", "3", "8"])
    prec = spec_rng.choice(["", "", ".0", ".2", ".5"])
    conv = spec_rng.choice(["s", "r", "d", "i", "x", "X", "o", "e", "E", "f", "F", "g", "G", "c"])
    binary("mod", repr("%" + flags + width + prec + conv),
           spec_rng.choice(["0", "7", "-42", "3.14159", "-0.5", "1e15", "'ab'", "True", "65"]),
           "percent_sweep")
SF = [
    ("'{} {}'", ["1", "'a'"], {}), ("'{0}{1}{0}'", ["'a'", "'b'"], {}),
    ("'{name}!'", [], {"name": "'Bob'"}), ("'{:>4}|{:.1%}'", ["'ab'", "0.25"], {}),
    ("'{!r}'", ["'x'"], {}), ("'{!a}'", ["'é😀\\u2028'"], {}), ("'{!s:>5}'", ["1.5"], {}), ("'{0[1]}'", ["[1, 2]"], {}),
    ("'{0[a]}'", ["{'a': 5}"], {}), ("'{x.year}'", [], {"x": "datetime.date(2024, 1, 2)"}),
    ("'{{}} {}'", ["1"], {}), ("'{:{w}}|'", ["'a'"], {"w": "4"}), ("'{:,}'", ["1234567"], {}),
    ("'{} {}'", ["1"], {}), ("'{0} {}'", ["1", "2"], {}), ("'{missing}'", [], {}),
    ("'{'", [], {}), ("'}'", [], {}), ("'{:d}'", ["'a'"], {}), ("'{:.2f}'", ["2.675"], {}),
    ("'{:08.3f}'", ["-1.5"], {}), ("'{:^9}'", ["'mid'"], {}), ("'{!x}'", ["1"], {}),
    ("'{0:{1}}'", ["3.14159", "'.2f'"], {}), ("'{:_x}'", ["1000000"], {}),
    ("'{a}{b}'", [], {"a": "1", "b": "None"}), ("'{}'", ["[1, 'a']"], {}),
    ("'{:e}'", ["0"], {}), ("'{0.real}'", ["1"], {}),
    ("'{:%Y-%m-%d %H:%M}'", ["datetime.datetime(2024, 5, 6, 7, 8)"], {}),
    ("'{:>12}'", ["datetime.date(2024, 5, 6)"], {}),
]
for f, args, kwargs in SF:
    method(f, "format", args, kwargs, family="str_format")

# -- repr/str of floats: fixed points and a random sweep
FLOATS = ["0.1", "0.2", "0.30000000000000004", "1.0", "2.0", "-0.0", "0.0", "1e16", "1e15",
          "1e-05", "1e-07", "0.0001", "123456789012345678.0", "1e22", "1.7976931348623157e+308",
          "5e-324", "2.2250738585072014e-308", "float('inf')", "float('-inf')", "float('nan')",
          "1.5", "100.0", "9999999999999998.0", "0.001", "1234.5", "1e+100", "3.141592653589793"]
rng = random.Random(20240601)
for _ in range(120):
    x = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
    if x == x and abs(x) != float("inf"):
        FLOATS.append("%.17g" % x)
for _ in range(60):
    FLOATS.append("%.17g" % (rng.uniform(-1, 1) * 10 ** rng.randint(-30, 30)))
for _ in range(40):
    FLOATS.append("%.17g" % round(rng.uniform(0, 1000), rng.randint(0, 6)))
for e in range(-8, 20):
    FLOATS.append("%.17g" % (1.25 * 10 ** e))
for f in FLOATS:
    unary("repr", f, "float_repr")
for v in ["None", "True", "'it''s'", "'a\\'b\"c'", "'tab\\there'", "'\\x00'", "'é'", "'\\u2028'",
          "'back\\\\slash'", "'\\x7f'", "'\\xa0'", "'\\U0001f600'", "'\\ud7ff'", "[1, 'a', None]",
          "(1,)", "()", "{'z': 1, 'a': [1.5, None, {'k': False}]}", "{1, 2}", "set()", "{}",
          "range(3)", "range(1, 10, 2)", "[[], [()]]", "'\"'", "'\\'\"'", "'\\r\\n'",
          "datetime.datetime(2024, 1, 2, 3, 4, 5)", "datetime.date(2024, 1, 2)",
          "datetime.datetime(2024, 1, 2)", "datetime.datetime(2024, 1, 2, 3, 4, 5, 6)",
          "datetime.timedelta(days=1, seconds=5)", "datetime.timedelta(0)",
          "datetime.timedelta(seconds=-1)", "{1: 'a', 2.5: 'b', None: 3, (1, 2): 4}",
          "[1.0, -0.0, 1e16]", "'\\x1b[0m'", "'\\u200b'", "'\\ue000'"]:
    unary("repr", v, "repr")
    unary("str", v, "str")
for v in ["'héllo'", "''", "[1, 2]", "{'a': 1}", "(1,)", "range(5)", "range(10, 0, -3)", "5",
          "None", "{1, 2, 2}"]:
    unary("len", v, "len")

# -- Subscripts and slices
SEQS = ["'héllo wörld'", "[0, 1, 2, 3, 4, 5]", "(0, 1, 2, 3)", "'abc'", "range(10)"]
for s in SEQS:
    for k in ["0", "1", "-1", "-2", "3", "100", "-100", "'a'", "1.0", "True"]:
        getitem(s, k)
for k in ["'a'", "'z'", "1", "1.0", "True", "(1, 2)", "[1]"]:
    getitem("{'a': 1, 1: 'one', (1, 2): 't'}", k)
getitem("5", "0")
getitem("None", "'a'")
BOUNDS = ["None", "0", "1", "2", "-1", "-2", "3", "-4", "10", "-10"]
for s in ["'abcdef'", "[0, 1, 2, 3, 4]", "'héllo'", "(1, 2, 3)", "range(0, 20, 3)"]:
    for lo, hi, st in [("None", "None", "-1"), ("None", "None", "2"), ("1", "None", "None"),
                       ("None", "-1", "None"), ("-2", "None", "None"), ("1", "4", "2"),
                       ("4", "1", "-1"), ("-1", "-4", "-2"), ("10", "None", "-1"),
                       ("None", "None", "0"), ("-10", "10", "3"), ("3", "3", "None"),
                       ("'a'", "None", "None"), ("None", "2", "-2"), ("0", "100", "1")]:
        slice_case(s, lo, hi, st)

slice_rng = random.Random(5)
SLICE_BOUNDS = ["None", "0", "1", "2", "3", "-1", "-2", "-3", "5", "-7", "9"]
for _ in range(300):
    seq = slice_rng.choice(["'abcdefg'", "'añb€c😀d'", "[0, 1, 2, 3, 4, 5, 6]", "(1, 2, 3)",
                            "range(2, 30, 4)", "range(10, -5, -3)", "''"])
    slice_case(seq, slice_rng.choice(SLICE_BOUNDS), slice_rng.choice(SLICE_BOUNDS),
               slice_rng.choice(["None", "1", "2", "3", "-1", "-2", "-3"]), family="slice_sweep")
    getitem(seq, slice_rng.choice(SLICE_BOUNDS[1:]), family="index_sweep")

# -- str methods
S = "'  Hello, World  '"
STRM = [
    (S, "strip", []), (S, "lstrip", []), (S, "rstrip", []), ("'xxhixx'", "strip", ["'x'"]),
    ("'\\u00a0 hi\\u3000'", "strip", []), ("'abcba'", "strip", ["'ab'"]), ("'a'", "strip", ["1"]),
    ("'a,b,,c'", "split", ["','"]), ("' a  b c '", "split", []), ("'a b c'", "split", ["None", "1"]),
    ("'a,b,c'", "split", ["','", "1"]), ("'a,b,c'", "rsplit", ["','", "1"]),
    ("' a b c '", "rsplit", ["None", "1"]), ("'abc'", "split", ["''"]), ("''", "split", []),
    ("''", "split", ["','"]), ("'a\\u2003b'", "split", []), ("'a b  c  '", "split", ["None", "1"]),
    ("'a,b'", "split", [], {"sep": "','"}), ("'a b c'", "split", [], {"maxsplit": "1"}),
    ("'-'", "join", ["['a', 'b', 'c']"]), ("', '", "join", ["('x',)"]), ("''", "join", ["'abc'"]),
    ("','", "join", ["[1, 2]"]), ("','", "join", ["{'k': 1, 'j': 2}"]),
    ("'aaa'", "replace", ["'a'", "'b'"]), ("'aaa'", "replace", ["'a'", "'b'", "2"]),
    ("'ab'", "replace", ["''", "'-'"]), ("'ab'", "replace", ["''", "'-'", "2"]),
    ("'héllo'", "replace", ["'é'", "'e'"]),
    ("'hello'", "startswith", ["'he'"]), ("'hello'", "startswith", ["('x', 'h')"]),
    ("'hello'", "startswith", ["'l'", "2"]), ("'hello'", "endswith", ["'lo'"]),
    ("'hello'", "endswith", ["'l'", "0", "4"]), ("'hello'", "startswith", ["1"]),
    ("'hello'", "startswith", ["''", "6"]),
    ("'Hello World'", "upper", []), ("'Hello World'", "lower", []), ("'straße'", "upper", []),
    ("'ÉCOLE'", "lower", []), ("'ΟΔΟΣ ΣΑ Σ'", "lower", []), ("'AΣ.'", "lower", []),
    ("'AΣ\u0301b'", "lower", []), ("'ΣΑΣ'", "title", []), ("'Straße ΣΑΣ'", "casefold", []),
    ("'ΑΣ'", "swapcase", []), ("'hello world'", "title", []), ("\"they're bill's\"", "title", []),
    ("'hELLO wORLD'", "capitalize", []), ("'ǆemal'", "capitalize", []), ("'Hello'", "swapcase", []),
    ("'hello'", "find", ["'l'"]), ("'hello'", "find", ["'z'"]), ("'héllo'", "find", ["'l'"]),
    ("'hello'", "find", ["'l'", "3"]), ("'hello'", "find", ["'l'", "-2"]), ("'hello'", "rfind", ["'l'"]),
    ("'hello'", "find", ["''", "5"]), ("'hello'", "find", ["''", "6"]), ("'hello'", "index", ["'z'"]),
    ("'hello'", "index", ["'e'"]), ("'hello'", "rindex", ["'l'"]),
    ("'banana'", "count", ["'a'"]), ("'banana'", "count", ["'ana'"]), ("'banana'", "count", ["''"]),
    ("'banana'", "count", ["'a'", "2", "-1"]),
    ("'123'", "isdigit", []), ("'12a'", "isdigit", []), ("''", "isdigit", []), ("'²'", "isdigit", []),
    ("'abc'", "isalpha", []), ("'héllo'", "isalpha", []), ("'ab1'", "isalpha", []), ("'ab1'", "isalnum", []),
    ("'  '", "isspace", []), ("'abc'", "islower", []), ("'ABC'", "isupper", []), ("'A1'", "isupper", []),
    ("'Hello World'", "istitle", []), ("'Hello world'", "istitle", []), ("'½'", "isnumeric", []),
    ("'½'", "isdecimal", []),
    ("'42'", "zfill", ["5"]), ("'-42'", "zfill", ["5"]), ("'+4'", "zfill", ["4"]), ("'abc'", "zfill", ["2"]),
    ("'ab'", "center", ["7"]), ("'ab'", "center", ["6", "'*'"]), ("'abc'", "center", ["6"]),
    ("'abc'", "center", ["8", "'-'"]), ("'ab'", "ljust", ["5", "'.'"]), ("'ab'", "rjust", ["5"]),
    ("'héllo'", "rjust", ["7"]), ("'ab'", "center", ["5", "'xy'"]),
    ("'a\\nb\\r\\nc\\rd'", "splitlines", []), ("'a\\nb\\n'", "splitlines", ["True"]),
    ("'a\\u2028b\\x0cc'", "splitlines", []), ("''", "splitlines", []),
    ("'a=b=c'", "partition", ["'='"]), ("'abc'", "partition", ["'='"]), ("'a=b=c'", "rpartition", ["'='"]),
    ("'abc'", "rpartition", ["'='"]), ("'abc'", "partition", ["''"]),
    ("'prefix_x'", "removeprefix", ["'prefix_'"]), ("'x.txt'", "removesuffix", ["'.txt'"]),
    ("'a\\tb'", "expandtabs", []), ("'a\\tbc\\td'", "expandtabs", ["4"]),
    ("'abc'", "nosuch", []), ("'abc'", "upper", ["1"]),
]
for item in STRM:
    self_, name, args = item[0], item[1], item[2]
    kwargs = item[3] if len(item) > 3 else {}
    method(self_, name, args, kwargs, family="str_method")

str_rng = random.Random(11)
PIECES = ["a", "B", "c", " ", "  ", "\t", "\n", ",", "é", "Ω", "ß", "1", "x y", "ǅ", "İ",
          "\u00a0", "\u3000", "'", "ﬁ", "Σ", "-", "_", "Ab", "😀"]
ARGS = {
    "split": [[], ["','"], ["' '"], ["None", "1"], ["','", "2"]],
    "rsplit": [[], ["','"], ["None", "1"], ["','", "1"]],
    "strip": [[], ["'a '"], ["',-'"]], "lstrip": [[], ["' a'"]], "rstrip": [[], ["'\\n '"]],
    "find": [["'a'"], ["' '"], ["'é'", "1"], ["','", "-3"]], "rfind": [["'a'"], ["'c'", "0", "4"]],
    "count": [["'a'"], ["' '"], ["''"]], "replace": [["' '", "'_'"], ["'a'", "'AA'", "1"]],
    "startswith": [["'a'"], ["('B', ' ')"]], "endswith": [["' '"], ["'c'", "0", "-1"]],
    "upper": [[]], "lower": [[]], "title": [[]], "capitalize": [[]], "swapcase": [[]],
    "isdigit": [[]], "isalpha": [[]], "isalnum": [[]], "isspace": [[]], "islower": [[]],
    "isupper": [[]], "istitle": [[]], "zfill": [["6"]], "center": [["9", "'*'"], ["4"]],
    "ljust": [["7"]], "rjust": [["8", "'.'"]], "splitlines": [[], ["True"]],
    "partition": [["','"]], "rpartition": [["' '"]], "expandtabs": [["4"]],
}
for _ in range(350):
    text = "".join(str_rng.choice(PIECES) for _ in range(str_rng.randint(0, 6)))
    name = str_rng.choice(sorted(ARGS))
    method(repr(text), name, str_rng.choice(ARGS[name]), family="str_sweep")

# -- dict and list methods
D = "{'a': 1, 'b': 2}"
for name, args in [("get", ["'a'"]), ("get", ["'z'"]), ("get", ["'z'", "0"]), ("items", []),
                   ("keys", []), ("values", []), ("pop", ["'a'"]), ("pop", ["'z'"]),
                   ("pop", ["'z'", "None"]), ("setdefault", ["'c'", "3"]), ("copy", []),
                   ("get", ["[1]"]), ("nosuch", [])]:
    method(D, name, args, family="dict_method")
method("{}", "items", family="dict_method")
method(D, "update", [], {"c": "3"}, family="dict_method")
L = "[3, 1, 2, 1]"
for name, args in [("index", ["1"]), ("index", ["1", "2"]), ("index", ["9"]), ("count", ["1"]),
                   ("count", ["1.0"]), ("copy", []), ("pop", []), ("pop", ["0"]), ("pop", ["9"]),
                   ("append", ["4"]), ("sort", []), ("reverse", []), ("remove", ["9"])]:
    method(L, name, args, family="list_method")
method("[]", "pop", family="list_method")
method("(1, 2, 1)", "index", ["2"], family="list_method")
method("(1, 2, 1)", "count", ["1"], family="list_method")
method("(1, 2, 1)", "index", ["5"], family="list_method")

# -- Builtins
B = [
    ("len", ["'abc'"], {}), ("len", ["5"], {}), ("str", ["1.0"], {}), ("str", [], {}),
    ("int", ["'42'"], {}), ("int", ["' -42 '"], {}), ("int", ["'4_2'"], {}), ("int", ["'x'"], {}),
    ("int", ["'1.5'"], {}), ("int", ["3.99"], {}), ("int", ["-3.99"], {}), ("int", ["True"], {}),
    ("int", ["'ff'", "16"], {}), ("int", ["'0x1f'", "0"], {}), ("int", ["'010'", "0"], {}),
    ("int", ["float('inf')"], {}), ("int", ["float('nan')"], {}), ("int", ["None"], {}),
    ("int", ["''"], {}), ("int", ["'\u0661\u0662'"], {}), ("int", ["'\u00a0\uff17 '"], {}),
    ("float", ["'\u0661.5'"], {}), ("int", ["'\u00b2'"], {}), ("float", ["'1.5'"], {}), ("float", ["' 1e3 '"], {}), ("float", ["'inf'"], {}),
    ("float", ["'-Infinity'"], {}), ("float", ["'nan'"], {}), ("float", ["'abc'"], {}),
    ("float", ["3"], {}), ("float", ["'1_0.5'"], {}), ("float", ["''"], {}), ("bool", ["[]"], {}),
    ("bool", ["'0'"], {}), ("list", ["'abc'"], {}), ("list", ["{'a': 1}"], {}), ("list", ["range(3)"], {}),
    ("tuple", ["[1, 2]"], {}), ("dict", ["[('a', 1)]"], {}), ("dict", [], {"a": "1"}),
    ("set", ["[1, 2, 1]"], {}), ("range", ["3"], {}), ("range", ["1", "10", "3"], {}),
    ("range", ["0"], {}), ("range", ["1", "2", "0"], {}), ("list", ["range(10, 0, -3)"], {}),
    ("enumerate", ["'ab'"], {}), ("enumerate", ["['x', 'y']", "1"], {}),
    ("zip", ["[1, 2, 3]", "'ab'"], {}), ("zip", [], {}), ("sorted", ["[3, 1, 2]"], {}),
    ("sorted", ["[3, 1, 2]"], {"reverse": "True"}), ("sorted", ["['b', 'A', 'c']"], {"key": "str.lower"}),
    ("sorted", ["['bb', 'a', 'ccc']"], {"key": "len", "reverse": "True"}),
    ("sorted", ["[1, 'a']"], {}), ("sorted", ["{'b': 1, 'a': 2}"], {}),
    ("sorted", ["[(2, 'a'), (1, 'b'), (2, 'A')]"], {}), ("reversed", ["[1, 2, 3]"], {}),
    ("reversed", ["'abc'"], {}), ("reversed", ["range(3)"], {}), ("min", ["[3, 1, 2]"], {}),
    ("min", ["3", "1", "2"], {}), ("max", ["[3, 1, 2]"], {}), ("max", ["'hello'"], {}),
    ("max", ["[]"], {}), ("max", ["[]"], {"default": "0"}), ("max", ["['a', 'bbb', 'cc']"], {"key": "len"}),
    ("min", ["[1, 1.0]"], {}), ("sum", ["[1, 2, 3]"], {}), ("sum", ["[0.1, 0.2]"], {}),
    ("sum", ["[[1], [2]]", "[]"], {}), ("sum", ["['a']", "''"], {}), ("abs", ["-3"], {}),
    ("abs", ["-2.5"], {}), ("abs", ["True"], {}), ("abs", ["'x'"], {}), ("round", ["2.675", "2"], {}),
    ("round", ["2.5"], {}), ("round", ["3.5"], {}), ("round", ["-2.5"], {}), ("round", ["0.5"], {}),
    ("round", ["1.25", "1"], {}), ("round", ["1234.5678", "-2"], {}), ("round", ["1250", "-2"], {}),
    ("round", ["1350", "-2"], {}), ("round", ["7", "1"], {}), ("round", ["2.5", "None"], {}),
    ("round", ["0.125", "2"], {}), ("round", ["float('inf')"], {}), ("round", ["1e300", "2"], {}),
    ("round", ["-0.5"], {}), ("round", ["5e-324", "320"], {}),
    ("any", ["[0, '', None]"], {}), ("any", ["[0, 1]"], {}), ("all", ["[]"], {}), ("all", ["[1, 0]"], {}),
    ("map", ["str", "[1, 2]"], {}), ("map", ["len", "['a', 'bb']"], {}),
    ("filter", ["None", "[0, 1, '', 'a']"], {}), ("filter", ["str.isdigit", "['1', 'a']"], {}),
    ("isinstance", ["1", "int"], {}), ("isinstance", ["True", "int"], {}), ("isinstance", ["1", "str"], {}),
    ("isinstance", ["'a'", "(int, str)"], {}), ("isinstance", ["1.0", "float"], {}),
    ("isinstance", ["[]", "list"], {}), ("isinstance", ["{}", "dict"], {}), ("isinstance", ["1", "1"], {}),
    ("isinstance", ["datetime.datetime(2024, 1, 1)", "datetime.date"], {}),
    ("callable", ["getattr({'a': 1}, 'get')"], {}), ("getattr", ["'x'", "'nope'", "5"], {}),
    ("getattr", ["5", "'nope'"], {}), ("hasattr", ["'x'", "'upper'"], {}), ("hasattr", ["'x'", "'nope'"], {}),
    ("repr", ["'x'"], {}), ("ascii", ["['é', 'x\\U0001f600']"], {}), ("repr", ["[1, 'a']"], {}), ("divmod", ["-7", "2"], {}), ("chr", ["233"], {}),
    ("ord", ["'é'"], {}), ("hex", ["255"], {}), ("hex", ["-255"], {}), ("oct", ["8"], {}), ("bin", ["5"], {}),
    ("callable", ["len"], {}), ("callable", ["1"], {}), ("format", ["3.14159", "'.2f'"], {}),
    ("str", ["datetime.datetime(2024, 1, 2, 3, 4, 5)"], {}), ("str", ["datetime.timedelta(days=2, hours=3)"], {}),
    ("str", ["datetime.timedelta(hours=-1)"], {}), ("str", ["datetime.timedelta(microseconds=5)"], {}),
]
for name, args, kwargs in B:
    builtin(name, args, kwargs)

# -- Attributes and datetime
for obj, name in [("{'a': 1}", "a"), ("{'a': 1}", "b"), ("'x'", "nope"), ("[1]", "nope"),
                  ("5", "nope"), ("None", "x"), ("datetime.datetime(2024, 1, 2, 3, 4, 5)", "year"),
                  ("datetime.datetime(2024, 1, 2, 3, 4, 5)", "minute"),
                  ("datetime.timedelta(days=1, seconds=30)", "seconds"),
                  ("datetime.timedelta(seconds=-30)", "days")]:
    getattr_case(obj, name)
DT = "datetime.datetime(2024, 3, 9, 14, 5, 7, 1234)"
for fmt in ["'%Y-%m-%d %H:%M:%S'", "'%b %d, %Y'", "'%A %B %j'", "'%I:%M %p'", "'%y%m%d'",
            "'%f'", "'%a %e'", "'%U %W %w'", "'%%'", "'%c'", "'%x %X'"]:
    method(DT, "strftime", [fmt], family="datetime")
for m, args in [("isoformat", []), ("isoformat", ["' '"]), ("weekday", []), ("isoweekday", []),
                ("date", [])]:
    method(DT, m, args, family="datetime")
method("datetime.date(2024, 2, 29)", "isoformat", family="datetime")
method("datetime.date(2024, 2, 29)", "strftime", ["'%d/%m/%Y'"], family="datetime")
builtin("str", ["datetime.date(2024, 2, 29)"], family="datetime")
for ctor in ["datetime.datetime(2023, 2, 29)", "datetime.datetime(2024, 13, 1)",
             "datetime.date(2024, 1, 32)", "datetime.datetime(2024, 1, 1, 24)"]:
    unary("repr", ctor, "datetime_error")
for a, b, name in [(DT, "datetime.timedelta(days=1)", "add"),
                   (DT, "datetime.timedelta(hours=15)", "sub"),
                   (DT, "datetime.datetime(2024, 1, 1)", "sub"),
                   ("datetime.date(2024, 3, 1)", "datetime.date(2024, 2, 1)", "sub"),
                   ("datetime.date(2024, 2, 28)", "datetime.timedelta(days=2)", "add"),
                   (DT, "datetime.datetime(2025, 1, 1)", "lt"),
                   (DT, DT, "eq"),
                   ("datetime.timedelta(days=1)", "datetime.timedelta(hours=24)", "eq")]:
    binary(name, a, b, "datetime_ops")


def main():
    out = {
        "generator": "tests/tools/gen_value_cases.py",
        "python": sys.version.split()[0],
        "cases": cases,
    }
    path = sys.argv[1] if len(sys.argv) > 1 else "tests/runtime/data/value_cases.json"
    with open(path, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=0)
        f.write("\n")
    print(f"{len(cases)} cases -> {path}")


main()
