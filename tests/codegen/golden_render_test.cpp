// The golden templates (tests/golden/codegen/*.html) rendered by their compiled golden
// C++ and by the interpreter, with NAME.json as arguments: same bytes, or the same error
// text (class, message, template, line and include chain).
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <thread>
#include <vector>

#include "golden/codegen/golden_templates.hpp"
#include "interp/interpreter.hpp"
#include "sema/template_loader.hpp"
#include "squall/json.hpp"
#include "support/read_text.hpp"

namespace squall::cg {
namespace {

using squall::testing_support::read_text;

namespace fs = std::filesystem;

const fs::path kDir = fs::path(SQUALL_SOURCE_DIR) / "tests/golden/codegen";

std::string compiled(const std::string& name, const Value& args,
                     const squall::ModuleRegistry& modules) {
  RenderEnvironment env;
  env.modules = &modules;
  try {
    return golden::templates().render(name, args, env);
  } catch (const Error& e) {
    return "ERROR " + e.format();
  }
}

std::string interpreted(interp::TemplateSet& set, const std::string& name, const Value& args) {
  try {
    return set.render(name, args);
  } catch (const Error& e) {
    return "ERROR " + e.format();
  }
}

TEST(GoldenRender, CompiledMatchesInterpreter) {
  std::map<std::string, std::string> templates;
  for (const auto& entry : fs::directory_iterator(kDir)) {
    if (entry.path().extension() == ".html")
      templates[entry.path().filename().string()] = read_text(entry.path());
  }
  auto modules = std::make_shared<squall::ModuleRegistry>();
  interp::Options options;
  options.modules = modules;
  interp::TemplateSet set(std::make_unique<front::DictLoader>(templates), options);
  int errors = 0;
  for (const auto& [name, text] : templates) {
    SCOPED_TRACE(name);
    const fs::path json = kDir / (fs::path(name).stem().string() + ".json");
    const Value args = fs::exists(json) ? parse_json(read_text(json)) : Value::dict();
    const std::string got = compiled(name, args, *modules);
    EXPECT_EQ(got, interpreted(set, name, args));
    errors += got.starts_with("ERROR ") ? 1 : 0;
  }
  // error_* and _broken.html fail on purpose; every other template renders.
  EXPECT_EQ(errors, 4);
}

TEST(GoldenRender, ErrorLines) {
  const auto modules = std::make_shared<squall::ModuleRegistry>();
  EXPECT_EQ(compiled("error_rethrown.html", parse_json(R"({"zero": 0})"), *modules),
            "ERROR error_rethrown.html:3: ZeroDivisionError: division by zero");
  EXPECT_EQ(compiled("error_finally.html", parse_json(R"({"items": [10, 11]})"), *modules),
            "ERROR error_finally.html:4: IndexError: list index out of range");
  EXPECT_EQ(compiled("error_include.html", Value::dict(), *modules),
            "ERROR _broken.html:2: AttributeError: 'int' object has no attribute 'missing' "
            "(via error_include.html:2)");
}

// render_to keeps what a failed render wrote before the error (the generated code buffers
// its output; the buffer reaches the string while the error unwinds).
TEST(GoldenRender, FailedRenderLeavesItsPartialOutput) {
  std::string out = "kept|";
  EXPECT_THROW(
      golden::templates().render_to(out, "error_rethrown.html", parse_json(R"({"zero": 0})")),
      Error);
  EXPECT_EQ(out, "kept|<p>start</p>\n\n");
}

// A TemplateRef renders what rendering by name does, errors included; get() of an unknown
// name fails as render() does.
TEST(GoldenRender, TemplateRefRendersAsTheSet) {
  const auto modules = std::make_shared<squall::ModuleRegistry>();
  RenderEnvironment env;
  env.modules = modules.get();
  const Value args = parse_json(read_text(kDir / "control.json"));
  const TemplateRef control = golden::templates().get("control.html");
  EXPECT_EQ(control.name(), "control.html");
  EXPECT_EQ(control.render(args, env), compiled("control.html", args, *modules));
  std::string out = "kept|";
  control.render_to(out, args, env);
  EXPECT_EQ(out, "kept|" + compiled("control.html", args, *modules));

  const TemplateRef failing = golden::templates().get("error_rethrown.html");
  out.clear();
  try {
    failing.render_to(out, parse_json(R"({"zero": 0})"));
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.format(), "error_rethrown.html:3: ZeroDivisionError: division by zero");
  }
  EXPECT_EQ(out, "<p>start</p>\n\n");

  try {
    (void)golden::templates().get("missing.html");
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.format(), "KeyError: 'missing.html'");
  }
}

// Many threads render from one set at once (the set is immutable; every render has its
// own state); the output never changes.
TEST(GoldenRender, ConcurrentRendersAgree) {
  const auto modules = std::make_shared<squall::ModuleRegistry>();
  const Value args = parse_json(read_text(kDir / "control.json"));
  const std::string expected = compiled("control.html", args, *modules);
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      std::string buffer;
      for (int i = 0; i < 200; ++i) {
        buffer.clear();
        RenderEnvironment env;
        env.modules = modules.get();
        golden::templates().render_to(buffer, "control.html", args, env);
        if (buffer != expected) ++mismatches;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace squall::cg
