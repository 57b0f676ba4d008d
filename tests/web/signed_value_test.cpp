// Secure cookies against Tornado 6.2's own values (tests/web/data/web-cases.json).
#include <gtest/gtest.h>

#include "web_support.hpp"

namespace {

using namespace squall::web;
using web_test_support::cases;

KeyRing key_ring(const nlohmann::json& keys) {
  KeyRing ring;
  for (const auto& [k, v] : keys.items()) ring[std::stoi(k)] = v.get<std::string>();
  return ring;
}

TEST(SignedValue, CreateMatchesTornado) {
  for (const auto& c : cases()["signed_create"]) {
    SignOptions options;
    options.version = c["version"];
    const double now = c["clock"];
    options.clock = [now] { return now; };
    if (c.contains("key_version")) options.key_version = c["key_version"].get<int>();
    const std::string name = c["name"], value = c["value"];
    const std::string got =
        c.contains("keys")
            ? create_signed_value(key_ring(c["keys"]), name, value, options)
            : create_signed_value(c["secret"].get<std::string>(), name, value, options);
    EXPECT_EQ(got, c["expected"].get<std::string>()) << c.dump();
  }
}

TEST(SignedValue, DecodeMatchesTornado) {
  for (const auto& c : cases()["signed_decode"]) {
    DecodeOptions options;
    const double now = c["now"];
    options.clock = [now] { return now; };
    options.max_age_days = c["max_age_days"];
    options.min_version = c["min_version"];
    const std::string name = c["name"], value = c["value"];
    const auto got =
        c.contains("keys")
            ? decode_signed_value(key_ring(c["keys"]), name, value, options)
            : decode_signed_value(c["secret"].get<std::string>(), name, value, options);
    if (c["expected"].is_null()) {
      EXPECT_FALSE(got) << c["label"] << " decoded to " << *got;
    } else {
      ASSERT_TRUE(got) << c["label"];
      EXPECT_EQ(*got, c["expected"].get<std::string>()) << c["label"];
    }
  }
}

TEST(SignedValue, KeyVersionMatchesTornado) {
  for (const auto& c : cases()["signed_key_version"]) {
    const auto got = signed_value_key_version(c["value"].get<std::string>());
    if (c["expected"].is_null()) {
      EXPECT_FALSE(got) << c.dump();
    } else {
      EXPECT_EQ(got, c["expected"].get<int>()) << c.dump();
    }
  }
}

TEST(SignedValue, RoundTripWithSystemClock) {
  const std::string v = create_signed_value("s", "n", "value with | and \xff bytes");
  EXPECT_EQ(decode_signed_value("s", "n", v), "value with | and \xff bytes");
  EXPECT_FALSE(decode_signed_value("s", "other", v));
}

// Every misuse Tornado rejects with an exception is a std::invalid_argument here.
TEST(SignedValue, Errors) {
  SignOptions v3;
  v3.version = 3;
  EXPECT_THROW(create_signed_value("s", "n", "v", v3), std::invalid_argument);
  const KeyRing ring = {{0, "a"}};
  EXPECT_THROW(create_signed_value(ring, "n", "v"), std::invalid_argument);  // no key_version
  SignOptions missing;
  missing.key_version = 5;
  EXPECT_THROW(create_signed_value(ring, "n", "v", missing), std::invalid_argument);
  SignOptions v1;
  v1.version = 1;
  v1.key_version = 0;
  EXPECT_THROW(create_signed_value(ring, "n", "v", v1), std::invalid_argument);
  DecodeOptions min3;
  min3.min_version = 3;
  EXPECT_THROW(decode_signed_value("s", "n", "x", min3), std::invalid_argument);
  SignOptions make_v1;
  make_v1.version = 1;
  EXPECT_THROW(decode_signed_value(ring, "n", create_signed_value("a", "n", "v", make_v1)),
               std::invalid_argument);
}

}  // namespace
