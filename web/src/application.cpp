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

Application::Application(Settings settings, const TemplateSet& templates)
    : settings_(std::move(settings)), templates_(templates) {
  if (!settings_.static_path.empty()) {
    static_files_ = std::make_unique<StaticFiles>(settings_.static_path,
                                                  settings_.static_url_prefix, !settings_.debug);
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
  Handler handler(*this, std::move(request));
  run(handler);
  if (handler.request_.method == "HEAD") handler.response_.body.clear();
  return std::move(handler.response_);
}

void Application::run(Handler& handler) const {
  const Request& request = handler.request_;
  const auto fail = [&](int status, const std::exception* error) {
    send_error(handler, status, error);
  };
  if (static_files_ && request.path.starts_with(static_files_->url_prefix()) &&
      (request.method == "GET" || request.method == "HEAD")) {
    handler.response_ = static_files_->serve(
        url_unescape(std::string_view(request.path).substr(static_files_->url_prefix().size()),
                     false),
        request);
    if (handler.response_.status >= 400) fail(handler.response_.status, nullptr);
    return;
  }
  const HandlerFunction* function = nullptr;
  const Route* matched = nullptr;
  for (const auto& route : routes_) {
    if (auto captures = route->pattern().match(request.path)) {
      for (auto& c : *captures) handler.path_args_.push_back(url_unescape(c, false));
      matched = route.get();
      function = route->find(request.method);
      break;
    }
  }
  if (!matched) return fail(404, nullptr);
  if (!function) return fail(405, nullptr);
  try {
    if (settings_.xsrf_cookies && request.method != "GET" && request.method != "HEAD" &&
        request.method != "OPTIONS") {
      handler.check_xsrf_cookie();
    }
    (*function)(handler);
  } catch (const HttpError& e) {
    if (!e.log_message().empty()) detail::log_line(*this, e.what());
    fail(e.status(), nullptr);
  } catch (const std::exception& e) {
    fail(500, &e);
  }
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
