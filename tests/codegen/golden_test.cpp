// Golden files for generated C++: tests/golden/codegen/NAME.html compiles to NAME.cpp.
// SQUALL_UPDATE_GOLDEN=1 rewrites the expected files (review the diff). The build also
// compiles every golden .cpp with -Wall -Wextra -Werror (codegen.cmake).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "codegen/compile_unit.hpp"
#include "sema/template_loader.hpp"

namespace squall::cg {
namespace {

namespace fs = std::filesystem;

const fs::path kDir = fs::path(SQUALL_SOURCE_DIR) / "tests/golden/codegen";

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Templates are loaded from memory so `#line` names them by template name, not by an
// absolute path that differs between checkouts.
std::map<std::string, std::string> golden_templates() {
  std::map<std::string, std::string> templates;
  for (const auto& entry : fs::directory_iterator(kDir)) {
    if (entry.path().extension() == ".html") {
      templates[entry.path().filename().string()] = read_text(entry.path());
    }
  }
  return templates;
}

std::string generate(const std::string& name, const std::map<std::string, std::string>& templates) {
  front::DictLoader loader(templates);
  front::DiagnosticEngine diags;
  auto unit = front::build_unit(loader, name, diags);
  std::string errors;
  for (const auto& d : diags.diagnostics()) errors += front::format_diagnostic(d);
  if (!unit) return "build_unit failed:\n" + errors;
  CompileOptions options;
  options.ns = "golden";
  options.output_name = fs::path(name).stem().string() + ".cpp";
  const auto text = compile_unit(*unit, options, diags);
  return text ? *text : "compile_unit failed:\n" + errors;
}

TEST(CodegenGolden, GeneratedCppMatches) {
  const auto templates = golden_templates();
  ASSERT_GE(templates.size(), 5u);
  const bool update = std::getenv("SQUALL_UPDATE_GOLDEN") != nullptr;
  for (const auto& [name, text] : templates) {
    // Partials (leading `_`) are only included or extended.
    if (name.front() == '_') continue;
    SCOPED_TRACE(name);
    const std::string got = generate(name, templates);
    const fs::path expected_path = kDir / (fs::path(name).stem().string() + ".cpp");
    if (update) {
      std::ofstream(expected_path, std::ios::binary) << got;
      continue;
    }
    EXPECT_EQ(got, read_text(expected_path)) << "SQUALL_UPDATE_GOLDEN=1 rewrites " << expected_path;
  }
}

TEST(CodegenGolden, Deterministic) {
  const auto templates = golden_templates();
  for (const auto& [name, text] : templates) {
    if (name.front() != '_')
      EXPECT_EQ(generate(name, templates), generate(name, templates)) << name;
  }
}

}  // namespace
}  // namespace squall::cg
