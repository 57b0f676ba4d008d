// Values from C++ data (chrono dates and times, sets, maps, optionals, reflected fields of
// those types) and typed C++ functions: argument counting, keywords and conversion, with
// CPython's TypeError text (checked against Python 3.11's own functions: a `def` for named
// parameters, divmod/getattr for positional-only ones).
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "runtime/support/cpp_event.hpp"
#include "squall/py.hpp"

namespace squall {
namespace {

using namespace std::chrono;

// 2024-03-05 14:30:15.000250 UTC
const system_clock::time_point kWhen =
    sys_days{year{2024} / March / 5} + hours{14} + minutes{30} + seconds{15} + microseconds{250};

std::string call_text(const Value& f, std::vector<Value> args, std::vector<KwArg> kwargs = {}) {
  try {
    return py::repr(py::call(f, args, kwargs));
  } catch (const Error& e) {
    return e.what();
  }
}

TEST(CppConversions, ChronoBecomesDatetimeAndDate) {
  EXPECT_EQ(py::str(Value(kWhen)), "2024-03-05 14:30:15.000250");
  EXPECT_EQ(py::repr(Value(kWhen)), "datetime.datetime(2024, 3, 5, 14, 30, 15, 250)");
  // Nanoseconds round down to the microsecond; times before 1970 too.
  EXPECT_EQ(py::str(Value(sys_days{year{1969} / December / 31} + nanoseconds{1999})),
            "1969-12-31 00:00:00.000001");
  EXPECT_EQ(py::repr(Value(year_month_day{year{2024}, February, day{29}})),
            "datetime.date(2024, 2, 29)");
  EXPECT_EQ(py::str(py::getattr(Value(kWhen), "year")), "2024");
  EXPECT_EQ(py::str(Value::datetime(2000, 1, 2, 3, 4, 5)), "2000-01-02 03:04:05");
  EXPECT_EQ(py::str(Value::date(2000, 1, 2)), "2000-01-02");
}

TEST(CppConversions, InvalidDatesRaiseValueErrorAsPython) {
  const auto text = [](auto make) {
    try {
      return py::str(make());
    } catch (const Error& e) {
      return std::string(e.what());
    }
  };
  EXPECT_EQ(text([] {
              return Value(year_month_day{year{2023}, February, day{29}});
            }),
            "ValueError: day is out of range for month");
  EXPECT_EQ(text([] { return Value::datetime(2000, 13, 1); }),
            "ValueError: month must be in 1..12");
  EXPECT_EQ(text([] { return Value(sys_days{year{10000} / January / 1}); }),
            "ValueError: year 10000 is out of range");
}

TEST(CppConversions, SetsMapsAndOptionals) {
  EXPECT_EQ(py::repr(Value(std::set<int>{3, 1, 2})), "{1, 2, 3}");
  EXPECT_EQ(py::repr(Value(std::unordered_set<std::string>{"a"})), "{'a'}");
  EXPECT_EQ(py::repr(Value(std::map<std::string, int>{{"b", 2}, {"a", 1}})), "{'a': 1, 'b': 2}");
  EXPECT_EQ(py::repr(Value(std::unordered_map<int, bool>{{1, true}})), "{1: True}");
  EXPECT_EQ(py::repr(Value(std::optional<int>())), "None");
  EXPECT_EQ(py::repr(Value(std::optional<std::string>("x"))), "'x'");
}

TEST(CppConversions, ReflectedFieldsOfTheseTypes) {
  const conversions_example::Event event{"Launch",   kWhen,          year{2024} / March / 5,
                                         {"b", "a"}, {{"front", 3}}, std::nullopt};
  const Value v = Value::object(event);
  EXPECT_EQ(py::str(py::getattr(v, "starts")), "2024-03-05 14:30:15.000250");
  EXPECT_EQ(py::str(py::getattr(v, "day")), "2024-03-05");
  EXPECT_EQ(py::repr(py::getattr(v, "tags")), "{'a', 'b'}");
  EXPECT_EQ(py::repr(py::getattr(v, "seats")), "{'front': 3}");
  EXPECT_EQ(py::repr(py::getattr(v, "limit")), "None");
}

// A typed function's calls: each row is a call and what it returns or raises.
struct CallRow {
  std::string name;
  Value function;
  std::vector<Value> args;
  std::vector<KwArg> kwargs;
  std::string expected;
};

TEST(TypedFunction, CountsConvertsAndRaisesPythonsTypeError) {
  const Value pair = Value::function(
      "f", [](int x, std::string_view y) { return std::to_string(x) + std::string(y); });
  const Value named = Value::function("f", {"x", "y"}, [](int x, std::string_view y) {
    return std::to_string(x) + std::string(y);
  });
  const Value defaults = Value::function(
      "g", {"x", "y"}, [](double x, std::optional<int> y) { return x + y.value_or(10); });
  const Value three = Value::function("h", {"x", "y", "z"}, [](Value, Value, Value) {});
  const Value none = Value::function("k", [] { return true; });
  const Value range = Value::function("r", [](std::uint8_t b) { return b; });
  const Value any = Value::function("a", [](const Value& v, bool b) {
    return Value::list({v, b});
  });
  const std::vector<CallRow> rows = {
      {"positional", pair, {1, "a"}, {}, "'1a'"},
      {"bool is an int", pair, {true, "a"}, {}, "'1a'"},
      {"builtin too many", pair, {1, "a", 3}, {}, "TypeError: f expected 2 arguments, got 3"},
      {"builtin too few", pair, {1}, {}, "TypeError: f expected 2 arguments, got 1"},
      {"builtin keywords", pair, {1}, {{"y", "a"}}, "TypeError: f() takes no keyword arguments"},
      {"builtin type", pair, {"1", "a"}, {}, "TypeError: f() argument 1 must be int, not str"},
      {"builtin optional",
       Value::function("o", [](int, std::optional<int>) {}),
       {},
       {},
       "TypeError: o expected at least 1 argument, got 0"},
      {"builtin optional many",
       Value::function("o", [](int, std::optional<int>) {}),
       {1, 2, 3},
       {},
       "TypeError: o expected at most 2 arguments, got 3"},
      {"named keywords", named, {}, {{"y", "b"}, {"x", 2}}, "'2b'"},
      {"named too many",
       named,
       {1, "a", 3},
       {},
       "TypeError: f() takes 2 positional arguments but 3 were given"},
      {"named missing one",
       named,
       {1},
       {},
       "TypeError: f() missing 1 required positional argument: 'y'"},
      {"named missing two",
       named,
       {},
       {},
       "TypeError: f() missing 2 required positional arguments: 'x' and 'y'"},
      {"named missing three",
       three,
       {},
       {},
       "TypeError: h() missing 3 required positional arguments: 'x', 'y', and 'z'"},
      {"unexpected keyword",
       named,
       {1, "a"},
       {{"z", 3}},
       "TypeError: f() got an unexpected keyword argument 'z'"},
      {"multiple values",
       named,
       {1},
       {{"x", 2}},
       "TypeError: f() got multiple values for argument 'x'"},
      {"multiple values before too many",
       defaults,
       {1, 2, 3},
       {{"y", 1}},
       "TypeError: g() got multiple values for argument 'y'"},
      {"named type", named, {1, 2}, {}, "TypeError: f() argument 'y' must be str, not int"},
      {"optional left out", defaults, {1.5}, {}, "11.5"},
      {"optional None", defaults, {1, Value()}, {}, "11.0"},
      {"optional type",
       defaults,
       {1, "x"},
       {},
       "TypeError: g() argument 'y' must be int or None, not str"},
      {"from to",
       defaults,
       {1, 2, 3},
       {},
       "TypeError: g() takes from 1 to 2 positional arguments but 3 were given"},
      {"float type", defaults, {"x"}, {}, "TypeError: g() argument 'x' must be float, not str"},
      {"no parameters", none, {1}, {}, "TypeError: k() takes no arguments (1 given)"},
      {"named, no parameters",
       Value::function("n", [](int) {}),
       {},
       {{"x", 1}},
       "TypeError: n() takes no keyword arguments"},
      {"one parameter",
       Value::function("p", {"x"}, [](int) {}),
       {1, 2},
       {},
       "TypeError: p() takes 1 positional argument but 2 were given"},
      {"no parameters, called right", none, {}, {}, "True"},
      {"void is None", three, {1, 2, 3}, {}, "None"},
      {"narrow int", range, {255}, {}, "255"},
      {"narrow int overflow",
       range,
       {256},
       {},
       "OverflowError: Python int too large to convert to C integer"},
      {"unsigned negative",
       range,
       {-1},
       {},
       "OverflowError: can't convert negative int to unsigned"},
      {"Value takes anything; bool only a bool", any, {Value::dict(), true}, {}, "[{}, True]"},
      {"bool is not truthiness",
       any,
       {1, 1},
       {},
       "TypeError: a() argument 2 must be bool, not int"},
  };
  for (const CallRow& row : rows) {
    EXPECT_EQ(call_text(row.function, row.args, row.kwargs), row.expected) << row.name;
  }
}

TEST(TypedFunction, NamesMustMatchTheParameters) {
  EXPECT_THROW(Value::function("f", {"x"}, [](int, int) {}), std::invalid_argument);
}

TEST(TypedFunction, FunctionPointersAndMutableLambdas) {
  int calls = 0;
  const Value counter = Value::function("count", [calls]() mutable { return ++calls; });
  EXPECT_EQ(call_text(counter, {}), "1");
  const Value twice = Value::function(
      "twice", +[](std::string s) { return s + s; });
  EXPECT_EQ(call_text(twice, {"ab"}), "'abab'");
}

}  // namespace
}  // namespace squall
