// squall::web::Application and Handler: what Tornado's Application and RequestHandler give
// a C++ web service, independent of any HTTP library. An adapter turns its library's
// request into a web::Request, calls Application::handle, and sends the web::Response back.
//
// A Handler is one request: its route's function reads arguments and cookies, sets secure
// cookies and renders pages. Templates it renders see the handler namespace of
// RequestHandler.render_string (../shared/spec/tornado-spec.md 5.3): `handler`, `request`,
// `current_user` (computed on first read), `locale`, `_`, `pgettext`, `static_url`,
// `xsrf_form_html`, `xsrf_token`, `reverse_url`, `settings` and the application's UI methods,
// with the render's keyword arguments overriding them.
//
// **Example**:
// ```
// squall::web::Settings settings;
// settings.cookie_secret = "...";
// settings.xsrf_cookies = true;
// squall::web::Application app(settings, blog::templates());
// app.route("/", "home").get([](squall::web::Handler& h) {
//   h.render("home.html", {{"entries", load_entries()}});
// });
// squall::web::Response r = app.handle(request);  // from an adapter
// ```
#pragma once

#include <concepts>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "squall/namespace.hpp"
#include "squall/render_session.hpp"
#include "squall/template_set.hpp"
#include "squall/value.hpp"
#include "squall/web/http.hpp"
#include "squall/web/locale.hpp"
#include "squall/web/routes.hpp"
#include "squall/web/signed_value.hpp"
#include "squall/web/static_files.hpp"

namespace squall::web {

class Handler;

/// Settings are the Application settings templates and helpers read.
struct Settings {
  /// cookie_secret signs secure cookies; cookie_secrets (with key_version) rotates keys
  /// instead (Tornado's dict cookie_secret).
  std::string cookie_secret;
  /// cookie_secrets, when not empty, replaces cookie_secret: secure cookies are signed with
  /// the secret of `key_version` and decoded with the secret of the version they name.
  KeyRing cookie_secrets;
  /// key_version is the cookie_secrets version new secure cookies are signed with;
  /// required with cookie_secrets (set_secure_cookie throws std::logic_error without it),
  /// unused with cookie_secret.
  std::optional<int> key_version;
  /// xsrf_cookies checks the XSRF token of every POST, PUT, PATCH and DELETE (403).
  bool xsrf_cookies = false;
  /// xsrf_cookie_version is the format of the XSRF token pages carry and the `_xsrf`
  /// cookie holds: 2 (masked with fresh bytes per request, the default) or 1 (plain hex);
  /// any other value makes xsrf_token() throw std::invalid_argument. Both are accepted.
  int xsrf_cookie_version = 2;
  /// xsrf_cookie_options are the attributes of the `_xsrf` cookie when xsrf_token() sets
  /// it (Tornado's xsrf_cookie_kwargs); without expires_days it is a session cookie, or
  /// expires in 30 days when the request has a current user.
  CookieOptions xsrf_cookie_options;
  /// static_path enables static_url and serving `static_url_prefix` URLs from it.
  std::filesystem::path static_path;
  /// static_url_prefix is the URL path static files are served under and static_url
  /// starts with; prepended verbatim (keep the trailing `/`). Unused without static_path.
  std::string static_url_prefix = "/static/";
  /// template_path is where the templates' sources are, for the debug error page.
  std::filesystem::path template_path;
  /// debug: error pages show the error and the template source; static file hashes are
  /// recomputed when a file changes.
  bool debug = false;
  /// values is what templates see as `settings` (a dict; None by default).
  Value values;
};

/// HttpError ends a request with `status` (Tornado's HTTPError); `log_message` goes to the
/// log, never to the client.
class HttpError : public std::exception {
 public:
  /// HttpError answers with the error page of HTTP status `status`; an empty
  /// `log_message` logs nothing.
  explicit HttpError(int status, std::string log_message = "");
  /// status is the HTTP status code the response gets.
  int status() const { return status_; }
  /// log_message is the text logged when the error ends a request; empty for none.
  const std::string& log_message() const { return log_message_; }
  /// what is `HTTP <status>`, followed by `: <log_message>` when there is one: the line
  /// logged.
  const char* what() const noexcept override { return what_.c_str(); }

 private:
  int status_;
  std::string log_message_, what_;
};

/// HandlerFunction answers a request by calling the Handler's helpers (render, write,
/// redirect, set_status...); it may throw HttpError, and any other exception gives a 500.
using HandlerFunction = std::function<void(Handler&)>;
/// UIMethod is a UI method: called as `method(handler, *args, **kwargs)` from templates.
using UIMethod = std::function<Value(Handler&, Args, KwArgs)>;

/// Route is one URL pattern, its name (for reverse_url) and a function per HTTP method.
class Route {
 public:
  /// Route compiles `pattern` (a UrlPattern: std::invalid_argument for an invalid regex);
  /// `name` is what reverse_url looks it up by, empty for an unnamed route. It answers no
  /// method until one is set. Application::route makes routes.
  Route(std::string pattern, std::string name);
  /// get sets the GET function (which also answers HEAD, without the body); returns *this.
  Route& get(HandlerFunction f) { return on("GET", std::move(f)); }
  /// post sets the POST function (XSRF-checked first when xsrf_cookies); returns *this.
  Route& post(HandlerFunction f) { return on("POST", std::move(f)); }
  /// put sets the PUT function (XSRF-checked first when xsrf_cookies); returns *this.
  Route& put(HandlerFunction f) { return on("PUT", std::move(f)); }
  /// patch sets the PATCH function (XSRF-checked first when xsrf_cookies); returns *this.
  Route& patch(HandlerFunction f) { return on("PATCH", std::move(f)); }
  /// del sets the DELETE function (XSRF-checked first when xsrf_cookies); returns *this.
  Route& del(HandlerFunction f) { return on("DELETE", std::move(f)); }
  /// on sets the function of `method`; GET also answers HEAD (without a body).
  Route& on(std::string method, HandlerFunction f);

  /// pattern is the compiled URL pattern request paths are matched against.
  const UrlPattern& pattern() const { return pattern_; }
  /// name is the route's reverse_url name; empty for an unnamed route.
  const std::string& name() const { return name_; }
  /// find returns the function of `method` (compared exactly: upper case), GET's for HEAD
  /// when no HEAD function is set, or nullptr when the route does not answer `method`
  /// (Application::handle then answers 405). Valid until `method` is set again.
  const HandlerFunction* find(std::string_view method) const;
  /// methods lists the methods the route answers (for 405's Allow).
  std::vector<std::string> methods() const;

 private:
  UrlPattern pattern_;
  std::string name_;
  std::map<std::string, HandlerFunction, std::less<>> functions_;
};

/// PageTemplateSet is what a TemplateSource can refer to: a set with TemplateSet's
/// session-taking render_to and render_page (TemplateSet, ReloadingTemplateSet).
template <class Set>
concept PageTemplateSet = requires(const Set& s, std::string& out, const Value& args,
                                   const RenderEnvironment& env, RenderSession& session) {
  s.render_to(out, std::string_view(), args, env, session);
  { s.render_page(std::string_view(), args, env, session) } -> std::same_as<std::string>;
};

/// TemplateSource is the template set an Application renders with: a compiled TemplateSet,
/// or any PageTemplateSet, such as squall::ReloadingTemplateSet for development reload.
/// Switching between them is the one argument given to Application's constructor; the
/// output is the same. It refers to the set, which must outlive every TemplateSource made
/// from it.
class TemplateSource {
 public:
  /// TemplateSource refers to `set` (implicit, so an Application takes either kind).
  template <PageTemplateSet Set>
  TemplateSource(const Set& set)  // NOLINT(google-explicit-constructor)
      : render_to_([&set](std::string& out, std::string_view name, const Value& args,
                          const RenderEnvironment& env, RenderSession& session) {
          set.render_to(out, name, args, env, session);
        }),
        render_page_(
            [&set](std::string_view name, const Value& args, const RenderEnvironment& env,
                   RenderSession& session) { return set.render_page(name, args, env, session); }) {}

  /// render_to is the set's render_to in `session`: the output appended to `out`.
  void render_to(std::string& out, std::string_view name, const Value& args,
                 const RenderEnvironment& env, RenderSession& session) const {
    render_to_(out, name, args, env, session);
  }
  /// render_page is the set's render_page in `session`: the page with module resources.
  std::string render_page(std::string_view name, const Value& args, const RenderEnvironment& env,
                          RenderSession& session) const {
    return render_page_(name, args, env, session);
  }

 private:
  std::function<void(std::string&, std::string_view, const Value&, const RenderEnvironment&,
                     RenderSession&)>
      render_to_;
  std::function<std::string(std::string_view, const Value&, const RenderEnvironment&,
                            RenderSession&)>
      render_page_;
};

/// Application is the routes, settings, templates and helpers of one web service.
/// Configure it before serving; handle() may then run on any number of threads at once.
class Application {
 public:
  /// `templates` (compiled by `squall compile` / squall_add_templates, or a
  /// ReloadingTemplateSet in development) must outlive the application.
  Application(Settings settings, TemplateSource templates);
  ~Application();

  /// route adds a URL pattern (Tornado's `url(pattern, handler, name=name)`); routes are
  /// tried in the order added. Throws std::invalid_argument for an invalid pattern or a
  /// name used twice.
  Route& route(std::string pattern, std::string name = "");
  /// ui_method registers a UI method; names starting with `_` or an upper-case letter are
  /// refused (std::invalid_argument), as Tornado ignores them.
  void ui_method(std::string name, UIMethod method);
  /// ui_methods are the registered UI methods as (name, method), in registration order;
  /// templates see each under its name, bound to the request's Handler.
  const std::vector<std::pair<std::string, UIMethod>>& ui_methods() const { return ui_methods_; }
  /// modules are the UI modules templates can call with `{% module %}`.
  ModuleRegistry& modules() { return modules_; }
  /// names are extra names every template sees (below the handler namespace).
  Namespace& names() { return names_; }
  /// names (read-only) are the extra names, as handlers copy them into their namespace.
  const Namespace& names() const { return names_; }
  /// locales are the supported locales (load translations into them).
  Locales& locales() { return locales_; }
  /// current_user sets how the user of a request is found (Tornado's get_current_user);
  /// it runs at most once per request, when first needed. Default: None.
  void current_user(std::function<Value(Handler&)> f) { current_user_ = std::move(f); }
  /// user_locale sets get_user_locale: a locale code, or nullopt for the browser's.
  void user_locale(std::function<std::optional<std::string>(Handler&)> f) {
    user_locale_ = std::move(f);
  }

  /// reverse_url returns the path of the route named `name` for `args`: squall::Error
  /// KeyError "'<name> not found in named urls'" for an unknown name, and
  /// UrlPattern::reverse's errors.
  std::string reverse_url(std::string_view name, const std::vector<std::string>& args = {}) const;

  /// handle answers one request (call Request::parse() first). Never throws for a failing
  /// handler: an HttpError gives its status page, any other error a 500 page that shows
  /// nothing of the error (in debug mode: the error and the template source around its
  /// line) and the error's full text in the log.
  Response handle(Request request) const;
  /// respond answers `request` with `function` (and `path_args`) as a route would: the
  /// XSRF check, then the function, errors as handle() gives them. For adapters whose
  /// framework does the routing.
  Response respond(Request request, const HandlerFunction& function,
                   std::vector<std::string> path_args = {}) const;

  /// settings are the settings given to the constructor (fixed for the application's
  /// life).
  const Settings& settings() const { return settings_; }
  /// templates is the template set given to the constructor: what Handler::render uses.
  const TemplateSource& templates() const { return templates_; }
  /// static_files is null without a static_path.
  const StaticFiles* static_files() const { return static_files_.get(); }
  /// log receives error lines (stderr by default); set before serving.
  std::function<void(std::string_view)> log;
  /// clock is the time used for cookies and tokens (system_clock when empty).
  Clock clock;

 private:
  friend class Handler;
  Response finish(Handler& handler) const;
  void send_error(Handler& handler, int status, const std::exception* error) const;
  double now() const;

  Settings settings_;
  TemplateSource templates_;
  std::vector<std::unique_ptr<Route>> routes_;
  std::map<std::string, const Route*, std::less<>> named_;
  std::vector<std::pair<std::string, UIMethod>> ui_methods_;
  ModuleRegistry modules_;
  Namespace names_;
  Locales locales_;
  std::unique_ptr<StaticFiles> static_files_;
  std::function<Value(Handler&)> current_user_;
  std::function<std::optional<std::string>(Handler&)> user_locale_;
};

/// Handler is one request being answered (Tornado's RequestHandler). Not thread-safe;
/// the Values it gives templates refer to it and must not outlive it. UI modules reach it
/// through their session: `static_cast<Handler*>(session().context.get())`.
class Handler {
 public:
  /// Handler starts answering `request` (already parsed) for `app`, which must outlive
  /// it: the response starts as 200 with `Content-Type: text/html; charset=UTF-8`, and in
  /// debug mode the static file hashes are forgotten. Application::handle and respond make
  /// the handlers of routes (setting path_args); one made directly has none.
  Handler(const Application& app, Request request);
  ~Handler();
  Handler(const Handler&) = delete;
  Handler& operator=(const Handler&) = delete;

  /// application is the application answering the request.
  const Application& application() const { return app_; }
  /// request is the request being answered (with its parsed cookies and arguments).
  const Request& request() const { return request_; }
  /// response is the response built so far, which the function may change directly. The
  /// Application returns it when the function returns (without a body for HEAD); when the
  /// function throws, its status, headers and body are replaced by the error page, only
  /// Set-Cookie fields being kept.
  Response& response() { return response_; }
  /// path_args are the route's capture groups, url-unescaped.
  const std::vector<std::string>& path_args() const { return path_args_; }

  /// current_user is the application's current_user callback's answer, computed once.
  const Value& current_user();
  /// locale is user_locale's choice, else the browser's (Accept-Language).
  const Locale& locale();
  /// argument is get_argument(name, None).
  std::optional<std::string> argument(std::string_view name) const {
    return request_.argument(name);
  }

  /// xsrf_token is the page token (same value for the whole request); it sets the `_xsrf`
  /// cookie when the request had no usable one (expiring in 30 days for a logged-in user).
  const std::string& xsrf_token();
  /// xsrf_form_html is `<input type="hidden" name="_xsrf" value="TOKEN"/>`.
  std::string xsrf_form_html();
  /// check_xsrf_cookie throws HttpError(403) unless the `_xsrf` argument or the
  /// X-Xsrftoken / X-Csrftoken header matches the `_xsrf` cookie's token.
  void check_xsrf_cookie();
  /// static_url is `prefix + path?v=<sha512>`, with `protocol://host` in front when
  /// `include_host`. Throws squall::Error Exception "You must define the 'static_path'
  /// setting in your application to use static_url" without a static_path.
  std::string static_url(std::string_view path, bool include_host = false,
                         bool include_version = true);
  /// reverse_url is Application::reverse_url (same errors).
  std::string reverse_url(std::string_view name, const std::vector<std::string>& args = {}) const {
    return app_.reverse_url(name, args);
  }

  /// cookie is the request's cookie `name`.
  std::optional<std::string> cookie(std::string_view name) const;
  /// set_cookie adds a `Set-Cookie` field to the response (Response::set_cookie, with
  /// expires_days counted from the application's clock); the request's cookies are not
  /// changed. Throws std::invalid_argument for control characters in `name` or `value`.
  void set_cookie(std::string_view name, std::string_view value, const CookieOptions& options = {});
  /// clear_cookie sets `name` empty and expired.
  void clear_cookie(std::string_view name, const CookieOptions& options = {});
  /// secure_cookie is get_secure_cookie: the value if the cookie is validly signed and
  /// younger than `max_age_days`.
  std::optional<std::string> secure_cookie(std::string_view name, double max_age_days = 31) const;
  /// set_secure_cookie signs `value` (create_signed_value) and sets it, by default for 30
  /// days (options.expires_days).
  void set_secure_cookie(std::string_view name, std::string_view value,
                         std::optional<CookieOptions> options = std::nullopt);

  /// render_string renders template `name` with `args` (a dict, or None) as keyword
  /// arguments and the handler namespace, in this request's UI-module session.
  std::string render_string(std::string_view name, const Value& args = Value());
  /// render renders a page (RequestHandler.render: the resources of every module used in
  /// the request, including by earlier render_string calls, are injected; relative paths
  /// through static_url) into the response, as text/html. Throws squall::Error ValueError
  /// "subsection not found" when the page lacks the `</head>` or `</body>` they need.
  void render(std::string_view name, const Value& args = Value());
  /// write appends to the response body.
  void write(std::string_view text) { response_.body += text; }
  /// set_status sets the response's HTTP status code (not checked against known codes).
  void set_status(int status) { response_.status = status; }
  /// set_header replaces every response field named `name` (case-insensitive) by one;
  /// use response().headers.add for repeated fields.
  void set_header(std::string name, std::string value) {
    response_.headers.set(std::move(name), std::move(value));
  }
  /// redirect answers 302 (301 when permanent) to `url`.
  void redirect(std::string_view url, bool permanent = false);

  /// names is the handler namespace templates see (made on first use).
  const Namespace& names();

 private:
  friend class Application;
  struct State;
  // environment is the render environment of this request (and its UI-module session).
  RenderEnvironment environment();
  const Application& app_;
  Request request_;
  Response response_;
  std::vector<std::string> path_args_;
  std::unique_ptr<State> state_;
};

}  // namespace squall::web
