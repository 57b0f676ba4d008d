// The real-world corpus through the code generator: every template of
// ../shared/corpus/index.json that Tornado parses must compile to C++, and that C++ must
// pass `c++ -fsyntax-only -Wall -Wextra -Werror`. Generated files are grouped into batches
// (one compiler run parses the runtime headers once per batch) checked two at a time.
// Prints counts and the TorCMS timings. Exit 77 (skipped) when ../shared is absent.
//
// usage: codegen_corpus_check WORK_DIR
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "codegen/compile_unit.hpp"
#include "sema/template_loader.hpp"
#include "support/read_text.hpp"

extern char** environ;

namespace {

using squall::testing_support::read_text;

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kBatch = 24;
constexpr std::size_t kJobs = 2;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Generated {
  std::string root;
  fs::path file;
};

pid_t spawn_compiler(const fs::path& batch) {
  const std::string include = "-I" + std::string(SQUALL_SOURCE_DIR) + "/include";
  const std::string path = batch.string();
  const char* argv[] = {SQUALL_CXX, "-std=c++20",    "-fsyntax-only", "-Wall", "-Wextra",
                        "-Werror",  include.c_str(), path.c_str(),    nullptr};
  pid_t pid = 0;
  if (posix_spawnp(&pid, SQUALL_CXX, nullptr, nullptr, const_cast<char**>(argv), environ) != 0)
    return -1;
  return pid;
}

// check_batches runs the compiler over `batches`, kJobs at a time; returns failures.
int check_batches(const std::vector<fs::path>& batches) {
  int failures = 0;
  std::map<pid_t, fs::path> running;
  std::size_t next = 0;
  while (next < batches.size() || !running.empty()) {
    while (running.size() < kJobs && next < batches.size()) {
      const pid_t pid = spawn_compiler(batches[next]);
      if (pid < 0) {
        std::cerr << "cannot run " << SQUALL_CXX << "\n";
        ++failures;
      } else {
        running[pid] = batches[next];
      }
      ++next;
    }
    int status = 0;
    const pid_t done = ::wait(&status);
    if (done < 0) break;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      std::cerr << "FAILED: " << running[done] << "\n";
      ++failures;
    }
    running.erase(done);
  }
  return failures;
}

}  // namespace

int main(int argc, char** argv) {
  const fs::path corpus = fs::path(SQUALL_SHARED_DIR) / "corpus";
  if (!fs::exists(corpus / "index.json")) {
    std::cout << "corpus not found at " << corpus << ": skipped\n";
    return 77;
  }
  const fs::path work = argc > 1 ? fs::path(argv[1]) : fs::temp_directory_path() / "squall_corpus";
  fs::remove_all(work);
  fs::create_directories(work);
  const auto index = nlohmann::json::parse(read_text(corpus / "index.json"));

  std::map<std::string, std::unique_ptr<squall::front::FolderLoader>> loaders;
  std::map<std::string, int> namespaces;
  std::vector<Generated> generated;
  int eligible = 0, failed = 0;
  double torcms_generate = 0;
  for (const auto& entry : index) {
    if (entry["tornado"] != "ok") continue;
    ++eligible;
    const std::string root = entry["root"].get<std::string>();
    const std::string name = entry["name"].get<std::string>();
    auto& loader = loaders[root];
    if (!loader) loader = std::make_unique<squall::front::FolderLoader>((corpus / root).string());
    const int ns = namespaces.emplace(root, static_cast<int>(namespaces.size())).first->second;
    const auto start = Clock::now();
    squall::front::DiagnosticEngine diags;
    auto unit = squall::front::build_unit(*loader, name, diags);
    squall::cg::CompileOptions options;
    options.ns = "squall_corpus" + std::to_string(ns);
    const fs::path out = work / root / (name + ".cpp");
    options.output_name = out.string();
    std::optional<std::string> text;
    if (unit && !diags.has_errors()) {
      // Pages call their layout's shared body where they can, as `squall compile` makes them.
      text = squall::cg::compile_unit(*unit, options, diags,
                                      squall::cg::choose_layout(*unit, *loader, options));
    }
    if (root.starts_with("torcms")) torcms_generate += seconds_since(start);
    if (!text) {
      ++failed;
      std::cerr << "squall compile failed: " << root << "/" << name << "\n";
      for (const auto& d : diags.diagnostics()) std::cerr << squall::front::format_diagnostic(d);
      continue;
    }
    fs::create_directories(out.parent_path());
    std::ofstream(out, std::ios::binary) << *text;
    generated.push_back({root, out});
  }

  // Batches never mix roots, so the TorCMS compile time can be reported on its own.
  std::vector<fs::path> torcms, others;
  std::string batch_text;
  std::size_t in_batch = 0;
  std::string batch_root;
  auto flush = [&] {
    if (in_batch == 0) return;
    const fs::path p = work / ("batch" + std::to_string(torcms.size() + others.size()) + ".cpp");
    std::ofstream(p) << batch_text;
    (batch_root.starts_with("torcms") ? torcms : others).push_back(p);
    batch_text.clear();
    in_batch = 0;
  };
  for (const auto& g : generated) {
    if (g.root != batch_root || in_batch == kBatch) flush();
    batch_root = g.root;
    batch_text += "#include \"" + g.file.string() + "\"\n";
    ++in_batch;
  }
  flush();

  auto start = Clock::now();
  int compile_failures = check_batches(torcms);
  const double torcms_compile = seconds_since(start);
  compile_failures += check_batches(others);
  std::cout << "corpus: " << eligible << " templates Tornado parses, " << generated.size()
            << " compiled to C++, " << failed << " rejected by squall compile, " << compile_failures
            << " failing C++ batches\n";
  std::cout << "TorCMS: generate " << torcms_generate << " s, c++ -fsyntax-only " << torcms_compile
            << " s (" << kJobs << " jobs)\n";
  return failed == 0 && compile_failures == 0 ? 0 : 1;
}
