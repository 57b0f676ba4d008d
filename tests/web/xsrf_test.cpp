// XSRF tokens and checks against Tornado 6.2 (tests/web/data/web-cases.json).
#include <gtest/gtest.h>

#include <regex>

#include "web_support.hpp"

namespace {

using namespace squall::web;
using web_test_support::cases;

std::string unhex(const std::string& hex) {
  std::string out;
  for (std::size_t i = 0; i < hex.size(); i += 2)
    out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  return out;
}

std::string hex(const std::string& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (const char c : bytes) {
    out += kDigits[static_cast<unsigned char>(c) >> 4];
    out += kDigits[static_cast<unsigned char>(c) & 15];
  }
  return out;
}

TEST(Xsrf, EncodeMatchesTornado) {
  for (const auto& c : cases()["xsrf_encode"]) {
    EXPECT_EQ(encode_xsrf_token(unhex(c["token"]), c["timestamp"], c["version"], unhex(c["mask"])),
              c["expected"].get<std::string>());
  }
  EXPECT_THROW(encode_xsrf_token("t", 0, 3, "abcd"), std::invalid_argument);
  EXPECT_THROW(encode_xsrf_token("t", 0, 2, "abc"), std::invalid_argument);
}

TEST(Xsrf, DecodeMatchesTornado) {
  for (const auto& c : cases()["xsrf_decode"]) {
    const auto got = decode_xsrf_token(c["value"].get<std::string>(), c["now"].get<double>());
    if (c["expected"].is_null()) {
      EXPECT_FALSE(got) << c.dump();
      continue;
    }
    ASSERT_TRUE(got) << c.dump();
    EXPECT_EQ(got->version, c["expected"]["version"].get<int>()) << c.dump();
    EXPECT_EQ(hex(got->token), c["expected"]["token"].get<std::string>()) << c.dump();
    EXPECT_EQ(got->timestamp, c["expected"]["timestamp"].get<std::int64_t>()) << c.dump();
  }
}

TEST(Xsrf, CheckMatchesTornado) {
  auto app = web_test_support::make_app();
  for (const auto& c : cases()["xsrf_check"]) {
    nlohmann::json headers = nlohmann::json::object();
    std::string body;
    if (!c["cookie"].is_null()) headers["Cookie"] = "_xsrf=" + c["cookie"].get<std::string>();
    if (!c["header"].is_null()) headers[c["header_name"].get<std::string>()] = c["header"];
    if (!c["form"].is_null()) {
      headers["Content-Type"] = "application/x-www-form-urlencoded";
      body = "_xsrf=" + squall::url_escape(c["form"].get<std::string>());
    }
    Handler h(*app, web_test_support::request("/", headers, "POST", body));
    if (c["expected"].is_null()) {
      EXPECT_NO_THROW(h.check_xsrf_cookie()) << c["label"];
      continue;
    }
    try {
      h.check_xsrf_cookie();
      ADD_FAILURE() << c["label"] << ": accepted";
    } catch (const HttpError& e) {
      EXPECT_EQ(e.status(), 403);
      EXPECT_EQ(e.log_message(), c["expected"]["message"].get<std::string>()) << c["label"];
    }
  }
}

// Random masks differ from Tornado's: the tokens are compared by what they carry.
TEST(Xsrf, PageTokenMatchesTornado) {
  for (const auto& c : cases()["xsrf_page"]) {
    Settings settings;
    settings.xsrf_cookies = true;
    settings.xsrf_cookie_version = c["version"];
    auto app = web_test_support::make_app(settings);
    nlohmann::json headers = nlohmann::json::object();
    if (!c["cookie"].is_null()) headers["Cookie"] = "_xsrf=" + c["cookie"].get<std::string>();
    Handler h(*app, web_test_support::request("/", headers));
    const std::string token = h.xsrf_token();
    EXPECT_EQ(h.xsrf_token(), token) << "one token per request";
    const std::string expected = c["token"];
    const auto ours = decode_xsrf_token(token, 0), theirs = decode_xsrf_token(expected, 0);
    ASSERT_TRUE(ours && theirs) << c["label"];
    EXPECT_EQ(token.size(), expected.size()) << c["label"];
    if (!c["cookie"].is_null()) {
      EXPECT_EQ(ours->token, theirs->token) << c["label"];
      if (c["version"] == 2) {
        EXPECT_EQ(ours->timestamp, theirs->timestamp) << c["label"];
      }
    } else if (c["version"] == 2) {
      EXPECT_TRUE(
          std::regex_match(token, std::regex(R"(2\|[0-9a-f]{8}\|[0-9a-f]{32}\|1700000000)")))
          << token;
    }
    const auto set_cookie = h.response().headers.get("Set-Cookie");
    if (c["set_cookie"].is_null()) {
      EXPECT_FALSE(set_cookie) << c["label"];
    } else {
      ASSERT_TRUE(set_cookie) << c["label"];
      EXPECT_EQ(*set_cookie, "_xsrf=" + token + "; Path=/");
    }
    EXPECT_EQ(h.xsrf_form_html(),
              R"(<input type="hidden" name="_xsrf" value=")" + token + R"("/>)");
  }
}

}  // namespace
