// Page injection: the resources of a session's modules collected and spliced into the page
// exactly as Tornado's RequestHandler.render does (tornado-spec.md 8.3).
#include <unordered_set>

#include "squall/detail/render.hpp"
#include "squall/escape.hpp"
#include "squall/py.hpp"
#include "squall/render_session.hpp"
#include "squall/static_files.hpp"
#include "squall/ui_module.hpp"

namespace squall {
namespace {

// text_part is Tornado's utf8(part) of an embedded resource or a head/body part.
std::string text_part(const Value& part) {
  if (part.is_str()) return std::string(part.as_str());
  py::raise_type_error("Expected bytes, unicode, or None; got <class '" +
                       std::string(py::type_name(part)) + "'>");
}

// add_embed appends a hook's result when it is truthy.
void add_embed(std::vector<std::string>& out, const Value& part) {
  if (py::truthy(part)) out.push_back(text_part(part));
}

// add_files appends a file hook's result: a str is one path, anything else is extended.
void add_files(std::vector<std::string>& out, const Value& part) {
  if (!py::truthy(part)) return;
  if (part.is_str()) {
    out.emplace_back(part.as_str());
    return;
  }
  for (const Value& path : py::to_vector(part)) {
    // Tornado calls path.startswith(...) on each item.
    if (!path.is_str()) {
      throw_error("AttributeError", "'" + std::string(py::type_name(path)) +
                                        "' object has no attribute 'startswith'");
    }
    out.emplace_back(path.as_str());
  }
}

// linked_paths maps relative paths through static_url and drops later duplicates.
std::vector<std::string> linked_paths(const std::vector<std::string>& paths,
                                      const StaticUrl& static_url) {
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  for (const std::string& path : paths) {
    std::string url = path;
    if (!is_absolute_url(path)) {
      if (!static_url) {
        throw_error("Exception",
                    "You must define the 'static_path' setting in your application to use "
                    "static_url");
      }
      url = static_url(path);
    }
    if (seen.insert(url).second) out.push_back(std::move(url));
  }
  return out;
}

std::string joined(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

[[noreturn]] void subsection_not_found() {
  throw_error("ValueError", "subsection not found");
}

// insert_before puts `text` + "\n" before the first (or last) occurrence of `tag`.
void insert_before(std::string& html, std::string_view tag, bool last, const std::string& text) {
  const std::size_t at = last ? html.rfind(tag) : html.find(tag);
  if (at == std::string::npos) subsection_not_found();
  html.insert(at, text + "\n");
}

}  // namespace

bool PageResources::empty() const {
  return embedded_javascript.empty() && javascript_files.empty() && embedded_css.empty() &&
         css_files.empty() && html_head.empty() && html_body.empty();
}

bool is_absolute_url(std::string_view path) {
  return path.starts_with("/") || path.starts_with("http:") || path.starts_with("https:");
}

std::string render_linked_js(const std::vector<std::string>& paths, const StaticUrl& static_url) {
  std::string out;
  for (const std::string& p : linked_paths(paths, static_url)) {
    out += "<script src=\"" + xhtml_escape(p) + "\" type=\"text/javascript\"></script>";
  }
  return out;
}

std::string render_linked_css(const std::vector<std::string>& paths, const StaticUrl& static_url) {
  std::string out;
  for (const std::string& p : linked_paths(paths, static_url)) {
    out += "<link href=\"" + xhtml_escape(p) + "\" type=\"text/css\" rel=\"stylesheet\"/>";
  }
  return out;
}

std::string render_embed_js(const std::vector<std::string>& parts) {
  return "<script type=\"text/javascript\">\n//<![CDATA[\n" + joined(parts, "\n") +
         "\n//]]>\n</script>";
}

std::string render_embed_css(const std::vector<std::string>& parts) {
  return "<style type=\"text/css\">\n" + joined(parts, "\n") + "\n</style>";
}

void inject_resources(std::string& html, const PageResources& r, const StaticUrl& static_url) {
  if (r.empty()) return;
  std::string page = html;
  if (!r.javascript_files.empty())
    insert_before(page, "</body>", true, render_linked_js(r.javascript_files, static_url));
  if (!r.embedded_javascript.empty())
    insert_before(page, "</body>", true, render_embed_js(r.embedded_javascript));
  if (!r.css_files.empty())
    insert_before(page, "</head>", false, render_linked_css(r.css_files, static_url));
  if (!r.embedded_css.empty())
    insert_before(page, "</head>", false, render_embed_css(r.embedded_css));
  if (!r.html_head.empty()) insert_before(page, "</head>", false, joined(r.html_head, ""));
  if (!r.html_body.empty()) insert_before(page, "</body>", false, joined(r.html_body, ""));
  html = std::move(page);
}

}  // namespace squall

namespace squall {

PageResources RenderSession::resources() {
  PageResources r;
  for (auto& [name, module] : active_) {
    add_embed(r.embedded_javascript, module->embedded_javascript());
    add_files(r.javascript_files, module->javascript_files());
    add_embed(r.embedded_css, module->embedded_css());
    add_files(r.css_files, module->css_files());
    add_embed(r.html_head, module->html_head());
    add_embed(r.html_body, module->html_body());
  }
  return r;
}

}  // namespace squall
