// Internal: error pages and the error log (RequestHandler.write_error, log_exception).
#pragma once

#include <exception>
#include <filesystem>
#include <string>
#include <string_view>

#include "squall/web/application.hpp"

namespace squall::web::detail {

/// error_page is Tornado's page: `<html><title>404: Not Found</title><body>404: Not Found
/// </body></html>`. It tells nothing about the error.
std::string error_page(int status);
/// debug_error_page adds the error's full text and, for a template error, the template's
/// source around the failing line (read from `template_path`), all escaped.
std::string debug_error_page(int status, const std::exception& error,
                             const std::filesystem::path& template_path);
/// describe is the log line of an uncaught error: `Uncaught exception GET /path: <the
/// squall::Error's format(): template, line, class, message and include chain>`.
std::string describe(const std::exception& error, const Request& request);
/// log_line writes to the application's log (stderr when it has none).
void log_line(const Application& app, std::string_view line);

}  // namespace squall::web::detail
