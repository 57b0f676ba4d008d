// Small helpers for interpreter tests: render in-memory templates.
#pragma once

#include <map>
#include <string>

#include "interp/interpreter.hpp"
#include "sema/template_loader.hpp"
#include "squall/json.hpp"

namespace squall::interp::testing {

/// render_dict renders `main` from `templates` with JSON `args`.
inline std::string render_dict(std::map<std::string, std::string> templates,
                               const std::string& main, const std::string& args = "{}",
                               Options options = {}) {
  TemplateSet set(std::make_unique<front::DictLoader>(std::move(templates)), std::move(options));
  return set.render(main, parse_json(args));
}

/// render_error renders and returns the formatted squall::Error ("" when it rendered).
inline std::string render_error(std::map<std::string, std::string> templates,
                                const std::string& main, const std::string& args = "{}",
                                Options options = {}) {
  try {
    render_dict(std::move(templates), main, args, std::move(options));
  } catch (const Error& e) {
    return e.format();
  }
  return "";
}

}  // namespace squall::interp::testing
