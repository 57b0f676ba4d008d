// What the C++ examples of the other documents take as given: the reader's own
// application code (its arguments, its functions, a UI module) and its template sets,
// `blog` (context/blog/templates) and `site` (context/site: templates and modules).
#pragma once

#include <iostream>
#include <string>

#include "squall/reloading_template_set.hpp"
#include "squall/template_set.hpp"
#include "squall/ui_module.hpp"
#include "squall/value.hpp"
#include "squall/web.hpp"

#include "blog_templates.hpp"  // the `blog` set, which most examples render

// The arguments of a render.
inline const squall::Value args =
    squall::Value::from_json(R"({"title": "Home", "entries": [{"title": "One"}]})");
inline squall::RenderEnvironment env;
inline squall::web::Settings settings;

inline squall::Value load_home_page_args() {
  return args;
}
inline squall::Value load_entries() {
  return squall::Value::list({});
}
inline std::string read_secret() {
  return "the docs' cookie secret";
}
inline void save(const std::string&) {}

class EntryModule final : public squall::UIModule {
 public:
  squall::Value render(squall::Args args, squall::KwArgs) override {
    return args.empty() ? squall::Value("") : args[0];
  }
};
