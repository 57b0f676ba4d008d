// Signed values (Tornado's secure cookies): a value with a timestamp and an HMAC, which the
// server can check was made with its secret and has not been changed.
//
// The format is Tornado 6.2's, byte for byte: version 2 (`2|1:0|10:1700000000|4:name|8:dmFs
// dWU=|<hex HMAC-SHA256>`, the default) and version 1 (`dmFsdWU=|1700000000|<hex
// HMAC-SHA1>`, read and, on request, written). A cookie signed by Tornado decodes here and
// the other way round. Signatures are compared in constant time.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace squall::web {

/// Clock returns the current time in seconds since the epoch (Tornado's `clock=`).
using Clock = std::function<double()>;

/// system_clock is time.time().
double system_clock();

/// KeyRing is Tornado's dict `cookie_secret`: secrets by key version, for key rotation.
/// New values are signed with one version; values signed with any version in the ring decode.
using KeyRing = std::map<int, std::string>;

/// SignOptions are create_signed_value's optional arguments.
struct SignOptions {
  /// version is the format written: 2 (default) or 1 (no key versions). Others throw
  /// std::invalid_argument "Unsupported version 3".
  int version = 2;
  /// key_version is written into version-2 values (0 when unset); with a KeyRing it picks
  /// the secret and is required.
  std::optional<int> key_version;
  /// clock gives the timestamp (system_clock when empty).
  Clock clock;
};

/// DecodeOptions are decode_signed_value's optional arguments.
struct DecodeOptions {
  /// max_age_days: older values are rejected (Tornado's default 31).
  double max_age_days = 31;
  /// min_version: values of an older format are rejected (1 or 2; above 2 throws
  /// std::invalid_argument "Unsupported min_version 3").
  int min_version = 1;
  /// clock gives the current time (system_clock when empty).
  Clock clock;
};

/// create_signed_value signs `value` under `name` with `secret`, as Tornado's
/// create_signed_value(secret, name, value).
///
/// **Example**: `create_signed_value("secret", "user", "ann")` ->
/// `2|1:0|10:1700000000|4:user|4:YW5u|<64 hex digits>`.
std::string create_signed_value(std::string_view secret, std::string_view name,
                                std::string_view value, const SignOptions& options = {});
/// create_signed_value with a key ring signs with `keys[options.key_version]`; throws
/// std::invalid_argument when key_version is unset or not in the ring, or for version 1.
std::string create_signed_value(const KeyRing& keys, std::string_view name, std::string_view value,
                                const SignOptions& options = {});

/// decode_signed_value returns the value `signed_value` carries when it is a valid
/// signature of `name` by `secret` and not expired, else nullopt (tampered, wrong name,
/// expired, malformed, empty, an unknown version). Version-1 values are also rejected when
/// their timestamp is more than 31 days in the future or has a leading zero (Tornado's
/// checks against moving digits between the value and the timestamp).
std::optional<std::string> decode_signed_value(std::string_view secret, std::string_view name,
                                               std::string_view signed_value,
                                               const DecodeOptions& options = {});
/// decode_signed_value with a key ring checks version-2 values with the secret of the key
/// version they name (nullopt when the ring lacks it); version-1 values throw
/// std::invalid_argument, as Tornado asserts.
std::optional<std::string> decode_signed_value(const KeyRing& keys, std::string_view name,
                                               std::string_view signed_value,
                                               const DecodeOptions& options = {});

/// signed_value_key_version is Tornado's get_signature_key_version: the key version of a
/// version-2 value, or nullopt (version 1, malformed).
std::optional<int> signed_value_key_version(std::string_view signed_value);

}  // namespace squall::web
