// The cpp-httplib adapter: conversions, and Application::handle as every route's handler.
#include "squall/web/httplib.hpp"

namespace squall::web::cpphttplib {

Request to_request(const httplib::Request& req) {
  Request r;
  r.method = req.method;
  const std::size_t q = req.target.find('?');
  r.path = req.target.substr(0, q);
  if (q != std::string::npos) r.query = req.target.substr(q + 1);
  for (const auto& [name, value] : req.headers) r.headers.add(name, value);
  r.host = req.get_header_value("Host");
  r.remote_ip = req.remote_addr;
  r.body = req.body;
  r.parse();
  return r;
}

void write_response(const Response& response, httplib::Response& res) {
  res.status = response.status;
  for (const auto& [name, value] : response.headers.items()) res.headers.emplace(name, value);
  res.body = response.body;
}

void mount(httplib::Server& server, const Application& app) {
  const auto handler = [&app](const httplib::Request& req, httplib::Response& res) {
    write_response(app.handle(to_request(req)), res);
  };
  server.Get(".*", handler).Post(".*", handler).Put(".*", handler);
  server.Patch(".*", handler).Delete(".*", handler).Options(".*", handler);
}

void render(const Application& app, const httplib::Request& req, httplib::Response& res,
            std::string_view name, const Value& args) {
  write_response(app.respond(to_request(req), [&](Handler& h) { h.render(name, args); }), res);
}

}  // namespace squall::web::cpphttplib
