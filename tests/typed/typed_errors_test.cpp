// Deliberate mistakes in typed templates (tests/typed/errors) fail to compile, and the
// first error line of g++ and of clang++ names the template file and line. The first lines
// of each compiler's output (up to the first error) are golden files in
// tests/golden/typed_errors, quoted in docs/typed-templates.md; SQUALL_UPDATE_GOLDEN=1
// rewrites them. clang++ is skipped when it is not installed.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "codegen/compile_typed.hpp"
#include "sema/template_loader.hpp"
#include "support/golden.hpp"
#include "support/read_text.hpp"

namespace squall::cg {
namespace {

using squall::testing_support::read_text;

namespace fs = std::filesystem;

// first_lines is the compiler output up to its first error line and the two lines after
// it (the quoted source line and the caret).
std::string first_lines(const std::string& output, std::string& error_line) {
  std::istringstream in(output);
  std::string line, out;
  int after = -1;
  while (after < 2 && std::getline(in, line)) {
    out += line + "\n";
    if (after >= 0) {
      ++after;
    } else if (line.find(" error: ") != std::string::npos) {
      error_line = line;
      after = 0;
    }
  }
  return out;
}

// compile_errors compiles template `name` of tests/typed/errors with `compiler` and returns
// the first lines of its diagnostics.
std::string compile_errors(const std::string& name, const std::string& compiler,
                           std::string& error_line) {
  const fs::path source = fs::path(SQUALL_SOURCE_DIR) / "tests/typed/errors" / name;
  front::DictLoader loader(std::map<std::string, std::string>{{name, read_text(source)}});
  front::DiagnosticEngine diags;
  auto unit = front::build_unit(loader, name, diags);
  EXPECT_TRUE(unit) << name;
  if (!unit) return "";
  CompileOptions options;
  options.ns = "site";
  options.output_name = name + ".cpp";
  const auto text = compile_typed_unit(*unit, options, diags);
  EXPECT_TRUE(text) << name;
  if (!text) return "";
  const fs::path dir =
      fs::temp_directory_path() / ("squall_typed_errors" + std::to_string(::getpid()));
  fs::create_directories(dir);
  // The template beside the code, as in a build: g++ quotes its line.
  squall::testing_support::write_text(dir / name, read_text(source));
  squall::testing_support::write_text(dir / (name + ".cpp"), *text);
  std::ofstream(dir / typed_header_name(name), std::ios::binary)
      << compile_typed_header(*unit, options.ns);
  const std::string color =
      compiler == "clang++" ? "-fno-color-diagnostics" : "-fdiagnostics-color=never";
  const std::string command = "cd '" + dir.string() + "' && " + compiler +
                              " -std=c++20 -fsyntax-only " + color + " -I'" + SQUALL_SOURCE_DIR +
                              "/include' -I'" + SQUALL_SOURCE_DIR + "/tests/typed' '" + name +
                              ".cpp' 2> errors.txt";
  EXPECT_NE(std::system(command.c_str()), 0) << name << " compiled with " << compiler;
  const std::string got = read_text(dir / "errors.txt");
  fs::remove_all(dir);
  return first_lines(got, error_line);
}

// The entry point's declaration keeps the declared names, except those that are no C++
// parameter name or clash with the other parameters; `#line` puts each at its declaration.
TEST(TypedHeader, DeclaresTheEntryPointWithTheDeclaredNames) {
  front::DictLoader loader(std::map<std::string, std::string>{
      {"a/b-c.html", "{# squall: include <vector>; title: std::string; new: int; out: int #}"}});
  front::DiagnosticEngine diags;
  auto unit = front::build_unit(loader, "a/b-c.html", diags);
  ASSERT_TRUE(unit);
  const std::string header = compile_typed_header(*unit, "site");
  EXPECT_NE(header.find("#include <vector>\n"), std::string::npos) << header;
  EXPECT_NE(header.find("void render_a_b_c(\n    std::string& out,\n"
                        "    const\n#line 1 \"a/b-c.html\"\n" +
                        std::string(36, ' ') +
                        "std::string& title,\n"
                        "    const\n#line 1 \"a/b-c.html\"\n" +
                        std::string(54, ' ') +
                        "int& squall_arg_new,\n"
                        "    const\n#line 1 \"a/b-c.html\"\n" +
                        std::string(64, ' ') +
                        "int& squall_arg_out,\n"
                        "    const squall::RenderEnvironment& env = {});"),
            std::string::npos)
      << header;
  EXPECT_EQ(typed_entry_name("blog/post.html"), "render_blog_post");
  EXPECT_EQ(typed_entry_name("x.y/readme"), "render_x_y_readme");
  EXPECT_EQ(typed_header_name("blog/post.html"), "blog/post.html.hpp");
}

class TypedErrors : public testing::TestWithParam<const char*> {};

TEST_P(TypedErrors, FirstErrorLineNamesTheTemplateLine) {
  const std::string name = std::string(GetParam()) + ".html";
  for (const std::string compiler : {"g++", "clang++"}) {
    if (std::system((compiler + " --version > /dev/null 2>&1").c_str()) != 0) continue;
    std::string error_line;
    const std::string got = compile_errors(name, compiler, error_line);
    EXPECT_EQ(error_line.rfind(name + ":", 0), 0u) << compiler << ":\n" << got;
    const fs::path golden = fs::path(SQUALL_SOURCE_DIR) / "tests/golden/typed_errors" /
                            (std::string(GetParam()) + "." + compiler + ".txt");
    squall::testing_support::expect_golden(golden, got);
  }
}

INSTANTIATE_TEST_SUITE_P(Mistakes, TypedErrors,
                         testing::Values("misspelled_field", "nested_field", "loop_variable_field",
                                         "field_of_number", "loop_over_number", "condition_field",
                                         "optional_field", "unknown_type"));

}  // namespace
}  // namespace squall::cg
