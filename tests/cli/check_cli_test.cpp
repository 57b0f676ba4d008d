// `squall check`: exit codes (0 clean, 1 errors, 2 usage) and the output format, running
// the built executable.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

#include "support/read_text.hpp"
#include "support/write_text.hpp"

namespace {

using squall::testing_support::read_text;

namespace fs = std::filesystem;

struct CliRun {
  int exit_code = -1;
  std::string out;  // stdout then stderr, separated by "--stderr--\n"
};

class CheckCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("squall_check_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& name, const std::string& text) {
    const fs::path path = dir_ / name;
    squall::testing_support::write_text(path, text);
    return path;
  }

  // run executes `squall check ARGS` with the working directory set to the temp folder.
  CliRun run(const std::string& args) {
    const fs::path out = dir_ / ".out", err = dir_ / ".err";
    const std::string cmd = "cd '" + dir_.string() + "' && '" SQUALL_BINARY "' check " + args +
                            " >'" + out.string() + "' 2>'" + err.string() + "'";
    const int status = std::system(cmd.c_str());
    CliRun r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_text(out) + "--stderr--\n" + read_text(err);
    return r;
  }

  fs::path dir_;
};

TEST_F(CheckCli, CleanTemplateExitsZeroSilently) {
  write("ok.html", "<p>{{ name }}</p>\n{% for x in items %}{{ x }}{% end %}\n");
  const CliRun r = run("ok.html");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "--stderr--\n");
}

TEST_F(CheckCli, ErrorIsGccStyleWithSourceAndCaret) {
  write("bad.html", "<ul>\n{% for x in items %}\n{{ x }}\n{% endfor %}\n");
  const CliRun r = run("bad.html");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out,
            "--stderr--\n"
            "bad.html:4:4: error: unknown operator: 'endfor'\n"
            "   4 | {% endfor %}\n"
            "     |    ^~~~~~\n"
            "note: Tornado closes every block with '{% end %}', not '{% endfor %}'\n");
}

TEST_F(CheckCli, FoldersAreCheckedRecursivelyInOrder) {
  write("t/a.html", "{{ }}");
  write("t/sub/b.txt", "fine");
  write("t/sub/c.js", "{% if x %}");
  const CliRun r = run("t");
  EXPECT_EQ(r.exit_code, 1);
  const auto a = r.out.find("t/a.html:1:1: error: Empty expression");
  const auto c = r.out.find("t/sub/c.js:1:1: error: Missing {% end %} block for if");
  EXPECT_NE(a, std::string::npos) << r.out;
  EXPECT_NE(c, std::string::npos) << r.out;
  EXPECT_LT(a, c);
  EXPECT_EQ(r.out.find("b.txt"), std::string::npos);
}

TEST_F(CheckCli, WarningsAloneExitZero) {
  write("w.html", "{% import os %}{{ os.sep }}");
  const CliRun r = run("w.html");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("w.html:1:11: warning: module 'os' is not provided by Squall"),
            std::string::npos)
      << r.out;
}

TEST_F(CheckCli, RootResolvesExtendsAndInclude) {
  write("root/base.html", "<html>{% block body %}{% end %}</html>");
  write("root/pages/home.html",
        "{% extends \"../base.html\" %}{% block body %}{% include \"part.html\" %}{% end %}");
  write("root/pages/part.html", "part");
  write("root/pages/broken.html",
        "{% include \"../../outside.html\" %}\n{% include \"missing.html\" %}");
  EXPECT_EQ(run("--root root root/pages/home.html root/base.html").exit_code, 0);
  const CliRun r = run("--root root root/pages/broken.html");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("root/pages/broken.html:1:1: error: template '../outside.html' is outside "
                       "the template root"),
            std::string::npos)
      << r.out;
}

TEST_F(CheckCli, RootReportsMissingTargetAtTheTag) {
  write("root/a.html", "x\n  {% include \"nope.html\" %}");
  const CliRun r = run("--root root root");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("root/a.html:2:3: error: FileNotFoundError: template 'nope.html' not found"),
            std::string::npos)
      << r.out;
}

TEST_F(CheckCli, DumpAstPrintsTheTree) {
  write("d.html", "{% if x %}a{% end %}");
  const CliRun r = run("--dump-ast d.html");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out,
            "(template \"d.html\" autoescape=default\n"
            "  (if@1\n"
            "    (branch@1 (name x)\n"
            "      (text@1 \"a\" single))))\n"
            "--stderr--\n");
}

TEST_F(CheckCli, UsageErrorsExitTwo) {
  EXPECT_EQ(run("").exit_code, 2);
  EXPECT_EQ(run("--no-such-flag x").exit_code, 2);
  const CliRun missing = run("nope.html");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.out.find("no such file or directory: nope.html"), std::string::npos);
  write("x.html", "x");
  EXPECT_EQ(run("--root no_such_dir x.html").exit_code, 2);
}

TEST_F(CheckCli, UnreadableFileExitsTwo) {
  if (::geteuid() == 0) GTEST_SKIP() << "root can read any file";
  const fs::path p = write("secret.html", "x");
  fs::permissions(p, fs::perms::none);
  const CliRun r = run("secret.html");
  fs::permissions(p, fs::perms::owner_all);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("cannot read"), std::string::npos) << r.out;
}

// --strict: names nothing provides are warnings with their location (exit 0); declared
// arguments, locals, builtins, Tornado defaults and --names are not; without --root it is a
// usage error.
TEST_F(CheckCli, StrictWarnsAboutUnknownNames) {
  write("t/a.html",
        "{# squall: post: int #}\n{% set n = 1 %}{{ post }}{{ titel }}{{ len(n) }}"
        "{{ escape(n) }}{{ helper() }}\n{% include \"p.html\" %}\n");
  write("t/p.html", "{{ typo }}{{ n }}\n");
  const CliRun r = run("--strict --root t t/a.html");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out,
            "--stderr--\n"
            "t/a.html:2:29: warning: name 'titel' is not a declared argument, a template local "
            "or a known name\n"
            "   2 | {% set n = 1 %}{{ post }}{{ titel }}{{ len(n) }}{{ escape(n) }}{{ helper() "
            "}}\n"
            "     |                             ^~~~~\n"
            "t/a.html:2:67: warning: name 'helper' is not a declared argument, a template local "
            "or a known name\n"
            "   2 | {% set n = 1 %}{{ post }}{{ titel }}{{ len(n) }}{{ escape(n) }}{{ helper() "
            "}}\n"
            "     |                                                                   ^~~~~~\n"
            "t/p.html:1:4: warning: name 'typo' is not a declared argument, a template local or "
            "a known name\n"
            "   1 | {{ typo }}{{ n }}\n"
            "     |    ^~~~\n");
  const CliRun known = run("--strict --names helper,typo --root t t/a.html");
  EXPECT_EQ(known.exit_code, 0);
  EXPECT_EQ(known.out.find("'helper'"), std::string::npos) << known.out;
  EXPECT_EQ(known.out.find("'typo'"), std::string::npos) << known.out;
  EXPECT_NE(known.out.find("'titel'"), std::string::npos) << known.out;
  EXPECT_EQ(run("t/a.html").out, "--stderr--\n");  // not without --strict
  const CliRun no_root = run("--strict t/a.html");
  EXPECT_EQ(no_root.exit_code, 2);
  EXPECT_NE(no_root.out.find("--strict needs --root"), std::string::npos) << no_root.out;
}

// With a module set (--modules, --module-names), `{% module %}` calls are checked as
// `squall compile` checks them, in the templates and everything they include; then each
// module folder's template.
TEST_F(CheckCli, ModulesChecksCallsAndModuleTemplates) {
  write("m/Entry/template.html", "{{ entry }}");
  write("m/Entry/module.json", R"({"signature": "entry, show_comments=False"})");
  write("m/Broken/template.html", "{% if x %}");
  write("t/page.html", "{% module Entyr(1) %}\n{% include \"part.html\" %}\n");
  write("t/part.html", "{% module Entry() %}{% module Entry(1) %}{% module Hand(2) %}");
  const CliRun r = run("--root t --modules m --module-names Hand t/page.html");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out,
            "--stderr--\n"
            "t/page.html:1:11: error: unknown UI module 'Entyr'\n"
            "   1 | {% module Entyr(1) %}\n"
            "     |           ^~~~~\n"
            "t/part.html:1:11: error: module call cannot bind its arguments: TypeError: "
            "Entry.render() missing 1 required positional argument: 'entry'\n"
            "   1 | {% module Entry() %}{% module Entry(1) %}{% module Hand(2) %}\n"
            "     |           ^~~~~~~\n"
            "m/Broken/template.html:1:1: error: Missing {% end %} block for if\n"
            "   1 | {% if x %}\n"
            "     | ^~~~~~~~~~\n");
  // Without --root the file is checked alone; without a module set calls are not checked.
  const CliRun alone = run("--modules m t/part.html");
  EXPECT_NE(alone.out.find("t/part.html:1:52: error: unknown UI module 'Hand'"), std::string::npos)
      << alone.out;
  EXPECT_EQ(run("--root t t/page.html").exit_code, 0);
  // The module folders alone.
  const CliRun modules = run("--modules m");
  EXPECT_EQ(modules.exit_code, 1);
  EXPECT_NE(modules.out.find("m/Broken/template.html:1:1: error"), std::string::npos)
      << modules.out;
}

// An invalid module folder stops the check with its error (exit 1); --modules that is not
// a folder, and nothing to check, are usage errors (exit 2).
TEST_F(CheckCli, ModuleErrors) {
  write("t/a.html", "x");
  write("m/Entry/template.html", "x");
  write("m/Entry/module.json", "{bad");
  const CliRun invalid = run("--modules m t");
  EXPECT_EQ(invalid.exit_code, 1);
  EXPECT_NE(invalid.out.find("m/Entry/module.json:1:1: error: invalid JSON"), std::string::npos)
      << invalid.out;
  const CliRun not_folder = run("--modules t/a.html t");
  EXPECT_EQ(not_folder.exit_code, 2);
  EXPECT_NE(not_folder.out.find("--modules is not a directory: t/a.html"), std::string::npos)
      << not_folder.out;
  const CliRun nothing = run("--root t");
  EXPECT_EQ(nothing.exit_code, 2);
  EXPECT_NE(nothing.out.find("give the templates to check"), std::string::npos) << nothing.out;
}

}  // namespace
