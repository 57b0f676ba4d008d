#include "error_page.hpp"

#include <fstream>
#include <iostream>

#include "squall/error.hpp"
#include "squall/escape.hpp"

namespace squall::web::detail {
namespace {

std::string title(int status) {
  return std::to_string(status) + ": " + std::string(reason_phrase(status));
}

std::string error_text(const std::exception& error) {
  if (const auto* e = dynamic_cast<const Error*>(&error)) return e->format();
  return error.what();
}

// source_excerpt is the lines around `line` of `file`, numbered, the failing one marked.
std::string source_excerpt(const std::filesystem::path& file, int line) {
  std::ifstream in(file);
  if (!in || line <= 0) return "";
  std::string out, text;
  for (int n = 1; std::getline(in, text); ++n) {
    if (n < line - 3 || n > line + 3) continue;
    const std::string number = std::to_string(n);
    out += (n == line ? "&gt; " : "  ") +
           std::string(5 - std::min<std::size_t>(5, number.size()), ' ') + number + "  " +
           xhtml_escape(text) + "\n";
  }
  return out;
}

}  // namespace

std::string error_page(int status) {
  const std::string t = title(status);
  return "<html><title>" + t + "</title><body>" + t + "</body></html>";
}

std::string debug_error_page(int status, const std::exception& error,
                             const std::filesystem::path& template_path) {
  const std::string t = title(status);
  std::string page = "<html><title>" + t + "</title><body><h1>" + t + "</h1>\n<pre>" +
                     xhtml_escape(error_text(error)) + "</pre>\n";
  if (const auto* e = dynamic_cast<const Error*>(&error); e && !e->template_name.empty()) {
    const std::string excerpt = source_excerpt(template_path / e->template_name, e->line);
    if (!excerpt.empty()) {
      page += "<h2>" + xhtml_escape(e->template_name) + "</h2>\n<pre>" + excerpt + "</pre>\n";
    }
  }
  return page + "</body></html>";
}

std::string describe(const std::exception& error, const Request& request) {
  return "Uncaught exception " + request.method + " " + request.uri() + ": " + error_text(error);
}

void log_line(const Application& app, std::string_view line) {
  if (app.log) {
    app.log(line);
  } else {
    std::cerr << "ERROR: " << line << "\n";
  }
}

}  // namespace squall::web::detail
