// Checking one template the way `squall check` and `squall compile` do.
#pragma once

#include <memory>
#include <string>

#include "sema/template_loader.hpp"

namespace squall::front {

/// check_template parses template `name` (a resolved name) through `loader`, warns about
/// imports of modules Squall does not provide, and builds its unit: the extends chain,
/// includes, block table and scopes, so a missing or outside-the-root target, a cycle and
/// a misplaced `extends` are reported too. Returns the parsed template, or null after an
/// error (all reported to `diags`).
std::unique_ptr<Template> check_template(TemplateLoader& loader, const std::string& name,
                                         DiagnosticEngine& diags);

}  // namespace squall::front
