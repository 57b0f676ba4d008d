// Hand-written tests of the Value API: construction from C++ values, reflection, JSON,
// iteration, aliasing, errors, builtins and the documented deviations from Python.
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "squall/json.hpp"
#include "squall/py.hpp"

namespace squall_api_test {

struct Author {
  std::string name;
  std::optional<std::string> email;
};
SQUALL_REFLECT(Author, name, email)

struct Post {
  std::string title;
  int votes = 0;
  double score = 0;
  bool draft = false;
  Author author;
  std::vector<std::string> tags;
  std::vector<Author> editors;
};
SQUALL_REFLECT(Post, title, votes, score, draft, author, tags, editors)

}  // namespace squall_api_test

namespace squall {
namespace {

using squall_api_test::Author;
using squall_api_test::Post;

std::string r(const Value& v) {
  return py::repr(v);
}

// Runs `f` and returns "Class: message" of the squall::Error it throws ("" when none).
template <class F>
std::string error_of(F f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

// append_int writes digit pairs backwards: check every length and both int64 ends.
TEST(ValueOutput, AppendIntMatchesToString) {
  std::vector<std::int64_t> values = {0, INT64_MAX, INT64_MIN, INT64_MIN + 1};
  for (std::int64_t v = -150; v <= 10050; ++v) values.push_back(v);  // the short paths
  for (std::int64_t p = 1; p > 0 && p <= INT64_MAX / 10; p *= 10) {
    for (std::int64_t v : {p - 1, p, p + 1, 5 * p}) {
      values.push_back(v);
      values.push_back(-v);
    }
  }
  for (const std::int64_t v : values) {
    std::string out = "x";
    py::append_int(out, v);
    EXPECT_EQ(out, "x" + std::to_string(v));
  }
}

TEST(ValueConstruct, Scalars) {
  EXPECT_EQ(sizeof(Value), 16u);
  EXPECT_EQ(r(Value()), "None");
  EXPECT_EQ(r(Value(true)), "True");
  EXPECT_EQ(r(Value(42)), "42");
  EXPECT_EQ(r(Value(std::int64_t{-7})), "-7");
  EXPECT_EQ(r(Value(2.0)), "2.0");
  EXPECT_EQ(r(Value("x")), "'x'");
  EXPECT_EQ(r(Value(std::string("it's"))), "\"it's\"");
  EXPECT_EQ(error_of([] { Value v(std::uint64_t{1} << 63); }),
            "OverflowError: int too large to convert");
}

TEST(ValueConstruct, ContainersFromCpp) {
  Value v = {{"title", "x"}, {"items", std::vector<int>{1, 2}}};
  EXPECT_EQ(r(v), "{'title': 'x', 'items': [1, 2]}");
  std::map<std::string, double> m = {{"b", 1.5}, {"a", 2}};
  EXPECT_EQ(r(Value(m)), "{'a': 2.0, 'b': 1.5}");
  EXPECT_EQ(r(Value(std::optional<int>())), "None");
  EXPECT_EQ(r(Value::tuple({1, "a"})), "(1, 'a')");
  EXPECT_EQ(r(Value::set({1, 1.0, true, 2})), "{1, 2}");
}

TEST(ValueConstruct, StaticStringsBorrow) {
  static const char kText[] = "hello";
  Value a = Value::from_static(kText);
  Value b = a;  // copies keep borrowing
  EXPECT_EQ(b.as_str().data(), kText);
  EXPECT_TRUE(py::is_(a, b));
  EXPECT_TRUE(py::eq(a, Value("hello")));
  EXPECT_EQ(py::hash(a), py::hash(Value("hello")));
}

TEST(ValueReflect, FieldsReadInPlace) {
  Post post{"Hi", 3, 1.5, false, {"Ann", std::nullopt}, {"a", "b"}, {{"Bo", "b@x"}}};
  Value v = Value::object(post);
  EXPECT_EQ(r(py::getattr(v, "title")), "'Hi'");
  EXPECT_EQ(py::getattr(v, "title").as_str().data(), post.title.data());  // no copy
  EXPECT_EQ(r(py::getattr(v, "votes")), "3");
  EXPECT_EQ(r(py::getattr(py::getattr(v, "author"), "email")), "None");
  EXPECT_EQ(r(py::getattr(v, "tags")), "['a', 'b']");
  Value editors = py::getattr(v, "editors");
  EXPECT_EQ(r(py::getattr(py::getitem(editors, Value(0)), "email")), "'b@x'");
  post.votes = 4;  // borrowed: later reads see the change
  EXPECT_EQ(r(py::getattr(v, "votes")), "4");
  EXPECT_EQ(error_of([&] { py::getattr(v, "nope"); }),
            "AttributeError: 'Post' object has no attribute 'nope'");
  EXPECT_EQ(r(v), "<Post object>");
}

TEST(ValueReflect, SharedAndCopiedOwnership) {
  Value shared;
  {
    auto p = std::make_shared<Author>(Author{"Cy", "c@x"});
    shared = Value(p);
  }
  EXPECT_EQ(py::str(py::getattr(shared, "name")), "Cy");  // the Value keeps the struct alive
  Value copied = Value(std::vector<Author>{{"Di", std::nullopt}});
  EXPECT_EQ(py::str(py::getattr(py::getitem(copied, Value(0)), "name")), "Di");
}

TEST(ValueJson, ParseKeepsOrderAndTypes) {
  Value v = Value::from_json(
      R"({"z": 1, "a": [1.5, null, {"k": false}], "m": "x", "big": 18446744073709551615})");
  EXPECT_EQ(r(v),
            "{'z': 1, 'a': [1.5, None, {'k': False}], 'm': 'x', 'big': 1.8446744073709552e+19}");
  EXPECT_EQ(r(Value::from_json(R"({"a": 1, "a": 2})")), "{'a': 2}");
  EXPECT_EQ(r(Value::from_json("\"2024-01-02\"")), "'2024-01-02'");  // no date magic
}

TEST(ValueJson, InvalidJsonIsValueError) {
  const std::string e = error_of([] { Value::from_json("{\"a\": }"); });
  EXPECT_EQ(e.rfind("ValueError: invalid JSON at byte 6", 0), 0u) << e;
  std::string deep(5000, '[');
  EXPECT_EQ(error_of([&] { Value::from_json(deep); }), "ValueError: JSON nesting too deep");
}

TEST(ValueJson, DumpsLikePython) {
  Value v = Value::from_json(R"({"s": "é😀</script>", "n": [1, 2.5, 1e16, true, null]})");
  EXPECT_EQ(json_dumps(v),
            R"({"s": "\u00e9\ud83d\ude00</script>", "n": [1, 2.5, 1e+16, true, null]})");
  EXPECT_EQ(json_encode(v),
            R"({"s": "\u00e9\ud83d\ude00<\/script>", "n": [1, 2.5, 1e+16, true, null]})");
  Value keys = Value::dict();
  keys.as_dict().set(Value(1), Value(std::numeric_limits<double>::infinity()));
  keys.as_dict().set(Value(), Value::tuple({1}));
  EXPECT_EQ(json_dumps(keys), R"({"1": Infinity, "null": [1]})");
  EXPECT_EQ(error_of([] { json_dumps(Value::set({1})); }),
            "TypeError: Object of type set is not JSON serializable");
  EXPECT_EQ(r(Value::from_json(json_dumps(v))), r(v));  // round trip
}

TEST(ValueIter, ProtocolOverKinds) {
  auto collect = [](const Value& v) {
    std::string out;
    py::Iterator it = py::iter(v);
    while (auto x = it.next()) out += py::str(*x) + ",";
    return out;
  };
  EXPECT_EQ(collect(Value("hé")), "h,é,");
  EXPECT_EQ(collect(Value::from_json(R"({"a": 1, "b": 2})")), "a,b,");
  EXPECT_EQ(collect(py::call(*py::builtin("range"), std::vector<Value>{5, 0, -2})), "5,3,1,");
  int n = 0;
  Value gen = Value::generator([&n]() -> std::optional<Value> {
    if (n >= 3) return std::nullopt;
    return Value(n++);
  });
  EXPECT_EQ(collect(gen), "0,1,2,");
  EXPECT_EQ(collect(gen), "");  // generators are single-pass
  EXPECT_EQ(error_of([&] { py::iter(Value(1)); }), "TypeError: 'int' object is not iterable");
}

TEST(ValueIter, ListIteratorSeesAppends) {
  Value list = Value::list({1});
  py::Iterator it = py::iter(list);
  int seen = 0;
  while (auto x = it.next()) {
    if (++seen < 3) py::call_method(list, "append", std::vector<Value>{Value(seen)});
  }
  EXPECT_EQ(seen, 3);
}

TEST(ValueAliasing, ListsAndDictsAreShared) {
  Value b = Value::list({1});
  Value a = b;  // {% set a = b %}
  py::call_method(b, "append", std::vector<Value>{Value(2)});
  EXPECT_EQ(r(a), "[1, 2]");
  Value d = Value::dict();
  Value alias = d;
  py::setitem(d, Value("k"), Value(1));
  py::setattr(d, "j", Value(2));
  EXPECT_EQ(r(alias), "{'k': 1, 'j': 2}");
  Value self_list = Value::list();
  py::call_method(self_list, "extend", std::vector<Value>{Value::list({1, 2})});
  py::call_method(self_list, "extend", std::vector<Value>{self_list});
  EXPECT_EQ(r(self_list), "[1, 2, 1, 2]");
}

TEST(ValueAliasing, SelfContainingContainersPrintLikePython) {
  Value list = Value::list({1});
  py::call_method(list, "append", std::vector<Value>{list});
  EXPECT_EQ(r(list), "[1, [...]]");
  Value dict = Value::dict();
  py::setitem(dict, Value("a"), dict);
  EXPECT_EQ(r(dict), "{'a': {...}}");
  // Break the cycles so the test does not leak (reference counting cannot free them).
  list.as_items().clear();
  dict.as_dict().clear();
}

TEST(ValueAliasing, FailedSortLeavesListWhole) {
  Value list = Value::list({3, "a", 1});
  EXPECT_THROW(py::call_method(list, "sort"), Error);
  EXPECT_EQ(r(list), "[3, 'a', 1]");
}

TEST(ValueAttributes, DictKeysReadAsAttributesMethodsWin) {
  Value d = Value::from_json(R"({"title": "t", "items": [1]})");
  EXPECT_EQ(r(py::getattr(d, "title")), "'t'");  // deviation: Tornado raises AttributeError
  EXPECT_TRUE(py::is_callable(py::getattr(d, "items")));  // the method, not the key
  EXPECT_EQ(r(py::call(py::getattr(d, "items"))), "dict_items([('title', 't'), ('items', [1])])");
  EXPECT_EQ(error_of([&] { py::getattr(d, "x"); }),
            "AttributeError: 'dict' object has no attribute 'x'");
}

TEST(ValueAttributes, BoundMethodsAndUnboundTypeMethods) {
  Value upper = py::getattr(Value("ab"), "upper");
  EXPECT_EQ(py::str(py::call(upper)), "AB");
  Value lower = py::getattr(*py::builtin("str"), "lower");
  EXPECT_EQ(py::str(py::call(lower, std::vector<Value>{Value("AB")})), "ab");
  EXPECT_EQ(r(*py::builtin("str")), "<class 'str'>");
}

TEST(ValueErrors, ClassMessageAndFormat) {
  try {
    py::getitem(Value::dict(), Value("x"));
    FAIL();
  } catch (Error& e) {
    EXPECT_EQ(e.type(), "KeyError");
    EXPECT_EQ(e.message(), "'x'");
    EXPECT_STREQ(e.what(), "KeyError: 'x'");
    e.template_name = "page.html";
    e.line = 12;
    e.chain = {{"base.html", 3}, {"root.html", 1}};
    EXPECT_EQ(e.format(), "page.html:12: KeyError: 'x' (via base.html:3, root.html:1)");
  }
  EXPECT_EQ(error_of([] { py::truediv(Value(1), Value(0)); }),
            "ZeroDivisionError: division by zero");
}

TEST(ValueErrors, ExceptionMatchingFollowsHierarchy) {
  const Error key("KeyError", "'x'");
  const Error zero("ZeroDivisionError", "division by zero");
  auto type = [](const char* n) { return *py::builtin(n); };
  EXPECT_TRUE(py::exception_matches(key, type("KeyError")));
  EXPECT_TRUE(py::exception_matches(key, type("LookupError")));
  EXPECT_TRUE(py::exception_matches(key, type("Exception")));
  EXPECT_FALSE(py::exception_matches(key, type("IndexError")));
  EXPECT_TRUE(
      py::exception_matches(zero, Value::tuple({type("KeyError"), type("ArithmeticError")})));
  EXPECT_TRUE(py::exception_matches(Error("UnboundLocalError", "x"), type("NameError")));
  EXPECT_EQ(error_of([&] { py::exception_matches(key, Value(1)); }),
            "TypeError: catching classes that do not inherit from BaseException is not allowed");
  Value e = py::exception_value(key);
  EXPECT_EQ(py::str(e), "'x'");
  EXPECT_EQ(r(e), "KeyError('x')");
  EXPECT_TRUE(
      py::truthy(py::call(*py::builtin("isinstance"), std::vector<Value>{e, type("LookupError")})));
}

// Python ints are unbounded; Squall's are 64-bit and raise instead of wrapping.
TEST(ValueDeviations, IntOverflowRaises) {
  const std::string msg = "OverflowError: integer result too large for 64-bit int";
  EXPECT_EQ(error_of([] { py::pow(Value(2), Value(100)); }), msg);
  EXPECT_EQ(error_of([] { py::add(Value(INT64_MAX), Value(1)); }), msg);
  EXPECT_EQ(error_of([] { py::mul(Value(INT64_MIN), Value(-1)); }), msg);
  EXPECT_EQ(error_of([] {
              py::call(*py::builtin("int"), std::vector<Value>{Value("99999999999999999999")});
            }),
            msg);
  EXPECT_EQ(r(py::pow(Value(2), Value(62))), "4611686018427387904");
}

TEST(ValueDeviations, EncodeReturnsText) {
  EXPECT_EQ(r(py::call_method(Value("é"), "encode", std::vector<Value>{Value("utf-8")})), "'é'");
}

TEST(ValueBuiltins, RegistryAndModules) {
  for (const char* n :
       {"len",     "str",      "int",  "float",    "bool",     "range", "enumerate", "zip",
        "sorted",  "reversed", "min",  "max",      "sum",      "abs",   "round",     "list",
        "dict",    "tuple",    "set",  "any",      "all",      "map",   "filter",    "isinstance",
        "getattr", "hasattr",  "repr", "KeyError", "Exception"})
    EXPECT_TRUE(py::builtin(n).has_value()) << n;
  EXPECT_FALSE(py::builtin("open").has_value());
  Value dt = *py::module("datetime");
  Value now = py::call(py::getattr(py::getattr(dt, "datetime"), "now"));
  EXPECT_EQ(py::type_name(now), "datetime");
  EXPECT_EQ(py::str(py::call_method(now, "strftime", std::vector<Value>{Value("%Y")})).size(), 4u);
  EXPECT_FALSE(py::module("os").has_value());
}

TEST(ValueFastPath, AppendStr) {
  std::string out;
  py::append_str(out, Value("a"));
  py::append_str(out, Value(1.0));
  py::append_str(out, Value());
  py::append_str(out, Value::list({Value("x")}));
  EXPECT_EQ(out, "a1.0None['x']");
}

}  // namespace
}  // namespace squall

namespace squall_api_test {

// Dicts answer most misses from a summary of their key hashes; set, erase and clear must
// keep every answer exact, for small (scanned) and large (indexed) dicts, and for keys of
// different types that compare equal (1 == 1.0 == True share a hash).
TEST(ValueDict, LookupsStayExactThroughSetEraseAndClear) {
  for (const int size : {3, 200}) {
    squall::Value d = squall::Value::dict();
    auto& data = d.as_dict();
    for (int i = 0; i < size; ++i)
      data.set(squall::Value("k" + std::to_string(i)), squall::Value(i));
    for (int i = 0; i < 2 * size; ++i) {
      const std::string key = "k" + std::to_string(i);
      const squall::Value* found = data.find_str(key);
      ASSERT_EQ(found != nullptr, i < size) << key;
      if (found) {
        EXPECT_EQ(found->as_int(), i);
      }
      EXPECT_EQ(data.find(squall::Value(key)) != nullptr, i < size) << key;
    }
    for (int i = 0; i < size; i += 2)
      EXPECT_TRUE(data.erase(squall::Value("k" + std::to_string(i))));
    for (int i = 0; i < size; ++i) {
      EXPECT_EQ(data.find_str("k" + std::to_string(i)) != nullptr, i % 2 == 1) << i;
    }
    data.clear();
    EXPECT_EQ(data.find_str("k1"), nullptr);
    data.set(squall::Value(1), squall::Value("int"));
    ASSERT_NE(data.find(squall::Value(1.0)), nullptr);
    EXPECT_EQ(data.find(squall::Value(true))->as_str(), "int");
    EXPECT_EQ(data.find(squall::Value(2)), nullptr);
  }
}

}  // namespace squall_api_test
