// C++ data and typed C++ functions reach templates alike through both back ends: the
// templates of cpp_values/ compiled to C++ by squall_add_templates and interpreted, with
// the same C++ arguments (chrono times, sets, maps, optionals, reflected fields of those,
// functions with typed parameters and their TypeErrors).
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "cpp_values_templates.hpp"
#include "interp/interpreter.hpp"
#include "runtime/support/cpp_event.hpp"
#include "sema/template_loader.hpp"

namespace squall {
namespace {

using namespace std::chrono;

std::string both(const std::string& name, const Value& args) {
  interp::TemplateSet interpreted(
      std::make_unique<front::FolderLoader>(SQUALL_SOURCE_DIR "/tests/codegen/cpp_values"));
  const std::string compiled = cpp_values::templates().render(name, args);
  EXPECT_EQ(compiled, interpreted.render(name, args)) << name;
  return compiled;
}

TEST(CppValues, ChronoSetsMapsOptionalsInTemplates) {
  const system_clock::time_point starts =
      sys_days{year{2024} / March / 5} + hours{14} + minutes{30};
  const auto event = std::make_shared<conversions_example::Event>(conversions_example::Event{
      "Launch", starts, year{2024} / March / 5, {"b", "a"}, {{"front", 3}}, std::nullopt});
  const Value args = {{"event", event},
                      {"now", starts - hours{26}},
                      {"tags", std::set<int>{2, 1}},
                      {"counts", std::map<std::string, int>{{"x", 1}}},
                      {"maybe", std::optional<std::string>()}};
  EXPECT_EQ(both("event.html", args),
            "Launch starts 2024-03-05 14:30:00 (14:30, 2024)\n"
            "day 2024-03-05 1 1 day, 2:00:00\n"
            "tags a, b True 2\n"
            "seats 3 [(&#39;front&#39;, 3)]\n"
            "limit True {1, 2} {&#39;x&#39;: 1} None\n");
}

TEST(CppValues, TypedFunctionsCountAndConvertTheirArguments) {
  const auto join = [](int x, std::string_view y) { return std::to_string(x) + std::string(y); };
  const Value args = {
      {"pair", Value::function("pair", join)},
      {"named", Value::function("named", {"x", "y"}, join)},
      {"opt", Value::function("opt", {"x", "y"},
                              [](double x, std::optional<int> y) { return x + y.value_or(10); })}};
  EXPECT_EQ(both("calls.html", args),
            "1a\n"
            "1b\n"
            "TypeError: pair expected 2 arguments, got 3\n"
            "TypeError: pair expected 2 arguments, got 1\n"
            "TypeError: pair() takes no keyword arguments\n"
            "TypeError: pair() argument 1 must be int, not str\n"
            "2b\n"
            "TypeError: named() takes 2 positional arguments but 3 were given\n"
            "TypeError: named() missing 1 required positional argument: &#39;y&#39;\n"
            "TypeError: named() missing 2 required positional arguments: &#39;x&#39; and "
            "&#39;y&#39;\n"
            "TypeError: named() got an unexpected keyword argument &#39;z&#39;\n"
            "TypeError: named() got multiple values for argument &#39;x&#39;\n"
            "TypeError: named() argument &#39;y&#39; must be str, not int\n"
            "11.5\n"
            "11.0\n"
            "TypeError: opt() takes from 1 to 2 positional arguments but 3 were given\n"
            "TypeError: opt() argument &#39;x&#39; must be float, not str\n"
            "\n");
}

}  // namespace
}  // namespace squall
