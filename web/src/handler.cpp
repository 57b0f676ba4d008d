// Handler: one request's helpers (RequestHandler's current_user, locale, cookies, XSRF,
// static_url, render).
#include <iostream>

#include "crypto.hpp"
#include "handler_values.hpp"
#include "squall/py.hpp"
#include "squall/web/application.hpp"
#include "squall/web/xsrf.hpp"

namespace squall::web {

struct Handler::State {
  std::optional<Value> current_user;
  const Locale* locale = nullptr;
  std::optional<XsrfToken> raw_xsrf;  // the cookie's token, or a new one
  bool xsrf_from_cookie = false;
  std::optional<std::string> xsrf_token;
  std::unique_ptr<squall::Namespace> names;
  std::unique_ptr<squall::RenderSession> session;  // the request's UI-module instances
};

Handler::Handler(const Application& app, Request request)
    : app_(app), request_(std::move(request)), state_(std::make_unique<State>()) {
  response_.headers.set("Content-Type", "text/html; charset=UTF-8");
  // static_hash_cache=False (debug mode): hashes are recomputed for every request.
  if (app_.settings_.debug && app_.static_files()) app_.static_files()->clear_cache();
}

Handler::~Handler() = default;

const Value& Handler::current_user() {
  if (!state_->current_user) {
    state_->current_user = Value();  // a callback reading current_user again sees None
    if (app_.current_user_) state_->current_user = app_.current_user_(*this);
  }
  return *state_->current_user;
}

const Locale& Handler::locale() {
  if (!state_->locale) {
    std::optional<std::string> code;
    if (app_.user_locale_) code = app_.user_locale_(*this);
    if (code) {
      const std::string codes[] = {*code};
      state_->locale = &app_.locales_.get_closest(codes);
    } else if (const auto header = request_.headers.get("Accept-Language")) {
      state_->locale = &app_.locales_.from_accept_language(*header);
    } else {
      const std::string codes[] = {"en_US"};
      state_->locale = &app_.locales_.get_closest(codes);
    }
  }
  return *state_->locale;
}

std::optional<std::string> Handler::cookie(std::string_view name) const {
  const auto found = request_.cookies.find(name);
  if (found == request_.cookies.end()) return std::nullopt;
  return found->second;
}

void Handler::set_cookie(std::string_view name, std::string_view value,
                         const CookieOptions& options) {
  response_.set_cookie(name, value, options, app_.now());
}

void Handler::clear_cookie(std::string_view name, const CookieOptions& options) {
  CookieOptions expired = options;
  expired.expires_days = -365;
  set_cookie(name, "", expired);
}

std::optional<std::string> Handler::secure_cookie(std::string_view name,
                                                  double max_age_days) const {
  const auto value = cookie(name);
  if (!value) return std::nullopt;
  DecodeOptions options;
  options.max_age_days = max_age_days;
  options.clock = app_.clock;
  const Settings& s = app_.settings_;
  if (!s.cookie_secrets.empty())
    return decode_signed_value(s.cookie_secrets, name, *value, options);
  if (s.cookie_secret.empty())
    throw std::logic_error("secure cookies need the cookie_secret setting");
  return decode_signed_value(s.cookie_secret, name, *value, options);
}

void Handler::set_secure_cookie(std::string_view name, std::string_view value,
                                std::optional<CookieOptions> options) {
  if (!options) {
    options.emplace();
    options->expires_days = 30;
  }
  SignOptions sign;
  sign.clock = app_.clock;
  const Settings& s = app_.settings_;
  std::string signed_value;
  if (!s.cookie_secrets.empty()) {
    if (!s.key_version)
      throw std::logic_error("key_version setting must be used for secret_key dicts");
    sign.key_version = s.key_version;
    signed_value = create_signed_value(s.cookie_secrets, name, value, sign);
  } else {
    if (s.cookie_secret.empty())
      throw std::logic_error("secure cookies need the cookie_secret setting");
    signed_value = create_signed_value(s.cookie_secret, name, value, sign);
  }
  set_cookie(name, signed_value, *options);
}

const std::string& Handler::xsrf_token() {
  if (!state_->xsrf_token) {
    if (!state_->raw_xsrf) {
      if (const auto c = cookie("_xsrf")) {
        state_->raw_xsrf = decode_xsrf_token(*c, app_.now());
        if (state_->raw_xsrf && state_->raw_xsrf->token.empty()) state_->raw_xsrf.reset();
      }
      state_->xsrf_from_cookie = state_->raw_xsrf.has_value();
      if (!state_->raw_xsrf) {
        state_->raw_xsrf =
            XsrfToken{2, crypto::random_bytes(16), static_cast<std::int64_t>(app_.now())};
      }
    }
    const Settings& s = app_.settings_;
    state_->xsrf_token = encode_xsrf_token(state_->raw_xsrf->token, state_->raw_xsrf->timestamp,
                                           s.xsrf_cookie_version, crypto::random_bytes(4));
    if (!state_->xsrf_from_cookie) {
      CookieOptions options = s.xsrf_cookie_options;
      if (py::truthy(current_user()) && !options.expires_days) options.expires_days = 30;
      set_cookie("_xsrf", *state_->xsrf_token, options);
    }
  }
  return *state_->xsrf_token;
}

std::string Handler::xsrf_form_html() {
  return web::xsrf_form_html(xsrf_token());
}

void Handler::check_xsrf_cookie() {
  std::string submitted = argument("_xsrf").value_or("");
  if (submitted.empty()) submitted = std::string(request_.headers.get("X-Xsrftoken").value_or(""));
  if (submitted.empty()) submitted = std::string(request_.headers.get("X-Csrftoken").value_or(""));
  std::string expected;
  if (const auto c = cookie("_xsrf")) {
    if (const auto raw = decode_xsrf_token(*c, app_.now())) expected = raw->token;
  }
  if (expected.empty()) {
    // No usable cookie: Tornado compares with a fresh random token, which never matches.
    expected = crypto::random_bytes(16);
  }
  if (const auto failure = check_xsrf(submitted, expected, app_.now()))
    throw HttpError(403, *failure);
}

std::string Handler::static_url(std::string_view path, bool include_host, bool include_version) {
  const StaticFiles* statics = app_.static_files();
  if (!statics) {
    throw Error("Exception",
                "You must define the 'static_path' setting in your application to use static_url");
  }
  std::string url = statics->url(path, include_version);
  if (include_host) url = request_.protocol + "://" + request_.host + url;
  return url;
}

void Handler::redirect(std::string_view url, bool permanent) {
  response_.status = permanent ? 301 : 302;
  response_.headers.set("Location", std::string(url));
}

const squall::Namespace& Handler::names() {
  if (!state_->names) {
    state_->names = std::make_unique<squall::Namespace>();
    detail::make_names(*this, *state_->names);
  }
  return *state_->names;
}

RenderEnvironment Handler::environment() {
  RenderEnvironment env;
  env.names = &names();
  env.modules = &app_.modules_;
  if (app_.static_files()) {
    env.static_url = [this](std::string_view path) { return static_url(path); };
  }
  if (!state_->session) {
    state_->session = std::make_unique<squall::RenderSession>(&app_.modules_);
    state_->session->context = std::shared_ptr<void>(this, [](void*) {});
  }
  return env;
}

std::string Handler::render_string(std::string_view name, const Value& args) {
  const RenderEnvironment env = environment();
  std::string out;
  app_.templates().render_to(out, name, args, env, *state_->session);
  return out;
}

void Handler::render(std::string_view name, const Value& args) {
  const RenderEnvironment env = environment();
  response_.body += app_.templates().render_page(name, args, env, *state_->session);
}

}  // namespace squall::web
