// Previewer (see previewer.hpp).
#include "preview/previewer.hpp"

#include <nlohmann/json.hpp>

#include "interp/module_folders.hpp"
#include "parse/parser.hpp"
#include "preview/error_page.hpp"
#include "sema/escape_choice.hpp"
#include "sema/template_loader.hpp"
#include "squall/escape.hpp"
#include "squall/json.hpp"

namespace squall::preview {

namespace fs = std::filesystem;

namespace {

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

std::string diagnostics_text(const std::vector<front::Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) out += front::format_diagnostic(d);
  return out;
}

// load_translations loads CSV translations, else the first gettext domain found.
void load_translations(web::Locales& locales, const fs::path& dir) {
  bool csv = false;
  for (const auto& e : fs::directory_iterator(dir)) csv = csv || e.path().extension() == ".csv";
  if (csv) {
    locales.load_csv(dir);
    return;
  }
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.path().extension() == ".mo") {
      locales.load_gettext(dir, e.path().stem().string());
      return;
    }
  }
}

// request_from_data builds the request templates see from the data's "request" object:
// {"path", "method", "query", "host", "remote_ip", "headers": {...}, "cookies": {...}}.
web::Request request_from_data(const nlohmann::json& r, const std::string& default_path) {
  web::Request request;
  request.path = default_path;
  request.host = "127.0.0.1";
  request.remote_ip = "127.0.0.1";
  if (r.is_object()) {
    request.path = r.value("path", request.path);
    request.method = r.value("method", request.method);
    request.query = r.value("query", request.query);
    request.host = r.value("host", request.host);
    request.remote_ip = r.value("remote_ip", request.remote_ip);
    if (r.contains("headers") && r["headers"].is_object()) {
      for (const auto& [k, v] : r["headers"].items())
        request.headers.add(k, v.is_string() ? v.get<std::string>() : v.dump());
    }
    if (r.contains("cookies") && r["cookies"].is_object()) {
      std::string cookie;
      for (const auto& [k, v] : r["cookies"].items())
        cookie += (cookie.empty() ? "" : "; ") + k + "=" +
                  (v.is_string() ? v.get<std::string>() : v.dump());
      request.headers.add("Cookie", cookie);
    }
  }
  if (!request.headers.contains("Host")) request.headers.add("Host", request.host);
  request.parse();
  return request;
}

}  // namespace

Previewer::Previewer(PreviewOptions options)
    : options_(std::move(options)), no_compiled_templates_({}) {
  web::Settings settings;
  settings.static_path = options_.static_dir;
  settings.template_path = options_.root;
  settings.debug = true;
  settings.cookie_secret = "squall-preview";
  app_ = std::make_unique<web::Application>(std::move(settings), no_compiled_templates_);
  if (!options_.static_dir.empty()) statics_.emplace(options_.static_dir.string());
  if (!options_.translations.empty()) load_translations(app_->locales(), options_.translations);
  app_->user_locale([this](web::Handler&) -> std::optional<std::string> {
    if (!request_locale_.empty()) return request_locale_;
    if (!options_.locale.empty()) return options_.locale;
    return std::nullopt;
  });
  set_ = make_set();
}

Previewer::~Previewer() = default;

std::unique_ptr<interp::TemplateSet> Previewer::make_set() {
  front::ParseOptions parse;
  if (!options_.whitespace.empty())
    parse.whitespace = front::parse_whitespace_mode(options_.whitespace);
  interp::Options o;
  o.autoescape = front::autoescape_option(options_.autoescape);
  if (statics_) {
    statics_->clear_cache();  // a changed static file gets a new ?v=
    o.static_url = statics_->function();
  }
  auto registry = std::make_shared<squall::ModuleRegistry>();
  module_errors_.clear();
  if (!options_.modules.empty()) {
    front::DiagnosticEngine diags;
    const auto folders =
        interp::add_module_folders(*registry, options_.modules.string(), parse, o, diags);
    if (folders) {
      o.known_modules = std::make_shared<front::KnownModules>(front::known_modules(*folders, {}));
    } else {
      module_errors_ = diags.diagnostics();
    }
  }
  o.modules = registry;
  return std::make_unique<interp::TemplateSet>(
      std::make_unique<front::FolderLoader>(options_.root.string(), parse), std::move(o));
}

std::vector<Page> Previewer::pages() const {
  std::vector<Page> out;
  for (const auto& name :
       list_templates(options_.root, {options_.data, options_.static_dir, options_.modules,
                                      options_.translations, options_.out}))
    out.push_back(load_page(options_.root, options_.data, name));
  return out;
}

Status Previewer::status(const std::string& name) {
  std::lock_guard lock(mutex_);
  auto failed = failed_.find(name);
  if (failed == failed_.end() && !module_errors_.empty())
    failed = failed_.emplace(name, module_errors_).first;
  if (failed == failed_.end()) {
    auto diags = std::make_unique<front::DiagnosticEngine>();
    const front::Unit* unit = set_->compile(name, *diags);
    if (!unit && !diags->has_errors()) {
      // The loader reports a file's errors only the first time it parses it: a template
      // including a file that failed before gets its errors from a fresh set.
      set_ = make_set();
      diags = std::make_unique<front::DiagnosticEngine>();
      unit = set_->compile(name, *diags);
    }
    if (unit) {
      auto& deps = dependencies_[name];
      for (const auto& file : unit->files) {
        if (!file->file->path().empty())
          deps.insert(fs::weakly_canonical(file->file->path()).string());
      }
      return {};
    }
    failed = failed_.emplace(name, diags->diagnostics()).first;
  }
  for (const auto& d : failed->second) {
    if (d.severity == front::Severity::Error)
      return {false, first_line(front::format_diagnostic(d))};
  }
  return {false, "does not compile"};
}

std::vector<front::Diagnostic> Previewer::diagnostics(const std::string& name) {
  std::lock_guard lock(mutex_);
  const auto failed = failed_.find(name);
  return failed == failed_.end() ? std::vector<front::Diagnostic>{} : failed->second;
}

std::optional<std::set<std::string>> Previewer::dependencies(const std::string& name) {
  std::lock_guard lock(mutex_);
  const auto found = dependencies_.find(name);
  if (found == dependencies_.end()) return std::nullopt;
  return found->second;
}

void Previewer::invalidate() {
  std::lock_guard lock(mutex_);
  set_ = make_set();
  dependencies_.clear();
  failed_.clear();
}

namespace {

// failure is what a failed render shows: an error page titled `heading` with `html` for
// the browser (reloading by itself once fixed), `text` for `--once`.
Rendered failure(bool for_browser, const std::string& name, const std::string& heading,
                 const std::string& html, const std::string& text) {
  return {false, 500, for_browser ? inject_reload_script(error_page(heading, html), name) : text};
}

}  // namespace

bool Previewer::render_job(const Page& page, const Variant& variant, bool for_browser,
                           std::string& text) {
  nlohmann::ordered_json args = nlohmann::ordered_json::parse(variant.json);
  web::Request request = request_from_data(
      args.contains("request") ? args["request"] : nlohmann::ordered_json(), "/page/" + page.name);
  args.erase("request");
  if (args.contains("@locale") && args["@locale"].is_string())
    request_locale_ = args["@locale"].get<std::string>();
  args.erase("@locale");
  web::Handler handler(*app_, std::move(request));
  set_->options().names = handler.names();
  const std::string title = page.name + (variant.name.empty() ? "" : " (" + variant.name + ")");
  try {
    text = set_->render_page(page.name, parse_json(args.dump()));
    if (for_browser) text = inject_reload_script(std::move(text), page.name);
    return true;
  } catch (const interp::CompileError& e) {
    text = failure(for_browser, page.name, title + " does not compile",
                   diagnostics_html(e.diagnostics()), diagnostics_text(e.diagnostics()))
               .body;
  } catch (const Error& e) {
    text = failure(for_browser, page.name, title + ": " + e.type(),
                   render_error_html(e, options_.root), e.format() + "\n")
               .body;
  }
  return false;
}

Rendered Previewer::render(const Page& page, const Variant& variant, bool for_browser) {
  const std::string title = page.name + (variant.name.empty() ? "" : " (" + variant.name + ")");
  if (!page.data_error.empty()) {
    return failure(for_browser, page.name, title + ": bad data file",
                   "<pre>" + xhtml_escape(page.data_error) + "</pre>", page.data_error + "\n");
  }
  // Compile here, so that the forked render reuses the units and the errors are known.
  if (!status(page.name).ok) {
    const auto diags = diagnostics(page.name);
    return failure(for_browser, page.name, title + " does not compile", diagnostics_html(diags),
                   diagnostics_text(diags));
  }
  std::lock_guard lock(mutex_);
  if (!page.data_file.empty())
    dependencies_[page.name].insert(fs::weakly_canonical(page.data_file).string());
  const Outcome outcome = render_isolated(
      [&](std::string& text) { return render_job(page, variant, for_browser, text); },
      options_.budget);
  if (outcome.status == Outcome::Status::Ok) return {true, 200, outcome.text};
  if (outcome.status == Outcome::Status::Failed) return {false, 500, outcome.text};
  return failure(for_browser, page.name, title + ": render stopped",
                 "<p class=\"loc\">" + xhtml_escape(outcome.text) + "</p>", outcome.text + "\n");
}

std::string inject_reload_script(std::string page, const std::string& name) {
  std::string name_json;
  append_json_string(name_json, name);
  const std::string script =
      "<script>/* squall preview: reload on change */(function(){var s=new EventSource("
      "\"/_events?page=\"+encodeURIComponent(" +
      name_json +
      "));s.addEventListener(\"hello\",function(){window.squallPreviewLive=true;});"
      "s.addEventListener(\"reload\",function(){s.close();location.reload();});})();"
      "</script>\n";
  const std::size_t body = page.rfind("</body>");
  if (body == std::string::npos) return page + script;
  page.insert(body, script);
  return page;
}

}  // namespace squall::preview
