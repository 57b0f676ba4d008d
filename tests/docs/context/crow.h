// A stand-in for the few parts of Crow (crowcpp.org) that docs/web.md's adapter example
// uses, declared as Crow declares them: Crow is not a Debian package, so the example is
// compiled and linked against this (which does nothing), never run.
#pragma once

#include <functional>
#include <string>
#include <unordered_map>

namespace crow {

enum class HTTPMethod { Get, Post };
inline std::string method_name(HTTPMethod method) {
  return method == HTTPMethod::Get ? "GET" : "POST";
}

using ci_map = std::unordered_multimap<std::string, std::string>;

struct request {
  HTTPMethod method = HTTPMethod::Get;
  std::string raw_url;
  ci_map headers;
  std::string body;
  std::string remote_ip_address;
  std::string get_header_value(const std::string& key) const {
    auto it = headers.find(key);
    return it == headers.end() ? std::string() : it->second;
  }
};

struct response {
  explicit response(int code) : code(code) {}
  void add_header(std::string key, std::string value) { headers.emplace(key, value); }
  ci_map headers;
  int code;
  std::string body;
};

class CatchallRule {
 public:
  void operator()(std::function<response(const request&)> handler) { handler_ = handler; }

 private:
  std::function<response(const request&)> handler_;
};

class SimpleApp {
 public:
  CatchallRule& catchall_route() { return catchall_; }

 private:
  CatchallRule catchall_;
};

#define CROW_CATCHALL_ROUTE(app) app.catchall_route()

}  // namespace crow
