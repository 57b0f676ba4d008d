// The handler namespace templates see, static_url, reverse_url and the request cycle
// (errors, XSRF, secure cookies), against Tornado 6.2 where it has an answer.
#include <gtest/gtest.h>

#include "squall/py.hpp"
#include "web_support.hpp"

namespace {

using namespace squall::web;
using web_test_support::cases;
using web_test_support::make_app;
using web_test_support::request;

squall::Value datetime(int y, int m, int d, int h, int mi) {
  const squall::Value module = *squall::py::module("datetime");
  const squall::Value args[] = {y, m, d, h, mi};
  return squall::py::call(squall::py::getattr(module, "datetime"), args);
}

TEST(Handler, TemplatesSeeTornadosNamespace) {
  auto app = make_app();
  app->locales().load_csv(web_test_support::data_path("locale_csv"));
  for (const auto& c : cases()["page"]) {
    Handler h(*app, request(c["path"], c["headers"]));
    const squall::Value args = {{"entries", squall::Value::list({"one", "two"})},
                                {"when", datetime(2023, 11, 13, 9, 5)}};
    EXPECT_EQ(h.render_string(c["template"].get<std::string>(), args),
              c["expected"].get<std::string>())
        << c["label"];
  }
}

TEST(Handler, RequestParsingMatchesTornado) {
  for (const auto& c : cases()["request_parse"]) {
    nlohmann::json headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
    if (!c["cookie"].get<std::string>().empty()) headers["Cookie"] = c["cookie"];
    const std::string query = c["query"];
    const Request r = request(query.empty() ? "/" : "/?" + query, headers, "POST", c["body"]);
    nlohmann::json arguments = nlohmann::json::object(), cookies = nlohmann::json::object();
    for (const auto& [name, values] : r.arguments) arguments[name] = values;
    for (const auto& [name, value] : r.cookies) cookies[name] = value;
    EXPECT_EQ(arguments, c["arguments"]) << c.dump();
    EXPECT_EQ(cookies, c["cookies"]) << c.dump();
    EXPECT_EQ(r.argument("x").value_or("<none>"),
              c["argument_x"].is_null() ? "<none>" : c["argument_x"].get<std::string>());
  }
}

TEST(Handler, StaticUrlMatchesTornado) {
  auto app = make_app();
  for (const auto& c : cases()["static_url"]) {
    Handler h(*app, request("/"));
    EXPECT_EQ(h.static_url(c["path"].get<std::string>(), c["include_host"], c["include_version"]),
              c["expected"].get<std::string>());
  }
}

TEST(Handler, ReverseUrlMatchesTornado) {
  auto app = make_app();
  for (const auto& c : cases()["reverse_url"]) {
    const auto args = c["args"].get<std::vector<std::string>>();
    if (c["expected"].is_string()) {
      EXPECT_EQ(app->reverse_url(c["name"].get<std::string>(), args),
                c["expected"].get<std::string>());
      continue;
    }
    try {
      app->reverse_url(c["name"].get<std::string>(), args);
      ADD_FAILURE() << c.dump();
    } catch (const squall::Error& e) {
      EXPECT_EQ(e.type(), c["expected"]["type"].get<std::string>()) << c.dump();
      EXPECT_EQ(e.message(), c["expected"]["message"].get<std::string>()) << c.dump();
    }
  }
}

TEST(Handler, CurrentUserIsComputedOnceAndOnlyWhenRead) {
  auto app = make_app();
  int calls = 0;
  app->current_user([&](Handler&) {
    ++calls;
    return squall::Value("ann");
  });
  Handler h(*app, request("/"));
  EXPECT_EQ(h.render_string("ui_method.html"), "ABC!(/)|X?(/)|/\n");
  EXPECT_EQ(calls, 0);
  EXPECT_EQ(h.render_string("helpers.html").substr(0, 4), "ann|");
  EXPECT_EQ(h.render_string("helpers.html").substr(0, 4), "ann|");
  EXPECT_EQ(calls, 1);
}

// Deviation (docs/differences.md): a UI method Tornado would silently skip is refused.
TEST(Handler, UIMethodNamesTornadoSkipsAreRefused) {
  auto app = make_app();
  const auto f = [](Handler&, squall::Args, squall::KwArgs) { return squall::Value(); };
  EXPECT_THROW(app->ui_method("Upper", f), std::invalid_argument);
  EXPECT_THROW(app->ui_method("_private", f), std::invalid_argument);
  EXPECT_THROW(app->route("(", "bad"), std::invalid_argument);
  EXPECT_THROW(app->route("/again", "plain"), std::invalid_argument);  // a name used twice
}

TEST(Handler, CookieErrorsAndFormats) {
  Response r;
  EXPECT_THROW(r.set_cookie("n", "a\nb", {}, 0), std::invalid_argument);
  EXPECT_THROW(r.set_cookie("n\x01", "v", {}, 0), std::invalid_argument);
  CookieOptions all;
  all.domain = "example.com";
  all.expires_days = 1;
  all.httponly = all.secure = true;
  all.max_age = 60;
  all.samesite = "Lax";
  r.set_cookie("n", "", all, 0);
  r.set_cookie("m", "a b;c", {}, 0);
  std::vector<std::string> lines;
  for (const auto& [name, value] : r.headers.items()) lines.push_back(value);
  EXPECT_EQ(lines, (std::vector<std::string>{
                       "n=\"\"; Domain=example.com; expires=Fri, 02 Jan 1970 00:00:00 GMT; "
                       "HttpOnly; Max-Age=60; Path=/; SameSite=Lax; Secure",
                       "m=\"a b\\073c\"; Path=/"}));
}

TEST(Handler, StaticUrlNeedsStaticPath) {
  Settings settings;
  Application app(settings, web_test::templates());
  Handler h(app, request("/"));
  try {
    h.static_url("a.js");
    ADD_FAILURE();
  } catch (const squall::Error& e) {
    EXPECT_EQ(e.type(), "Exception");
  }
}

TEST(Handler, DebugModeRehashesChangedFilesPerRequest) {
  const auto dir = std::filesystem::temp_directory_path() / "squall-web-static";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "f.js") << "A";
  Settings cached_settings, debug_settings;
  cached_settings.static_path = debug_settings.static_path = dir;
  debug_settings.debug = true;
  Application cached(cached_settings, web_test::templates()),
      debug(debug_settings, web_test::templates());
  const auto url = [](Application& app) { return Handler(app, request("/")).static_url("f.js"); };
  const std::string a = url(cached);
  EXPECT_EQ(url(debug), a);
  std::ofstream(dir / "f.js") << "BB";
  EXPECT_EQ(url(cached), a);
  EXPECT_NE(url(debug), a);
  std::filesystem::remove_all(dir);
}

// -- The request cycle (Application::handle).

std::unique_ptr<Application> cycle_app(bool debug = false) {
  Settings settings;
  settings.xsrf_cookies = true;
  settings.debug = debug;
  auto app = make_app(settings);
  app->route("/page").get([](Handler& h) { h.render("ui_method.html"); });
  app->route("/boom").get([](Handler& h) { h.render("boom.html"); });
  app->route("/form").post([](Handler& h) { h.write("posted " + h.argument("x").value_or("")); });
  app->route("/login").get([](Handler& h) { h.set_secure_cookie("user", "ann"); });
  app->route("/me").get([](Handler& h) { h.write(h.secure_cookie("user").value_or("nobody")); });
  app->route("/deny").get([](Handler&) { throw HttpError(401, "no"); });
  return app;
}

TEST(Application, RoutesAndErrors) {
  auto app = cycle_app();
  std::string log;
  app->log = [&](std::string_view line) { log += std::string(line) + "\n"; };
  EXPECT_EQ(app->handle(request("/page")).body, "ABC!(/page)|X?(/page)|/page\n");
  const Response missing = app->handle(request("/nowhere"));
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.body, "<html><title>404: Not Found</title><body>404: Not Found</body></html>");
  EXPECT_EQ(app->handle(request("/page", {}, "DELETE")).status, 405);
  EXPECT_EQ(app->handle(request("/deny")).status, 401);
  const Response boom = app->handle(request("/boom"));
  EXPECT_EQ(boom.status, 500);
  EXPECT_EQ(boom.body,
            "<html><title>500: Internal Server Error</title><body>500: Internal Server "
            "Error</body></html>");
  EXPECT_NE(log.find("Uncaught exception GET /boom: boom.html:2: KeyError: 'missing'"),
            std::string::npos)
      << log;
  EXPECT_EQ(app->handle(request("/page", {}, "HEAD")).body, "");
}

TEST(Application, DebugErrorPageShowsTheTemplateSource) {
  auto app = cycle_app(true);
  const Response boom = app->handle(request("/boom"));
  EXPECT_EQ(boom.status, 500);
  EXPECT_NE(boom.body.find("boom.html:2: KeyError: &#39;missing&#39;"), std::string::npos)
      << boom.body;
  EXPECT_NE(boom.body.find("&gt;     2  {{ {}[&#39;missing&#39;] }}"), std::string::npos)
      << boom.body;
}

TEST(Application, XsrfProtectsPosts) {
  auto app = cycle_app();
  const nlohmann::json form = {{"Content-Type", "application/x-www-form-urlencoded"}};
  EXPECT_EQ(app->handle(request("/form", form, "POST", "x=1")).status, 403);
  Handler page(*app, request("/page"));
  const std::string token = page.xsrf_token();
  nlohmann::json with_cookie = form;
  with_cookie["Cookie"] = "_xsrf=" + token;
  const Response ok =
      app->handle(request("/form", with_cookie, "POST", "x=1&_xsrf=" + squall::url_escape(token)));
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.body, "posted 1");
}

TEST(Application, SecureCookieRoundTrip) {
  auto app = cycle_app();
  const Response login = app->handle(request("/login"));
  const std::string set_cookie(*login.headers.get("Set-Cookie"));
  EXPECT_EQ(set_cookie.rfind("user=2|1:0|10:1700000000|4:user|4:YW5u|", 0), 0u) << set_cookie;
  EXPECT_NE(set_cookie.find("; expires=Thu, 14 Dec 2023 22:13:20 GMT; Path=/"), std::string::npos)
      << set_cookie;
  const std::string value = set_cookie.substr(5, set_cookie.find(';') - 5);
  EXPECT_EQ(app->handle(request("/me", {{"Cookie", "user=" + value}})).body, "ann");
  // A value with `=` is sent quoted, as Python's Morsel quotes it, and read back unquoted.
  Handler h(*app, request("/"));
  h.set_secure_cookie("user", "anna");
  const std::string quoted(*h.response().headers.get("Set-Cookie"));
  EXPECT_EQ(quoted.rfind("user=\"2|1:0|10:1700000000|4:user|8:YW5uYQ==|", 0), 0u) << quoted;
  const std::string cookie = quoted.substr(5, quoted.find(';') - 5);
  EXPECT_EQ(app->handle(request("/me", {{"Cookie", "user=" + cookie}})).body, "anna");
  EXPECT_EQ(app->handle(request("/me", {{"Cookie", "user=forged"}})).body, "nobody");
}

TEST(Application, ServesStaticFiles) {
  auto app = cycle_app();
  const Response r = app->handle(request("/static/a.js?v=1"));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "A");
  EXPECT_EQ(*r.headers.get("Cache-Control"), "max-age=315360000");
  const std::string etag(*r.headers.get("Etag"));
  EXPECT_EQ(app->handle(request("/static/a.js", {{"If-None-Match", etag}})).status, 304);
  EXPECT_FALSE(app->handle(request("/static/a.js")).headers.get("Cache-Control"));
  EXPECT_EQ(app->handle(request("/static/../web-cases.json")).status, 403);
  EXPECT_EQ(app->handle(request("/static/none.js")).status, 404);
}

}  // namespace
