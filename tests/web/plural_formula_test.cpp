// gettext plural formulas (Plural-Forms) against Python's gettext.c2py.
#include <gtest/gtest.h>

#include "locale_impl.hpp"
#include "web_support.hpp"

namespace {

using web_test_support::cases;

TEST(PluralFormula, MatchesPython) {
  for (const auto& c : cases()["plural_formula"]) {
    const auto f = squall::web::detail::compile_plural(c["formula"].get<std::string>());
    for (const auto& [n, expected] : c["results"].items()) {
      EXPECT_EQ(f(std::stoll(n)), expected.get<long long>()) << c["formula"] << " n=" << n;
    }
  }
}

TEST(PluralFormula, ErrorsMatchPython) {
  for (const auto& c : cases()["plural_formula_error"]) {
    try {
      squall::web::detail::compile_plural(c["formula"].get<std::string>());
      ADD_FAILURE() << c["formula"] << " was accepted";
    } catch (const std::runtime_error& e) {
      EXPECT_EQ(e.what(), c["error"].get<std::string>()) << c["formula"];
    }
  }
}

// A catalog that cannot be read is skipped (logged), the others still load.
TEST(PluralFormula, BadCatalogIsSkipped) {
  const auto dir = std::filesystem::temp_directory_path() / "squall-web-bad-mo";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "xx" / "LC_MESSAGES");
  std::ofstream(dir / "xx" / "LC_MESSAGES" / "d.mo") << "not a catalog";
  squall::web::Locales set;
  set.load_gettext(dir, "d");
  EXPECT_EQ(set.supported(), std::vector<std::string>{"en_US"});
  EXPECT_THROW(squall::web::detail::read_mo(dir / "xx" / "LC_MESSAGES" / "d.mo"),
               std::runtime_error);
  std::filesystem::remove_all(dir);
}

}  // namespace
