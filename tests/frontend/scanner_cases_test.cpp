// 3000 random templates built from tag fragments, each with the outcome of Tornado's own
// parser (tests/tools/gen_scanner_cases.py): Squall must reject exactly the ones Tornado's
// parser rejects, with its message and line, and raise none of those errors elsewhere.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "check_test_support.hpp"
#include "diag/python_repr.hpp"
#include "parse/parser.hpp"
#include "support/read_text.hpp"

namespace squall::front::testing {
namespace {

// The messages of Tornado's parser (spec 6.1); any other error is Python-level.
bool is_tornado_parse_message(const std::string& m) {
  static const char* const kPrefixes[] = {
      "Missing end ",    "Empty expression",        "Empty block tag", "Missing {% end %}",
      "Extra {% end %}", "unknown operator",        " outside {",      " block cannot be attached",
      " missing ",       "invalid whitespace mode",
  };
  for (const char* p : kPrefixes) {
    if (m.find(p) != std::string::npos) return true;
  }
  return false;
}

TEST(ScannerCases, SameParseErrorsAsTornado) {
  const auto cases = nlohmann::json::parse(squall::testing_support::read_text(
      SQUALL_SOURCE_DIR "/tests/frontend/data/scanner_cases.json"));
  ASSERT_EQ(cases.size(), 3000u);
  static const std::regex kAt(R"(^([\s\S]*) at t\.txt:(\d+)$)");
  for (const auto& c : cases) {
    const std::string input = c["input"], tornado = c["tornado"];
    SCOPED_TRACE(python_str_repr(input) + " -> " + tornado);
    DiagnosticEngine diags;
    parse_template(std::make_shared<const SourceFile>("t.txt", input), {}, diags);
    const Diagnostic* error = first_error(diags);
    if (tornado == "ok") {
      if (error) {
        EXPECT_FALSE(is_tornado_parse_message(error->message)) << format_all(diags);
      }
      continue;
    }
    ASSERT_NE(error, nullptr);
    std::smatch m;
    if (!std::regex_match(tornado, m, kAt)) {  // "Exception: invalid whitespace mode X"
      EXPECT_EQ("Exception: " + error->message, tornado);
      continue;
    }
    std::string message = m[1];
    if (const auto brace = message.find("{'"); brace != std::string::npos) message.resize(brace);
    EXPECT_EQ(error->message.substr(0, message.size()), message) << format_all(diags);
    EXPECT_EQ(reported_line(*error), std::stoi(m[2])) << format_all(diags);
  }
}

}  // namespace
}  // namespace squall::front::testing
