// Shared by squall::web's tests: the stored Tornado cases and an Application set up as the
// generator's (tests/tools/gen_web_cases.py).
#pragma once

#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "squall/web.hpp"
#include "web_test_templates.hpp"

namespace web_test_support {

inline constexpr double kNow = 1700000000;

inline const nlohmann::json& cases() {
  static const nlohmann::json data = [] {
    std::ifstream in(std::string(SQUALL_WEB_DATA) + "/web-cases.json");
    return nlohmann::json::parse(in);
  }();
  return data;
}

inline std::string data_path(const std::string& rest) {
  return std::string(SQUALL_WEB_DATA) + "/" + rest;
}

/// make_app is the generator's make_app(): its routes, static_path, cookie_secret and UI method.
inline std::unique_ptr<squall::web::Application> make_app(squall::web::Settings settings = {}) {
  settings.static_path = data_path("static");
  settings.template_path = data_path("templates");
  if (settings.cookie_secret.empty() && settings.cookie_secrets.empty()) {
    settings.cookie_secret = "squall-secret-key";
  }
  auto app = std::make_unique<squall::web::Application>(settings, web_test::templates());
  for (const auto& [pattern, name] : std::initializer_list<std::pair<const char*, const char*>>{
           {R"(/n/(\d+)/([^/]+))", "named"},
           {"/plain", "plain"},
           {R"(^/anchored/(\w+)$)", "anchored"},
           {R"(/dot\.html)", "escaped_dot"},
           {R"(/nested/((a)b))", "nested"},
           {R"(/noncap/(?:x)(\d+))", "noncapturing"},
           {R"(/class/\d+)", "class_escape"},
           {R"(/opt/(\d+)?)", "optional"}}) {
    app->route(pattern, name).get([](squall::web::Handler&) {});
  }
  app->ui_method("upper_method", [](squall::web::Handler& h, squall::Args a, squall::KwArgs k) {
    std::string suffix = "!";
    for (const auto& kw : k) {
      if (kw.name == "suffix") suffix = std::string(kw.value.as_str());
    }
    std::string s(a[0].as_str());
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return squall::Value(s + suffix + "(" + h.request().path + ")");
  });
  app->clock = [] { return kNow + 0.25; };
  app->log = [](std::string_view) {};
  return app;
}

/// request builds a parsed request for `uri` with `headers` (a JSON object).
inline squall::web::Request request(const std::string& uri,
                                    const nlohmann::json& headers = nlohmann::json::object(),
                                    const std::string& method = "GET",
                                    const std::string& body = "") {
  squall::web::Request r;
  r.method = method;
  const std::size_t q = uri.find('?');
  r.path = uri.substr(0, q);
  if (q != std::string::npos) r.query = uri.substr(q + 1);
  r.host = "example.com";
  for (const auto& [name, value] : headers.items()) r.headers.add(name, value.get<std::string>());
  r.body = body;
  r.parse();
  return r;
}

}  // namespace web_test_support
