// Random token soups through every parser entry point: each input either parses with no
// diagnostics or is rejected with exactly one, and nothing crashes (also run under ASan).
#include <gtest/gtest.h>

#include <random>

#include "expr_test_support.hpp"

namespace squall::front::testing {
namespace {

const char* const kPieces[] = {
    "x",      "y.z",        "1",    "2.5",  "'s'",  "\"t\"",  "(",    ")",     "[",
    "]",      "{",          "}",    ",",    ":",    ";",      ".",    "+",     "-",
    "*",      "**",         "/",    "//",   "%",    "@",      "~",    "<",     "<=",
    "==",     "!=",         "=",    "+=",   ":=",   "not",    "in",   "is",    "and",
    "or",     "if",         "else", "elif", "for",  "lambda", "None", "True",  "\n",
    "\n    ", "\n        ", "\t",   "#c\n", "\\\n", "f'",     "'''",  "yield", "pass",
    "é",      "\xff",       "0x",   "1_",   "as",   "import", "...",
};

std::string random_text(std::mt19937& rng) {
  std::uniform_int_distribution<std::size_t> piece(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<int> length(0, 12);
  std::string text;
  for (int i = length(rng); i > 0; --i) {
    text += kPieces[piece(rng)];
    text += ' ';
  }
  return text;
}

TEST(ExprRobustness, RandomInputsGiveAResultOrExactlyOneDiagnostic) {
  std::mt19937 rng(20261126);
  const ExprMode modes[] = {ExprMode::Expr, ExprMode::Tuple,  ExprMode::Header, ExprMode::Set,
                            ExprMode::For,  ExprMode::Except, ExprMode::Import, ExprMode::From};
  int accepted = 0;
  for (int i = 0; i < 4000; ++i) {
    const std::string text = random_text(rng);
    for (ExprMode mode : modes) {
      const std::string result = parse_to_string(mode, text);
      ASSERT_EQ(result.rfind("BUG", 0), std::string::npos) << result << " for: " << text;
      accepted += result.rfind("error", 0) == 0 ? 0 : 1;
    }
  }
  EXPECT_GT(accepted, 100);
}

}  // namespace
}  // namespace squall::front::testing
