#!/usr/bin/python3
"""Renders a template with real Tornado 6.2, the reference Squall's outputs are checked against.

Usage: tornado_render.py ROOT NAME [DATA.json] [--autoescape NAME|none] [--whitespace MODE]

JSON objects are given to Tornado as dicts whose keys also read as attributes (Squall's data
model, docs/differences.md); dict methods win over keys. Output bytes go to stdout; a render
error prints "NAME: Class: message" to stderr and exits 1.
"""
import argparse
import json
import sys

from tornado import template


class AttrDict(dict):
    """A dict whose keys read as attributes, like torndb.Row; dict methods win."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError("'dict' object has no attribute %r" % name) from None


def load_data(path):
    if not path:
        return {}
    with open(path, encoding="utf-8") as f:
        return json.load(f, object_pairs_hook=AttrDict)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("root")
    parser.add_argument("name")
    parser.add_argument("data", nargs="?")
    parser.add_argument("--autoescape", default="xhtml_escape")
    parser.add_argument("--whitespace", default=None)
    args = parser.parse_args()
    autoescape = None if args.autoescape == "none" else args.autoescape
    loader = template.Loader(args.root, autoescape=autoescape, whitespace=args.whitespace)
    try:
        out = loader.load(args.name).generate(**load_data(args.data))
    except Exception as e:  # the reference's error class is what the tests compare
        print("%s: %s: %s" % (args.name, type(e).__name__, e), file=sys.stderr)
        return 1
    sys.stdout.buffer.write(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
