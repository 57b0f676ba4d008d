// UI modules on the command line: `squall render --modules --static --page`, and
// `squall compile --modules` (outputs, depfiles, the build-time module-call check), each
// error path with its exit code.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "support/read_text.hpp"
#include "support/write_text.hpp"

namespace {

using squall::testing_support::read_text;

namespace fs = std::filesystem;

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class UiModuleCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("squall_ui_cli_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    write("t/page.html", "<html><head></head><body>{% module Box(v) %}</body></html>");
    write("t/frag.html", "{% module Box(1) %}");
    write("t/nohead.html", "<body>{% module Box(1) %}</body>");
    write("t/bad.html", "x\n{% module Box() %}{% module Bx(1) %}");
    write("t/hand.html", "{% module Hand(1) %}");
    write("m/Box/template.html", "<b>{{ v }}</b>{% include 'part.html' %}");
    write("m/Box/part.html", "!");
    write("m/Box/embedded.css", ".box{}");
    write("m/Box/module.json", R"({"signature": "v", "javascript_files": "box.js"})");
    write("s/box.js", "A");
    write("d.json", R"({"v": "<x>"})");
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write(const std::string& name, const std::string& text) {
    squall::testing_support::write_text(dir_ / name, text);
  }

  CliRun squall(const std::string& args) {
    const fs::path out = dir_ / ".out", err = dir_ / ".err";
    const std::string cmd = "cd '" + dir_.string() + "' && '" SQUALL_BINARY "' " + args + " >'" +
                            out.string() + "' 2>'" + err.string() + "'";
    const int status = std::system(cmd.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_text(out), read_text(err)};
  }

  fs::path dir_;
};

const char* kBoxJs =
    "/static/box.js?v=21b4f4bd9e64ed355c3eb676a28ebedaf6d8f17bdc365995b319097153044080516bd083"
    "bfcce66121a3072646994c8430cc382b8dc543e84880183bf856cff5";

TEST_F(UiModuleCli, RenderPageInjectsResources) {
  const CliRun r = squall("render --root t --modules m --static s --data d.json --page page.html");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, std::string("<html><head><style type=\"text/css\">\n.box{}\n</style>\n</head>"
                               "<body><b>&lt;x&gt;</b>!<script src=\"") +
                       kBoxJs + "\" type=\"text/javascript\"></script>\n</body></html>");
}

TEST_F(UiModuleCli, RenderWithoutPageIsTheFragment) {
  const CliRun r = squall("render --root t --modules m frag.html");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "<b>1</b>!");
}

TEST_F(UiModuleCli, StaticGivesTemplatesStaticUrl) {
  write("t/url.html",
        "{{ static_url('box.js') }}|{{ static_url('box.js', include_version=False) }}");
  const CliRun r = squall("render --root t --static s url.html");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, std::string(kBoxJs) + "|/static/box.js");
}

TEST_F(UiModuleCli, ErrorsAndExitCodes) {
  const struct {
    const char* name;
    const char* args;
    int exit_code;
    const char* err;  // a part of stderr
  } cases[] = {
      {"missing tag", "render --root t --modules m --static s --page nohead.html", 1,
       "ValueError: subsection not found"},
      {"no static folder for a relative path",
       "render --root t --modules m --data d.json --page page.html", 1,
       "Exception: You must define the 'static_path' setting"},
      {"unknown module at build time", "render --root t --modules m bad.html", 1,
       "bad.html:2:29: error: unknown UI module 'Bx'"},
      {"call that cannot bind", "render --root t --modules m bad.html", 1,
       "bad.html:2:11: error: module call cannot bind its arguments: TypeError: Box.render() "
       "missing 1 required positional argument: 'v'"},
      {"without --modules the lookup is Tornado's", "render --root t hand.html", 1,
       "hand.html:1: AttributeError: 'Hand'"},
      {"declared hand-written module", "render --root t --module-names Hand,Other hand.html", 1,
       "AttributeError: 'Hand'"},
      {"no module folder", "render --root t --modules nowhere frag.html", 2,
       "no such module folder"},
      {"no static folder", "render --root t --static nowhere frag.html", 2,
       "no such static folder"},
      {"both a name and --page", "render --root t --page page.html frag.html", 2,
       "give one template"},
      {"compile: neither root nor modules", "compile --out o", 2, "give --root"},
      {"compile: unknown module", "compile --root t --modules m --out o --only bad.html", 1,
       "unknown UI module 'Bx'"},
      {"compile: unknown module folder", "compile --modules m --out o --only-module Nope", 1,
       "no module folder Nope"},
      {"compile: --only-module without --modules", "compile --root t --out o --only-module Box", 2,
       "need --modules"},
      // Fixed bugs
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const CliRun r = squall(c.args);
    EXPECT_EQ(r.exit_code, c.exit_code) << r.err;
    EXPECT_NE(r.err.find(c.err), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");  // every row fails: nothing on stdout
  }
}

TEST_F(UiModuleCli, BadModuleFolderIsADiagnostic) {
  write("m/Bad/template.html", "");
  write("m/Bad/module.json", R"({"signature": "x=y"})");
  const CliRun r = squall("render --root t --modules m frag.html");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("Bad/module.json:1:2: error: invalid signature 'x=y'"), std::string::npos)
      << r.err;
}

TEST_F(UiModuleCli, CompileModulesWritesClassesIndexAndDepfiles) {
  CliRun r = squall(
      "compile --root t --modules m --module-names Hand --out o --namespace site "
      "--only page.html --depfile");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // A page's depfile names module.json: a changed signature rechecks its calls.
  EXPECT_NE(read_text(dir_ / "o/site/page.html.cpp.d").find("m/Box/module.json"),
            std::string::npos);
  r = squall("compile --modules m --out o --namespace site --only-module Box --depfile");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string cpp = read_text(dir_ / "o/site/squall_modules/Box.cpp");
  EXPECT_NE(cpp.find("namespace site::squall_modules"), std::string::npos);
  EXPECT_NE(cpp.find("squall::add_folder_module"), std::string::npos);
  const std::string dep = read_text(dir_ / "o/site/squall_modules/Box.cpp.d");
  for (const char* input :
       {"m/Box/template.html", "m/Box/part.html", "m/Box/module.json", "m/Box/embedded.css"}) {
    EXPECT_NE(dep.find(input), std::string::npos) << input << "\n" << dep;
  }
  r = squall("compile --modules m --out o --namespace site --module-index Box");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(read_text(dir_ / "o/site_modules.hpp").find("const squall::ModuleRegistry& modules();"),
            std::string::npos);
  EXPECT_NE(read_text(dir_ / "o/site_modules.cpp").find("squall_add_squall_tBox(registry);"),
            std::string::npos);
}

}  // namespace
