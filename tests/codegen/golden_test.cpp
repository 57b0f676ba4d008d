// Golden files for generated C++: tests/golden/codegen/NAME.html compiles to NAME.cpp.
// SQUALL_UPDATE_GOLDEN=1 rewrites the expected files (review the diff). The build also
// compiles every golden .cpp with -Wall -Wextra -Werror (codegen.cmake).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <vector>

#include "codegen/compile_unit.hpp"
#include "sema/template_loader.hpp"
#include "support/golden.hpp"
#include "support/read_text.hpp"

namespace squall::cg {
namespace {

using squall::testing_support::expect_golden;
using squall::testing_support::read_text;

namespace fs = std::filesystem;

const fs::path kDir = fs::path(SQUALL_SOURCE_DIR) / "tests/golden/codegen";

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
  const auto text = compile_unit(*unit, options, diags, choose_layout(*unit, loader, options));
  return text ? *text : "compile_unit failed:\n" + errors;
}

TEST(CodegenGolden, GeneratedCppMatches) {
  const auto templates = golden_templates();
  ASSERT_GE(templates.size(), 5u);
  for (const auto& [name, text] : templates) {
    SCOPED_TRACE(name);
    expect_golden(kDir / (fs::path(name).stem().string() + ".cpp"), generate(name, templates));
  }
}

// The set's header and registry; the build links them with the golden sources so
// golden_render_test.cpp can render every golden template.
TEST(CodegenGolden, HeaderAndRegistryMatch) {
  std::vector<std::string> names;
  for (const auto& [name, text] : golden_templates()) names.push_back(name);
  expect_golden(kDir / "golden_templates.hpp", compile_header("golden"));
  expect_golden(kDir / "golden_registry.cpp", compile_registry("golden", names));
}

TEST(CodegenGolden, Deterministic) {
  const auto templates = golden_templates();
  for (const auto& entry : templates) {
    EXPECT_EQ(generate(entry.first, templates), generate(entry.first, templates)) << entry.first;
  }
}

}  // namespace
}  // namespace squall::cg
