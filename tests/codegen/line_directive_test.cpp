// `#line` in practice: a C++ compiler diagnostic about generated code names the template
// file and line. The message is stored as a golden file and quoted in
// docs/line-directives.md; SQUALL_UPDATE_GOLDEN=1 rewrites it. Needs clang++ (GCC has no
// warning that fires on this example); skipped without it.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>

#include "codegen/compile_unit.hpp"
#include "sema/template_loader.hpp"
#include "support/golden.hpp"
#include "support/read_text.hpp"

namespace squall::cg {
namespace {

using squall::testing_support::read_text;

namespace fs = std::filesystem;

// The example: a page whose static text block is longer than the string literal length
// C++ compilers must support (one literal is 64 KiB at most in MSVC, for instance).
std::string example_template() {
  return "<h1>{{ title }}</h1>\n"
         "{% for item in items %}\n"
         "  <p>{{ item }}</p>\n"
         "{% end %}\n"
         "<pre>" +
         std::string(70000, 'x') + "</pre>\n";
}

TEST(LineDirectives, CompilerDiagnosticNamesTheTemplateLine) {
  if (std::system("clang++ --version > /dev/null 2>&1") != 0) GTEST_SKIP() << "no clang++";
  front::DictLoader loader({{"page.html", example_template()}});
  front::DiagnosticEngine diags;
  auto unit = front::build_unit(loader, "page.html", diags);
  ASSERT_TRUE(unit);
  CompileOptions options;
  options.ns = "site";
  options.output_name = "page.html.cpp";
  const auto text = compile_unit(*unit, options, diags);
  ASSERT_TRUE(text);

  const fs::path dir =
      fs::temp_directory_path() / ("squall_line_test" + std::to_string(::getpid()));
  fs::create_directories(dir);
  squall::testing_support::write_text(dir / "page.html.cpp", *text);
  const std::string command = "cd '" + dir.string() + "' && clang++ -std=c++20 -fsyntax-only " +
                              "-fno-color-diagnostics -Woverlength-strings -I'" +
                              std::string(SQUALL_SOURCE_DIR) +
                              "/include' page.html.cpp 2> clang.txt";
  ASSERT_EQ(std::system(command.c_str()), 0);
  const std::string got = read_text(dir / "clang.txt");
  fs::remove_all(dir);

  EXPECT_NE(got.find("page.html:4:"), std::string::npos) << got;
  const fs::path golden =
      fs::path(SQUALL_SOURCE_DIR) / "tests/golden/codegen_line/overlength.clang.txt";
  squall::testing_support::expect_golden(golden, got);
}

}  // namespace
}  // namespace squall::cg
