// Password checks for the blog's authors: PBKDF2-HMAC-SHA256 with 20000 rounds, as the
// Tornado twin computes it with hashlib.pbkdf2_hmac (OpenSSL's libcrypto; no crypto here).
#pragma once

#include <string>
#include <string_view>

namespace blog {

// password_hash is the hex PBKDF2-HMAC-SHA256 of `password` with `salt`, 20000 rounds.
std::string password_hash(std::string_view password, std::string_view salt);

// password_matches compares password_hash(password, salt) with `expected_hex` in
// constant time.
bool password_matches(std::string_view password, std::string_view salt,
                      std::string_view expected_hex);

}  // namespace blog
