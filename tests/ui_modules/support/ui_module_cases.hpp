// The UI-module cases (tests/ui_modules/cases.json, made by tests/tools/gen_ui_module_cases.py
// from a real Tornado 6.2 Application): loading them, the hand-written modules the Python
// generator defines too, and running one case in a render session the way the generator's
// request handler does (render_string for `before`, then render or render_string).
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "squall/detail/render.hpp"
#include "squall/json.hpp"
#include "squall/static_files.hpp"
#include "support/read_text.hpp"

namespace squall::ui_testing {

using squall::testing_support::read_text;

using Json = nlohmann::ordered_json;

inline std::string data_dir() {
  return std::string(SQUALL_SOURCE_DIR) + "/tests/ui_modules";
}
inline std::string pages_dir() {
  return data_dir() + "/pages";
}
inline std::string modules_dir() {
  return data_dir() + "/modules";
}
inline std::string static_dir() {
  return data_dir() + "/static";
}

inline Json load_ui_cases() {
  return Json::parse(read_text(data_dir() + "/cases.json"));
}

// -- The hand-written modules (gen_ui_module_cases.py: Counter, Weird, ListFiles, BadFiles).

class Counter final : public UIModule {
 public:
  Value render(Args args, KwArgs kwargs) override {
    bind_module_arguments("Counter", {true, {{"label", ModuleParam::Kind::Positional, {}}}}, args,
                          kwargs);
    return Value("[" + py::str(args[0]) + " call=" + std::to_string(++calls_) + "]");
  }

 private:
  int calls_ = 0;
};

class Weird final : public UIModule {
 public:
  Value render(Args, KwArgs) override { return Value("w"); }
  Value embedded_css() override { return Value(5); }
};

class ListFiles final : public UIModule {
 public:
  Value render(Args, KwArgs) override { return Value("lf"); }
  Value javascript_files() override { return Value::tuple({Value("t1.js"), Value("/t2.js")}); }
  Value css_files() override { return Value::list(); }
  Value html_body() override { return Value(""); }
};

class BadFiles final : public UIModule {
 public:
  Value render(Args, KwArgs) override { return Value("bf"); }
  Value css_files() override { return Value::list({Value("ok.css"), Value(1)}); }
};

inline void add_test_modules(ModuleRegistry& registry) {
  registry.add<BadFiles>("BadFiles");
  registry.add<Counter>("Counter");
  registry.add<Weird>("Weird");
  registry.add<ListFiles>("ListFiles");
}

/// Outcome is what a back end did with a case, in the shape of its `expected`.
struct Outcome {
  bool ok = true;
  std::string text;     // output, or the formatted error
  std::string type;     // error class
  std::string message;  // error message
};

/// run_case runs case `c` the way the generator's handler does. `render_to(out, name,
/// args, session)` renders one template of the back end in the session.
template <class RenderTo>
Outcome run_case(const Json& c, squall::RenderSession& session, const StaticUrl& static_url,
                 RenderTo&& render_to) {
  const Value args = parse_json(c["args"].dump());
  try {
    for (const auto& before : c.value("before", Json::array())) {
      std::string ignored;
      render_to(ignored, before.get<std::string>(), args, session);
    }
    std::string out;
    render_to(out, c["main"].get<std::string>(), args, session);
    if (!c.value("fragment", false)) inject_resources(out, session.resources(), static_url);
    return {true, out, "", ""};
  } catch (const Error& e) {
    return {false, e.format(), e.type(), e.message()};
  }
}

/// expect_matches checks an outcome against the case's expected result; returns whether
/// it matched.
inline bool matches(const Json& c, const Outcome& o) {
  const Json& expected = c["expected"];
  if (expected.is_string()) return o.ok && o.text == expected.get<std::string>();
  return !o.ok && o.type == expected["type"].get<std::string>() &&
         o.message == expected["message"].get<std::string>();
}

}  // namespace squall::ui_testing
