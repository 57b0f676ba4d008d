// The interpreter's fast paths (compiler/interp/plan.hpp, eval_ref, test, pooled frames)
// must not change what a template renders: operands are borrowed only where nothing can
// change them, global names are cached per render only, and reused frames start empty.
#include <gtest/gtest.h>

#include "squall/json.hpp"
#include "support/render_helpers.hpp"

namespace squall::interp::testing {
namespace {

// A call on the right of a comparison or an operator may mutate what the left operand was
// read from: the left value is the one read before the call, as in Python.
TEST(FastPaths, OperandReadBeforeAMutatingCall) {
  EXPECT_EQ(render_dict({{"m.txt", "{{ d.x == d.pop('x') }} {{ d.get('x') }}"}}, "m.txt",
                        R"({"d": {"x": "a"}})"),
            "True None");
  EXPECT_EQ(render_dict({{"m.txt", "{{ d.x + d.pop('x') }}"}}, "m.txt", R"({"d": {"x": 2}})"), "4");
  EXPECT_EQ(render_dict({{"m.txt", "{{ d.x < d.setdefault('y', 5) < d.y + 1 }}"}}, "m.txt",
                        R"({"d": {"x": 2}})"),
            "True");
  EXPECT_EQ(render_dict({{"m.txt",
                          "{% for i, x in enumerate(d.l, d.l.pop()) %}{{ i }}{{ x }},"
                          "{% end %}"}},
                        "m.txt", R"({"d": {"l": [1, 2, 5]}})"),
            "51,62,");
}

// Conditions keep Python's truthiness, short-circuiting and evaluation count.
TEST(FastPaths, Conditions) {
  EXPECT_EQ(render_dict({{"m.txt",
                          "{% if not a and (b or c) %}y{% else %}n{% end %}"
                          "{% if a or [] %}y{% else %}n{% end %}"
                          "{{ 'y' if 1 < b <= 2 else 'n' }}"
                          "{% if l.append(1) or l %}{{ len(l) }}{% end %}"}},
                        "m.txt", R"({"a": 0, "b": 2, "c": 0, "l": []})"),
            "yny1");
  EXPECT_EQ(render_error({{"m.txt", "{% if x > 1 %}{% end %}"}}, "m.txt"),
            "m.txt:1: NameError: name 'x' is not defined");
}

// Dict methods win over keys; missing attributes raise AttributeError; constants are shared
// but immutable.
TEST(FastPaths, AttributesAndConstants) {
  EXPECT_EQ(render_dict({{"m.txt",
                          "{{ d.a }}{{ d.keys() is not None }}"
                          "{% for i in range(2) %}{% set l.append('s') %}{% end %}"
                          "{% raw l %}{% set s = 'ab' %}{% set s += 'c' %}{{ s }}"
                          "{% for i in range(2) %}{{ 'ab' }}{% end %}"}},
                        "m.txt", R"({"d": {"a": 1, "keys": 2}, "l": []})"),
            "1True['s', 's']abcabab");
  EXPECT_EQ(render_error({{"m.txt", "{{ d.a.b }}"}}, "m.txt", R"({"d": {"a": 1}})"),
            "m.txt:1: AttributeError: 'int' object has no attribute 'b'");
}

// One TemplateSet renders many times (frames reused, globals looked up per render) and
// nested renders (the Template module) get their own frame.
TEST(FastPaths, RepeatedRendersStartClean) {
  TemplateSet set(std::make_unique<front::DictLoader>(
      std::map<std::string, std::string>{{"m.txt", "{% if n %}{% set x = n %}{% end %}{{ x }}"},
                                         {"o.txt", "{% for i in l %}{{ i }}{% end %}"}}));
  EXPECT_EQ(set.render("m.txt", parse_json(R"({"n": 3})")), "3");
  EXPECT_THROW(set.render("m.txt", parse_json(R"({"n": 0})")), Error);  // x unbound again
  EXPECT_EQ(set.render("o.txt", parse_json(R"({"l": [1, 2, 3]})")), "123");
  EXPECT_EQ(set.render("o.txt", parse_json(R"({"l": []})")), "");
  EXPECT_EQ(set.render("o.txt", parse_json(R"({"l": [4]})")), "4");
  std::string out = "pre:";
  set.render_to(out, "o.txt", parse_json(R"({"l": [5, 6]})"));
  EXPECT_EQ(out, "pre:56");
  set.reset();
  EXPECT_EQ(set.render("m.txt", parse_json(R"({"n": 7})")), "7");
}

// Output is buffered: a failed render still leaves what it wrote before the error, apply
// bodies get their whole text, and output larger than the buffer arrives in order.
TEST(FastPaths, BufferedOutputArrivesWhole) {
  TemplateSet set(std::make_unique<front::DictLoader>(std::map<std::string, std::string>{
      {"e.txt", "before {{ 1 // z }} after"},
      {"a.txt",
       "{% set up = lambda s: s.upper() %}"
       "[{% apply up %}{% for i in range(n) %}x{{ i }}{% end %}{% end %}]"}}));
  std::string out = "pre:";
  EXPECT_THROW(set.render_to(out, "e.txt", parse_json(R"({"z": 0})")), Error);
  EXPECT_EQ(out, "pre:before ");
  std::string want = "[";
  for (int i = 0; i < 3000; ++i) want += "X" + std::to_string(i);
  want += "]";
  EXPECT_EQ(set.render("a.txt", parse_json(R"({"n": 3000})")), want);
}

// A global can be a keyword argument in one render and a builtin in the next.
TEST(FastPaths, GlobalsAreCachedPerRenderOnly) {
  TemplateSet set(std::make_unique<front::DictLoader>(
      std::map<std::string, std::string>{{"m.txt", "{{ len if len == 1 else len('ab') }}"}}));
  EXPECT_EQ(set.render("m.txt", parse_json(R"({"len": 1})")), "1");
  EXPECT_EQ(set.render("m.txt", parse_json("{}")), "2");
  EXPECT_EQ(set.render("m.txt", parse_json(R"({"len": 1})")), "1");
}

// The autoescape function's name assigned as a local is read from the local, at the top
// level and inside an apply body.
TEST(FastPaths, LocalEscapeFunction) {
  EXPECT_EQ(render_dict({{"m.txt",
                          "{% set xhtml_escape = lambda s: s + '!' %}{{ '<' }}"
                          "{% apply str.upper %}{{ 'a' }}{% end %}"}},
                        "m.txt"),
            "<!A!");
  EXPECT_EQ(render_error({{"m.txt", "{{ '<' }}{% set xhtml_escape = lambda s: s %}"}}, "m.txt"),
            "m.txt:1: UnboundLocalError: cannot access local variable 'xhtml_escape' where it is "
            "not associated with a value");
}

}  // namespace
}  // namespace squall::interp::testing
