// Error pages of the preview (see error_page.hpp).
#include "preview/error_page.hpp"

#include <fstream>
#include <sstream>

#include "squall/escape.hpp"

namespace squall::preview {

namespace {

std::string esc(std::string_view s) {
  return xhtml_escape(s);
}

std::string_view line_of(std::string_view text, int line) {
  std::size_t start = 0;
  for (int i = 1; i < line; ++i) {
    const std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  const std::size_t end = text.find('\n', start);
  return text.substr(start, end == std::string_view::npos ? text.size() - start : end - start);
}

int line_count(std::string_view text) {
  int n = 1;
  for (const char c : text) n += c == '\n';
  return n;
}

std::string location_html(const front::Diagnostic& d) {
  std::string out;
  if (d.file) {
    const auto lc = d.file->locate(d.range.begin);
    out += "<p class=\"loc\">" + esc(d.file->display_name()) + ":" + std::to_string(lc.line) + ":" +
           std::to_string(lc.column) + ": " + esc(d.message) + "</p>\n";
    out += excerpt_html(d.file->text(), lc.line, lc.column);
  } else {
    out += "<p class=\"loc\">" + esc(d.message) + "</p>\n";
  }
  return out;
}

}  // namespace

std::string excerpt_html(std::string_view text, int line, int column) {
  std::string out = "<pre class=\"source\">";
  const int last = line_count(text);
  for (int n = std::max(1, line - 2); n <= std::min(last, line + 2); ++n) {
    const std::string_view src = line_of(text, n);
    std::string number = std::to_string(n);
    number.insert(0, number.size() < 5 ? 5 - number.size() : 0, ' ');
    out += n == line ? "<b>" : "";
    out += number + " | " + esc(src) + (n == line ? "</b>" : "") + "\n";
    if (n != line) continue;
    // The caret: under `column` (code points), or under the whole line without one.
    std::string marks = "      | ";
    if (column > 0) {
      marks.append(static_cast<std::size_t>(column - 1), ' ');
      marks += "^";
    } else {
      const std::size_t first = src.find_first_not_of(" \t");
      marks.append(first == std::string_view::npos ? 0 : first, ' ');
      marks += "^";
      if (first != std::string_view::npos && src.size() > first + 1)
        marks.append(src.size() - first - 1, '~');
    }
    out += "<span class=\"caret\">" + marks + "</span>\n";
  }
  return out + "</pre>\n";
}

std::string diagnostics_html(const std::vector<front::Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) {
    if (d.severity != front::Severity::Error) continue;
    out += "<div class=\"diagnostic\">\n" + location_html(d);
    for (const auto& note : d.notes)
      out += "<div class=\"note\">note: " + location_html(note) + "</div>\n";
    out += "<details><summary>as text</summary><pre>" + esc(front::format_diagnostic(d)) +
           "</pre></details>\n</div>\n";
  }
  return out;
}

std::string render_error_html(const Error& e, const std::filesystem::path& root) {
  std::string out = "<p class=\"loc\">" + esc(e.format()) + "</p>\n";
  if (!e.template_name.empty() && e.line > 0) {
    std::ifstream in(root / e.template_name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    out += excerpt_html(text.str(), e.line, 0);
  }
  if (!e.chain.empty()) {
    out += "<p>Include/extends chain (innermost first):</p>\n<ol class=\"chain\">\n";
    out += "<li>" + esc(e.template_name) + ":" + std::to_string(e.line) + "</li>\n";
    for (const auto& f : e.chain)
      out += "<li>" + esc(f.template_name) + ":" + std::to_string(f.line) + "</li>\n";
    out += "</ol>\n";
  }
  return out;
}

std::string error_page(const std::string& title, const std::string& body_html) {
  return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + esc(title) +
         "</title>\n<style>body{font-family:sans-serif;margin:2em;background:#fff5f5}"
         "h1{color:#b00020;font-size:1.3em}pre{background:#fff;border:1px solid #e0b4b4;"
         "padding:.6em;overflow:auto}.caret{color:#b00020;font-weight:bold}"
         ".loc{font-family:monospace;font-weight:bold}</style>\n</head><body>\n<h1>" +
         esc(title) + "</h1>\n" + body_html + "<p><a href=\"/\">index</a></p>\n</body></html>\n";
}

}  // namespace squall::preview
