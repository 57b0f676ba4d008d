// The bad-input catalogue: malformed templates run through `squall check`, `render` and
// `compile`, and malformed invocations, each compared with its golden exit code and stderr
// in tests/golden/bad_input/{check,render,compile,usage}.txt. Nothing may crash, hang or
// print a raw control byte. Regenerate the golden files after a deliberate change with
//   SQUALL_UPDATE_GOLDEN=1 ./build/tests/cli_tests --gtest_filter='BadInput*'
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "support/read_text.hpp"
#include "support/write_text.hpp"

namespace {

using squall::testing_support::read_text;

namespace fs = std::filesystem;

const fs::path kGolden = fs::path(SQUALL_SOURCE_DIR) / "tests/golden/bad_input";

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// A malformed template: a.html is the one named; `others` are more files of the root.
struct BadTemplate {
  std::string name;
  std::string text;
  std::map<std::string, std::string> others = {};
};

std::vector<BadTemplate> bad_templates() {
  return {
      // -- Tags and blocks.
      {"unclosed_if", "{% if x %}\nyes\n"},
      {"unclosed_for", "{% for x in y %}"},
      {"end_without_block", "text{% end %}"},
      {"else_outside_if", "{% else %}"},
      {"elif_after_for", "{% for x in y %}{% elif z %}{% end %}"},
      {"unknown_directive", "{% frobnicate %}"},
      {"empty_directive", "{% %}"},
      {"unterminated_expression", "before {{ x "},
      {"unterminated_directive", "before {% if x "},
      {"unterminated_comment", "before {# note "},
      {"empty_expression", "{{ }}"},
      {"break_outside_loop", "{% break %}"},
      {"continue_outside_loop", "{% continue %}"},
      {"try_without_except", "{% try %}x{% end %}"},
      {"except_outside_try", "{% except %}"},
      {"extends_inside_block", "{% block b %}{% extends 'x.html' %}{% end %}"},
      {"block_without_name", "{% block %}{% end %}"},
      {"whitespace_bad_mode", "{% whitespace bogus %}"},
      {"apply_without_function", "{% apply %}x{% end %}"},
      {"module_without_expression", "{% module %}"},
      {"raw_without_expression", "{% raw %}"},
      {"blocks_nested_300", repeat("{% if 1 %}", 300) + repeat("{% end %}", 300)},
      // -- Expressions.
      {"expression_dangling_operator", "{{ 1 + }}"},
      {"expression_unbalanced_paren", "{{ (1 + 2 }}"},
      {"expression_unterminated_string", "{{ 'abc }}"},
      {"expression_fstring", "{{ f'{x}' }}"},
      {"expression_walrus", "{{ (y := 1) }}"},
      {"expression_yield", "{{ (yield) }}"},
      {"expression_parens_300", "{{ " + repeat("(", 300) + "1" + repeat(")", 300) + " }}"},
      {"expression_flat_chain_5000", "{{ 1" + repeat(" + 1", 5000) + " }}"},
      {"expression_subscript_chain_5000", "{{ x" + repeat("[0]", 5000) + " }}"},
      {"expression_int_too_large", "{{ 99999999999999999999 }}"},
      {"expression_nul_byte", std::string("{{ 1 \0 2 }}", 11)},
      {"expression_invalid_utf8", "{{ '\xff\xfe' + \xc3 }}"},
      {"expression_escape_bytes", "{{ \x1b[31mred }}"},
      {"set_bad_target", "{% set 1 = 2 %}"},
      {"set_unbalanced", "{% set x = [1, 2 %}"},
      {"for_without_in", "{% for x y %}{% end %}"},
      {"render_import_unknown_module", "{% import nosuchmodule %}"},
      {"render_from_import_unknown_module", "{% from nosuchmodule import x %}"},
      // -- Files.
      {"include_missing", "{% include 'missing.html' %}"},
      {"extends_missing", "{% extends 'missing.html' %}"},
      {"include_outside_root", "{% include '../outside.html' %}"},
      {"include_absolute", "{% include '/etc/passwd' %}"},
      {"include_cycle", "{% include 'b.html' %}", {{"b.html", "{% include 'a.html' %}"}}},
      {"extends_cycle", "{% extends 'b.html' %}", {{"b.html", "{% extends 'a.html' %}"}}},
      {"include_self", "{% include 'a.html' %}"},
      {"included_file_broken", "{% include 'b.html' %}", {{"b.html", "\n{% if %}"}}},
      // -- Render-time errors (check and compile accept these).
      {"render_zero_division", "\n{{ 1 / 0 }}"},
      {"render_undefined_name", "{{ nope }}"},
      {"render_int_overflow", "{{ 2 ** 64 }}"},
      {"render_huge_ljust", "{{ 'x'.ljust(10**12) }}"},
      {"render_huge_list", "{{ list(range(10**12)) }}"},
      {"render_percent_width_too_big", "{{ '%99999999999999999999d' % 1 }}"},
      {"render_range_len_overflow", "{{ len(range(-9223372036854775808, 9223372036854775807)) }}"},
      {"render_lambda_recursion", "{% set f = lambda n: f(n + 1) %}{{ f(0) }}"},
      {"render_key_error", "{{ {}['k'] }}"},
      {"render_error_in_include", "{% include 'b.html' %}", {{"b.html", "x\n{{ y.z }}"}}},
  };
}

struct CliRun {
  int exit_code = -1;
  std::string err;
};

class Sandbox {
 public:
  Sandbox() {
    dir_ = fs::path(::testing::TempDir()) / ("squall_bad_input_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "t");
  }
  ~Sandbox() { fs::remove_all(dir_); }
  void write(const std::string& name, const std::string& text) const {
    squall::testing_support::write_text(dir_ / name, text);
  }
  CliRun run(const std::string& args) const {
    const fs::path err = dir_ / ".err";
    const std::string cmd = "cd '" + dir_.string() + "' && timeout 60 '" SQUALL_BINARY "' " + args +
                            " >/dev/null 2>'" + err.string() + "'";
    const int status = std::system(cmd.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_text(err)};
  }

 private:
  fs::path dir_;
};

// block is one case's golden text: its exit code and its stderr (long stderr shortened:
// the first 40 lines, so a huge excerpt does not make a huge golden file).
std::string block(const CliRun& r) {
  std::istringstream lines(r.err);
  std::string line, err;
  int n = 0;
  while (std::getline(lines, line)) {
    if (line.size() > 300) line = line.substr(0, 300) + "...";
    if (n++ < 40) err += line + "\n";
  }
  if (n > 40) err += "... (" + std::to_string(n - 40) + " more lines)\n";
  return "exit " + std::to_string(r.exit_code) + "\n" + err;
}

// Golden files hold `=== NAME` headers, each followed by its block.
std::map<std::string, std::string> read_golden(const fs::path& path) {
  std::map<std::string, std::string> cases;
  std::istringstream in(read_text(path));
  std::string line, name;
  while (std::getline(in, line)) {
    if (line.starts_with("=== ")) {
      name = line.substr(4);
      cases[name];
    } else if (!name.empty()) {
      cases[name] += line + "\n";
    }
  }
  return cases;
}

void check_against_golden(const std::string& file, const std::map<std::string, std::string>& got) {
  const fs::path path = kGolden / file;
  if (std::getenv("SQUALL_UPDATE_GOLDEN")) {
    fs::create_directories(kGolden);
    std::ofstream out(path, std::ios::binary);
    for (const auto& [name, text] : got) out << "=== " << name << "\n" << text;
    return;
  }
  const auto expected = read_golden(path);
  ASSERT_FALSE(expected.empty()) << path << " missing: run with SQUALL_UPDATE_GOLDEN=1";
  EXPECT_EQ(expected.size(), got.size()) << "cases added or removed: update " << path;
  for (const auto& [name, text] : got) {
    const auto it = expected.find(name);
    ASSERT_NE(it, expected.end()) << name << " has no golden block in " << path;
    EXPECT_EQ(text, it->second) << name;
  }
}

void expect_sane(const std::string& name, const CliRun& r) {
  EXPECT_GE(r.exit_code, 0) << name << ": killed by a signal or timed out";
  EXPECT_LE(r.exit_code, 2) << name << ": exit " << r.exit_code;
  EXPECT_NE(r.exit_code, 0) << name << ": bad input accepted";
  EXPECT_FALSE(r.err.empty()) << name << ": no diagnostic";
  for (const char c : r.err) {
    const auto b = static_cast<unsigned char>(c);
    EXPECT_FALSE(b < 0x20 && c != '\n' && c != '\t') << name << ": control byte " << int(b);
    if (b < 0x20 && c != '\n' && c != '\t') break;
  }
}

// Each command over every malformed template: check and compile accept the render-time
// ones (exit 0 is then expected and recorded in the golden file).
void run_command(const std::string& command) {
  std::map<std::string, std::string> got;
  for (const BadTemplate& t : bad_templates()) {
    Sandbox s;
    s.write("t/a.html", t.text);
    for (const auto& [name, text] : t.others) s.write("t/" + name, text);
    std::string args;
    if (command == "check") args = "check --root t t/a.html";
    if (command == "render") args = "render --root t a.html";
    if (command == "compile") args = "compile --root t --out o --namespace n --only a.html";
    const CliRun r = s.run(args);
    const bool render_time = t.name.starts_with("render_");
    if (!(render_time && command != "render")) expect_sane(t.name, r);
    got[t.name] = block(r);
  }
  check_against_golden(command + ".txt", got);
}

TEST(BadInput, Check) {
  run_command("check");
}
TEST(BadInput, Render) {
  run_command("render");
}
TEST(BadInput, Compile) {
  run_command("compile");
}

// Malformed invocations: usage errors are exit 2 with a message.
TEST(BadInput, Usage) {
  const std::vector<std::pair<std::string, std::string>> invocations = {
      {"no_subcommand", ""},
      {"unknown_subcommand", "frobnicate"},
      {"check_no_paths", "check"},
      {"check_missing_path", "check t/nope.html"},
      {"check_root_not_a_folder", "check --root t/a.html t/a.html"},
      {"check_dev_null", "check /dev/null/x"},
      {"render_no_name", "render --root t"},
      {"render_missing_root", "render --root nope a.html"},
      {"render_missing_template", "render --root t nope.html"},
      {"render_template_outside_root", "render --root t ../x.html"},
      {"render_data_missing", "render --root t --data nope.json a.html"},
      {"render_data_not_json", "render --root t --data t/a.html a.html"},
      {"render_data_not_object", "render --root t --data list.json a.html"},
      {"render_data_folder", "render --root t --data t a.html"},
      {"render_bad_whitespace", "render --root t --whitespace bogus a.html"},
      {"compile_no_out", "compile --root t"},
      {"compile_namespace_digit", "compile --root t --out o --namespace 9site"},
      {"compile_namespace_keyword", "compile --root t --out o --namespace class"},
      {"compile_namespace_reserved", "compile --root t --out o --namespace a__b"},
      {"compile_namespace_std", "compile --root t --out o --namespace std"},
      {"compile_missing_root", "compile --root nope --out o"},
      {"compile_bad_whitespace", "compile --root t --out o --whitespace bogus"},
      {"compile_depfile_without_only", "compile --root t --out o --depfile"},
      {"compile_out_is_a_file", "compile --root t --out list.json"},
      {"lint_missing_path", "lint nope.html"},
  };
  std::map<std::string, std::string> got;
  for (const auto& [name, args] : invocations) {
    Sandbox s;
    s.write("t/a.html", "ok");
    s.write("list.json", "[1, 2]");
    const CliRun r = s.run(args);
    EXPECT_EQ(r.exit_code, 2) << name << ": " << r.err;
    EXPECT_FALSE(r.err.empty()) << name;
    got[name] = block(r);
  }
  check_against_golden("usage.txt", got);
}

}  // namespace
