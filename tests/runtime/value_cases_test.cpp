// Table-driven conformance: every case in data/value_cases.json was evaluated by CPython
// (tests/tools/gen_value_cases.py); here the same operation runs through squall::py and
// repr() of the result (or the exception class and message) must match byte for byte.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "squall/py.hpp"
#include "support/py_literal.hpp"

namespace squall {
namespace {

using nlohmann::json;
using test::eval_py;

const json& all_cases() {
  static const json cases = [] {
    std::ifstream in(SQUALL_SOURCE_DIR "/tests/runtime/data/value_cases.json");
    std::stringstream ss;
    ss << in.rdbuf();
    return json::parse(ss.str())["cases"];
  }();
  return cases;
}

Value binary(const std::string& name, const Value& a, const Value& b) {
  static const std::map<std::string, Value (*)(const Value&, const Value&)> ops = {
      {"add", py::add},           {"sub", py::sub},   {"mul", py::mul}, {"truediv", py::truediv},
      {"floordiv", py::floordiv}, {"mod", py::mod},   {"pow", py::pow}, {"lshift", py::lshift},
      {"rshift", py::rshift},     {"and_", py::and_}, {"or_", py::or_}, {"xor_", py::xor_}};
  static const std::map<std::string, bool (*)(const Value&, const Value&)> preds = {
      {"eq", py::eq},
      {"ne", py::ne},
      {"lt", py::lt},
      {"le", py::le},
      {"gt", py::gt},
      {"ge", py::ge},
      {"contains", py::contains},
      {"is_", py::is_}};
  if (auto it = ops.find(name); it != ops.end()) return it->second(a, b);
  return Value(preds.at(name)(a, b));
}

Value unary(const std::string& name, const Value& a) {
  if (name == "neg") return py::neg(a);
  if (name == "pos") return py::pos(a);
  if (name == "invert") return py::invert(a);
  if (name == "not_") return py::not_(a);
  if (name == "truthy") return Value(py::truthy(a));
  if (name == "str") return Value(py::str(a));
  if (name == "repr") return Value(py::repr(a));
  if (name == "len") return Value(py::len(a));
  throw std::runtime_error("unknown unary op " + name);
}

std::vector<Value> args_of(const json& c) {
  std::vector<Value> out;
  for (const auto& a : c["args"]) out.push_back(eval_py(a.get<std::string>()));
  return out;
}

Value run_case(const json& c) {
  const std::string op = c["op"];
  const std::string name = c.value("name", "");
  if (op == "binary") {
    const auto a = args_of(c);
    return binary(name, a[0], a[1]);
  }
  if (op == "unary") return unary(name, eval_py(c["args"][0].get<std::string>()));
  if (op == "getitem") {
    const auto a = args_of(c);
    return py::getitem(a[0], a[1]);
  }
  if (op == "slice") {
    const auto a = args_of(c);
    return py::slice(a[0], a[1], a[2], a[3]);
  }
  if (op == "getattr") return py::getattr(eval_py(c["args"][0].get<std::string>()), name);
  if (op == "format") {
    const auto a = args_of(c);
    return Value(py::format_value(a[0], a[1].as_str()));
  }
  std::vector<Value> args = args_of(c);
  std::vector<Value> kwvalues;
  std::vector<std::string> kwnames;
  for (const auto& [k, v] : c["kwargs"].items()) {
    kwnames.push_back(k);
    kwvalues.push_back(eval_py(v.get<std::string>()));
  }
  std::vector<KwArg> kwargs;
  for (std::size_t i = 0; i < kwnames.size(); ++i) kwargs.push_back({kwnames[i], kwvalues[i]});
  if (op == "method")
    return py::call_method(eval_py(c["self"].get<std::string>()), name, args, kwargs);
  if (op == "builtin") return py::call(*py::builtin(name), args, kwargs);
  throw std::runtime_error("unknown op " + op);
}

// check_case returns an empty string when the case passes, else a description.
std::string check_case(const json& c) {
  const std::string id = c["id"];
  try {
    Value result = run_case(c);
    if (c.value("iterate", false)) result = Value::list(py::to_vector(result));
    const std::string got = py::repr(result);
    if (c.contains("expect_error"))
      return id + ": expected " + c["expect_error"].get<std::string>() + ", got " + got;
    if (got != c["expect"].get<std::string>())
      return id + ": expected " + c["expect"].dump() + ", got " + json(got).dump();
  } catch (const Error& e) {
    if (!c.contains("expect_error")) return id + ": unexpected " + std::string(e.what());
    if (e.type() != c["expect_error"].get<std::string>() ||
        e.message() != c["message"].get<std::string>())
      return id + ": expected " + c["expect_error"].get<std::string>() + ": " +
             c["message"].get<std::string>() + ", got " + e.what();
  } catch (const std::exception& e) {
    return id + ": test harness error: " + e.what();
  }
  return "";
}

class ValueCases : public testing::TestWithParam<std::string> {};

TEST_P(ValueCases, MatchCPython) {
  int ran = 0;
  for (const auto& c : all_cases()) {
    const std::string id = c["id"];
    if (id.substr(0, id.find('/')) != GetParam()) continue;
    ++ran;
    const std::string failure = check_case(c);
    EXPECT_EQ(failure, "") << c.dump();
  }
  EXPECT_GT(ran, 0);
}

std::vector<std::string> families() {
  std::vector<std::string> out;
  for (const auto& c : all_cases()) {
    const std::string id = c["id"];
    std::string fam = id.substr(0, id.find('/'));
    if (std::find(out.begin(), out.end(), fam) == out.end()) out.push_back(fam);
  }
  return out;
}

INSTANTIATE_TEST_SUITE_P(Families, ValueCases, testing::ValuesIn(families()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           return info.param;
                         });

TEST(ValueCasesFile, HasEnoughCases) {
  EXPECT_GE(all_cases().size(), 600u);
}

}  // namespace
}  // namespace squall
