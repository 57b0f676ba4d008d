// Checks every template of the real-world corpus (read in place from ../shared; skipped
// when absent) as `squall check --root` would: the templates Tornado loads must be
// accepted, the one it rejects must be rejected at the line Tornado's error points to.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "check_test_support.hpp"
#include "sema/check.hpp"
#include "support/read_text.hpp"

namespace squall::front::testing {
namespace {

namespace fs = std::filesystem;

// The template line of each corpus rejection. Tornado reports a line of the generated
// Python ("expected an indented block after 'if' statement on line 44 (..., line 45)");
// generated line 45 is line 16 of the template, the second line of the multi-line
// `{% set %}` opened on line 14 (checked by printing Tornado's generated code).
const std::map<std::string, int> kRejectedAt = {
    {"torcms/modules/info/info_list_pager.html", 16},
};

TEST(CorpusCheck, TornadoLoadableTemplatesAreAccepted) {
  const fs::path corpus = fs::path(SQUALL_SHARED_DIR) / "corpus";
  if (!fs::exists(corpus / "index.json")) GTEST_SKIP() << "no corpus at " << corpus;
  const auto index =
      nlohmann::json::parse(squall::testing_support::read_text(corpus / "index.json"));
  std::map<std::string, std::unique_ptr<FolderLoader>> loaders;
  int accepted = 0, rejected = 0;
  for (const auto& entry : index) {
    const std::string root = entry["root"], name = entry["name"];
    SCOPED_TRACE(root + "/" + name);
    auto& loader = loaders[root];
    if (!loader) loader = std::make_unique<FolderLoader>((corpus / root).string());
    DiagnosticEngine diags;
    check_template(*loader, name, diags);
    if (entry["tornado"] == "ok") {
      EXPECT_FALSE(diags.has_errors()) << format_all(diags);
      accepted += !diags.has_errors();
      continue;
    }
    const std::string key = root.substr(0, root.find('/')) + "/" + name;
    ASSERT_TRUE(kRejectedAt.contains(key)) << "unexpected Tornado failure: " << entry["tornado"];
    const Diagnostic* error = first_error(diags);
    ASSERT_NE(error, nullptr) << "Tornado rejects: " << entry["tornado"];
    EXPECT_EQ(reported_line(*error), kRejectedAt.at(key)) << format_all(diags);
    ++rejected;
  }
  std::cout << "[ corpus ] " << accepted << " accepted, " << rejected << " rejected of "
            << index.size() << "\n";
}

}  // namespace
}  // namespace squall::front::testing
