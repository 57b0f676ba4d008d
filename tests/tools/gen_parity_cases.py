#!/usr/bin/python3
"""Generates the parity cases (issue 10: two back ends, one behaviour) with expected results
from real Tornado 6.2. Run with Debian's python3 (it sees python3-tornado):

    /usr/bin/python3 tests/tools/gen_parity_cases.py

Writes two files:

- tests/conformance/parity-cases.json: conformance cases (the format of squall-cases.json)
  about evaluation order and the divergences the back ends had. Side effects are made
  observable inside the template (`t.append(...) or v`), so both conformance runners
  check them like any other case.
- tests/parity/fixed-bugs.json: the "fixed bugs" table (tests/codegen/fixed_bugs_test.cpp
  renders every row through the interpreter and the compiled code). A row is a conformance
  case plus `found_by` (the issue row or the differential generator's seed) and `log`: the
  calls, in order, of the namespace function `log(*args, **kwargs)` (it records the reprs
  of its arguments and `name=repr` of its keyword arguments, joined by a space, and
  returns its last positional argument, or None). Rows whose `reference` is
  "squall" cannot run in Python (they call `cpp_throw`, a C++ function that throws
  std::runtime_error); their expected results are written here by hand.
"""
import json
import os
import sys

from tornado import template

HERE = os.path.dirname(os.path.abspath(__file__))
CONFORMANCE = os.path.join(HERE, "..", "conformance", "parity-cases.json")
FIXED_BUGS = os.path.join(HERE, "..", "parity", "fixed-bugs.json")

CASES = []
ROWS = []


def case(name, templates, args=None, main=None, loader=None):
    if isinstance(templates, str):
        templates = {"main.html": templates}
    c = {"name": name, "templates": templates,
         "main": main or next(iter(templates)), "args": args or {}}
    if loader is not None:
        c["loader"] = loader
    CASES.append(c)
    return c


def row(name, found_by, templates, args=None, loader=None, expected=None, log=None):
    if isinstance(templates, str):
        templates = {"main.html": templates}
    r = {"name": name, "found_by": found_by, "templates": templates, "main": "main.html",
         "args": args or {}}
    if loader is not None:
        r["loader"] = loader
    if expected is not None:  # a C++-only row: the result Squall must give
        r["reference"] = "squall"
        r["expected"] = expected
        r["log"] = log or []
    ROWS.append(r)


# -- Issue 10, row 1: a dict display evaluates each key before its value, with or without
# `**` unpacking; a dict comprehension too (Python >= 3.8).
T = "{% set t = [] %}"
case("parity_dict_key_before_value", T + "{{ {t.append('k') or 'k': t.append('v') or 'v'} }} {{ t }}")
case("parity_dict_unpack_key_before_value",
     T + "{{ {**{}, t.append('k') or 'k': t.append('v') or 'v'} }} {{ t }}")
case("parity_dict_unpack_order",
     T + "{{ {t.append(1) or 'a': t.append(2) or 1, **(t.append(3) or {'b': 2}), "
         "t.append(4) or 'c': t.append(5) or 3} }} {{ t }}")
case("parity_dict_comprehension_key_before_value",
     T + "{{ {t.append(x) or x: t.append(-x) or -x for x in [1, 2]} }} {{ t }}")
case("parity_set_display_order", T + "{{ sorted({t.append(1) or 1, t.append(2) or 2}) }} {{ t }}")
case("parity_call_arguments_left_to_right",
     T + "{{ max(t.append(1) or 1, t.append(2) or 2, key=t.append(3) or (lambda v: -v)) }} {{ t }}")
case("parity_call_star_arguments_left_to_right",
     T + "{{ max(t.append(1) or 1, *(t.append(2) or [5]), key=t.append(3) or (lambda v: v), "
         "**(t.append(4) or {})) }} {{ t }}")
case("parity_method_receiver_before_arguments",
     T + "{{ (t.append('r') or 'x-{}').format(t.append('a') or 'y') }} {{ t }}")
case("parity_callee_before_arguments",
     T + "{{ (t.append('f') or str)(t.append('a') or 5) }} {{ t }}")
case("parity_subscript_order", T + "{{ (t.append('o') or [7, 8])[t.append('k') or 1] }} {{ t }}")
case("parity_slice_order",
     T + "{{ (t.append('o') or 'abcdef')[t.append(1) or 1:t.append(2) or 5:t.append(3) or 2] }} {{ t }}")
case("parity_binary_operands_order", T + "{{ (t.append('a') or 3) - (t.append('b') or 1) }} {{ t }}")
case("parity_compare_chain_order",
     T + "{{ (t.append(1) or 1) < (t.append(2) or 2) < (t.append(3) or 0) < (t.append(4) or 9) }} {{ t }}")
case("parity_tuple_list_order",
     T + "{{ (t.append(1) or 1, [t.append(2) or 2, *(t.append(3) or [3])]) }} {{ t }}")
case("parity_setitem_order",
     T + "{% set d = {} %}{% set d[t.append('k') or 'k'] = t.append('v') or 'v' %}{{ d }} {{ t }}")
case("parity_conditional_order",
     T + "{{ (t.append('a') or 'A') if (t.append('c') or 0) else (t.append('b') or 'B') }} {{ t }}")

# -- Issue 10, row 2: `{[]: f()}` runs f() before the unhashable key fails (CPython builds
# a display of up to 15 pairs from its evaluated keys and values).
EXC = "{% except TypeError as e %}{{ e }}{% end %} {{ t }}"
case("parity_dict_unhashable_key_after_value", T + "{% try %}{{ {[]: t.append('f')} }}" + EXC)
case("parity_dict_unhashable_key_after_run",
     T + "{% try %}{{ {[]: t.append(1), 2: t.append(2)} }}" + EXC)
case("parity_dict_unhashable_key_after_unpack",
     T + "{% try %}{{ {**{}, []: t.append(1), 2: t.append(2)} }}" + EXC)
case("parity_dict_unhashable_before_unpack",
     T + "{% try %}{{ {[]: t.append(1), **(t.append(2) or {})} }}" + EXC)
case("parity_dict_big_display_inserts_per_pair",
     T + "{% try %}{{ {" + ", ".join("%d: %d" % (i, i) for i in range(16)) +
     ", []: t.append('v'), 99: t.append('w')} }}" + EXC)
case("parity_dict_comprehension_unhashable",
     T + "{% try %}{{ {[x]: t.append(x) for x in [1, 2]} }}" + EXC)
case("parity_set_comprehension_adds_each_element",
     T + "{% try %}{{ {t.append(x) or [x] for x in [1, 2]} }}" + EXC)
case("parity_set_unhashable_after_elements",
     T + "{% try %}{{ {[], t.append(1)} }}" + EXC)

# -- Issue 10, row 3: `**` needs a mapping in a dict display, as in a call.
case("parity_dict_unpack_list_not_mapping", "{{ {**[(1, 2)]} }}")
case("parity_dict_unpack_str_not_mapping", "{{ {'a': 1, **'xy'} }}")

# -- Issue 10, row 4: autoescape off from the loader.
case("parity_autoescape_none", "{{ '<b>' }}", loader={"autoescape": None})

# -- Issue 10, row 6: hash() is a builtin; numbers hash as in CPython.
case("parity_hash_equal_strings", "{{ hash('x') == hash('x') }} {{ hash('x') == hash('y') }}")
case("parity_hash_numbers",
     "{{ hash(1) }} {{ hash(-1) }} {{ hash(True) }} {{ hash(1.0) }} {{ hash(1.5) }} {{ hash(0.1) }} "
     "{{ hash(-2.5) }} {{ hash(2 ** 61 - 1) }} {{ hash(9223372036854775807) }} {{ hash(-9223372036854775807) }}")
case("parity_hash_tuples", "{{ hash((1, 2)) }} {{ hash(()) }} {{ hash((1, (2.5, -1))) }}")
case("parity_hash_unhashable", "{{ hash([]) }}")
case("parity_hash_infinity", "{{ hash(float('inf')) }} {{ hash(float('-inf')) }}")

# -- The fixed-bugs table: one row per divergence, through both back ends.
row("issue10_1_dict_unpack_key_before_value", "issue 10 #1",
    "{{ {**{}, log('key') or 'k': log('value')} }}")
row("issue10_1_dict_comprehension_key_before_value", "issue 10 #1",
    "{{ {log('key', x): log('value', x) for x in [1, 2]} }}")
row("issue10_1_call_arguments_left_to_right", "issue 10 #1",
    "{{ log(log(1), log(2), *log([3]), **log({'sep': '-'})) }}")
row("issue10_2_unhashable_key_after_value", "issue 10 #2",
    "{{ {[]: log('f')} }}")
row("issue10_3_unpack_list_not_mapping", "issue 10 #3", "{{ {**[(1, 2)]} }}")
row("issue10_4_autoescape_none", "issue 10 #4", "{{ '<b>' }}", loader={"autoescape": None})
row("issue10_5_cpp_exception_is_an_error", "issue 10 #5",
    "a\n{{ log('before') }}\n{{ cpp_throw('boom') }}\n{{ log('after') }}",
    expected={"type": "SystemError", "message": "boom", "line": 3},
    log=["'before'"])
row("issue10_5_cpp_exception_caught_by_try", "issue 10 #5",
    "{% try %}{{ cpp_throw('boom') }}{% except SystemError as e %}caught {{ e }}{% end %}",
    expected="caught boom")
row("issue10_set_comprehension_adds_each_element", "issue 10 review: the interpreter hashed "
    "a set comprehension's elements after the loop",
    "{{ {log(x) and [x] for x in [1, 2]} }}")
row("issue10_6_hash_builtin", "issue 10 #6", "{{ hash('x') == hash('x') }} {{ hash(-1) }}")

LOG = []


def log(*args, **kwargs):
    LOG.append(" ".join([repr(a) for a in args] + ["%s=%r" % kv for kv in kwargs.items()]))
    return args[-1] if args else None


def run(c, names=None):
    kw = dict(c.get("loader", {}))
    LOG.clear()
    t = None
    try:
        t = template.DictLoader(c["templates"], **kw).load(c["main"])
        return t.generate(**(names or {}), **c["args"]).decode("utf-8")
    except Exception as e:
        result = {"type": type(e).__name__, "message": str(e)}
        line = template_line(t, e)
        if line:
            result["line"] = line
        return result


def template_line(t, e):
    """The line of the template statement that raised, from Tornado's `# name:N` comments."""
    if t is None:
        return 0
    code = t.code.split("\n")
    tb = e.__traceback__
    line = 0
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == t.name.replace(".", "_") + ".generated.py":
            text = code[tb.tb_lineno - 1]
            marker = text.rfind("  # ")
            if marker >= 0 and ":" in text[marker:]:
                line = int(text[marker:].rsplit(":", 1)[1])
        tb = tb.tb_next
    return line


def main():
    names = [c["name"] for c in CASES] + [r["name"] for r in ROWS]
    assert len(names) == len(set(names)), "duplicate case names"
    for c in CASES:
        c["expected"] = run(c)
        if isinstance(c["expected"], dict):
            c["expected"].pop("line", None)
    for r in ROWS:
        if r.get("reference") == "squall":
            continue
        r["reference"] = "tornado"
        r["expected"] = run(r, {"log": log})
        r["log"] = list(LOG)
    os.makedirs(os.path.dirname(FIXED_BUGS), exist_ok=True)
    for path, data in ((CONFORMANCE, CASES), (FIXED_BUGS, ROWS)):
        with open(path, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=1, ensure_ascii=False)
            f.write("\n")
        print("%d cases -> %s" % (len(data), os.path.relpath(path)), file=sys.stderr)


if __name__ == "__main__":
    main()
