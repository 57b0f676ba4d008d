// The framework-neutral request and response an adapter converts to and from its HTTP
// library's types: what squall::web reads (path, headers, arguments, cookies) and writes
// (status, headers, body, cookies), with Tornado's parsing and formatting rules.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace squall::web {

/// Headers is an ordered list of HTTP header fields; names compare case-insensitively.
class Headers {
 public:
  /// add appends a field (a name may repeat, e.g. Set-Cookie).
  void add(std::string name, std::string value);
  /// set replaces every field named `name` by one.
  void set(std::string name, std::string value);
  /// get returns the first value of `name`.
  std::optional<std::string_view> get(std::string_view name) const;
  /// contains tells whether a field named `name` (case-insensitive) is present.
  bool contains(std::string_view name) const { return get(name).has_value(); }
  /// items are the fields as (name, value), in the order added, names spelt as added.
  const std::vector<std::pair<std::string, std::string>>& items() const { return items_; }

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

/// Request is one HTTP request as squall::web sees it (Tornado's HTTPServerRequest).
/// An adapter sets method, path, query, headers, body, protocol, host and remote_ip, then
/// calls parse(), which fills cookies and arguments.
struct Request {
  /// method is the HTTP method as sent (upper case); routes compare it exactly.
  std::string method = "GET";
  std::string path = "/";  ///< the path part of the URI, as sent (not unescaped)
  std::string query;       ///< the query string, without `?`
  /// protocol is the URL scheme the client used, `http` or `https`: what
  /// static_url(include_host) and templates' `request.protocol` use. The bundled adapters
  /// leave the default; set it when TLS ends in front of the application.
  std::string protocol = "http";
  std::string host;  ///< the Host header
  /// remote_ip is the client's address as the adapter reports it (the connection's peer:
  /// X-Forwarded-For is not read); empty when unknown.
  std::string remote_ip;
  Headers headers;   ///< the request's header fields, as received
  std::string body;  ///< the raw body (parsed into arguments only when form-urlencoded)
  /// arguments are the query's and, for `application/x-www-form-urlencoded` bodies, the
  /// body's arguments, decoded, in order (Tornado's request.arguments, blank values kept).
  std::map<std::string, std::vector<std::string>, std::less<>> arguments;
  /// cookies are the request's cookies by name (the Cookie header, Tornado's parse_cookie).
  std::map<std::string, std::string, std::less<>> cookies;

  /// uri is path?query.
  std::string uri() const { return query.empty() ? path : path + "?" + query; }
  /// parse fills `cookies` and `arguments` from the headers, query and body.
  void parse();
  /// argument is RequestHandler.get_argument(name, None): the last value, with control
  /// characters replaced by spaces and surrounding whitespace stripped.
  std::optional<std::string> argument(std::string_view name) const;
};

/// CookieOptions are set_cookie's keyword arguments.
struct CookieOptions {
  std::string path = "/";  ///< the Path attribute; empty writes none
  std::string domain;      ///< the Domain attribute; empty writes none (a host-only cookie)
  /// expires_days sets the `expires` attribute to now plus this many days (fractions and
  /// negative values allowed: negative expires the cookie); unset writes none (a session
  /// cookie).
  std::optional<double> expires_days;
  /// max_age is the Max-Age attribute in seconds; unset writes none.
  std::optional<std::int64_t> max_age;
  bool secure = false;    ///< writes `Secure`: the browser sends the cookie over HTTPS only
  bool httponly = false;  ///< writes `HttpOnly`: scripts cannot read the cookie
  /// samesite is the SameSite attribute's value, written as given (`Lax`, `Strict`,
  /// `None`); empty writes none.
  std::string samesite;
};

/// Response is what squall::web answers; an adapter copies it to its HTTP library.
struct Response {
  int status = 200;  ///< the HTTP status code
  Headers headers;   ///< the header fields, in order (Set-Cookie may repeat)
  std::string body;  ///< the body bytes

  /// set_cookie adds a `Set-Cookie` field formatted as Python's http.cookies.Morsel
  /// (values with characters outside its legal set are quoted), with `now` (seconds
  /// since the epoch) as the base of `expires_days`. Throws std::invalid_argument for a
  /// name or value with control characters (Tornado's "Invalid cookie %r: %r").
  void set_cookie(std::string_view name, std::string_view value, const CookieOptions& options,
                  double now);
};

/// reason_phrase is the standard phrase of an HTTP status ("Not Found"), or "Unknown".
std::string_view reason_phrase(int status);

/// http_date formats seconds since the epoch as an HTTP date
/// (`Wed, 07 Jan 2026 05:00:00 GMT`).
std::string http_date(double seconds);

/// url_unescape decodes %XX escapes (and `+` as a space when `plus`).
std::string url_unescape(std::string_view text, bool plus = true);

}  // namespace squall::web
