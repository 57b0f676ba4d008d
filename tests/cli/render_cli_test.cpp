// `squall render`: output on stdout only on success, exit codes 0 / 1 (template errors) /
// 2 (usage: missing files, bad JSON, bad options), running the built executable.
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

struct RenderRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class RenderCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("squall_render_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write(const std::string& name, const std::string& text) {
    squall::testing_support::write_text(dir_ / name, text);
  }

  RenderRun run(const std::string& args) {
    const fs::path out = dir_ / ".out", err = dir_ / ".err";
    const std::string cmd = "cd '" + dir_.string() + "' && '" SQUALL_BINARY "' render " + args +
                            " >'" + out.string() + "' 2>'" + err.string() + "'";
    const int status = std::system(cmd.c_str());
    RenderRun r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_text(out);
    r.err = read_text(err);
    return r;
  }

  fs::path dir_;
};

TEST_F(RenderCli, RendersWithDataAndOptions) {
  write("t/page.html", "<p>\n\n  {{ user.name }}</p>");
  write("d.json", R"({"user": {"name": "<Ann>"}})");
  RenderRun r = run("--root t --data d.json page.html");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "<p>\n&lt;Ann&gt;</p>");
  EXPECT_EQ(r.err, "");
  r = run("--root t --data d.json --autoescape none --whitespace all page.html");
  EXPECT_EQ(r.out, "<p>\n\n  <Ann></p>");
}

TEST_F(RenderCli, RenderErrorNamesTemplateLineAndChain) {
  write("t/a.html", "before\n{% include 'b.html' %}");
  write("t/b.html", "\n{{ 1/0 }}");
  const RenderRun r = run("--root t a.html");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");  // nothing half-written
  EXPECT_EQ(r.err, "b.html:2: ZeroDivisionError: division by zero (via a.html:2)\n");
}

TEST_F(RenderCli, CompileErrorPrintsDiagnostics) {
  write("t/a.html", "{% if x %}");
  const RenderRun r = run("--root t a.html");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("Missing {% end %} block for if"), std::string::npos) << r.err;
}

TEST_F(RenderCli, UsageErrorsExitTwo) {
  write("t/a.html", "x");
  write("bad.json", R"({"a": )");
  write("list.json", "[1]");
  EXPECT_EQ(run("--root nowhere a.html").exit_code, 2);
  EXPECT_EQ(run("--root t missing.html").exit_code, 2);
  EXPECT_EQ(run("--root t --data nofile.json a.html").exit_code, 2);
  const RenderRun bad = run("--root t --data bad.json a.html");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("invalid JSON"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("byte"), std::string::npos) << bad.err;
  const RenderRun list = run("--root t --data list.json a.html");
  EXPECT_EQ(list.exit_code, 2);
  EXPECT_NE(list.err.find("JSON object"), std::string::npos) << list.err;
  EXPECT_EQ(run("--root t --whitespace bogus a.html").exit_code, 2);
  // A template outside the root exists, but the name is still a usage error.
  write("outside.html", "x");
  const RenderRun outside = run("--root t ../outside.html");
  EXPECT_EQ(outside.exit_code, 2);
  EXPECT_NE(outside.err.find("outside"), std::string::npos) << outside.err;
  EXPECT_EQ(run("--root t sub/../../outside.html").exit_code, 2);
}

}  // namespace
