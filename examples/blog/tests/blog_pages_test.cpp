// The C++ site's pages against the Tornado twin's (expected/, recorded by
// tornado/record.py from the same templates, module folder and seeded database), byte for
// byte; and the request rules the twin follows (XSRF before anything else, login, compose).
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "blog_site.hpp"
#include "squall/web/signed_value.hpp"
#include "squall/web/xsrf.hpp"

namespace blog {
namespace {

namespace fs = std::filesystem;
using squall::web::Request;
using squall::web::Response;

const fs::path kSite = BLOG_SITE_DIR;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// unmask_xsrf rewrites every form token to the zero mask the recorded pages have (the
// mask is random per request; the token and time stamp under it are the cookie's).
std::string unmask_xsrf(std::string page) {
  static const std::string kField = "name=\"_xsrf\" value=\"";
  for (std::size_t at = page.find(kField); at != std::string::npos; at = page.find(kField, at)) {
    at += kField.size();
    const std::size_t end = page.find('"', at);
    const auto token = squall::web::decode_xsrf_token(page.substr(at, end - at), 0);
    const std::string fixed = token ? squall::web::encode_xsrf_token(token->token, token->timestamp,
                                                                     2, std::string(4, '\0'))
                                    : "(not a token)";
    page.replace(at, end - at, fixed);
    at += fixed.size();
  }
  return page;
}

// first_difference shows where two pages part, with the lines around it.
std::string first_difference(const std::string& actual, const std::string& expected) {
  std::size_t at = 0;
  while (at < actual.size() && at < expected.size() && actual[at] == expected[at]) ++at;
  const std::size_t from = at < 120 ? 0 : at - 120;
  return "pages differ at byte " + std::to_string(at) + "\n--- actual:\n" +
         actual.substr(from, 240) + "\n--- expected (Tornado):\n" + expected.substr(from, 240);
}

// A site on a new seeded database in a folder of its own.
class BlogSite : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("blog-site-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    site_ = std::make_unique<Site>(SiteOptions{kSite, dir_ / "blog.sqlite3"});
  }
  void TearDown() override {
    site_.reset();
    fs::remove_all(dir_);
  }

  // request sends `method` `target` with the given cookies, headers and form body.
  Response request(std::string method, const std::string& target, const std::string& cookies,
                   const std::string& form = "",
                   const std::vector<std::pair<std::string, std::string>>& headers = {}) {
    Request r;
    r.method = std::move(method);
    const std::size_t query = target.find('?');
    r.path = target.substr(0, query);
    if (query != std::string::npos) r.query = target.substr(query + 1);
    r.host = "localhost:8888";
    r.headers.add("Host", r.host);
    if (!cookies.empty()) r.headers.add("Cookie", cookies);
    for (const auto& [name, value] : headers) r.headers.add(name, value);
    if (!form.empty()) {
      r.body = form;
      r.headers.add("Content-Type", "application/x-www-form-urlencoded");
    }
    r.parse();
    return site_->app().handle(std::move(r));
  }

  static std::string user_cookie() {
    return "blog_user=" +
           squall::web::create_signed_value("squall-blog-demo-secret", "blog_user", "1");
  }

  fs::path dir_;
  std::unique_ptr<Site> site_;
};

TEST_F(BlogSite, PagesAreTheTornadoTwinsBytes) {
  const auto manifest = nlohmann::json::parse(read_file(kSite / "expected" / "pages.json"));
  const std::string xsrf = "_xsrf=" + manifest["xsrf_cookie"].get<std::string>();
  ASSERT_GE(manifest["pages"].size(), 10u);
  for (const auto& page : manifest["pages"]) {
    const std::string file = page["file"];
    SCOPED_TRACE(file);
    std::string cookies = xsrf;
    if (page.value("signed_in", false)) cookies += "; " + user_cookie();
    std::vector<std::pair<std::string, std::string>> headers;
    if (page.contains("accept_language"))
      headers.emplace_back("Accept-Language", page["accept_language"]);
    const Response r =
        request(page["method"], page["path"], cookies, page.value("form", ""), headers);
    EXPECT_EQ(r.status, page["status"].get<int>());
    EXPECT_EQ(r.headers.get("Content-Type").value_or(""), page["content_type"].get<std::string>());
    const std::string expected = read_file(kSite / "expected" / file);
    const std::string actual = unmask_xsrf(r.body);
    EXPECT_TRUE(actual == expected) << first_difference(actual, expected);
    if (actual != expected) {
      std::ofstream(dir_.parent_path() / ("blog-actual-" + file), std::ios::binary) << actual;
    }
  }
}

// Tornado checks the token before the handler runs: a POST without it is refused even
// when signed out, and nothing is written.
TEST_F(BlogSite, PostWithoutXsrfIsRefusedFirst) {
  const std::string xsrf = "_xsrf=2|00000000|0123456789abcdef0123456789abcdef|1700000000";
  EXPECT_EQ(request("POST", "/compose", "", "title=a&body=b").status, 403);
  EXPECT_EQ(request("POST", "/compose", user_cookie(), "title=a&body=b").status, 403);
  EXPECT_EQ(request("POST", "/compose", xsrf + "; " + user_cookie(),
                    "title=a&body=b&_xsrf=2%7C00000000%7Cffffffffffffffffffffffffffffffff%7C1")
                .status,
            403);
  EXPECT_EQ(request("POST", "/auth/login", "", "email=demo%40example.com&password=demo").status,
            403);
  EXPECT_EQ(site_->db().count_entries(), 6);
}

TEST_F(BlogSite, LoginComposeEditAndLogout) {
  const std::string token = "2|00000000|0123456789abcdef0123456789abcdef|1700000000";
  const std::string xsrf = "_xsrf=" + token, field = "&_xsrf=" + token;
  Response login = request("POST", "/auth/login", xsrf,
                           "email=demo%40example.com&password=demo&next=%2Fcompose" + field);
  ASSERT_EQ(login.status, 302);
  EXPECT_EQ(login.headers.get("Location").value_or(""), "/compose");
  std::string user;
  for (const auto& [name, value] : login.headers.items()) {
    if (name == "Set-Cookie" && value.starts_with("blog_user="))
      user = value.substr(0, value.find(';'));
  }
  ASSERT_FALSE(user.empty());

  EXPECT_EQ(
      request("POST", "/auth/login", xsrf, "email=demo%40example.com&password=x" + field).status,
      200);                                                 // the form again, with the error
  EXPECT_EQ(request("GET", "/compose", xsrf).status, 302);  // signed out: to the login page
  EXPECT_EQ(request("POST", "/compose", xsrf, "title=a&body=b" + field).status, 403);

  Response created = request("POST", "/compose", xsrf + "; " + user,
                             "title=From+C%2B%2B&body=One.%0D%0A%0D%0ATwo." + field);
  ASSERT_EQ(created.status, 302);
  EXPECT_EQ(created.headers.get("Location").value_or(""), "/entry/from-c");
  const auto entry = site_->db().entry_by_slug("from-c");
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->body, "One.\n\nTwo.");
  EXPECT_NE(request("GET", "/", xsrf).body.find("From C++"), std::string::npos);

  Response edited =
      request("POST", "/compose", xsrf + "; " + user,
              "id=" + std::to_string(entry->id) + "&title=Renamed&body=Three." + field);
  EXPECT_EQ(edited.headers.get("Location").value_or(""), "/entry/from-c");
  EXPECT_EQ(site_->db().entry_by_slug("from-c")->title, "Renamed");
  EXPECT_EQ(request("POST", "/compose", xsrf + "; " + user, "id=999&title=x&body=y" + field).status,
            404);
  EXPECT_EQ(request("GET", "/entry/no-such-entry", xsrf).status, 404);
  EXPECT_EQ(request("GET", "/auth/logout", xsrf + "; " + user).status, 302);
}

}  // namespace
}  // namespace blog
