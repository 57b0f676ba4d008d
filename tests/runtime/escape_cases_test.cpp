// Runs every case of tests/runtime/data/escape_cases.json (made by real tornado.escape 6.2,
// see tests/tools/gen_escape_cases.py) through the C++ escape functions, byte for byte.
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "squall/detail/unicode.hpp"
#include "squall/error.hpp"
#include "squall/escape.hpp"

namespace squall {
namespace {

using nlohmann::json;

const json& all_cases() {
  static const json doc = [] {
    std::ifstream in(SQUALL_SOURCE_DIR "/tests/runtime/data/escape_cases.json");
    return in ? json::parse(in) : json();
  }();
  return doc;
}

std::string unhex(const std::string& hex) {
  std::string bytes;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  }
  return bytes;
}

// text reads a stored string: plain JSON text, or {"hex": ...} for bytes that are not UTF-8.
std::string text(const json& value) {
  return value.is_string() ? value.get<std::string>() : unhex(value.at("hex").get<std::string>());
}

// extra_params_callback mirrors the generator's Python function of the same name.
std::string extra_params_callback(std::string_view href) {
  if (href.find("example") == std::string_view::npos) return "  ";
  return "  rel=\"nofollow\" data-len=\"" + std::to_string(detail::code_point_count(href)) + "\"  ";
}

LinkifyOptions linkify_options(const json& args) {
  LinkifyOptions options;
  options.shorten = args.value("shorten", false);
  options.require_protocol = args.value("require_protocol", false);
  if (args.contains("permitted_protocols")) {
    options.permitted_protocols = args["permitted_protocols"].get<std::vector<std::string>>();
  }
  const std::string extra = args.value("extra_params", "");
  if (extra == "callback") {
    options.extra_params = extra_params_callback;
  } else {
    options.extra_params = extra;
  }
  return options;
}

std::string json_string(std::string_view input) {
  std::string out;
  append_json_string(out, input);
  return out;
}

using Runner = std::function<std::string(const std::string&, const json&)>;

const std::map<std::string, Runner>& runners() {
  static const std::map<std::string, Runner> table = {
      {"xhtml_escape", [](const std::string& in, const json&) { return xhtml_escape(in); }},
      {"xhtml_escape_hex",
       [](const std::string& in, const json&) { return xhtml_escape(in, QuoteEntity::Hex); }},
      {"xhtml_unescape", [](const std::string& in, const json&) { return xhtml_unescape(in); }},
      {"url_escape",
       [](const std::string& in, const json& a) { return url_escape(in, a.value("plus", true)); }},
      {"url_unescape", [](const std::string& in,
                          const json& a) { return url_unescape(in, a.value("plus", true)); }},
      {"squeeze", [](const std::string& in, const json&) { return squeeze(in); }},
      {"json_string", [](const std::string& in, const json&) { return json_string(in); }},
      {"linkify",
       [](const std::string& in, const json& a) { return linkify(in, linkify_options(a)); }},
  };
  return table;
}

// run_cases checks every case of function `fn` and returns how many there were.
int run_cases(const std::string& fn) {
  const Runner& run = runners().at(fn);
  int count = 0;
  for (const json& c : all_cases()["cases"]) {
    if (c["fn"] != fn) continue;
    ++count;
    const std::string input = text(c["input"]);
    SCOPED_TRACE(fn + " " + c["input"].dump() + " " + c["args"].dump());
    if (c.contains("error")) {
      const std::string type = c["error"].get<std::string>();
      try {
        run(input, c["args"]);
        ADD_FAILURE() << "expected " << type;
      } catch (const Error& e) {
        EXPECT_EQ(e.type(), type);
      }
      continue;
    }
    EXPECT_EQ(run(input, c["args"]), text(c["expected"]));
  }
  return count;
}

class EscapeCasesTest : public ::testing::TestWithParam<std::string> {};

TEST_P(EscapeCasesTest, MatchesTornado) {
  if (all_cases().is_null()) GTEST_FAIL() << "tests/runtime/data/escape_cases.json is missing";
  EXPECT_GT(run_cases(GetParam()), 0) << "no cases for " << GetParam();
}

INSTANTIATE_TEST_SUITE_P(Tornado62, EscapeCasesTest,
                         ::testing::Values("xhtml_escape", "xhtml_escape_hex", "xhtml_unescape",
                                           "url_escape", "url_unescape", "squeeze", "json_string",
                                           "linkify"));

TEST(EscapeCasesFile, HasEnoughCases) {
  EXPECT_GE(all_cases()["cases"].size(), 300u);
}

}  // namespace
}  // namespace squall
