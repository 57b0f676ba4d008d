// Application: routes, reverse_url and the request cycle (RequestHandler._execute and
// send_error).
#include "squall/web/application.hpp"

#include <iostream>
#include <stdexcept>

#include "error_page.hpp"
#include "squall/py.hpp"

namespace squall::web {

HttpError::HttpError(int status, std::string log_message)
    : status_(status),
      log_message_(std::move(log_message)),
      what_("HTTP " + std::to_string(status) + (log_message_.empty() ? "" : ": " + log_message_)) {}

Route::Route(std::string pattern, std::string name)
    : pattern_(std::move(pattern)), name_(std::move(name)) {}

Route& Route::on(std::string method, HandlerFunction f) {
  functions_[std::move(method)] = std::move(f);
  return *this;
}

const HandlerFunction* Route::find(std::string_view method) const {
  auto found = functions_.find(method);
  if (found == functions_.end() && method == "HEAD") found = functions_.find("GET");
  return found == functions_.end() ? nullptr : &found->second;
}

std::vector<std::string> Route::methods() const {
  std::vector<std::string> out;
  for (const auto& [method, f] : functions_) out.push_back(method);
  return out;
}

Application::Application(Settings settings, TemplateSource templates)
    : settings_(std::move(settings)), templates_(std::move(templates)) {
  if (!settings_.static_path.empty()) {
    static_files_ =
        std::make_unique<StaticFiles>(settings_.static_path, settings_.static_url_prefix);
    static_files_->log = [this](std::string_view line) {
      if (log) {
        log(line);
      } else {
        std::cerr << "ERROR: " << line << "\n";
      }
    };
  }
}

Application::~Application() = default;

Route& Application::route(std::string pattern, std::string name) {
  if (!name.empty() && named_.contains(name)) {
    throw std::invalid_argument("route name '" + name + "' is used twice");
  }
  routes_.push_back(std::make_unique<Route>(std::move(pattern), name));
  if (!name.empty()) named_[name] = routes_.back().get();
  return *routes_.back();
}

void Application::ui_method(std::string name, UIMethod method) {
  if (name.empty() || name[0] == '_' || !std::islower(static_cast<unsigned char>(name[0]))) {
    throw std::invalid_argument("UI method name '" + name +
                                "' must start with a lower-case letter (Tornado ignores others)");
  }
  ui_methods_.emplace_back(std::move(name), std::move(method));
}

std::string Application::reverse_url(std::string_view name,
                                     const std::vector<std::string>& args) const {
  const auto found = named_.find(name);
  if (found == named_.end()) {
    throw Error("KeyError", py::repr(Value(std::string(name) + " not found in named urls")));
  }
  return found->second->pattern().reverse(args);
}

double Application::now() const {
  return clock ? clock() : system_clock();
}

Response Application::handle(Request request) const {
  const auto error = [&](int status) {
    Handler handler(*this, std::move(request));
    send_error(handler, status, nullptr);
    return finish(handler);
  };
  if (static_files_ && request.path.starts_with(static_files_->url_prefix()) &&
      (request.method == "GET" || request.method == "HEAD")) {
    const std::string_view rest =
        std::string_view(request.path).substr(static_files_->url_prefix().size());
    Response response = static_files_->serve(url_unescape(rest, false), request);
    if (response.status >= 400) return error(response.status);
    if (request.method == "HEAD") response.body.clear();
    return response;
  }
  for (const auto& route : routes_) {
    auto captures = route->pattern().match(request.path);
    if (!captures) continue;
    const HandlerFunction* function = route->find(request.method);
    if (!function) return error(405);
    for (auto& c : *captures) c = url_unescape(c, false);
    return respond(std::move(request), *function, std::move(*captures));
  }
  return error(404);
}

Response Application::respond(Request request, const HandlerFunction& function,
                              std::vector<std::string> path_args) const {
  Handler handler(*this, std::move(request));
  handler.path_args_ = std::move(path_args);
  const std::string& method = handler.request_.method;
  try {
    if (settings_.xsrf_cookies && method != "GET" && method != "HEAD" && method != "OPTIONS") {
      handler.check_xsrf_cookie();
    }
    function(handler);
  } catch (const HttpError& e) {
    if (!e.log_message().empty()) detail::log_line(*this, e.what());
    send_error(handler, e.status(), nullptr);
  } catch (const std::exception& e) {
    send_error(handler, 500, &e);
  }
  return finish(handler);
}

Response Application::finish(Handler& handler) const {
  if (handler.request_.method == "HEAD") handler.response_.body.clear();
  return std::move(handler.response_);
}

void Application::send_error(Handler& handler, int status, const std::exception* error) const {
  if (error) detail::log_line(*this, detail::describe(*error, handler.request_));
  Response& r = handler.response_;
  Headers kept;
  for (const auto& [name, value] : r.headers.items()) {
    if (name == "Set-Cookie") kept.add(name, value);  // cookies survive, as in Tornado
  }
  r.headers = std::move(kept);
  r.status = status;
  r.headers.set("Content-Type", "text/html; charset=UTF-8");
  r.body = settings_.debug && error
               ? detail::debug_error_page(status, *error, settings_.template_path)
               : detail::error_page(status);
}

}  // namespace squall::web
