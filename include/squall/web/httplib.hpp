// squall::web over cpp-httplib (Debian libcpp-httplib-dev): link Squall::web_httplib.
//
// **Example**:
// ```
// httplib::Server server;
// squall::web::cpphttplib::mount(server, app);          // every route of `app`
// // or inside a route of your own:
// server.Get("/hello", [&](const httplib::Request& req, httplib::Response& res) {
//   squall::web::cpphttplib::render(app, req, res, "home.html", {{"name", "Ann"}});
// });
// server.listen("127.0.0.1", 8080);
// ```
#pragma once

#include <httplib.h>

#include <string_view>

#include "squall/web.hpp"

namespace squall::web::cpphttplib {

/// to_request converts an httplib request (raw target, headers, body) and parses it.
Request to_request(const httplib::Request& req);
/// write_response copies status, headers (Set-Cookie repeated) and body.
void write_response(const Response& response, httplib::Response& res);
/// mount answers every request of `server` with `app` (which must outlive the server).
void mount(httplib::Server& server, const Application& app);
/// render answers `req` with page `name` rendered by a Handler of `app` (module resources
/// injected, cookies set by the render kept); errors give Application::handle's pages.
void render(const Application& app, const httplib::Request& req, httplib::Response& res,
            std::string_view name, const Value& args = Value());

}  // namespace squall::web::cpphttplib
