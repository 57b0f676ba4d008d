// Previewer: the preview's templates, data and handler stand-ins, independent of HTTP.
// It renders a template variant as a page (or an error page), tells which files a page
// depends on, and forgets everything when files change.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "interp/interpreter.hpp"
#include "preview/catalog.hpp"
#include "preview/isolated_render.hpp"
#include "squall/static_files.hpp"
#include "squall/template_set.hpp"
#include "squall/web/application.hpp"

namespace squall::preview {

/// PreviewOptions are `squall preview`'s options. Folders are made absolute by the command.
struct PreviewOptions {
  std::filesystem::path root, data, modules, static_dir, translations;
  std::string locale;  ///< the locale templates get (translations' default when empty)
  std::string autoescape = "xhtml_escape";
  std::string whitespace;
  std::string host = "127.0.0.1";
  int port = 8000;
  bool open = false;
  bool once = false;
  std::filesystem::path out;
  Budget budget;
};

/// Rendered is a page as the browser (or `--once`) gets it.
struct Rendered {
  bool ok = false;
  int http_status = 200;
  std::string body;  ///< the page, or an error page (browser) / error text (`--once`)
};

/// Status is a template's compile status for the index.
struct Status {
  bool ok = true;
  std::string first_diagnostic;
};

class Previewer {
 public:
  explicit Previewer(PreviewOptions options);
  ~Previewer();

  const PreviewOptions& options() const { return options_; }

  /// pages lists every template under the root with its data (read afresh).
  std::vector<Page> pages() const;
  /// status compiles `name` (cached until invalidate()).
  Status status(const std::string& name);
  /// diagnostics are the errors of `name`'s last failed compile (empty when it compiled).
  std::vector<front::Diagnostic> diagnostics(const std::string& name);
  /// render renders `variant` of `page` as a page (module resources injected, as
  /// `squall render --page`) within the budgets. `for_browser`: error pages are
  /// HTML and the reload script is injected; otherwise errors are plain text and the output
  /// is exactly what the template renders.
  Rendered render(const Page& page, const Variant& variant, bool for_browser);
  /// dependencies are the absolute paths of the files `name` was last compiled from (the
  /// template, what it extends and includes) plus its data file; nullopt when unknown
  /// (not compiled yet, or it failed to compile).
  std::optional<std::set<std::string>> dependencies(const std::string& name);
  /// invalidate forgets compiled templates and cached sources (after files changed).
  void invalidate();

 private:
  std::unique_ptr<interp::TemplateSet> make_set();
  bool render_job(const Page& page, const Variant& variant, bool for_browser, std::string& text);

  PreviewOptions options_;
  std::mutex mutex_;  // one render at a time: the interpreter is not thread-safe
  std::unique_ptr<interp::TemplateSet> set_;
  std::map<std::string, std::set<std::string>> dependencies_;
  // The loader reports a file's errors once, so failed compiles are remembered.
  std::map<std::string, std::vector<front::Diagnostic>> failed_;
  std::vector<front::Diagnostic> module_errors_;  // module folders that do not load
  std::optional<StaticFiles> statics_;            // static_url of injected module resources
  squall::TemplateSet no_compiled_templates_;
  std::unique_ptr<web::Application> app_;  // the handler stand-ins
  std::string request_locale_;
};

/// inject_reload_script inserts the script that reloads the page on a change event for
/// template `name` before the last `</body>` (appended when there is none).
std::string inject_reload_script(std::string page, const std::string& name);

}  // namespace squall::preview
