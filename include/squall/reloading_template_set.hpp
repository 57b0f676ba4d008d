// squall::ReloadingTemplateSet: templates interpreted from their source folder, reloaded
// when a file changes: development mode for an application (Tornado's `debug=True`), with
// the same render interface as the compiled squall::TemplateSet and the same output.
//
// Switching is one line: a program that renders through `templates` replaces
//   const squall::TemplateSet& templates = blog::templates();
// by
//   squall::ReloadingTemplateSet templates("src/templates");
// (link Squall::interpreter). docs/preview.md has the details.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "squall/namespace.hpp"
#include "squall/render_session.hpp"
#include "squall/template_set.hpp"
#include "squall/value.hpp"

namespace squall {

/// ReloadingOptions are the compile settings `squall_add_templates` would get.
struct ReloadingOptions {
  /// autoescape is the escape function of files without `{% autoescape %}`; "", "none" or
  /// "None" for none (as `--autoescape` reads it).
  std::string autoescape = "xhtml_escape";
  /// whitespace is the default whitespace mode (all, single, oneline); "" derives it from
  /// each file's extension, as Tornado does.
  std::string whitespace;
  /// modules is a folder of UI module folders (`squall compile --modules`), used when a
  /// render's environment has no module registry of its own.
  std::string modules;
};

/// ReloadingTemplateSet renders the templates under a folder with the interpreter. Before
/// each render it checks the files the cached templates were built from (the template, what
/// it extends and includes, module folders): if any changed on disk, everything is
/// reloaded, so an edit shows on the next render without a rebuild. Renders are serialized
/// (the interpreter is single-threaded); meant for development, not for production load.
class ReloadingTemplateSet {
 public:
  /// ReloadingTemplateSet reads templates from `root`. Throws squall::Error when `root` is
  /// not a folder.
  explicit ReloadingTemplateSet(std::string root, ReloadingOptions options = {});
  ~ReloadingTemplateSet();
  ReloadingTemplateSet(const ReloadingTemplateSet&) = delete;
  ReloadingTemplateSet& operator=(const ReloadingTemplateSet&) = delete;

  /// render is TemplateSet::render. Throws squall::Error as it does: the render error
  /// annotated with template, line and chain; KeyError `'name'` when there is no template
  /// `name`; and, since templates compile here, a template that does not compile is
  /// TemplateSyntaxError with the first diagnostic (`file:line:col: message`).
  std::string render(std::string_view name, const Value& args,
                     const RenderEnvironment& env = {}) const;
  /// render_to is TemplateSet::render_to.
  void render_to(std::string& out, std::string_view name, const Value& args,
                 const RenderEnvironment& env = {}) const;
  /// render_to in `session` is TemplateSet::render_to in a caller's session.
  void render_to(std::string& out, std::string_view name, const Value& args,
                 const RenderEnvironment& env, RenderSession& session) const;
  /// render_page is TemplateSet::render_page (module resources injected).
  std::string render_page(std::string_view name, const Value& args,
                          const RenderEnvironment& env = {}) const;
  /// render_page in `session` is TemplateSet::render_page in a caller's session (what
  /// squall::web::Application calls).
  std::string render_page(std::string_view name, const Value& args, const RenderEnvironment& env,
                          RenderSession& session) const;

  /// contains tells whether template `name` exists now.
  bool contains(std::string_view name) const;
  /// names lists the templates now under the root, sorted: the files `squall compile --root`
  /// compiles (hidden files and folders left out) except `.json` files. Throws
  /// std::filesystem::filesystem_error when a folder under the root cannot be read.
  std::vector<std::string> names() const;
  /// reloads counts how many times the templates were reloaded after a change.
  int reloads() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace squall
