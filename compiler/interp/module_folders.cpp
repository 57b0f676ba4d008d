// Module folders in the interpreter.
#include "interp/module_folders.hpp"

#include "sema/template_loader.hpp"

namespace squall::interp {

std::optional<std::vector<front::ModuleFolder>> add_module_folders(ModuleRegistry& registry,
                                                                   const std::string& dir,
                                                                   const front::ParseOptions& parse,
                                                                   const Options& options,
                                                                   front::DiagnosticEngine& diags) {
  auto folders = front::load_module_folders(dir, diags);
  if (!folders) return std::nullopt;
  Options module_options = options;
  module_options.modules = nullptr;  // module templates render in the caller's session
  auto templates = std::make_shared<TemplateSet>(std::make_unique<front::FolderLoader>(dir, parse),
                                                 std::move(module_options));
  for (const auto& folder : *folders) {
    auto spec = std::make_shared<FolderModuleSpec>();
    spec->name = folder.name;
    spec->template_name = folder.template_name;
    spec->signature = folder.signature;
    spec->embedded_javascript = folder.embedded_javascript;
    spec->javascript_files = folder.javascript_files;
    spec->embedded_css = folder.embedded_css;
    spec->css_files = folder.css_files;
    spec->html_head = folder.html_head;
    spec->html_body = folder.html_body;
    spec->render_template = [templates, name = folder.template_name](squall::RenderSession& session,
                                                                     const Value& names) {
      return templates->render_nested(name, names, session);
    };
    add_folder_module(registry, std::move(spec));
  }
  return folders;
}

}  // namespace squall::interp
