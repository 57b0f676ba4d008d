// UI modules benchmark: a page using five modules (two sharing CSS files, one used 50
// times in a loop, one nested inside it) rendered as a page (render_page: the module calls,
// then resource collection and injection), against the same page written without modules
// (the same markup inline, the resources written into the template), compiled.
//
//   cmake -B build -DSQUALL_BUILD_BENCH=ON && cmake --build build --target squall_ui_modules_bench
//   build/bench/squall_ui_modules_bench
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>

#include "squall/static_files.hpp"
#include "squall/template_set.hpp"
#include "ui_bench_modules.hpp"
#include "ui_bench_templates.hpp"

namespace {

squall::Value page_args() {
  std::string json = R"({"title": "Squall <news>", "links": [)";
  for (int i = 0; i < 5; ++i) {
    json += std::string(i ? "," : "") + R"([")" + "Link " + std::to_string(i) + R"(", "/l/)" +
            std::to_string(i) + R"("])";
  }
  json += R"(], "entries": [)";
  for (int i = 0; i < 50; ++i) {
    json +=
        std::string(i ? "," : "") + R"({"title": "Entry )" + std::to_string(i) +
        R"( & more", "summary": "A summary with <b>markup</b> to escape", "tags": ["a", "b&c", "d"]})";
  }
  return squall::Value::from_json(json + "]}");
}

struct Site {
  squall::StaticFiles statics{SQUALL_UI_BENCH_DIR "/static"};
  squall::RenderEnvironment env;
  squall::Value args = page_args();
  Site() {
    env.modules = &ui_bench::modules();
    env.static_url = statics.function();
  }
};

Site& site() {
  static Site s;
  return s;
}

void BM_PageWithModules(benchmark::State& state) {
  Site& s = site();
  const squall::TemplateRef page = ui_bench::templates().get("with_modules.html");
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string out = page.render_page(s.args, s.env);
    bytes = out.size();
    benchmark::DoNotOptimize(out);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_PageWithModules);

void BM_PageWithoutModules(benchmark::State& state) {
  Site& s = site();
  const squall::TemplateRef page = ui_bench::templates().get("without_modules.html");
  std::string out;
  std::size_t bytes = 0;
  for (auto _ : state) {
    out = page.render(s.args, s.env);
    bytes = out.size();
    benchmark::DoNotOptimize(out);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_PageWithoutModules);

// count returns how many times `needle` occurs in `text`.
int count(const std::string& text, const std::string& needle) {
  int n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++n;
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  // The page renders each resource once, in Tornado's order.
  const std::string page =
      ui_bench::templates().render_page("with_modules.html", site().args, site().env);
  std::printf(
      "with modules: %zu bytes; shared.css %d, card.css %d, nav.js %d, initTags %d, "
      "card style %d\n",
      page.size(), count(page, "shared.css"), count(page, "card.css"), count(page, "nav.js"),
      count(page, "initTags();"), count(page, ".card {"));
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  return 0;
}
