// `squall lint PATH...`: prints warnings where a `{{ }}` lands somewhere HTML escaping does
// not protect, and every `{% raw %}` / `{% autoescape None %}`, then a count per code.
// Exit 0 when the files parse (warnings do not fail), 1 on a parse error, 2 on usage errors.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "driver/commands.hpp"
#include "driver/input_files.hpp"
#include "parse/parser.hpp"
#include "sema/lint.hpp"
#include "source/read_file.hpp"

namespace squall::driver {
namespace {

namespace fs = std::filesystem;

struct LintOptions {
  std::vector<std::string> paths;
};

int run_lint(const LintOptions& options) {
  std::vector<fs::path> files;
  if (!collect_files("lint", options.paths, files)) return kExitUsage;
  int exit_code = kExitOk;
  int warned_files = 0;
  std::map<std::string, int> counts;
  for (const fs::path& path : files) {
    std::string why;
    auto text = front::read_regular_file(path.string(), front::kMaxTemplateBytes, why);
    if (!text) {
      std::cerr << "squall lint: cannot read " << path.string() << ": " << why << "\n";
      exit_code = kExitUsage;
      continue;
    }
    auto file = std::make_shared<const front::SourceFile>(path.generic_string(), std::move(*text),
                                                          path.string());
    front::DiagnosticEngine diags;
    auto parsed = front::parse_template(file, {}, diags);
    if (parsed && front::lint_template(*parsed, diags) > 0) ++warned_files;
    for (const auto& d : diags.diagnostics()) {
      std::cerr << front::format_diagnostic(d);
      if (d.severity == front::Severity::Warning) {
        ++counts[d.message.substr(1, d.message.find(']') - 1)];
      }
    }
    if (diags.has_errors() && exit_code == kExitOk) exit_code = kExitError;
  }
  int total = 0;
  for (const auto& [code, n] : counts) total += n;
  std::cerr << "squall lint: " << total << " warning" << (total == 1 ? "" : "s") << " in "
            << warned_files << " of " << files.size() << " files";
  const char* sep = " (";
  for (const auto& [code, n] : counts) {
    std::cerr << sep << code << ": " << n;
    sep = ", ";
  }
  std::cerr << (counts.empty() ? "" : ")") << "\n";
  return exit_code;
}

}  // namespace

void add_lint_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<LintOptions>();
  auto* cmd = app.add_subcommand(
      "lint", "Warn where {{ }} lands in a context HTML escaping does not protect");
  cmd->add_option("paths", options->paths, "Template files or folders")->required();
  cmd->callback([options, &exit_code] { exit_code = run_lint(*options); });
}

}  // namespace squall::driver
