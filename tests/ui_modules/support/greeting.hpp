// The hand-written module of docs/ui-modules.md, shared by the tests that compile the
// document's examples.
#pragma once

#include "squall/escape.hpp"
#include "squall/py.hpp"
#include "squall/ui_module.hpp"

namespace squall::ui_testing {

class Greeting final : public squall::UIModule {
 public:
  squall::Value render(squall::Args args, squall::KwArgs) override {
    return squall::Value("<p>Hello " + squall::xhtml_escape(squall::py::str(args[0])) + "</p>");
  }
  squall::Value css_files() override { return squall::Value("greeting.css"); }
  squall::Value embedded_javascript() override { return squall::Value("greet();"); }
};

}  // namespace squall::ui_testing
