// The examples of docs/runtime.md, compiled and run. Keep the two in step: each TEST body
// below is one code block of the document, in order.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "squall/json.hpp"
#include "squall/py.hpp"

namespace docs_example {

struct Author {
  std::string name;
  std::optional<std::string> email;
};
SQUALL_REFLECT(Author, name, email)

struct Post {
  std::string title;
  int votes = 0;
  Author author;
  std::vector<std::string> tags;
};
SQUALL_REFLECT(Post, title, votes, author, tags)

class Counter final : public squall::Object {
 public:
  std::string_view type_name() const override { return "Counter"; }
  std::optional<squall::Value> getattr(std::string_view name) const override {
    if (name == "count") return squall::Value(++count_);
    return std::nullopt;  // AttributeError: 'Counter' object has no attribute ...
  }

 private:
  mutable int count_ = 0;
};

}  // namespace docs_example

namespace squall {
namespace {

using docs_example::Counter;
using docs_example::Post;

TEST(DocsRuntime, BuildingValues) {
  Value page = {{"title", "Home"}, {"tags", std::vector<std::string>{"news", "tech"}},
                {"votes", 3},      {"score", 0.5},
                {"draft", false},  {"author", std::nullopt}};
  EXPECT_EQ(py::repr(page),
            "{'title': 'Home', 'tags': ['news', 'tech'], 'votes': 3, 'score': 0.5, "
            "'draft': False, 'author': None}");

  Value items = Value::list({1, "two", 3.0});
  Value pair = Value::tuple({1, 2});
  Value unique = Value::set({1, 1.0, true});  // 1 == 1.0 == True, as in Python
  EXPECT_EQ(py::repr(items) + py::repr(pair) + py::repr(unique), "[1, 'two', 3.0](1, 2){1}");
}

TEST(DocsRuntime, FromJson) {
  Value data = Value::from_json(R"({"user": {"name": "Ann"}, "n": [1, 2.5]})");
  EXPECT_EQ(py::str(py::getattr(py::getattr(data, "user"), "name")), "Ann");
  EXPECT_EQ(json_encode(data), R"({"user": {"name": "Ann"}, "n": [1, 2.5]})");
}

TEST(DocsRuntime, StaticStrings) {
  static constexpr std::string_view kGreeting = "hello";
  Value greeting = Value::from_static(kGreeting);
  EXPECT_EQ(greeting.as_str().data(), kGreeting.data());
}

TEST(DocsRuntime, Sharing) {
  Value b = Value::list({1});
  Value a = b;
  py::call_method(b, "append", std::vector<Value>{Value(2)});
  EXPECT_EQ(py::repr(a), "[1, 2]");
}

TEST(DocsRuntime, PythonOperations) {
  EXPECT_EQ(py::str(py::floordiv(Value(-7), Value(2))), "-4");
  EXPECT_EQ(py::str(py::truediv(Value(7), Value(2))), "3.5");
  EXPECT_EQ(py::str(py::add(Value(0.1), Value(0.2))), "0.30000000000000004");
  EXPECT_EQ(py::str(py::mod(Value("%s-%05.2f"), Value::tuple({"a", 3.14159}))), "a-03.14");
  EXPECT_TRUE(py::lt(Value(1), Value(2.5)));
  EXPECT_TRUE(py::contains(Value("hello"), Value("ell")));
  EXPECT_EQ(py::str(py::slice(Value("héllo"), std::nullopt, std::nullopt, Value(-1))), "olléh");

  // Method calls need no bound-method object; getattr returns one when asked.
  EXPECT_EQ(py::str(py::call_method(Value("a,b"), "split", std::vector<Value>{Value(",")})),
            "['a', 'b']");
  Value upper = py::getattr(Value("ab"), "upper");
  EXPECT_EQ(py::str(py::call(upper)), "AB");

  // The fast output path appends str(v) without a temporary string.
  std::string out;
  py::append_str(out, Value(1e16));
  py::append_str(out, Value(" "));
  py::append_str(out, Value());
  EXPECT_EQ(out, "1e+16 None");
}

TEST(DocsRuntime, Iteration) {
  std::string seen;
  py::Iterator it = py::iter(Value::from_json(R"({"a": 1, "b": 2})"));
  while (auto key = it.next()) seen += py::str(*key);
  EXPECT_EQ(seen, "ab");

  int next = 0;
  Value countdown = Value::generator([&next]() -> std::optional<Value> {
    if (next == 3) return std::nullopt;
    return Value(next++);
  });
  EXPECT_EQ(py::repr(Value::list(py::to_vector(countdown))), "[0, 1, 2]");
}

TEST(DocsRuntime, Builtins) {
  Value sorted = *py::builtin("sorted");
  Value str_lower = py::getattr(*py::builtin("str"), "lower");
  std::vector<KwArg> kwargs = {{"key", str_lower}, {"reverse", Value(true)}};
  Value names = Value::list({"b", "A", "c"});
  EXPECT_EQ(py::repr(py::call(sorted, std::vector<Value>{names}, kwargs)), "['c', 'b', 'A']");

  Value datetime = *py::module("datetime");
  Value when = py::call(py::getattr(datetime, "datetime"), std::vector<Value>{2024, 1, 2, 3, 4, 5});
  EXPECT_EQ(py::str(when), "2024-01-02 03:04:05");
  EXPECT_EQ(py::str(py::call_method(when, "strftime", std::vector<Value>{Value("%b %d, %Y")})),
            "Jan 02, 2024");
}

TEST(DocsRuntime, Reflection) {
  Post post{"Hello", 3, {"Ann", std::nullopt}, {"a", "b"}};
  Value borrowed = Value::object(post);               // reads `post` in place
  Value owned = Value(std::make_shared<Post>(post));  // keeps its own Post alive
  Value copied = Value(post);                         // same as make_shared of a copy
  EXPECT_EQ(py::str(py::getattr(borrowed, "title")), "Hello");
  EXPECT_EQ(py::repr(py::getattr(py::getattr(owned, "author"), "email")), "None");
  EXPECT_EQ(py::repr(py::getattr(copied, "tags")), "['a', 'b']");
}

TEST(DocsRuntime, DatesSetsMaps) {
  using namespace std::chrono;
  sys_days day = year{2024} / March / 5;
  EXPECT_EQ(py::str(Value(day + hours{14} + minutes{30})), "2024-03-05 14:30:00");
  EXPECT_EQ(py::repr(Value(year_month_day{day})), "datetime.date(2024, 3, 5)");
  EXPECT_EQ(py::repr(Value(std::set<std::string>{"b", "a"})), "{'a', 'b'}");
  EXPECT_EQ(py::str(Value::datetime(2024, 1, 2, 3, 4)), "2024-01-02 03:04:00");
}

TEST(DocsRuntime, RegisteringFunctions) {
  Value shout = Value::function("shout", [](Args args, KwArgs kwargs) {
    if (args.size() != 1) py::raise_type_error("shout() takes exactly one argument");
    std::string text = py::str(args[0]);
    for (const KwArg& kw : kwargs)
      if (kw.name == "suffix") text += py::str(kw.value);
    return Value(py::str(py::call_method(Value(text), "upper")));
  });
  std::vector<KwArg> suffix = {{"suffix", Value("!")}};
  EXPECT_EQ(py::str(py::call(shout, std::vector<Value>{Value("hi")}, suffix)), "HI!");
  EXPECT_THROW(py::call(shout), Error);
}

TEST(DocsRuntime, TypedParameters) {
  Value repeat = Value::function("repeat", {"text", "times"},
                                 [](std::string_view text, std::optional<int> times) {
                                   std::string out;
                                   for (int i = 0; i < times.value_or(2); ++i) out += text;
                                   return out;
                                 });
  std::vector<KwArg> times = {{"times", Value(3)}};
  EXPECT_EQ(py::str(py::call(repeat, std::vector<Value>{Value("ab")}, times)), "ababab");
  try {
    py::call(repeat, std::vector<Value>{Value(1)});
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "TypeError: repeat() argument 'text' must be str, not int");
  }
}

TEST(DocsRuntime, CustomObject) {
  Value counter = Value::adopt(new Counter());
  py::getattr(counter, "count");
  EXPECT_EQ(py::str(py::getattr(counter, "count")), "2");
  EXPECT_EQ(py::str(counter), "<Counter object>");
}

TEST(DocsRuntime, Errors) {
  try {
    py::getitem(Value::dict(), Value("missing"));
    FAIL() << "expected KeyError";
  } catch (Error& e) {
    e.template_name = "page.html";
    e.line = 7;
    EXPECT_EQ(e.format(), "page.html:7: KeyError: 'missing'");
    EXPECT_TRUE(py::exception_matches(e, *py::builtin("LookupError")));
    EXPECT_EQ(py::str(py::exception_value(e)), "'missing'");
  }
}

}  // namespace
}  // namespace squall
