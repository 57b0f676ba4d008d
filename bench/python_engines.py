#!/usr/bin/python3
"""Times Tornado 6.2 and Jinja2 on the shared benchmark workloads.

Usage: python_engines.py WORKLOAD_DIR [--min-time SECONDS] [--rounds N]

WORKLOAD_DIR is ../shared/bench (templates/ and data/). Each engine parses its template
once, its output is checked against Tornado's, then it renders repeatedly for at least
--min-time seconds per round; the median of --rounds rounds is reported. Prints one JSON
object: {"tornado": {"big-table": microseconds, ...}, "jinja2": {...}}.
"""
import argparse
import json
import os
import statistics
import sys
import time

import jinja2
from tornado import template

WORKLOADS = ["big-table", "teams", "escape-heavy", "page"]
HERE = os.path.dirname(os.path.abspath(__file__))


class AttrDict(dict):
    """Dicts whose keys read as attributes: Squall's data model (docs/differences.md)."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})


def tornado_escape(value):
    """Jinja2 finalize hook giving Tornado's xhtml_escape bytes, so outputs compare equal."""
    return str(value).translate(_ESCAPES)


def engines(workdir):
    tornado_loader = template.Loader(os.path.join(workdir, "templates"), whitespace="all")
    jinja_env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(os.path.join(HERE, "jinja2")),
        autoescape=False, finalize=tornado_escape, keep_trailing_newline=True)
    return {
        "tornado": lambda name: (lambda t: lambda data: t.generate(**data))(
            tornado_loader.load(name + ".html")),
        "jinja2": lambda name: (lambda t: lambda data: t.render(**data).encode())(
            jinja_env.get_template(name + ".html")),
    }


def time_render(render, data, min_time, rounds):
    results = []
    for _ in range(rounds):
        count = 0
        # CPU time of this process, as the C++ side reports (cpu_time): a busy machine
        # then slows both sides alike instead of inflating only the wall-clock numbers.
        start = time.process_time()
        while True:
            render(data)
            count += 1
            elapsed = time.process_time() - start
            if elapsed >= min_time:
                break
        results.append(elapsed / count * 1e6)
    return statistics.median(results)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("workdir")
    parser.add_argument("--min-time", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    table = {}
    for engine, make in engines(args.workdir).items():
        table[engine] = {}
        for name in WORKLOADS:
            with open(os.path.join(args.workdir, "data", name + ".json"), encoding="utf-8") as f:
                data = json.load(f, object_pairs_hook=AttrDict)
            render = make(name)
            expected = engines(args.workdir)["tornado"](name)(data)
            if render(data) != expected:
                sys.exit("%s renders %s differently from Tornado" % (engine, name))
            table[engine][name] = time_render(render, data, args.min_time, args.rounds)
    json.dump(table, sys.stdout)
    print()


if __name__ == "__main__":
    main()
