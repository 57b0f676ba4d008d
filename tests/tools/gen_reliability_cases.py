#!/usr/bin/python3
"""Generates tests/conformance/reliability-cases.json: the "fixed bugs" table of issue 16
(reliability and security), rendered by both back ends through the conformance runners.
Expected outputs come from real Tornado 6.2. Run with Debian's python3:

    /usr/bin/python3 tests/tools/gen_reliability_cases.py

Where Tornado runs out of memory (MemoryError with an empty message) Squall stops at a
render limit first (squall/limits.hpp); the case keeps Tornado's exception class and
records Squall's message, which names the limit (`squall_message` below). Where Squall's
64-bit integers cannot hold Tornado's result, `squall` gives Squall's expected result and
the reason (docs/differences.md).
"""
import json
import logging
import os
import resource
import sys

from tornado import template

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "conformance", "reliability-cases.json")

CASES = []


def case(name, templates, args=None, main=None, squall_message=None, squall=None):
    if isinstance(templates, str):
        templates = {"main.html": templates}
    c = {"name": name, "templates": templates,
         "main": main or next(iter(templates)), "args": args or {}}
    CASES.append((c, squall_message, squall))


def chain(op, n, atom="1"):
    return op.join([atom] * n)


# ljust/center/zfill bound 4 bytes per padding character (the widest UTF-8 fill).
STRING_LIMIT = "a string of {} bytes exceeds the render limit max_string_bytes (268435456)"
ITEMS_LIMIT = "a container of {} items exceeds the render limit max_items (67108864)"

# -- 1. Nesting: flat chains count one level per operator (kNestingDepth = 200).
case("fixed_flat_add_chain_55000_rejected", "{{ " + chain("+", 55000) + " }}")
case("fixed_flat_subscript_chain_55000_rejected", "{{ x" + "[0]" * 55000 + " }}", {"x": [0]})
case("fixed_flat_call_chain_55000_rejected", "{{ f" + "()" * 55000 + " }}")
case("fixed_flat_attribute_chain_55000_rejected", "{{ x" + ".y" * 55000 + " }}")
case("fixed_flat_add_chain_150_renders", "{{ " + chain("+", 150) + " }}")
case("fixed_flat_subscript_chain_150_renders", "{{ x" + "[0]" * 150 + " }}",
     {"x": [0]})  # x[0] is 0: the 2nd subscript fails in both
case("fixed_flat_mixed_chain_in_parens_renders",
     "{{ (" + chain("+", 90) + ") * (" + chain("-", 90) + ") }}")

# -- 2. Out of memory: MemoryError from a render limit, never an abort.
case("fixed_ljust_huge_is_memory_error", "{{ 'x'.ljust(10**12) }}",
     squall_message=STRING_LIMIT.format((10**12 - 1) * 4))
case("fixed_rjust_huge_is_memory_error", "{{ 'x'.rjust(10**12, '*') }}",
     squall_message=STRING_LIMIT.format((10**12 - 1) * 4))
case("fixed_center_huge_is_memory_error", "{{ 'x'.center(10**12) }}",
     squall_message=STRING_LIMIT.format((10**12 - 1) * 4))
case("fixed_zfill_huge_is_memory_error", "{{ '7'.zfill(10**12) }}",
     squall_message=STRING_LIMIT.format((10**12 - 1) * 4))
case("fixed_list_range_huge_is_memory_error", "{{ list(range(10**12)) }}",
     squall_message=ITEMS_LIMIT.format(1000000000000))
case("fixed_sorted_range_huge_is_memory_error", "{{ sorted(range(10**12)) }}",
     squall_message=ITEMS_LIMIT.format(1000000000000))
case("fixed_str_repeat_huge_is_memory_error", "{{ 'ab' * 10**12 }}",
     squall_message=STRING_LIMIT.format(2000000000000))
case("fixed_list_repeat_huge_is_memory_error", "{{ [1, 2] * 10**12 }}",
     squall_message=ITEMS_LIMIT.format(2000000000000))
case("fixed_percent_width_huge_is_memory_error", "{{ '%1000000000000d' % 1 }}",
     squall_message=STRING_LIMIT.format(10**12 - 1))
case("fixed_format_width_huge_is_memory_error", "{{ '{:1000000000000}'.format(1) }}",
     squall_message=STRING_LIMIT.format(10**12 - 1))
case("fixed_format_width_too_many_digits", "{{ '{:99999999999999999999}'.format(1) }}")
# Within the limits the same calls still work.
case("fixed_ljust_small_renders", "[{{ 'x'.ljust(5, '-') }}][{{ 'ab'.center(6, '*') }}][{{ '-4'.zfill(5) }}]")
case("fixed_reversed_range_is_lazy", "{{ next(iter(reversed(range(10**12)))) }} "
     "{{ list(reversed(range(1, 10, 3))) }} {{ list(reversed(range(5, -5, -4))) }}")
case("fixed_reversed_range_extremes",
     "{{ next(iter(reversed(range(-9223372036854775808, 9223372036854775807)))) }} "
     "{{ list(reversed(range(9223372036854775805, 9223372036854775807))) }}")
case("fixed_expandtabs_normal", "[{{ 'a\\tbc\\td'.expandtabs(4) }}]")
case("fixed_percent_precision_pads_zeros", "{{ '%.20d' % 7 }} {{ '%+.5d' % -3 }} {{ '%#.6x' % 255 }}")
case("fixed_format_zero_padding_with_grouping", "{{ '{:015,}'.format(1234567) }} "
     "{{ '{:012_x}'.format(48879) }} {{ '{:020,.2f}'.format(-1234.5) }}")

# -- 5. Undefined behaviour: CPython's errors and values.
case("fixed_percent_width_too_big", "{{ '%99999999999999999999d' % 1 }}")
case("fixed_percent_precision_too_big", "{{ '%.4294967297f' % 1 }}")
case("fixed_percent_precision_beyond_int64", "{{ '%.99999999999999999999f' % 1 }}")
case("fixed_percent_star_width_int64_min", "[{{ '%*d' % (-9223372036854775808, 1) }}]")
case("fixed_percent_star_width_negative", "[{{ '%*d' % (-4, 1) }}]")
case("fixed_timedelta_nan_seconds", "{{ datetime.timedelta(seconds=float('nan')) }}")
case("fixed_timedelta_inf_seconds", "{{ datetime.timedelta(seconds=float('inf')) }}")
case("fixed_timedelta_days_too_big", "{{ datetime.timedelta(microseconds=1e20) }}")
case("fixed_timedelta_beyond_64_bit_microseconds",
     "{{ datetime.timedelta(microseconds=1e19) }}",
     squall={"type": "OverflowError", "message": "timedelta out of range",
             "why": "Squall keeps timedelta microseconds in 64 bits (about 106,751,991 days)"})
case("fixed_fromtimestamp_nan", "{{ datetime.datetime.fromtimestamp(float('nan')) }}")
case("fixed_fromtimestamp_huge", "{{ datetime.datetime.fromtimestamp(1e20) }}")
case("fixed_range_contains_wide_step", "{{ 5 in range(-9223372036854775808, 9223372036854775807, 3) }} "
     "{{ -9223372036854775808 + 3 in range(-9223372036854775808, 9223372036854775807, 3) }} {{ 9223372036854775806 in range(-9223372036854775808, 9223372036854775807, 3) }}")
case("fixed_range_len_too_big", "{{ len(range(-9223372036854775808, 9223372036854775807)) }}")
case("fixed_range_index_wide", "{{ range(-9223372036854775808, 9223372036854775807, 3)[-1] }} {{ range(-9223372036854775808, 9223372036854775807)[2**62] }}")
case("fixed_enumerate_start_at_max", "{% for i, c in enumerate('a', 9223372036854775807) %}{{ i }}{{ c }}{% end %}")
case("fixed_enumerate_start_overflows", "{{ list(enumerate('ab', 9223372036854775807)) }}",
     squall={"type": "OverflowError",
             "message": "Python int too large to convert to C int64 (enumerate index)",
             "why": "Squall integers are 64-bit: the index after 9223372036854775807 is an error"})

# -- 8. Reference cycles still print as CPython's (and are bounded by the render limits).
case("fixed_self_referencing_list_repr", "{% set l = [] %}{% set _ = l.append(l) %}{{ l }}")
case("fixed_self_referencing_dict_repr", "{% set d = {} %}{% set d['me'] = d %}{{ d }}")

# -- 9. Deeply nested containers are destroyed without recursing once per level (found by
# fuzz_interp: a loop appending [x] for each x of the list it walks nests one level per
# iteration; freeing 1,000,000 levels overflowed the C++ stack of a Release build, 100,000 under ASan).
case("fixed_deep_nested_list_freed",
     "{% set l = [1] %}{% for x in l %}{% if len(l) < 1000000 %}{% set _ = l.append([x]) %}"
     "{% end %}{% end %}{{ len(l) }}")
case("fixed_deep_nested_dict_freed",
     "{% set d = {} %}{% set cur = d %}{% for i in range(200000) %}{% set cur['k'] = {} %}"
     "{% set cur = cur['k'] %}{% end %}{{ len(d) }}")


def run(c):
    try:
        loader = template.DictLoader(c["templates"])
        out = loader.load(c["main"]).generate(**c["args"])
        return out.decode("utf-8")
    except Exception as e:
        return {"type": type(e).__name__, "message": str(e)}


def main():
    logging.disable(logging.CRITICAL)  # Tornado logs the whole generated code on errors
    # Tornado's MemoryError cases must fail fast, not swap.
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
    sys.setrecursionlimit(3000)
    names = [c["name"] for c, _, _ in CASES]
    assert len(names) == len(set(names)), "duplicate case names"
    out = []
    for c, squall_message, squall in CASES:
        expected = run(c)
        if squall_message is not None:
            assert isinstance(expected, dict) and expected["type"] == "MemoryError", \
                (c["name"], str(expected)[:200])
            expected["message"] = squall_message
        if squall is not None:
            c["tornado"] = expected
            expected = {"type": squall["type"], "message": squall["message"]}
            c["why"] = squall["why"]
        c["expected"] = expected
        out.append(c)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print("%d cases -> %s" % (len(out), os.path.relpath(OUT)), file=sys.stderr)


if __name__ == "__main__":
    main()
