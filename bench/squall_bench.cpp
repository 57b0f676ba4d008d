// The benchmark: the four workloads of ../shared/bench rendered by the hand-written C++
// baseline, compiled Squall and the Squall interpreter. Before anything is timed, every
// engine's output is checked equal to the baseline's (a benchmark of wrong output is
// worthless); a mismatch exits 1 with the first differing byte.
//
// Each benchmark reports, besides time: `bytes` (output size), `allocs` (heap allocations
// per render after warm-up) and `peak_heap` (the most heap held above what was live before
// the render, in bytes), from the counting allocator linked into this binary.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "baseline.hpp"
#include "bench_templates.hpp"
#include "bench_typed/big-table.html.hpp"
#include "bench_typed/escape-heavy.html.hpp"
#include "bench_typed/page.html.hpp"
#include "bench_typed/teams.html.hpp"
#include "counting_allocator.hpp"
#include "interp/interpreter.hpp"
#include "parse/parser.hpp"
#include "sema/template_loader.hpp"
#include "squall/template_set.hpp"
#include "squall/value.hpp"

namespace {

namespace sb = squall::bench;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "squall_bench: cannot read " << path << "\n";
    std::exit(2);
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Workload is one template with its data in every form an engine takes it.
struct Workload {
  std::string name;
  squall::Value args;                                   // compiled Squall and the interpreter
  std::function<void(sb::RawBuffer&)> render_baseline;  // bound to the baseline's structs
  std::function<void(std::string&)> render_typed;       // the typed entry point, same structs
};

// Typed entry points of the typed variants (bench/typed), on the baseline's structs.
void render_typed(std::string& out, const sb::BigTable& d) {
  bench_typed::render_big_table(out, d.table);
}
void render_typed(std::string& out, const sb::Teams& d) {
  bench_typed::render_teams(out, d.year, d.teams);
}
void render_typed(std::string& out, const sb::EscapeHeavy& d) {
  bench_typed::render_escape_heavy(out, d.comments);
}
void render_typed(std::string& out, const sb::Page& d) {
  bench_typed::render_page(out, d.site_name, d.title, d.active, d.year, d.user, d.nav, d.items);
}

std::vector<Workload> load_workloads(const std::string& dir) {
  std::vector<Workload> w;
  auto add = [&](const char* name, auto load) {
    const std::string json = read_file(dir + "/data/" + name + ".json");
    auto data = std::make_shared<decltype(load(json))>(load(json));
    w.push_back({name, squall::Value::from_json(json),
                 [data](sb::RawBuffer& out) { sb::render(out, *data); },
                 [data](std::string& out) { render_typed(out, *data); }});
  };
  add("big-table", sb::load_big_table);
  add("teams", sb::load_teams);
  add("escape-heavy", sb::load_escape_heavy);
  add("page", sb::load_page);
  return w;
}

std::unique_ptr<squall::interp::TemplateSet> make_interpreter(const std::string& dir) {
  squall::front::ParseOptions parse;
  parse.whitespace = squall::front::WhitespaceMode::All;
  return std::make_unique<squall::interp::TemplateSet>(
      std::make_unique<squall::front::FolderLoader>(dir + "/templates", parse));
}

// Measure wraps a benchmark body with the allocation and peak-heap counters.
template <class Render>
void measure(benchmark::State& state, std::size_t bytes, Render render) {
  for (int i = 0; i < 3; ++i) render();  // warm-up: buffers reach their final size
  const auto allocs_before = sb::allocation_count();
  sb::reset_peak();
  const auto live_before = sb::live_bytes();
  for (auto _ : state) render();
  // Read before touching state.counters, whose map nodes are allocations of their own.
  const auto allocs = sb::allocation_count() - allocs_before;
  const auto peak = sb::peak_bytes() - live_before;
  const double n = static_cast<double>(state.iterations());
  state.counters["allocs"] = static_cast<double>(allocs) / n;
  state.counters["peak_heap"] = static_cast<double>(peak);
  state.counters["bytes"] = static_cast<double>(bytes);
  state.SetBytesProcessed(static_cast<std::int64_t>(n * static_cast<double>(bytes)));
}

bool same_output(const std::string& engine, const std::string& workload, std::string_view want,
                 std::string_view got) {
  if (want == got) return true;
  std::size_t i = 0;
  while (i < want.size() && i < got.size() && want[i] == got[i]) ++i;
  std::cerr << "squall_bench: " << engine << " output for " << workload
            << " differs from the baseline at byte " << i << " (lengths " << want.size() << " and "
            << got.size() << ")\n  baseline: " << want.substr(i > 40 ? i - 40 : 0, 80) << "\n  "
            << engine << ": " << got.substr(i > 40 ? i - 40 : 0, 80) << "\n";
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  const char* dir_env = std::getenv("SQUALL_BENCH_DIR");
  const std::string dir = dir_env ? dir_env : SQUALL_BENCH_DIR;
  static std::vector<Workload> workloads = load_workloads(dir);
  static auto interpreter = make_interpreter(dir);
  const squall::TemplateSet& compiled = ::bench::templates();

  std::map<std::string, std::function<void()>> renders;
  bool ok = true;
  for (auto& w : workloads) {
    const std::string file = w.name + ".html";
    sb::RawBuffer base;
    w.render_baseline(base);
    const std::string want(base.view());
    std::string got;
    try {
      got = compiled.render(file, w.args);
      ok = same_output("compiled", w.name, want, got) && ok;
      got = interpreter->render(file, w.args);
      ok = same_output("interpreter", w.name, want, got) && ok;
      got.clear();
      w.render_typed(got);
      ok = same_output("typed", w.name, want, got) && ok;
    } catch (const std::exception& e) {
      std::cerr << "squall_bench: " << w.name << ": " << e.what() << "\n";
      ok = false;
    }
    // One render function per engine, each with its own reused buffer: registered as a
    // benchmark and kept for --profile.
    auto baseline = [&w, out = std::make_shared<sb::RawBuffer>()] {
      out->clear();
      w.render_baseline(*out);
      benchmark::DoNotOptimize(out->view().data());
    };
    // Found once, as the Python engines load their template objects once.
    auto compiled_render = [&w, page = compiled.get(file), out = std::make_shared<std::string>()] {
      out->clear();
      page.render_to(*out, w.args);
      benchmark::DoNotOptimize(out->data());
    };
    auto typed = [&w, out = std::make_shared<std::string>()] {
      out->clear();
      w.render_typed(*out);
      benchmark::DoNotOptimize(out->data());
    };
    auto interpreted = [&w, file, out = std::make_shared<std::string>()] {
      out->clear();
      interpreter->render_to(*out, file, w.args);
      benchmark::DoNotOptimize(out->data());
    };
    const std::size_t bytes = want.size();
    const std::pair<std::string, std::function<void()>> engines[] = {
        {"baseline/" + w.name, baseline},
        {"compiled/" + w.name, compiled_render},
        {"typed/" + w.name, typed},
        {"interpreter/" + w.name, interpreted}};
    for (const auto& [name, render] : engines) {
      renders[name] = render;
      benchmark::RegisterBenchmark(name.c_str(), [render = render, bytes](benchmark::State& s) {
        measure(s, bytes, render);
      });
    }
  }
  if (!ok) return 1;
  // --profile ENGINE/WORKLOAD N renders N times without the benchmark library, for
  // `valgrind --tool=callgrind`: two runs with different N give instructions per render.
  if (argc == 4 && std::string_view(argv[1]) == "--profile") {
    const auto found = renders.find(argv[2]);
    const int n = std::atoi(argv[3]);
    if (found == renders.end() || n < 0) {
      std::cerr << "squall_bench: --profile ENGINE/WORKLOAD N (e.g. compiled/teams 1000)\n";
      return 2;
    }
    for (int i = 0; i < n; ++i) found->second();
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
