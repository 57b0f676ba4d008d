// squall_differential: renders generated templates (template_generator.hpp) with the
// interpreter and with their C++ compiled by each given compiler, and reports every case
// where the records (record.hpp: output bytes or error, and the side-effect log) differ.
//
// usage: squall_differential --seed S --expressions N --templates M [--batch B]
//            [--from I] [--progress FILE] [--work DIR] [--cxx g++,clang++]
//            [--only-seed X] [--emit-json FILE]
//
// Cases are made in batches of B templates; a batch is compiled by `squall compile` once
// and, per compiler, built as one translation unit with harness_main.cpp, so the C++
// compile cost is shared by B templates. Case i's seed is case_seed(S, i): a divergence
// prints it, and `--only-seed X` reruns that case alone. `--emit-json` writes the cases
// (no rendering) for tests/tools/gen_differential_sample.py. Exit status: 0 when every
// record agreed, 1 on a divergence, 2 on a usage or tool error.
//
// The long run takes CPU hours, so it can be cut into pieces that add up to the same run:
// `--from I` starts at case I (the M cases are I .. I+M-1, with the seeds they have in the
// whole run), and `--progress FILE` appends a line per finished batch and skips the
// batches FILE already lists, so an interrupted run continues where it stopped; the final
// line totals every batch in FILE.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "differential/record.hpp"
#include "differential/template_generator.hpp"
#include "interp/interpreter.hpp"
#include "sema/template_loader.hpp"
#include "squall/json.hpp"
#include "support/read_text.hpp"

namespace fs = std::filesystem;
using squall::differential::GeneratedCase;

namespace {

using squall::testing_support::read_text;

struct Options {
  std::uint64_t seed = 1;
  long expressions = 1000;
  long templates = 50;
  long batch = 50;  // templates per C++ build: bigger batches need more compiler memory
  std::string work = "differential-work";
  std::vector<std::string> compilers = {"g++", "clang++"};
  long from = 0;         // index of the first case
  std::string progress;  // file of finished batches (empty: none)
  std::optional<std::uint64_t> only_seed;
  std::string emit_json;
};

void write_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

std::string quote(const std::string& s) {
  std::string out = "'";
  for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

bool parse_args(int argc, char** argv, Options& o) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (i + 1 >= argc) return false;
    const std::string v = argv[++i];
    if (a == "--seed") {
      o.seed = std::stoull(v);
    } else if (a == "--expressions") {
      o.expressions = std::stol(v);
    } else if (a == "--templates") {
      o.templates = std::stol(v);
    } else if (a == "--batch") {
      o.batch = std::stol(v);
    } else if (a == "--work") {
      o.work = v;
    } else if (a == "--from") {
      o.from = std::stol(v);
    } else if (a == "--progress") {
      o.progress = v;
    } else if (a == "--only-seed") {
      o.only_seed = std::stoull(v);
    } else if (a == "--emit-json") {
      o.emit_json = v;
    } else if (a == "--cxx") {
      o.compilers.clear();
      std::stringstream list(v);
      for (std::string c; std::getline(list, c, ',');) {
        if (!c.empty()) o.compilers.push_back(c);
      }
    } else {
      return false;
    }
  }
  return o.templates > 0 && o.expressions > 0 && o.batch > 0 && o.from >= 0;
}

constexpr const char* kUsage =
    "usage: squall_differential --seed S --expressions N --templates M [--batch B] [--from I]"
    " [--progress FILE] [--work DIR] [--cxx g++,clang++] [--only-seed X] [--emit-json FILE]\n";

// split_records turns the harness output back into one record per template name.
std::map<std::string, std::string> split_records(const std::string& text) {
  std::map<std::string, std::string> out;
  std::string name;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t eol = text.find('\n', pos);
    const std::string line = text.substr(pos, eol - pos);
    pos = eol == std::string::npos ? text.size() : eol + 1;
    if (line.starts_with("== ")) {
      name = line.substr(3);
      out[name];
    } else if (line.starts_with("OUT ")) {
      const std::size_t n = std::stoul(line.substr(4));
      out[name] += line + "\n" + text.substr(pos, n + 1);
      pos += n + 1;
    } else {
      out[name] += line + "\n";
    }
  }
  return out;
}

class Runner {
 public:
  explicit Runner(const Options& o) : o_(o) {}

  // run_batch checks cases [first, first + count); false after a tool failure.
  bool run_batch(const std::vector<GeneratedCase>& cases, const fs::path& dir) {
    fs::remove_all(dir);
    std::vector<std::string> names;
    for (std::size_t i = 0; i < cases.size(); ++i) {
      const std::string folder = "c" + std::to_string(i);
      for (const auto& [name, text] : cases[i].templates)
        write_file(dir / "templates" / folder / name, text);
      names.push_back(folder + "/" + cases[i].main);
    }
    write_file(dir / "args.json", squall::differential::kArgsJson);
    const auto expected = interpret(dir / "templates", names);
    // One `squall compile` for the batch; its diagnostics are a divergence when the
    // interpreter rendered.
    const std::string compile =
        quote(SQUALL_BINARY) + " compile --root " + quote((dir / "templates").string()) +
        " --out " + quote((dir / "gen").string()) + " --namespace squall_differential_batch 2> " +
        quote((dir / "compile.err").string());
    if (std::system(compile.c_str()) != 0) {
      return tool_failed(cases, dir, "squall compile failed:\n" + read_text(dir / "compile.err"));
    }
    std::string unity = "// Generated by squall_differential.\n";
    for (const auto& entry : fs::recursive_directory_iterator(dir / "gen")) {
      if (entry.path().extension() == ".cpp")
        unity += "#include " + quote_cpp(entry.path().string()) + "\n";
    }
    unity += "#include " +
             quote_cpp(std::string(SQUALL_SOURCE_DIR) + "/tests/differential/harness_main.cpp") +
             "\n";
    write_file(dir / "unity.cpp", unity);
    std::string name_args;
    for (const auto& n : names) name_args += " " + quote(n);
    for (const std::string& cxx : o_.compilers) {
      const fs::path exe = dir / ("harness-" + fs::path(cxx).filename().string());
      const std::string build = quote(cxx) + " -std=c++20 -O0 -w -DFMT_SHARED " +
                                SQUALL_HARNESS_FLAGS + " -I" + quote(SQUALL_INCLUDE_DIR) + " -I" +
                                quote(std::string(SQUALL_SOURCE_DIR) + "/tests") + " " +
                                quote((dir / "unity.cpp").string()) + " -o " + quote(exe.string()) +
                                " " + quote(SQUALL_RUNTIME_LIB) + " " + SQUALL_RUNTIME_LINK +
                                " 2> " + quote((dir / "build.err").string());
      const auto start = std::chrono::steady_clock::now();
      if (std::system(build.c_str()) != 0) {
        return tool_failed(cases, dir,
                           cxx + " could not build the generated code:\n" +
                               read_text(dir / "build.err").substr(0, 4000));
      }
      compile_seconds_ +=
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      const fs::path out = dir / ("records-" + fs::path(cxx).filename().string() + ".txt");
      const std::string run = quote(exe.string()) + " " + quote((dir / "args.json").string()) +
                              name_args + " > " + quote(out.string());
      if (std::system(run.c_str()) != 0) {
        return tool_failed(cases, dir, "the " + cxx + " harness crashed");
      }
      const auto got = split_records(read_text(out));
      for (std::size_t i = 0; i < cases.size(); ++i) {
        const auto found = got.find(names[i]);
        const std::string actual = found == got.end() ? "(no record)\n" : found->second;
        if (actual != expected[i]) report(cases[i], cxx, expected[i], actual);
      }
    }
    return true;
  }

  int divergences() const { return divergences_; }
  double compile_seconds() const { return compile_seconds_; }

 private:
  static std::string quote_cpp(const std::string& path) {
    std::string out = "\"";
    for (const char c : path)
      out += c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
    return out + "\"";
  }

  std::vector<std::string> interpret(const fs::path& root, const std::vector<std::string>& names) {
    squall::differential::CallLog log;
    squall::interp::Options options;
    options.names = squall::differential::names(log);
    squall::interp::TemplateSet set(std::make_unique<squall::front::FolderLoader>(root.string()),
                                    std::move(options));
    const squall::Value args = squall::parse_json(squall::differential::kArgsJson);
    std::vector<std::string> records;
    for (const auto& name : names) {
      records.push_back(squall::differential::record(
          [&] {
            try {
              return set.render(name, args);
            } catch (const squall::interp::CompileError& e) {
              throw squall::Error("CompileError", e.what());
            }
          },
          log));
    }
    return records;
  }

  void report(const GeneratedCase& c, const std::string& cxx, const std::string& expected,
              const std::string& actual) {
    ++divergences_;
    std::cout << "DIVERGENCE seed " << c.seed << " (" << cxx << " vs interpreter)\n"
              << "  rerun: squall_differential --only-seed " << c.seed << " --expressions "
              << per_template() << "\n";
    for (const auto& [name, text] : c.templates) std::cout << "  " << name << ": " << text << "\n";
    std::cout << "  interpreter:\n" << expected << "  " << cxx << ":\n" << actual << "\n";
  }

  // tool_failed: a batch that does not compile, build or run is retried case by case, so
  // the case that breaks it is the one reported.
  bool tool_failed(const std::vector<GeneratedCase>& cases, const fs::path& dir,
                   const std::string& why) {
    if (cases.size() == 1) {
      report(cases[0], "tools", "", why + "\n");
      return true;
    }
    for (const auto& c : cases) {
      if (!run_batch({c}, dir)) return false;
    }
    return true;
  }

 public:
  long per_template() const { return std::max(1L, o_.expressions / o_.templates); }

 private:
  const Options& o_;
  int divergences_ = 0;
  double compile_seconds_ = 0;
};

int emit_json(const Options& o) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  const long per = std::max(1L, o.expressions / o.templates);
  for (long i = o.from; i < o.from + o.templates; ++i) {
    const GeneratedCase c = squall::differential::generate_case(
        squall::differential::case_seed(o.seed, static_cast<std::uint64_t>(i)),
        static_cast<int>(per));
    nlohmann::ordered_json j;
    j["name"] = "differential_" + std::to_string(c.seed);
    j["seed"] = c.seed;
    j["templates"] = c.templates;
    j["main"] = c.main;
    j["args"] = nlohmann::ordered_json::parse(c.args_json);
    out.push_back(j);
  }
  std::ofstream(o.emit_json, std::ios::binary | std::ios::trunc) << out.dump(1) << "\n";
  return 0;
}

// Progress is the --progress file: finished batches by their first case index.
class Progress {
 public:
  struct Batch {
    long count = 0, expressions = 0, divergences = 0;
  };

  // open reads `path` (when it exists) and checks it belongs to the same run; false with
  // `error` set when it does not or cannot be read.
  bool open(const std::string& path, const Options& o, long per_template, std::string& error) {
    path_ = path;
    header_ = "# squall_differential progress: seed " + std::to_string(o.seed) + " per-template " +
              std::to_string(per_template) + " batch " + std::to_string(o.batch);
    if (path_.empty() || !fs::exists(path_)) return true;
    std::ifstream in(path_);
    std::string line;
    if (!std::getline(in, line) || line != header_) {
      error = path_ + ": not a progress file of this run (its first line should be \"" + header_ +
              "\")";
      return false;
    }
    while (std::getline(in, line)) {
      std::istringstream fields(line);
      std::string word;
      long first = 0;
      Batch b;
      if (!(fields >> word >> first >> b.count >> b.expressions >> b.divergences) ||
          word != "batch") {
        error = path_ + ": unreadable line \"" + line + "\"";
        return false;
      }
      batches_[first] = b;
    }
    return true;
  }

  bool done(long first, long count) const {
    const auto found = batches_.find(first);
    return found != batches_.end() && found->second.count == count;
  }

  void record(long first, const Batch& b, double seconds) {
    batches_[first] = b;
    if (path_.empty()) return;
    const bool fresh = !fs::exists(path_);
    std::ofstream out(path_, std::ios::app);
    if (fresh) out << header_ << "\n";
    out << "batch " << first << " " << b.count << " " << b.expressions << " " << b.divergences
        << " " << seconds << "\n";
  }

  Batch total() const {
    Batch t;
    for (const auto& [first, b] : batches_) {
      t.count += b.count;
      t.expressions += b.expressions;
      t.divergences += b.divergences;
    }
    return t;
  }

 private:
  std::string path_, header_;
  std::map<long, Batch> batches_;
};

}  // namespace

int main(int argc, char** argv) {
  Options o;
  bool parsed = false;
  try {
    parsed = parse_args(argc, argv, o);
  } catch (const std::exception&) {
    parsed = false;  // a number that does not parse
  }
  if (!parsed) {
    std::cerr << kUsage;
    return 2;
  }
  if (!o.emit_json.empty()) return emit_json(o);
  if (o.only_seed) o.templates = 1;
  Runner runner(o);
  Progress progress;
  if (std::string error; !progress.open(o.progress, o, runner.per_template(), error)) {
    std::cerr << "squall_differential: " << error << "\n";
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  const long end = o.from + o.templates;
  for (long first = o.from; first < end; first += o.batch) {
    const long count = std::min(end, first + o.batch) - first;
    if (progress.done(first, count)) continue;
    std::vector<GeneratedCase> cases;
    Progress::Batch batch;
    batch.count = count;
    for (long i = first; i < first + count; ++i) {
      const std::uint64_t seed =
          o.only_seed ? *o.only_seed
                      : squall::differential::case_seed(o.seed, static_cast<std::uint64_t>(i));
      cases.push_back(
          squall::differential::generate_case(seed, static_cast<int>(runner.per_template())));
      batch.expressions += cases.back().expressions;
    }
    const int before = runner.divergences();
    const auto batch_start = std::chrono::steady_clock::now();
    if (!runner.run_batch(cases, fs::absolute(o.work) / "batch")) return 2;
    batch.divergences = runner.divergences() - before;
    const auto now = std::chrono::steady_clock::now();
    progress.record(first, batch, std::chrono::duration<double>(now - batch_start).count());
    const Progress::Batch t = progress.total();
    std::cerr << "differential: " << t.count << " templates, " << t.expressions << " expressions, "
              << t.divergences << " divergences, "
              << std::chrono::duration<double>(now - start).count() << " s ("
              << runner.compile_seconds() << " s in C++ compilers)\n";
  }
  const Progress::Batch t = progress.total();
  std::cout << "differential: seed " << o.seed << ": " << t.count << " templates, " << t.expressions
            << " expressions, " << t.divergences << " divergences\n";
  return t.divergences ? 1 : 0;
}
