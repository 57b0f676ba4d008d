// One compiled set rendered from 8 threads at once, each thread with its own data (every
// golden template with its NAME.json, every string changed per thread) and some threads
// under tight render limits: each render's output equals the one made alone, and a limit
// hit by one thread never leaks into another (limits are per thread and per render).
// Run under ThreadSanitizer by the CI matrix.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <filesystem>
#include <map>
#include <thread>
#include <vector>

#include "golden/codegen/golden_templates.hpp"
#include "squall/json.hpp"
#include "squall/limits.hpp"
#include "support/read_text.hpp"

namespace squall::cg {
namespace {

using squall::testing_support::read_text;

namespace fs = std::filesystem;
using Json = nlohmann::json;

const fs::path kDir = fs::path(SQUALL_SOURCE_DIR) / "tests/golden/codegen";
constexpr int kThreads = 8;

// personalize appends `-tN` to every string of the data, so each thread renders other bytes.
void personalize(Json& j, int thread) {
  if (j.is_string()) {
    j = j.get<std::string>() + "-t" + std::to_string(thread);
  } else if (j.is_array() || j.is_object()) {
    for (auto& child : j) personalize(child, thread);
  }
}

std::string render(const std::string& name, const Value& args,
                   const squall::ModuleRegistry& modules, const RenderLimits* limits) {
  RenderEnvironment env;
  env.modules = &modules;
  env.limits = limits;
  try {
    return golden::templates().render(name, args, env);
  } catch (const Error& e) {
    return "ERROR " + e.format();
  }
}

struct Job {
  std::string name;
  Value args;
  std::string expected;
};

TEST(ConcurrencyStress, EightThreadsDifferentDataOneSet) {
  const auto modules = std::make_shared<squall::ModuleRegistry>();
  // A thread with odd index renders under limits so small that loops and big strings fail.
  RenderLimits tight;
  tight.max_iterations = 1;
  tight.max_string_bytes = 64;
  tight.max_output_bytes = 4096;
  std::vector<std::vector<Job>> jobs(kThreads);
  for (const auto& entry : fs::directory_iterator(kDir)) {
    if (entry.path().extension() != ".json") continue;
    const std::string name = entry.path().stem().string() + ".html";
    const Json data = Json::parse(read_text(entry.path()));
    for (int t = 0; t < kThreads; ++t) {
      Json mine = data;
      personalize(mine, t);
      Value args = parse_json(mine.dump());
      const RenderLimits* limits = t % 2 ? &tight : nullptr;
      std::string expected = render(name, args, *modules, limits);  // alone, first
      jobs[t].push_back({name, std::move(args), std::move(expected)});
    }
  }
  ASSERT_FALSE(jobs[0].empty());
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      const RenderLimits* limits = t % 2 ? &tight : nullptr;
      for (int round = 0; round < 20; ++round) {
        for (const Job& job : jobs[t]) {
          if (render(job.name, job.args, *modules, limits) != job.expected) ++mismatches;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace squall::cg
