// Tornado 6.2's create_signed_value / decode_signed_value (tornado/web.py), step for step.
#include "squall/web/signed_value.hpp"

#include <charconv>
#include <chrono>
#include <stdexcept>
#include <vector>

#include "crypto.hpp"

namespace squall::web {
namespace {

double now(const Clock& clock) {
  return clock ? clock() : system_clock();
}

// parse_digits reads a non-empty run of ASCII digits as an int64 (nullopt otherwise, or on
// overflow).
std::optional<std::int64_t> parse_digits(std::string_view s) {
  std::int64_t v = 0;
  if (s.empty()) return std::nullopt;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s[0] == '-' || s[0] == '+') {
    return std::nullopt;
  }
  return v;
}

std::string field(std::string_view s) {
  return std::to_string(s.size()) + ":" + std::string(s);
}

// version_of is Tornado's _get_version: values matching `^([1-9][0-9]*)\|(.*)$` carry their
// version (Python's `.` stops at a newline and `$` also matches before a final one); the
// rest, and numbers above 999 (which version-less base64 can look like), are version 1.
int version_of(std::string_view value) {
  std::size_t i = 0;
  while (i < value.size() && value[i] >= '0' && value[i] <= '9') ++i;
  if (i == 0 || value[0] == '0' || i >= value.size() || value[i] != '|') return 1;
  const std::size_t newline = value.find('\n', i);
  if (newline != std::string_view::npos && newline + 1 != value.size()) return 1;
  if (i > 3) return 1;
  return static_cast<int>(*parse_digits(value.substr(0, i)));
}

struct FieldsV2 {
  std::int64_t key_version;
  std::string_view timestamp, name, value, signature;
};

// consume_field reads one `N:value|` field from the front of `rest`.
std::optional<std::string_view> consume_field(std::string_view& rest) {
  const std::size_t colon = rest.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const auto n = parse_digits(rest.substr(0, colon));
  if (!n) return std::nullopt;
  const std::string_view after = rest.substr(colon + 1);
  const auto len = static_cast<std::size_t>(*n);
  if (len >= after.size() || after[len] != '|') return std::nullopt;
  rest = after.substr(len + 1);
  return after.substr(0, len);
}

std::optional<FieldsV2> decode_fields_v2(std::string_view value) {
  std::string_view rest = value.substr(2);
  const auto key_version = consume_field(rest);
  if (!key_version) return std::nullopt;
  const auto kv = parse_digits(*key_version);
  if (!kv) return std::nullopt;
  const auto timestamp = consume_field(rest);
  if (!timestamp) return std::nullopt;
  const auto name = consume_field(rest);
  if (!name) return std::nullopt;
  const auto data = consume_field(rest);
  if (!data) return std::nullopt;
  return FieldsV2{*kv, *timestamp, *name, *data, rest};
}

std::optional<std::string> decode_v1(std::string_view secret, std::string_view name,
                                     std::string_view value, const DecodeOptions& options) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t bar = value.find('|', start);
    parts.push_back(value.substr(start, bar - start));
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  if (parts.size() != 3) return std::nullopt;
  const std::string expected = crypto::hmac_sha1_hex(
      secret, std::string(name) + std::string(parts[0]) + std::string(parts[1]));
  if (!crypto::equal(parts[2], expected)) return std::nullopt;
  const auto timestamp = parse_digits(parts[1]);
  if (!timestamp) return std::nullopt;
  const double t = static_cast<double>(*timestamp), current = now(options.clock);
  if (t < current - options.max_age_days * 86400) return std::nullopt;
  if (t > current + 31 * 86400) return std::nullopt;
  if (parts[1][0] == '0') return std::nullopt;
  return crypto::base64_decode(parts[0]);
}

template <class SecretFor>
std::optional<std::string> decode_v2(const SecretFor& secret_for, std::string_view name,
                                     std::string_view value, const DecodeOptions& options) {
  const auto fields = decode_fields_v2(value);
  if (!fields) return std::nullopt;
  const std::string_view signed_part = value.substr(0, value.size() - fields->signature.size());
  const std::optional<std::string_view> secret = secret_for(fields->key_version);
  if (!secret) return std::nullopt;
  if (!crypto::equal(fields->signature, crypto::hmac_sha256_hex(*secret, signed_part))) {
    return std::nullopt;
  }
  if (fields->name != name) return std::nullopt;
  const auto timestamp = parse_digits(fields->timestamp);
  if (!timestamp) return std::nullopt;
  if (static_cast<double>(*timestamp) < now(options.clock) - options.max_age_days * 86400) {
    return std::nullopt;
  }
  return crypto::base64_decode(fields->value);
}

template <class SecretFor>
std::optional<std::string> decode(const SecretFor& secret_for, std::string_view name,
                                  std::string_view value, const DecodeOptions& options,
                                  std::optional<std::string_view> v1_secret) {
  if (options.min_version > 2) {
    throw std::invalid_argument("Unsupported min_version " + std::to_string(options.min_version));
  }
  if (value.empty()) return std::nullopt;
  const int version = version_of(value);
  if (version < options.min_version) return std::nullopt;
  if (version == 1) {
    if (!v1_secret) throw std::invalid_argument("version 1 signed values need a single secret");
    return decode_v1(*v1_secret, name, value, options);
  }
  if (version == 2) return decode_v2(secret_for, name, value, options);
  return std::nullopt;
}

std::string sign(std::string_view secret, std::string_view name, std::string_view value,
                 const SignOptions& options) {
  const std::string timestamp = std::to_string(static_cast<std::int64_t>(now(options.clock)));
  const std::string data = crypto::base64_encode(value);
  if (options.version == 1) {
    return data + "|" + timestamp + "|" +
           crypto::hmac_sha1_hex(secret, std::string(name) + data + timestamp);
  }
  std::string to_sign = "2|" + field(std::to_string(options.key_version.value_or(0))) + "|" +
                        field(timestamp) + "|" + field(name) + "|" + field(data) + "|";
  return to_sign + crypto::hmac_sha256_hex(secret, to_sign);
}

void check_version(int version) {
  if (version != 1 && version != 2) {
    throw std::invalid_argument("Unsupported version " + std::to_string(version));
  }
}

}  // namespace

double system_clock() {
  using namespace std::chrono;
  return duration<double>(system_clock::now().time_since_epoch()).count();
}

std::string create_signed_value(std::string_view secret, std::string_view name,
                                std::string_view value, const SignOptions& options) {
  check_version(options.version);
  return sign(secret, name, value, options);
}

std::string create_signed_value(const KeyRing& keys, std::string_view name, std::string_view value,
                                const SignOptions& options) {
  check_version(options.version);
  if (!options.key_version) {
    throw std::invalid_argument("Key version must be set when sign key dict is used");
  }
  if (options.version < 2) {
    throw std::invalid_argument("Version must be at least 2 for key version support");
  }
  const auto found = keys.find(*options.key_version);
  if (found == keys.end()) {
    throw std::invalid_argument("key version " + std::to_string(*options.key_version) +
                                " is not in the key ring");
  }
  return sign(found->second, name, value, options);
}

std::optional<std::string> decode_signed_value(std::string_view secret, std::string_view name,
                                               std::string_view signed_value,
                                               const DecodeOptions& options) {
  const auto secret_for = [&](std::int64_t) { return std::optional<std::string_view>(secret); };
  return decode(secret_for, name, signed_value, options, secret);
}

std::optional<std::string> decode_signed_value(const KeyRing& keys, std::string_view name,
                                               std::string_view signed_value,
                                               const DecodeOptions& options) {
  const auto secret_for = [&](std::int64_t version) -> std::optional<std::string_view> {
    if (version > INT32_MAX) return std::nullopt;
    const auto found = keys.find(static_cast<int>(version));
    if (found == keys.end()) return std::nullopt;
    return std::string_view(found->second);
  };
  return decode(secret_for, name, signed_value, options, std::nullopt);
}

std::optional<int> signed_value_key_version(std::string_view signed_value) {
  if (version_of(signed_value) < 2) return std::nullopt;
  const auto fields = decode_fields_v2(signed_value);
  if (!fields || fields->key_version > INT32_MAX) return std::nullopt;
  return static_cast<int>(fields->key_version);
}

}  // namespace squall::web
