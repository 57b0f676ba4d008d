// Both adapters serve the same test app on 127.0.0.1 (a free port): a page with module
// resources, a POST refused without the XSRF token and accepted with it, a secure cookie
// round trip, and a 500 that shows nothing of the error.
#include <gtest/gtest.h>
#include <httplib.h>

#include <thread>

#include "squall/py.hpp"
#include "squall/web/beast.hpp"
#include "squall/web/httplib.hpp"
#include "web_support.hpp"

namespace {

using namespace squall::web;

class Greeting final : public squall::UIModule {
 public:
  squall::Value render(squall::Args args, squall::KwArgs) override {
    return squall::Value("<p class=\"greeting\">Hi " +
                         squall::xhtml_escape(squall::py::str(args[0])) + "</p>");
  }
  squall::Value css_files() override { return squall::Value("m1.css"); }
  squall::Value embedded_javascript() override { return squall::Value("greet();"); }
};

std::unique_ptr<Application> test_app(std::string& log) {
  Settings settings;
  settings.xsrf_cookies = true;
  auto app = web_test_support::make_app(settings);
  app->modules().add<Greeting>("Greeting");
  app->current_user(
      [](Handler& h) { return squall::Value(h.secure_cookie("user").value_or("guest")); });
  app->log = [&log](std::string_view line) { log += std::string(line) + "\n"; };
  app->route("/").get([](Handler& h) {
    h.render("page.html", {{"title", "Home"}, {"name", "<Ann>"}});
  });
  app->route("/form").post([](Handler& h) { h.write("saved " + h.argument("text").value_or("")); });
  app->route("/login").get([](Handler& h) { h.set_secure_cookie("user", "ann"); });
  app->route("/me").get([](Handler& h) { h.write(squall::py::str(h.current_user())); });
  app->route("/boom").get([](Handler& h) { h.render("boom.html"); });
  return app;
}

// A running server of one adapter.
struct Served {
  virtual ~Served() = default;
  int port = 0;
};

struct HttplibServed final : Served {
  explicit HttplibServed(const Application& app) {
    cpphttplib::mount(server, app);
    port = server.bind_to_any_port("127.0.0.1");
    thread = std::thread([this] { server.listen_after_bind(); });
    while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~HttplibServed() override {
    server.stop();
    thread.join();
  }
  httplib::Server server;
  std::thread thread;
};

struct BeastServed final : Served {
  explicit BeastServed(const Application& app) : server(app, "127.0.0.1", 0) {
    port = server.port();
    thread = std::thread([this] { server.run(2); });
  }
  ~BeastServed() override {
    server.stop();
    thread.join();
  }
  beast::Server server;
  std::thread thread;
};

class Adapter : public testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    app_ = test_app(log_);
    if (GetParam() == "httplib") {
      served_ = std::make_unique<HttplibServed>(*app_);
    } else {
      served_ = std::make_unique<BeastServed>(*app_);
    }
    client_ = std::make_unique<httplib::Client>("127.0.0.1", served_->port);
  }
  void TearDown() override {
    client_.reset();
    served_.reset();
  }

  std::string log_;
  std::unique_ptr<Application> app_;
  std::unique_ptr<Served> served_;
  std::unique_ptr<httplib::Client> client_;
};

std::string cookie_value(const httplib::Result& r, const std::string& name) {
  for (const auto& [key, value] : r->headers) {
    if (key == "Set-Cookie" && value.rfind(name + "=", 0) == 0) {
      return value.substr(name.size() + 1, value.find(';') - name.size() - 1);
    }
  }
  return "";
}

TEST_P(Adapter, PageWithModuleResources) {
  const auto r = client_->Get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=UTF-8");
  const std::string& body = r->body;
  EXPECT_NE(body.find("<title>Home</title><link href=\"/static/m1.css?v=3d637ae6"),
            std::string::npos)
      << body;
  EXPECT_NE(body.find("<p class=\"greeting\">Hi &lt;Ann&gt;</p>"), std::string::npos) << body;
  EXPECT_NE(body.find("//<![CDATA[\ngreet();\n//]]>\n</script>\n</body></html>"), std::string::npos)
      << body;
  EXPECT_NE(body.find("<input type=\"hidden\" name=\"_xsrf\" value=\"2|"), std::string::npos)
      << body;
  EXPECT_NE(body.find("Hello guest"), std::string::npos) << body;
  EXPECT_FALSE(cookie_value(r, "_xsrf").empty());
}

TEST_P(Adapter, PostNeedsTheXsrfToken) {
  const auto refused = client_->Post("/form", "text=hi", "application/x-www-form-urlencoded");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
  EXPECT_EQ(refused->body, "<html><title>403: Forbidden</title><body>403: Forbidden</body></html>");
  const auto page = client_->Get("/");
  ASSERT_TRUE(page);
  const std::string token = cookie_value(page, "_xsrf");
  const httplib::Headers headers = {{"Cookie", "_xsrf=" + token}};
  const auto accepted =
      client_->Post("/form", headers, "text=hi&_xsrf=" + squall::url_escape(token),
                    "application/x-www-form-urlencoded");
  ASSERT_TRUE(accepted);
  EXPECT_EQ(accepted->status, 200);
  EXPECT_EQ(accepted->body, "saved hi");
  const httplib::Headers by_header = {{"Cookie", "_xsrf=" + token}, {"X-Xsrftoken", token}};
  const auto via_header =
      client_->Post("/form", by_header, "text=x", "application/x-www-form-urlencoded");
  ASSERT_TRUE(via_header);
  EXPECT_EQ(via_header->status, 200);
}

TEST_P(Adapter, SecureCookieRoundTrip) {
  const auto login = client_->Get("/login");
  ASSERT_TRUE(login);
  const std::string user = cookie_value(login, "user");
  EXPECT_EQ(user.rfind("2|1:0|10:1700000000|4:user|4:YW5u|", 0), 0u) << user;
  const auto me = client_->Get("/me", {{"Cookie", "user=" + user}});
  ASSERT_TRUE(me);
  EXPECT_EQ(me->body, "ann");
  const auto forged =
      client_->Get("/me", {{"Cookie", "user=" + user.substr(0, user.size() - 1) + "x"}});
  ASSERT_TRUE(forged);
  EXPECT_EQ(forged->body, "guest");
}

TEST_P(Adapter, ServerErrorLeaksNothing) {
  const auto r = client_->Get("/boom");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 500);
  EXPECT_EQ(r->body,
            "<html><title>500: Internal Server Error</title><body>500: Internal Server "
            "Error</body></html>");
  EXPECT_NE(log_.find("boom.html:2: KeyError: 'missing'"), std::string::npos) << log_;
}

INSTANTIATE_TEST_SUITE_P(Web, Adapter, testing::Values("httplib", "beast"));

}  // namespace
