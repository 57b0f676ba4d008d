#!/usr/bin/python3
"""Measures how long compiling templates takes, and prints a markdown section.

Usage: compile_times.py --squall BUILD/squall [--corpus DIR] [--bench-dir DIR]
                        [--squall-bench BUILD/bench/squall_bench] [--cxx g++] [--sample N]
                        [--repeat N]

Measures:
  (a) `squall compile` wall time over the whole template corpus (CORPUS/index.json lists
      {root, name, tornado}): each distinct root compiled once, times summed. A root that
      does not compile whole because of templates Tornado itself rejects is compiled as a
      copy without those templates; if that still fails, template by template with --only
      (plus one --index run), skipping the templates that fail. The section says which.
  (b) `squall compile --only` wall time of the largest corpus template (by bytes).
  (c) C++ compile time (`CXX -std=c++20 -O2 -c -I include`) of generated templates: the
      benchmark workloads plus a sample of corpus templates spread over the size range,
      and, for scale, of a file that only includes <squall/abi.hpp>.
  (d) Peak RSS (what `/usr/bin/time -v` reports as "Maximum resident set size": the
      child's ru_maxrss from wait4) of `squall compile` on the largest root, of the C++
      compile of the largest generated template and of a short squall_bench compiled run.
Times are medians of --repeat runs, except the C++ compiles, which run once each.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
BENCH_TEMPLATES = ["big-table.html", "teams.html", "escape-heavy.html", "page.html"]


def run(cmd, cwd=None):
    """Runs cmd; returns (exit status, wall seconds, peak RSS in KiB, stderr text)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(p.pid, 0)
        elapsed = time.perf_counter() - start
        p.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        return p.returncode, elapsed, usage.ru_maxrss, err.read().decode(errors="replace")


def timed(cmd, repeat):
    """Runs cmd `repeat` times; returns (status, median seconds, max RSS KiB, stderr)."""
    times, rss = [], 0
    for _ in range(repeat):
        status, secs, kib, err = run(cmd)
        if status != 0:
            return status, secs, kib, err
        times.append(secs)
        rss = max(rss, kib)
    return 0, statistics.median(times), rss, ""


def first_line(text):
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[0].strip() if lines else "(no message)"


def compile_root(squall, corpus, root, names, bad, out, work, repeat, notes):
    """Compiles one corpus root into out/NS.

    Returns (seconds, namespace, names compiled, the root folder used: the corpus root or,
    when that does not compile as a whole, a copy without the templates Tornado rejects).
    """
    ns = "c%d" % len(notes["roots"])
    notes["roots"].append(root)
    path = os.path.join(corpus, root)
    cmd = [squall, "compile", "--root", path, "--out", out, "--namespace", ns]
    status, secs, _, err = timed(cmd, repeat)
    if status == 0:
        return secs, ns, names, path
    notes["lines"].append("`%s` does not compile as a whole (%s%s)" % (
        root, "killed by signal %d: " % -status if status < 0 else "", first_line(err)))

    # A copy of the root holding only the indexed templates Tornado parses.
    good = [n for n in names if n not in bad]
    copy = os.path.join(work, "root-copy-" + ns)
    for n in good:
        os.makedirs(os.path.dirname(os.path.join(copy, n)), exist_ok=True)
        shutil.copy2(os.path.join(path, n), os.path.join(copy, n))
    status, secs, _, err = timed(
        [squall, "compile", "--root", copy, "--out", out, "--namespace", ns], repeat)
    if status == 0:
        notes["lines"].append(
            "so it was timed as a copy without the %d template(s) Tornado rejects (%s), "
            "%d templates" % (len(bad), ", ".join("`%s`" % b for b in sorted(bad)), len(good)))
        return secs, ns, good, copy

    # Template by template, then the header and registry for those that compiled.
    total, done, failed = 0.0, [], []
    for n in names:
        status, secs, _, _ = timed(
            [squall, "compile", "--root", path, "--out", out, "--namespace", ns, "--only", n],
            repeat)
        total += secs
        if status == 0:
            done.append(n)
        else:
            failed.append("`%s`%s" % (n, " (crashed: signal %d)" % -status if status < 0 else ""))
    status, secs, _, err = timed(
        [squall, "compile", "--root", path, "--out", out, "--namespace", ns, "--index"] + done,
        repeat)
    total += secs
    notes["lines"].append(
        "so it was timed template by template (`--only`, one process each, then `--index`): "
        "%d compiled, %d failed (%s)%s" % (
            len(done), len(failed), ", ".join(failed),
            "" if status == 0 else "; the --index run failed: " + first_line(err)))
    return total, ns, done, path


def cxx_compile(cxx, src, include_dirs, obj_dir):
    obj = os.path.join(obj_dir, "out.o")
    cmd = [cxx, "-std=c++20", "-O2", "-c", src, "-o", obj]
    for d in include_dirs:
        cmd += ["-I", d]
    status, secs, kib, err = run(cmd)
    if status != 0:
        raise SystemExit("compile_times.py: %s failed on %s:\n%s" % (cxx, src, err[-2000:]))
    return secs, kib


def spread(items, n):
    """n items spread evenly over the (sorted) list, always including the last one."""
    if len(items) <= n:
        return list(items)
    if n <= 1:
        return list(items[-1:]) if n == 1 else []
    return [items[round(i * (len(items) - 1) / (n - 1))] for i in range(n)]


def fmt_mib(kib):
    return "%.0f MiB" % (kib / 1024)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--squall", required=True, help="the squall CLI")
    ap.add_argument("--corpus", default=os.path.join(REPO, "..", "shared", "corpus"))
    ap.add_argument("--bench-dir", default=os.path.join(REPO, "..", "shared", "bench"))
    ap.add_argument("--squall-bench", help="squall_bench binary, for its peak RSS")
    ap.add_argument("--cxx", default=os.environ.get("CXX", "g++"))
    ap.add_argument("--sample", type=int, default=10, help="corpus templates to C++-compile")
    ap.add_argument("--repeat", type=int, default=3, help="runs per squall compile timing")
    args = ap.parse_args()
    args.corpus = os.path.normpath(os.path.abspath(args.corpus))
    args.bench_dir = os.path.normpath(os.path.abspath(args.bench_dir))

    index_path = os.path.join(args.corpus, "index.json")
    try:
        with open(index_path, encoding="utf-8") as f:
            index = json.load(f)
        entries = [(e["root"], e["name"], e["tornado"]) for e in index]
    except (OSError, ValueError, KeyError, TypeError) as e:
        sys.exit("compile_times.py: cannot read the corpus index %s: %s" % (index_path, e))
    if not os.access(args.squall, os.X_OK):
        sys.exit("compile_times.py: %s is not an executable squall CLI" % args.squall)
    include = os.path.join(REPO, "include")

    roots = {}
    for root, name, tornado in entries:
        r = roots.setdefault(root, {"names": [], "bad": set()})
        r["names"].append(name)
        if tornado != "ok":
            r["bad"].add(name)

    work = tempfile.mkdtemp(prefix="squall-compile-times-")
    try:
        # (a) the whole corpus.
        notes = {"roots": [], "lines": []}
        out = os.path.join(work, "corpus")
        total, compiled = 0.0, []  # compiled: (bytes, root, name, generated .cpp)
        root_secs, root_dirs = {}, {}
        for root in sorted(roots):
            secs, ns, done, root_dirs[root] = compile_root(
                args.squall, args.corpus, root, roots[root]["names"], roots[root]["bad"], out,
                work, args.repeat, notes)
            total += secs
            root_secs[root] = secs
            for n in done:
                size = os.path.getsize(os.path.join(args.corpus, root, n))
                compiled.append((size, root, n, os.path.join(out, ns, n + ".cpp")))
        corpus_bytes = sum(os.path.getsize(os.path.join(args.corpus, r, n))
                           for r, n, _ in entries)

        # (b) the largest template, alone.
        size, big_root, big_name, big_cpp = max(compiled)
        status, big_secs, _, err = timed(
            [args.squall, "compile", "--root", os.path.join(args.corpus, big_root),
             "--out", os.path.join(work, "largest"), "--namespace", "largest",
             "--only", big_name], args.repeat)
        if status != 0:
            sys.exit("compile_times.py: squall compile --only %s failed: %s"
                     % (big_name, first_line(err)))

        # (c) C++ compile times: the benchmark workloads and a corpus sample.
        bench_out = os.path.join(work, "bench")
        status, _, _, err = run([args.squall, "compile", "--root",
                                 os.path.join(args.bench_dir, "templates"), "--out", bench_out,
                                 "--namespace", "bench", "--whitespace", "all"])
        if status != 0:
            sys.exit("compile_times.py: squall compile of the benchmark templates failed: %s"
                     % first_line(err))
        sample = [("bench/" + t, os.path.join(bench_out, "bench", t + ".cpp"),
                   os.path.getsize(os.path.join(args.bench_dir, "templates", t)))
                  for t in BENCH_TEMPLATES]
        sample += [(r + "/" + n, cpp, s) for s, r, n, cpp in spread(sorted(compiled),
                                                                    args.sample)]
        objs = os.path.join(work, "obj")
        os.makedirs(objs)
        header_only = os.path.join(work, "runtime_only.cpp")
        with open(header_only, "w", encoding="utf-8") as f:
            f.write("#include <squall/abi.hpp>\n")
        header_secs, _ = cxx_compile(args.cxx, header_only, [include], objs)
        cxx_times = []
        for label, cpp, src_bytes in sample:
            secs, kib = cxx_compile(args.cxx, cpp, [include], objs)
            cxx_times.append((secs, label, src_bytes, os.path.getsize(cpp), kib))

        # (d) peak RSS.
        largest_root = max(roots, key=lambda r: sum(
            os.path.getsize(os.path.join(args.corpus, r, n)) for n in roots[r]["names"]))
        status, _, rss_root, _ = run([args.squall, "compile", "--root", root_dirs[largest_root],
                                      "--out", os.path.join(work, "rss"), "--namespace", "rss"])
        rss_note = "" if root_dirs[largest_root] == os.path.join(args.corpus, largest_root) \
            else " (the copy of (a))"
        if status < 0:
            rss_note += " (killed by signal %d)" % -status
        elif status > 0:
            rss_note += " (exit status %d)" % status
        _, rss_cxx_big = cxx_compile(args.cxx, big_cpp, [include], objs)
        rss_bench = None
        if args.squall_bench:
            status, _, kib, err = run([args.squall_bench, "--benchmark_filter=^compiled/",
                                       "--benchmark_min_time=0.05"])
            if status == 0:
                rss_bench = kib
            else:
                print("compile_times.py: squall_bench failed: %s" % first_line(err),
                      file=sys.stderr)
    finally:
        shutil.rmtree(work)

    o = []
    o.append("## Compile times")
    o.append("")
    o.append("Wall time; `squall compile` times are the median of %d runs, each including "
             "process start." % args.repeat)
    o.append("")
    o.append("| measure | result |")
    o.append("|---|---|")
    o.append("| `squall compile`, whole corpus (%d templates, %.0f KiB, %d roots, one process "
             "per root, summed) | %.3f s |" % (len(entries), corpus_bytes / 1024, len(roots),
                                                 total))
    slowest = max(root_secs, key=root_secs.get)
    o.append("| slowest root: `%s` (%d templates) | %.3f s |"
             % (slowest, len(roots[slowest]["names"]), root_secs[slowest]))
    o.append("| `squall compile --only`, largest template `%s/%s` (%.1f KiB) | %.3f s |"
             % (big_root, big_name, size / 1024, big_secs))
    times = [t[0] for t in cxx_times]
    o.append("| C++ compile (`%s -std=c++20 -O2 -c`) of a generated template, %d sampled: "
             "mean | %.2f s |" % (args.cxx, len(cxx_times), statistics.mean(times)))
    worst = max(cxx_times)
    o.append("| same, max (`%s`) | %.2f s |" % (worst[1], worst[0]))
    o.append("| same, a file that only includes `<squall/abi.hpp>` | %.2f s |" % header_secs)
    o.append("| peak RSS, `squall compile` of the largest root `%s`%s | %s |"
             % (largest_root, rss_note, fmt_mib(rss_root)))
    o.append("| peak RSS, C++ compile of the largest generated template | %s |"
             % fmt_mib(rss_cxx_big))
    if rss_bench is not None:
        o.append("| peak RSS, `squall_bench --benchmark_filter=^compiled/` (whole process) | %s |"
                 % fmt_mib(rss_bench))
    if notes["lines"]:
        o.append("")
        o.append("Corpus roots that needed a workaround: " + "; ".join(notes["lines"]) + ".")
    o.append("")
    o.append("C++ compile time per sampled template (the four benchmark workloads, then corpus "
             "templates spread over the size range):")
    o.append("")
    o.append("| template | source | generated C++ | compile |")
    o.append("|---|---|---|---|")
    for secs, label, src_bytes, cpp_bytes, _ in cxx_times:
        o.append("| `%s` | %.1f KiB | %.1f KiB | %.2f s |"
                 % (label, src_bytes / 1024, cpp_bytes / 1024, secs))
    print("\n".join(o))
    return 0


if __name__ == "__main__":
    sys.exit(main())
