// Internal: the hashing, HMAC, randomness and encodings squall::web needs. The digests
// and random bytes come from OpenSSL's libcrypto; hex and base64 are plain encodings.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace squall::web::crypto {

/// hmac_sha256_hex / hmac_sha1_hex are Python's `hmac.new(key, msg, sha).hexdigest()`.
std::string hmac_sha256_hex(std::string_view key, std::string_view message);
std::string hmac_sha1_hex(std::string_view key, std::string_view message);
/// sha512_hex is `hashlib.sha512(data).hexdigest()`.
std::string sha512_hex(std::string_view data);
/// random_bytes returns `n` bytes from OpenSSL's CSPRNG (throws std::runtime_error if it fails).
std::string random_bytes(std::size_t n);
/// equal is `hmac.compare_digest`: the time taken does not depend on where `a` and `b` differ.
bool equal(std::string_view a, std::string_view b);

/// hex_encode is `binascii.b2a_hex` (lower case).
std::string hex_encode(std::string_view bytes);
/// hex_decode is `binascii.a2b_hex`: nullopt for an odd length or a non-hex digit.
std::optional<std::string> hex_decode(std::string_view hex);
/// base64_encode is `base64.b64encode`.
std::string base64_encode(std::string_view bytes);
/// base64_decode is `base64.b64decode` (non-validating: characters outside the alphabet are
/// skipped, as binascii does); nullopt for incorrect padding.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace squall::web::crypto
