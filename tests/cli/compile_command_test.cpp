// `squall compile` as the build runs it: outputs, depfiles, unchanged files left alone,
// nothing written for a template that does not compile, usage errors.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "support/read_text.hpp"
#include "support/write_text.hpp"

namespace {

using squall::testing_support::read_text;

namespace fs = std::filesystem;

using squall::testing_support::write_text;

class CompileCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("squall_compile_cli" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    write_text(dir_ / "t/base.html", "<title>{% block t %}{% end %}</title>\n");
    write_text(dir_ / "t/blog/entry.html",
               "{% extends \"../base.html\" %}{% block t %}{% include \"part.html\" %}{% end %}\n");
    write_text(dir_ / "t/blog/part.html", "{{ title }}\n");
    write_text(dir_ / "t/.hidden.html", "{% if %}\n");
  }
  void TearDown() override { fs::remove_all(dir_); }

  // run returns the exit code of `squall compile ARGS` (stderr into err.txt).
  int run(const std::string& args) {
    const std::string cmd = "cd '" + dir_.string() + "' && '" + SQUALL_BINARY + "' compile " +
                            args + " > out.txt 2> err.txt";
    const int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  std::string err() { return read_text(dir_ / "err.txt"); }

  fs::path dir_;
};

TEST_F(CompileCommand, CompilesEverythingUnderTheRootButHiddenFiles) {
  ASSERT_EQ(run("--root t --out o --namespace site"), 0) << err();
  EXPECT_TRUE(fs::exists(dir_ / "o/site/base.html.cpp"));
  EXPECT_TRUE(fs::exists(dir_ / "o/site/blog/entry.html.cpp"));
  EXPECT_TRUE(fs::exists(dir_ / "o/site/blog/part.html.cpp"));
  EXPECT_FALSE(fs::exists(dir_ / "o/site/.hidden.html.cpp"));
  const std::string registry = read_text(dir_ / "o/site_registry.cpp");
  EXPECT_NE(registry.find("{\"blog/entry.html\", &squall_tblog_2fentry_2ehtml}"), std::string::npos)
      << registry;
  EXPECT_NE(
      read_text(dir_ / "o/site_templates.hpp").find("const squall::TemplateSet& templates();"),
      std::string::npos);
}

TEST_F(CompileCommand, DepfileListsEveryTemplateRead) {
  ASSERT_EQ(run("--root t --out o --namespace site --only blog/entry.html --depfile"), 0) << err();
  const std::string dep = read_text(dir_ / "o/site/blog/entry.html.cpp.d");
  const std::string root = fs::absolute(dir_).lexically_normal().string();
  EXPECT_EQ(dep, root + "/o/site/blog/entry.html.cpp: \\\n  " + root + "/t/blog/entry.html \\\n  " +
                     root + "/t/base.html \\\n  " + root + "/t/blog/part.html\n");
}

TEST_F(CompileCommand, UnchangedOutputIsNotRewritten) {
  ASSERT_EQ(run("--root t --out o --namespace site --only base.html"), 0) << err();
  const auto before = fs::last_write_time(dir_ / "o/site/base.html.cpp");
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  ASSERT_EQ(run("--root t --out o --namespace site --only base.html"), 0) << err();
  EXPECT_EQ(fs::last_write_time(dir_ / "o/site/base.html.cpp"), before);
  write_text(dir_ / "t/base.html", "<title>changed</title>\n");
  ASSERT_EQ(run("--root t --out o --namespace site --only base.html"), 0) << err();
  EXPECT_NE(read_text(dir_ / "o/site/base.html.cpp").find("changed"), std::string::npos);
}

// A page calls its layout's body (generated in the layout's file): an edit of the layout
// outside its blocks rewrites the layout's file only. --no-shared-layouts flattens.
TEST_F(CompileCommand, PagesCallTheLayoutsBodyUnlessToldNot) {
  ASSERT_EQ(run("--root t --out o --namespace site"), 0) << err();
  const fs::path page = dir_ / "o/site/blog/entry.html.cpp";
  EXPECT_NE(read_text(page).find("squall_layout_tbase_2ehtml(squall_ctx, squall_blocks);"),
            std::string::npos)
      << read_text(page);
  EXPECT_NE(read_text(dir_ / "o/site/base.html.cpp").find("void squall_layout_tbase_2ehtml("),
            std::string::npos);
  const auto before = fs::last_write_time(page);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  write_text(dir_ / "t/base.html", "{% set v = 1 %}<title>{% block t %}{% end %}</title>{{ v }}\n");
  ASSERT_EQ(run("--root t --out o --namespace site"), 0) << err();
  EXPECT_EQ(fs::last_write_time(page), before);
  EXPECT_NE(read_text(dir_ / "o/site/base.html.cpp").find("squall_l0_v"), std::string::npos);

  ASSERT_EQ(run("--root t --out o2 --namespace site --no-shared-layouts"), 0) << err();
  EXPECT_NE(read_text(dir_ / "o2/site/blog/entry.html.cpp")
                .find("// Flattened with its layout \"base.html\": \"layouts are not shared in "
                      "this set\"."),
            std::string::npos);
}

// A layout in a hidden folder has no generated file to call: the page is flattened.
TEST_F(CompileCommand, ALayoutInAHiddenFolderIsNotShared) {
  write_text(dir_ / "t/.layouts/base.html", "<b>{% block t %}{% end %}</b>\n");
  write_text(dir_ / "t/page.html", "{% extends \".layouts/base.html\" %}{% block t %}x{% end %}\n");
  ASSERT_EQ(run("--root t --out o --namespace site --only page.html"), 0) << err();
  EXPECT_NE(read_text(dir_ / "o/site/page.html.cpp")
                .find("the layout is in a hidden folder, not compiled in the set"),
            std::string::npos)
      << read_text(dir_ / "o/site/page.html.cpp");
}

// A layout that does not compile on its own (here: an `extends` in a block the page
// overrides, an error only where the block is code) cannot be called: the page is flattened.
TEST_F(CompileCommand, ALayoutThatDoesNotCompileIsNotShared) {
  write_text(dir_ / "t/odd.html", "{% block t %}{% extends \"base.html\" %}{% end %}\n");
  write_text(dir_ / "t/page.html", "{% extends \"odd.html\" %}{% block t %}x{% end %}\n");
  ASSERT_EQ(run("--root t --out o --namespace site --only page.html"), 0) << err();
  EXPECT_NE(read_text(dir_ / "o/site/page.html.cpp").find("the layout does not compile on its own"),
            std::string::npos)
      << read_text(dir_ / "o/site/page.html.cpp");
}

TEST_F(CompileCommand, FailedCompileWritesNothing) {
  write_text(dir_ / "t/bad.html", "line 1\n{% for x in %}\n");
  EXPECT_EQ(run("--root t --out o --namespace site --only bad.html --depfile"), 1);
  EXPECT_NE(err().find("bad.html:2:"), std::string::npos) << err();
  EXPECT_FALSE(fs::exists(dir_ / "o/site/bad.html.cpp"));
  EXPECT_FALSE(fs::exists(dir_ / "o/site/bad.html.cpp.d"));
  for (const auto& entry : fs::recursive_directory_iterator(dir_)) {
    EXPECT_EQ(entry.path().string().find(".tmp"), std::string::npos) << entry.path();
  }
}

TEST_F(CompileCommand, IndexWritesHeaderAndRegistryOnly) {
  ASSERT_EQ(run("--root t --out o --namespace site --index base.html blog/entry.html"), 0) << err();
  EXPECT_TRUE(fs::exists(dir_ / "o/site_templates.hpp"));
  EXPECT_TRUE(fs::exists(dir_ / "o/site_registry.cpp"));
  EXPECT_FALSE(fs::exists(dir_ / "o/site"));
}

TEST_F(CompileCommand, UsageErrors) {
  EXPECT_EQ(run("--root t --out o --namespace 9site"), 2);
  EXPECT_NE(err().find("not a C++ identifier"), std::string::npos) << err();
  EXPECT_EQ(run("--root nowhere --out o"), 2);
  EXPECT_EQ(run("--root t --out o --whitespace sometimes"), 2);
}

}  // namespace
