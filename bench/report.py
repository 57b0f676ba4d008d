#!/usr/bin/python3
r"""Prints the benchmark comparison as markdown: times, allocations, targets, machine.

Usage: report.py [--real-time] SQUALL_BENCH_JSON PYTHON_ENGINES_JSON

SQUALL_BENCH_JSON is Google Benchmark's JSON output of squall_bench, e.g. from
  squall_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
               --benchmark_out=FILE --benchmark_out_format=json
Each benchmark's `median` aggregate is used (when the run has no aggregates, the median of
its repetitions), and its cpu_time (real_time with --real-time); python_engines.py measures
the CPU time of its process, so the default compares like with like.
PYTHON_ENGINES_JSON is python_engines.py's output:
{"tornado": {"big-table": microseconds, ...}, "jinja2": {...}}.

The report always exits 0 whatever the targets say; it exits 2 on missing or invalid input.
"""
import datetime
import importlib.metadata
import json
import math
import os
import statistics
import subprocess
import sys

WORKLOADS = ["big-table", "teams", "escape-heavy", "page"]
NATIVE = ["baseline", "compiled", "typed", "interpreter"]  # squall_bench's benchmark families
# Targets: compiled within 1.5x of the baseline; no allocations per render in compiled code on
# the workloads whose data needs none; the interpreter 20x faster than Tornado.
COMPILED_MAX_RATIO = 1.5
ZERO_ALLOC_WORKLOADS = ["big-table", "teams", "escape-heavy"]
INTERPRETER_MIN_SPEEDUP = 20.0

TIME_UNIT_TO_US = {"ns": 1e-3, "us": 1.0, "ms": 1e3, "s": 1e6}


class InputError(Exception):
    pass


def load_json(path, what):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        raise InputError("%s: no such file (%s)" % (path, what)) from None
    except (OSError, ValueError) as e:
        raise InputError("%s: cannot read %s: %s" % (path, what, e)) from None


def native_results(path, time_field):
    """Returns {family: {workload: {"us": cpu µs, "allocs": n, "peak_heap": bytes}}}."""
    doc = load_json(path, "Google Benchmark JSON of squall_bench")
    if not isinstance(doc, dict) or not isinstance(doc.get("benchmarks"), list):
        raise InputError("%s: not Google Benchmark JSON (no \"benchmarks\" list)" % path)
    medians = {}  # run name -> the median aggregate entry
    runs = {}  # run name -> the individual repetitions
    for b in doc["benchmarks"]:
        if not isinstance(b, dict) or "name" not in b:
            raise InputError("%s: a benchmark entry has no name" % path)
        if b.get("error_occurred"):
            raise InputError("%s: benchmark %s failed: %s"
                             % (path, b["name"], b.get("error_message", "?")))
        run_name = b.get("run_name", b["name"])
        if b.get("run_type") == "aggregate":
            if b.get("aggregate_name") == "median":
                medians[run_name] = b
        else:
            runs.setdefault(run_name, []).append(b)

    def converted(b):
        unit = b.get("time_unit", "ns")
        if unit not in TIME_UNIT_TO_US:
            raise InputError("%s: %s has unknown time_unit %r" % (path, b["name"], unit))
        try:
            return {"us": float(b[time_field]) * TIME_UNIT_TO_US[unit],
                    "allocs": float(b["allocs"]), "peak_heap": float(b["peak_heap"])}
        except (KeyError, TypeError, ValueError) as e:
            raise InputError("%s: %s lacks a numeric %s" % (path, b["name"], e)) from None

    table = {}
    for family in NATIVE:
        table[family] = {}
        for w in WORKLOADS:
            name = family + "/" + w
            if name in medians:
                table[family][w] = converted(medians[name])
            elif name in runs:
                reps = [converted(b) for b in runs[name]]
                table[family][w] = {k: statistics.median(r[k] for r in reps) for k in reps[0]}
            else:
                raise InputError("%s: no result for benchmark %s (was squall_bench filtered?)"
                                 % (path, name))
    return table, doc.get("context", {})


def python_results(path):
    doc = load_json(path, "python_engines.py output")
    table = {}
    for engine in ["tornado", "jinja2"]:
        row = doc.get(engine) if isinstance(doc, dict) else None
        if not isinstance(row, dict):
            raise InputError("%s: no \"%s\" object" % (path, engine))
        table[engine] = {}
        for w in WORKLOADS:
            v = row.get(w)
            if not isinstance(v, (int, float)) or not v > 0:
                raise InputError("%s: %s/%s is not a positive number of microseconds"
                                 % (path, engine, w))
            table[engine][w] = {"us": float(v)}
    return table


def fmt_us(us):
    """Three significant digits, but whole numbers from 100 up: 92, 22.9, 6.60, 0.120."""
    if us >= 100:
        return "%d" % round(us)
    digits = max(0, 2 - int(math.floor(math.log10(us))))
    return "%.*f" % (digits, us)


def fmt_ratio(r):
    if r >= 9.95:
        return "%d×" % round(r)
    if abs(r - round(r)) < 0.05:
        return "%d×" % round(r)
    return "%.1f×" % r


def fmt_bytes(n):
    if n < 1024:
        return "%d B" % n
    if n < 1024 * 1024:
        return "%.1f KiB" % (n / 1024)
    return "%.2f MiB" % (n / 1024 / 1024)


def fmt_count(n):
    return "%d" % n if n == int(n) else "%.3g" % n


def package_version(name):
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def machine():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        cxx = subprocess.run(["c++", "--version"], capture_output=True, text=True,
                             check=False).stdout.splitlines()[0]
    except (OSError, IndexError):
        cxx = "unknown (no c++ on PATH)"
    return cpu, os.cpu_count(), cxx


def main():
    args = sys.argv[1:]
    real_time = "--real-time" in args
    args = [a for a in args if a != "--real-time"]
    if len(args) != 2 or any(a.startswith("-") for a in args):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        native, context = native_results(args[0], "real_time" if real_time else "cpu_time")
        python = python_results(args[1])
    except InputError as e:
        print("report.py: %s" % e, file=sys.stderr)
        return 2

    # python_engines.py runs under /usr/bin/python3, and so should this script for the
    # versions to be those measured; Debian 12's packages are Tornado 6.2 and Jinja2 3.1.
    tornado = "Tornado " + ".".join((package_version("tornado") or "6.2").split(".")[:2])
    jinja = "Jinja2 " + ".".join((package_version("Jinja2") or "3.1").split(".")[:2])
    rows = [("baseline (hand-written C++)", native["baseline"]),
            ("Squall compiled", native["compiled"]),
            ("Squall compiled, typed", native["typed"]),
            ("Squall interpreter", native["interpreter"]),
            (tornado, python["tornado"]),
            (jinja, python["jinja2"])]
    base = native["baseline"]

    out = []
    cpu, cores, cxx = machine()
    out.append("## Benchmark results")
    out.append("")
    out.append("- machine: %s, %s cores" % (cpu, cores))
    out.append("- compiler: %s" % cxx)
    out.append("- date: %s" % datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"))
    if context.get("load_avg"):
        out.append("- load average when squall_bench started: %s"
                   % ", ".join("%.2f" % x for x in context["load_avg"]))
    out.append("")
    out.append("Microseconds per render, median; ratio to the baseline in parentheses. "
               "C++ rows: Google Benchmark's %s; Python rows: CPU time (python_engines.py)."
               % ("real (wall) time" if real_time else "CPU time"))
    out.append("")
    out.append("| engine | " + " | ".join(WORKLOADS) + " |")
    out.append("|---|" + "---|" * len(WORKLOADS))
    for label, row in rows:
        cells = ["%s (%s)" % (fmt_us(row[w]["us"]), fmt_ratio(row[w]["us"] / base[w]["us"]))
                 for w in WORKLOADS]
        out.append("| %s | %s |" % (label, " | ".join(cells)))
    out.append("")
    out.append("Heap allocations per render (after warm-up) and peak heap above what was live "
               "before rendering, from the counting allocator in squall_bench.")
    out.append("")
    out.append("| engine | " + " | ".join(WORKLOADS) + " |")
    out.append("|---|" + "---|" * len(WORKLOADS))
    for family, label in [("baseline", "baseline"), ("compiled", "Squall compiled"),
                          ("typed", "Squall compiled, typed"),
                          ("interpreter", "Squall interpreter")]:
        out.append("| %s: allocations | %s |" % (label, " | ".join(
            fmt_count(native[family][w]["allocs"]) for w in WORKLOADS)))
        out.append("| %s: peak heap | %s |" % (label, " | ".join(
            fmt_bytes(native[family][w]["peak_heap"]) for w in WORKLOADS)))
    out.append("")
    floor = max(native["baseline"][w]["peak_heap"] for w in WORKLOADS)
    if floor and all(native["baseline"][w]["allocs"] == 0 for w in WORKLOADS):
        out.append("The baseline allocates nothing per render, so its peak heap (%s) is the "
                   "measuring harness's own floor; read the other peaks relative to it."
                   % fmt_bytes(floor))
        out.append("")

    out.append("### Targets")
    out.append("")
    results = []
    for w in WORKLOADS:
        r = native["compiled"][w]["us"] / base[w]["us"]
        results.append((r <= COMPILED_MAX_RATIO, "compiled ≤ %.1f× baseline on %s: %.2f×"
                        % (COMPILED_MAX_RATIO, w, r)))
    for w in ZERO_ALLOC_WORKLOADS:
        a = native["compiled"][w]["allocs"]
        results.append((a == 0, "compiled allocations == 0 on %s: %s" % (w, fmt_count(a))))
    for w in WORKLOADS:
        s = python["tornado"][w]["us"] / native["interpreter"][w]["us"]
        results.append((s >= INTERPRETER_MIN_SPEEDUP,
                        "interpreter ≥ %d× faster than Tornado on %s: %.1f×"
                        % (INTERPRETER_MIN_SPEEDUP, w, s)))
    for ok, text in results:
        out.append("- %s %s" % ("PASS" if ok else "FAIL", text))
    passed = sum(ok for ok, _ in results)
    out.append("")
    out.append("%d of %d targets pass." % (passed, len(results)))
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
