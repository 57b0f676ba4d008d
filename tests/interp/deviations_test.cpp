// Squall's deliberate deviations from Tornado 6.2 (docs/differences.md), each shown here
// with Squall's behaviour; the Tornado cases they replace are listed in
// conformance_test.cpp's kDeviations.
#include <gtest/gtest.h>

#include "support/render_helpers.hpp"

namespace squall::interp::testing {
namespace {

// Tornado passes the apply body as bytes, so str methods and squeeze fail there.
TEST(Deviations, ApplyPassesText) {
  EXPECT_EQ(render_dict({{"m.txt", "{% apply str.upper %}foo é{% end %}"}}, "m.txt"), "FOO É");
  EXPECT_EQ(render_dict({{"m.txt", "{% apply squeeze %}  a \n b {% end %}"}}, "m.txt"), "a b");
  EXPECT_EQ(render_dict({{"m.txt", "{% apply json_encode %}a\"b{% end %}"}}, "m.txt"),
            "\"a\\\"b\"");
  EXPECT_EQ(
      render_dict({{"m.txt", "{% set f = lambda s: s[::-1] %}{% apply f %}abc{% end %}"}}, "m.txt"),
      "cba");
}

// The apply body is a nested function: the scoping rules hold with text as with bytes.
TEST(Deviations, ApplyScopingUnchanged) {
  EXPECT_EQ(
      render_dict({{"m.txt", "{% set x = 1 %}{% apply str.upper %}{{ x }}b{% end %}"}}, "m.txt"),
      "1B");
  EXPECT_EQ(
      render_error({{"m.txt", "{% set x = 1 %}{% apply str.upper %}{% set x = x + 1 %}{% end %}"}},
                   "m.txt"),
      "m.txt:1: UnboundLocalError: cannot access local variable 'x' where it is not associated "
      "with a value");
  EXPECT_EQ(
      render_error({{"m.txt", "{% apply str.upper %}{% set y = 1 %}{% end %}{{ y }}"}}, "m.txt"),
      "m.txt:1: NameError: name 'y' is not defined");
  EXPECT_EQ(render_dict(
                {{"m.txt", "{% for i in range(3) %}{% apply str.upper %}i{{i}}{% end %}{% end %}"}},
                "m.txt"),
            "I0I1I2");
}

// JSON objects read their keys as attributes; dict methods win over keys.
TEST(Deviations, DictKeysReadAsAttributes) {
  EXPECT_EQ(render_dict({{"m.txt", "{{ d.a }} {% raw d.items() %}"}}, "m.txt",
                        R"({"d": {"a": 1, "items": 2}})"),
            "1 dict_items([('a', 1), ('items', 2)])");
  EXPECT_EQ(render_error({{"m.txt", "{{ d.b }}"}}, "m.txt", R"({"d": {"a": 1}})"),
            "m.txt:1: AttributeError: 'dict' object has no attribute 'b'");
}

// Ints are 64-bit: overflow raises instead of growing.
TEST(Deviations, IntsAre64Bit) {
  EXPECT_EQ(render_error({{"m.txt", "{{ 2 ** 100 }}"}}, "m.txt"),
            "m.txt:1: OverflowError: integer result too large for 64-bit int");
  EXPECT_EQ(render_dict({{"m.txt", "{{ 2 ** 62 }}"}}, "m.txt"), "4611686018427387904");
}

// The single-quote entity is an option: `&#39;` (6.2, default) or `&#x27;` (6.4+).
TEST(Deviations, QuoteEntityOption) {
  Options hex;
  hex.quote = QuoteEntity::Hex;
  EXPECT_EQ(render_dict({{"m.html", "{{ s }}"}}, "m.html", R"({"s": "it's"})"), "it&#39;s");
  EXPECT_EQ(render_dict({{"m.html", "{{ s }}|{{ escape(s) }}"}}, "m.html", R"({"s": "'"})",
                        std::move(hex)),
            "&#x27;|&amp;#x27;");
}

}  // namespace
}  // namespace squall::interp::testing
