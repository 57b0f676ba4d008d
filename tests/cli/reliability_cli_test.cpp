// Issue 16's fixed bugs, through the command line: each row is one reproducer run through
// `squall check`, `render` or `compile` in a fresh folder, with the exit code and the text
// stderr must (or must not) contain. Hostile file names and texts are compiled to C++ and
// the C++ compiled, to show no template-controlled text escapes its string literals.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "support/read_text.hpp"
#include "support/write_text.hpp"

namespace {

using squall::testing_support::read_text;

namespace fs = std::filesystem;

struct CliRun {
  int exit_code = -1;
  std::string out, err;
};

class Sandbox {
 public:
  Sandbox() {
    dir_ = fs::path(::testing::TempDir()) / ("squall_reliability_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "t");
  }
  ~Sandbox() {
    std::error_code ec;
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(dir_, ec);
  }
  const fs::path& dir() const { return dir_; }

  void write(const std::string& name, const std::string& text) const {
    squall::testing_support::write_text(dir_ / "t" / name, text);
  }

  // run executes `squall ARGS` in the sandbox, killed after 60 s (a hang fails the row).
  CliRun run(const std::string& args) const {
    const fs::path out = dir_ / ".out", err = dir_ / ".err";
    const std::string cmd = "cd '" + dir_.string() + "' && timeout 60 '" SQUALL_BINARY "' " + args +
                            " >'" + out.string() + "' 2>'" + err.string() + "'";
    const int status = std::system(cmd.c_str());
    CliRun r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_text(out);
    r.err = read_text(err);
    return r;
  }

 private:
  fs::path dir_;
};

std::string chain(const std::string& op, int n) {
  std::string s = "1";
  for (int i = 1; i < n; ++i) s += op + "1";
  return s;
}

struct Row {
  const char* name;
  std::function<void(const Sandbox&)> setup;
  const char* args;  // after `squall`
  int exit_code;
  const char* err_has;    // stderr contains this ("" for anything)
  const char* out_lacks;  // stdout must not contain this (nullptr: no check)
};

// One template and two hidden files that do not parse.
void write_hidden_files(const Sandbox& s) {
  s.write("a.html", "{{ x }}");
  s.write(".a.html.swp", "{% if x %}");
  s.write(".git/HEAD", "{% end %}");
}

const Row kFixedBugs[] = {
    // 1. Flat chains were a stack overflow (exit 139) in every command.
    {"flat_add_chain_check",
     [](const Sandbox& s) { s.write("a.html", "{{ " + chain("+", 55000) + " }}"); },
     "check --root t t/a.html", 1, "expression nested too deeply (more than 200 levels)", nullptr},
    {"flat_add_chain_dump_ast",
     [](const Sandbox& s) { s.write("a.html", "{{ " + chain("+", 55000) + " }}"); },
     "check --dump-ast t/a.html", 1, "nested too deeply", nullptr},
    {"flat_subscript_chain_render",
     [](const Sandbox& s) {
       std::string t = "{{ x";
       for (int i = 0; i < 55000; ++i) t += "[0]";
       s.write("a.html", t + " }}");
     },
     "render --root t a.html", 1, "nested too deeply", nullptr},
    {"flat_call_chain_compile",
     [](const Sandbox& s) {
       std::string t = "{{ f";
       for (int i = 0; i < 55000; ++i) t += "()";
       s.write("a.html", t + " }}");
     },
     "compile --root t --out o --namespace n", 1, "nested too deeply", nullptr},
    // 2. Out of memory aborted (exit 134); now MemoryError with template and line.
    {"ljust_huge_render", [](const Sandbox& s) { s.write("a.html", "\n{{ 'x'.ljust(10**12) }}"); },
     "render --root t a.html", 1, "a.html:2: MemoryError: a string of", nullptr},
    {"expandtabs_huge_render",
     [](const Sandbox& s) { s.write("a.html", "{{ 'a\\tb'.expandtabs(2**40) }}"); },
     "render --root t a.html", 1, "a.html:1: MemoryError:", nullptr},
    {"reversed_range_huge_is_lazy",
     [](const Sandbox& s) {
       s.write("a.html", "{% for i in reversed(range(10**12)) %}{{ i }}{% break %}{% end %}");
     },
     "render --root t a.html", 0, "", nullptr},
    // 3. Symbolic links led out of the root; /dev/zero was read until memory ran out; a
    //    FIFO blocked forever.
    {"symlink_escape_extends",
     [](const Sandbox& s) {
       fs::create_directory_symlink("/etc", s.dir() / "t/etc");
       s.write("a.html", "{% extends \"etc/passwd\" %}");
     },
     "render --root t a.html", 1, "is outside the template root", "root:"},
    {"symlink_escape_check",
     [](const Sandbox& s) {
       fs::create_directory_symlink("/etc", s.dir() / "t/etc");
       s.write("a.html", "{% include \"etc/hostname\" %}");
     },
     "check --root t t/a.html", 1, "symbolic link leading out of it", nullptr},
    {"symlink_inside_root_is_fine",
     [](const Sandbox& s) {
       s.write("real/p.html", "part");
       fs::create_directory_symlink(s.dir() / "t/real", s.dir() / "t/alias");
       s.write("a.html", "{% include \"alias/p.html\" %}");
     },
     "render --root t a.html", 0, "", nullptr},
    {"symlink_to_dev_zero",
     [](const Sandbox& s) {
       fs::create_symlink("/dev/zero", s.dir() / "t/zero.html");
       s.write("a.html", "{% include \"zero.html\" %}");
     },
     "render --root t a.html", 1, "is outside the template root", nullptr},
    {"dev_zero_as_checked_file", [](const Sandbox&) {}, "check /dev/zero", 2,
     "is not a regular file (a device)", nullptr},
    {"fifo_include",
     [](const Sandbox& s) {
       ::mkfifo((s.dir() / "t/pipe.html").c_str(), 0600);
       s.write("a.html", "{% include \"pipe.html\" %}");
     },
     "render --root t a.html", 1, "is not a regular file (a FIFO)", nullptr},
    {"fifo_data_file",
     [](const Sandbox& s) {
       ::mkfifo((s.dir() / "d.json").c_str(), 0600);
       s.write("a.html", "x");
     },
     "render --root t --data d.json a.html", 2, "(a FIFO)", nullptr},
    // 6. A directory or a NUL-truncated name rendered as empty with exit 0.
    {"directory_include",
     [](const Sandbox& s) {
       fs::create_directories(s.dir() / "t/dir.html");
       s.write("a.html", "{% include \"dir.html\" %}");
     },
     "render --root t a.html", 1, "is a directory", nullptr},
    {"nul_in_include_name",
     [](const Sandbox& s) {
       s.write("a.html", std::string("{% include \"b.html\0x\" %}", 24));
       s.write("b.html", "b");
     },
     "render --root t a.html", 1, "NUL", nullptr},
    {"directory_as_template",
     [](const Sandbox& s) { fs::create_directories(s.dir() / "t/d.html"); },
     "render --root t d.html", 2, "is a directory", nullptr},
    // 7. Include expansion was exponential: 30 files each including the next twice.
    {"include_twice_30_levels_check",
     [](const Sandbox& s) {
       for (int i = 0; i < 30; ++i) {
         const std::string next = "f" + std::to_string(i + 1) + ".html";
         s.write("f" + std::to_string(i) + ".html",
                 "{% include '" + next + "' %}{% include '" + next + "' %}");
       }
       s.write("f30.html", "{% set x = 1 %}{{ x }}");
     },
     "check --root t t/f0.html", 0, "", nullptr},
    // 9. Compile hygiene.
    {"namespace_keyword", [](const Sandbox& s) { s.write("a.html", "a"); },
     "compile --root t --out o --namespace class", 2, "not a C++ identifier usable as a namespace",
     nullptr},
    {"namespace_reserved", [](const Sandbox& s) { s.write("a.html", "a"); },
     "compile --root t --out o --namespace a__b", 2, "not a C++ identifier usable as a namespace",
     nullptr},
    {"write_error_says_why_exit_2",
     [](const Sandbox& s) {
       s.write("a.html", "a");
       std::ofstream(s.dir() / "o") << "a file, not a folder";
     },
     "compile --root t --out o --namespace n", 2, "Not a directory", nullptr},
    // 10. Terminal escapes from a template were echoed into the terminal.
    {"escape_bytes_not_echoed",
     [](const Sandbox& s) { s.write("a.html", "{% if \x1b]0;owned\x07\x1b[31m %}"); },
     "check --root t t/a.html", 1, "", nullptr},
    // 11. `check DIR` and `lint DIR` read hidden files and folders (editor swap files,
    // .git) that `compile --root` and squall_add_templates() leave out.
    {"hidden_files_check_folder", write_hidden_files, "check t", 0, "", nullptr},
    {"hidden_files_lint_folder", write_hidden_files, "lint t", 0, "0 warnings in 0 of 1 files",
     nullptr},
    {"hidden_file_named_is_checked", write_hidden_files, "check t/.a.html.swp", 1,
     "t/.a.html.swp:1:1: error: Missing {% end %} block for if", nullptr},
    // 12. `check --names A t/a.html` took the path for a second name, then said no
    // template was given.
    {"names_list_ends_before_paths", [](const Sandbox& s) { s.write("a.html", "{{ a }}{{ b }}"); },
     "check --root t --strict --names a t/a.html", 0, "name 'b' is not a declared argument",
     nullptr},
};

// Test names and failure messages show the row's name, not its bytes.
void PrintTo(const Row& row, std::ostream* os) {
  *os << row.name;
}

class FixedBugs : public ::testing::TestWithParam<Row> {};

TEST_P(FixedBugs, Cli) {
  const Row& row = GetParam();
  Sandbox sandbox;
  row.setup(sandbox);
  const CliRun r = sandbox.run(row.args);
  EXPECT_EQ(r.exit_code, row.exit_code) << r.err.substr(0, 2000);
  EXPECT_NE(r.err.find(row.err_has), std::string::npos) << r.err.substr(0, 2000);
  if (row.out_lacks) {
    EXPECT_EQ(r.out.find(row.out_lacks), std::string::npos);
  }
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << "raw ESC byte in stderr";
  EXPECT_LT(r.err.size(), 100000u);
}

INSTANTIATE_TEST_SUITE_P(Reliability, FixedBugs, ::testing::ValuesIn(kFixedBugs),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(FixedBugsCompile, FailedCompileRemovesTheStaleOutput) {
  Sandbox s;
  s.write("a.html", "fine");
  ASSERT_EQ(s.run("compile --root t --out o --namespace n").exit_code, 0);
  ASSERT_TRUE(fs::exists(s.dir() / "o/n/a.html.cpp"));
  ASSERT_TRUE(fs::exists(s.dir() / "o/n_registry.cpp"));
  s.write("a.html", "{% if %}");
  EXPECT_EQ(s.run("compile --root t --out o --namespace n").exit_code, 1);
  EXPECT_FALSE(fs::exists(s.dir() / "o/n/a.html.cpp"));
  EXPECT_FALSE(fs::exists(s.dir() / "o/n_registry.cpp"));
  EXPECT_FALSE(fs::exists(s.dir() / "o/n_templates.hpp"));
}

TEST(FixedBugsCompile, SignalLeavesNoTemporaryFile) {
  Sandbox s;
  // Big enough that writing takes a moment; the signal may land before, during or after.
  std::string big;
  for (int i = 0; i < 20000; ++i) big += "<p>{{ x" + std::to_string(i % 50) + " }}</p>\n";
  for (int i = 0; i < 4; ++i) s.write("p" + std::to_string(i) + ".html", big);
  for (const int sig : {SIGINT, SIGTERM}) {
    for (const int delay_ms : {50, 200, 600}) {
      const pid_t pid = ::fork();
      ASSERT_GE(pid, 0);
      if (pid == 0) {
        ::chdir(s.dir().c_str());
        ::execl(SQUALL_BINARY, "squall", "compile", "--root", "t", "--out", "o", "--namespace", "n",
                static_cast<char*>(nullptr));
        ::_exit(127);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
      ::kill(pid, sig);
      int status = 0;
      ::waitpid(pid, &status, 0);
      std::error_code ec;
      for (auto it = fs::recursive_directory_iterator(s.dir() / "o", ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        EXPECT_EQ(it->path().filename().string().find(".tmp"), std::string::npos)
            << it->path() << " after signal " << sig << " at " << delay_ms << " ms";
      }
    }
  }
}

// 4. A newline in a template's file name ended a `//` comment in the generated C++. Every
// hostile name and text below is compiled, and the generated C++ compiled by the C++
// compiler: it must be accepted and contain no live `#error`.
TEST(FixedBugsCompile, HostileNamesAndTextsStayInsideStringLiterals) {
  Sandbox s;
  const std::vector<std::string> names = {
      "nl\n#error injected\n.html", "star*/x.html",  "tri?\?/gr?\?=aph.html",
      "bs\\\n#error spliced.html",  "quote\"q.html", "bad\xff\xfe utf8.html",
      "ctl\x1b[31m.html",           "tab\tname.html"};
  const std::string text =
      "a */ b /* c ?\?/ d ?\?= e \\\n#error x\n f \x01 g {{ \"*/ ?\?/ \\\\\" }} "
      "{{ 'x\\x00y' }} {% set s = '\\\\' %}{{ s }}\n#error also\n";
  for (const auto& n : names) s.write(n, text);
  s.write("nul.html", std::string("x\0y", 3) + "{{ 1 }}");
  // With #line directives (the default): they quote the template paths too.
  const CliRun r = s.run("compile --root t --out o --namespace n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string sources;
  for (auto it = fs::recursive_directory_iterator(s.dir() / "o");
       it != fs::recursive_directory_iterator(); ++it) {
    if (it->path().extension() != ".cpp") continue;
    const std::string cpp = read_text(it->path());
    for (std::size_t at = cpp.find("#error"); at != std::string::npos;
         at = cpp.find("#error", at + 1)) {
      EXPECT_NE(at, 0u);
      EXPECT_NE(cpp[at - 1], '\n') << it->path() << ": a live #error line";
    }
    sources += " '" + it->path().string() + "'";
  }
  const std::string cmd = "'" SQUALL_CXX "' -std=c++20 -fsyntax-only -Wall -Wextra -Werror -I'" +
                          std::string(SQUALL_SOURCE_DIR) + "/include' -I'" +
                          (s.dir() / "o").string() + "'" + sources + " 2>'" +
                          (s.dir() / "cxx.err").string() + "'";
  const int status = std::system(cmd.c_str());
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << read_text(s.dir() / "cxx.err");
}

}  // namespace
