// Request parsing and response formatting with Tornado's rules (tornado/httputil.py
// parse_cookie and parse_qs_bytes, RequestHandler.set_cookie through http.cookies.Morsel).
#include "squall/web/http.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "squall/web/locale.hpp"
#include "text.hpp"

namespace squall::web {
namespace {

using detail::hex_value;
using detail::strip;

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// parse_qs adds `name=value&...` pairs (blank values kept, as keep_blank_values=True).
void parse_qs(std::string_view qs,
              std::map<std::string, std::vector<std::string>, std::less<>>& out) {
  std::size_t start = 0;
  while (start <= qs.size()) {
    std::size_t end = qs.find_first_of("&", start);
    if (end == std::string_view::npos) end = qs.size();
    const std::string_view pair = qs.substr(start, end - start);
    start = end + 1;
    if (pair.empty()) continue;
    // A name without `=` is a blank value (keep_blank_values=True).
    const std::size_t eq = std::min(pair.find('='), pair.size());
    out[url_unescape(pair.substr(0, eq))].push_back(
        url_unescape(eq < pair.size() ? pair.substr(eq + 1) : std::string_view()));
  }
}

// unquote_cookie is http.cookies._unquote: a double-quoted value loses its quotes and its
// backslash escapes (`\"`, `\\`, octal `\012`).
std::string unquote_cookie(std::string_view v) {
  if (v.size() < 2 || v.front() != '"' || v.back() != '"') return std::string(v);
  v = v.substr(1, v.size() - 2);
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i] != '\\' || i + 1 >= v.size()) {
      out += v[i];
    } else if (i + 3 < v.size() + 0 && v[i + 1] >= '0' && v[i + 1] <= '3' && v[i + 2] >= '0' &&
               v[i + 2] <= '7' && v[i + 3] >= '0' && v[i + 3] <= '7') {
      out += static_cast<char>((v[i + 1] - '0') * 64 + (v[i + 2] - '0') * 8 + (v[i + 3] - '0'));
      i += 3;
    } else {
      out += v[++i];
    }
  }
  return out;
}

// Morsel's legal value characters; others make the value quoted.
bool legal_cookie_char(char c) {
  static constexpr std::string_view kLegal =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`|~:";
  return kLegal.find(c) != std::string_view::npos;
}

bool legal_cookie_name(std::string_view key) {
  static constexpr std::string_view kReserved[] = {"expires",  "path",    "comment",
                                                   "domain",   "max-age", "secure",
                                                   "httponly", "version", "samesite"};
  if (key.empty() || !std::all_of(key.begin(), key.end(), legal_cookie_char)) return false;
  std::string lower(key);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::find(std::begin(kReserved), std::end(kReserved), lower) == std::end(kReserved);
}

std::string quote_cookie(std::string_view v) {
  if (!v.empty() && std::all_of(v.begin(), v.end(), legal_cookie_char)) return std::string(v);
  std::string out = "\"";
  for (const char c : v) {
    const auto b = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (b < 0x20 || b >= 0x7f || c == ',' || c == ';') {
      // Python quotes these as octal escapes.
      out += '\\';
      out += static_cast<char>('0' + (b >> 6));
      out += static_cast<char>('0' + (b >> 3 & 7));
      out += static_cast<char>('0' + (b & 7));
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace

void Headers::add(std::string name, std::string value) {
  items_.emplace_back(std::move(name), std::move(value));
}

void Headers::set(std::string name, std::string value) {
  std::erase_if(items_, [&](const auto& item) { return iequals(item.first, name); });
  add(std::move(name), std::move(value));
}

std::optional<std::string_view> Headers::get(std::string_view name) const {
  for (const auto& [n, v] : items_) {
    if (iequals(n, name)) return std::string_view(v);
  }
  return std::nullopt;
}

std::string url_unescape(std::string_view text, bool plus) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+' && plus) {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() + 0 && hex_value(text[i + 1]) >= 0 &&
               hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

void Request::parse() {
  cookies.clear();
  if (const auto header = headers.get("Cookie")) {
    std::string_view rest = *header;
    while (true) {
      const std::size_t semi = rest.find(';');
      const std::string_view chunk = rest.substr(0, semi);
      const std::size_t eq = chunk.find('=');
      const std::string_view key =
          strip(eq == std::string_view::npos ? std::string_view() : chunk.substr(0, eq));
      const std::string_view value =
          strip(eq == std::string_view::npos ? chunk : chunk.substr(eq + 1));
      // SimpleCookie then drops names it cannot hold (empty, illegal characters, reserved).
      if (legal_cookie_name(key)) cookies[std::string(key)] = unquote_cookie(value);
      if (semi == std::string_view::npos) break;
      rest = rest.substr(semi + 1);
    }
  }
  arguments.clear();
  parse_qs(query, arguments);
  const auto type = headers.get("Content-Type");
  if (type && strip(type->substr(0, type->find(';'))) == "application/x-www-form-urlencoded") {
    parse_qs(body, arguments);
  }
}

std::optional<std::string> Request::argument(std::string_view name) const {
  const auto found = arguments.find(name);
  if (found == arguments.end() || found->second.empty()) return std::nullopt;
  std::string v = found->second.back();
  for (char& c : v) {
    if ((c >= '\x00' && c <= '\x08') || (c >= '\x0e' && c <= '\x1f')) c = ' ';
  }
  return std::string(strip(v));
}

void Response::set_cookie(std::string_view name, std::string_view value,
                          const CookieOptions& options, double now) {
  const auto bad = [](std::string_view s) {
    return std::any_of(s.begin(), s.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == '\x7f'; });
  };
  if (bad(name) || bad(value)) {
    throw std::invalid_argument("Invalid cookie '" + std::string(name) + "'");
  }
  // Morsel writes its attributes sorted by key: domain, expires, httponly, max-age, path,
  // samesite, secure.
  std::string out = std::string(name) + "=" + quote_cookie(value);
  if (!options.domain.empty()) out += "; Domain=" + options.domain;
  if (options.expires_days) out += "; expires=" + http_date(now + *options.expires_days * 86400);
  if (options.httponly) out += "; HttpOnly";
  if (options.max_age) out += "; Max-Age=" + std::to_string(*options.max_age);
  if (!options.path.empty()) out += "; Path=" + options.path;
  if (!options.samesite.empty()) out += "; SameSite=" + options.samesite;
  if (options.secure) out += "; Secure";
  headers.add("Set-Cookie", std::move(out));
}

std::string_view reason_phrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 204:
      return "No Content";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 307:
      return "Temporary Redirect";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "Unknown";
  }
}

std::string http_date(double seconds) {
  static constexpr const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const CivilTime t =
      CivilTime::from_micros(static_cast<std::int64_t>(std::floor(seconds)) * 1'000'000);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[t.weekday()], t.day,
                kMonths[t.month - 1], t.year, t.hour, t.minute, t.second);
  return buf;
}

}  // namespace squall::web
