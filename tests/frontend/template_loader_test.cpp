#include "sema/template_loader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "check_test_support.hpp"
#include "sema/check.hpp"

namespace squall::front::testing {
namespace {

struct PathCase {
  const char* input;
  const char* want;  // Python's posixpath.normpath
};

const PathCase kNormpathCases[] = {
    {"", "."},        {"a/./b//c", "a/b/c"}, {"a/../b", "b"},
    {"../a", "../a"}, {"a/../../b", "../b"}, {"/../a", "/a"},
    {"//a", "//a"},   {"///a/b/", "/a/b"},   {"a/b/..", "a"},
    {"..", ".."},     {"./", "."},
};

TEST(TemplateLoader, NormalizeIsPosixpathNormpath) {
  for (const PathCase& c : kNormpathCases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(normalize_template_path(c.input), c.want);
  }
  EXPECT_TRUE(is_outside_root("../a"));
  EXPECT_TRUE(is_outside_root("/a"));
  EXPECT_TRUE(is_outside_root(".."));
  EXPECT_FALSE(is_outside_root("..a/b"));
}

struct ResolveCase {
  const char* name;
  const char* parent;
  const char* want;  // DictLoader.resolve_path(name, parent)
};

// Expected values from tornado.template.DictLoader.resolve_path.
const ResolveCase kDictResolveCases[] = {
    {"b.html", "", "b.html"},
    {"b.html", "a/c.html", "a/b.html"},
    {"../b.html", "a/c.html", "b.html"},
    {"../../x.html", "a/b.html", "../x.html"},
    {"/abs.html", "a/c.html", "/abs.html"},
    {"b.html", "<string>", "b.html"},
    {"b.html", "/root/c.html", "b.html"},
    {"./x/../y.html", "a/c.html", "a/y.html"},
};

TEST(TemplateLoader, DictLoaderResolvesLikeTornado) {
  DictLoader loader({});
  for (const ResolveCase& c : kDictResolveCases) {
    SCOPED_TRACE(std::string(c.name) + " from " + c.parent);
    EXPECT_EQ(loader.resolve(c.name, c.parent), c.want);
  }
}

TEST(TemplateLoader, FolderLoaderReadsOnceAndRejectsOutsideNames) {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(::testing::TempDir()) / "squall_loader_test";
  fs::create_directories(root / "sub");
  std::ofstream(root / "sub/a.html") << "{% include \"../b.html\" %}";
  std::ofstream(root / "b.html") << "B";
  FolderLoader loader(root.string() + "/");
  EXPECT_EQ(loader.resolve("../b.html", "sub/a.html"), "b.html");
  EXPECT_EQ(loader.resolve("sub/./a.html", ""), "sub/a.html");
  EXPECT_EQ(loader.resolve("../../x.html", "sub/a.html"), "../x.html");
  DiagnosticEngine diags;
  EXPECT_NE(check_template(loader, "sub/a.html", diags), nullptr) << format_all(diags);
  std::ofstream(root / "b.html") << "{{";  // cached: the loader does not see the edit
  EXPECT_NE(check_template(loader, "sub/a.html", diags), nullptr) << format_all(diags);
  loader.reset();
  EXPECT_EQ(check_template(loader, "sub/a.html", diags), nullptr);
  EXPECT_EQ(loader.parse("../x.html", diags, nullptr), nullptr);
  EXPECT_EQ(diags.diagnostics().back().message,
            "template '../x.html' is outside the template root");
  fs::remove_all(root);
}

TEST(TemplateLoader, ParseErrorsOfAFileAreReportedOnce) {
  DictLoader loader(std::map<std::string, std::string>{{"bad.html", "{{ }}"},
                                                       {"a.html", "{% include 'bad.html' %}"}});
  DiagnosticEngine diags;
  EXPECT_EQ(check_template(loader, "bad.html", diags), nullptr);
  EXPECT_EQ(check_template(loader, "a.html", diags), nullptr);
  EXPECT_EQ(diags.error_count(), 1) << format_all(diags);
}

TEST(TemplateLoader, MissingTemplateIsReportedAtTheTag) {
  DictLoader loader(std::map<std::string, std::string>{{"a.html", "x\n{% extends 'nope.html' %}"}});
  DiagnosticEngine diags;
  EXPECT_EQ(check_template(loader, "a.html", diags), nullptr);
  const Diagnostic* d = first_error(diags);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->message, "KeyError: template 'nope.html' not found");
  EXPECT_EQ(reported_line(*d), 2);
}

}  // namespace
}  // namespace squall::front::testing
