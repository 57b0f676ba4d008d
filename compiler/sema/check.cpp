#include "sema/check.hpp"

#include "sema/known_modules.hpp"

namespace squall::front {

std::unique_ptr<Template> check_template(TemplateLoader& loader, const std::string& name,
                                         DiagnosticEngine& diags) {
  auto parsed = loader.parse(name, diags, nullptr);
  if (!parsed) return nullptr;
  check_imports(*parsed, diags);
  if (!build_unit(loader, name, diags)) return nullptr;
  return parsed;
}

}  // namespace squall::front
