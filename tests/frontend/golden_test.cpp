// Golden files: tests/golden/parse/<case>.html -> <case>.ast (the AST dump) and
// tests/golden/diag/<case>.html -> <case>.stderr (every diagnostic as `squall check --root`
// prints it, caret lines included). SQUALL_UPDATE_GOLDEN=1 rewrites the expected files.
// Only top-level *.html files are cases; subfolders hold templates the cases include.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "ast/ast_dump.hpp"
#include "check_test_support.hpp"
#include "sema/check.hpp"
#include "support/golden.hpp"

namespace squall::front::testing {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> cases_in(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".html") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// check_case parses one case (`dump`: and dumps it) or checks it as `squall check --root`
// does; file paths in the output are relative to `dir`.
std::string check_case(const fs::path& dir, const std::string& name, bool dump) {
  FolderLoader loader(dir.string());
  DiagnosticEngine diags;
  auto parsed = dump ? loader.parse(name, diags, nullptr) : check_template(loader, name, diags);
  std::string out = format_all(diags);
  if (dump && parsed) out = dump_template(*parsed) + out;
  const std::string prefix = dir.string() + "/";
  for (auto at = out.find(prefix); at != std::string::npos; at = out.find(prefix, at))
    out.erase(at, prefix.size());
  return out;
}

TEST(Golden, Parse) {
  const fs::path dir = fs::path(SQUALL_SOURCE_DIR) / "tests/golden/parse";
  const auto cases = cases_in(dir);
  EXPECT_GE(cases.size(), 10u);
  for (const fs::path& path : cases) {
    SCOPED_TRACE(path.filename().string());
    const std::string out = check_case(dir, path.filename().string(), true);
    EXPECT_EQ(out.find(": error: "), std::string::npos) << "a parse case must parse";
    squall::testing_support::expect_golden(fs::path(path).replace_extension(".ast"), out);
  }
}

TEST(Golden, Diagnostics) {
  const fs::path dir = fs::path(SQUALL_SOURCE_DIR) / "tests/golden/diag";
  const auto cases = cases_in(dir);
  EXPECT_GE(cases.size(), 40u);
  for (const fs::path& path : cases) {
    SCOPED_TRACE(path.filename().string());
    const std::string out = check_case(dir, path.filename().string(), false);
    EXPECT_NE(out.find(": error: "), std::string::npos) << "a diag case must report an error";
    squall::testing_support::expect_golden(fs::path(path).replace_extension(".stderr"), out);
  }
}

}  // namespace
}  // namespace squall::front::testing
