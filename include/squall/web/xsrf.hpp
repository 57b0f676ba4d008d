// XSRF tokens in Tornado 6.2's formats (RequestHandler.xsrf_token, _decode_xsrf_token,
// check_xsrf_cookie). The raw token is 16 random bytes kept in the `_xsrf` cookie; pages
// carry it masked with fresh random bytes (version 2) so it never appears twice the same.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace squall::web {

/// XsrfToken is a decoded token: its format version (1 or 2), the raw token bytes and the
/// time it was made (version 1 carries none: the decode time is used).
struct XsrfToken {
  int version = 2;  ///< the format it was read in (or is to be written in): 1 or 2
  /// token is the raw token bytes (16 random bytes when made here; a version-1 value that
  /// is not hex is taken as is). Empty means no usable token.
  std::string token;
  std::int64_t timestamp = 0;  ///< when the token was made, in seconds since the epoch
};

/// decode_xsrf_token reads a cookie or submitted value: `2|mask|masked|timestamp` (hex
/// mask and token), or version 1 (hex, else the raw bytes). nullopt for an empty value, an
/// unknown version (`3|...`), or a malformed version-2 value. `now` is the timestamp given
/// to version-1 tokens.
std::optional<XsrfToken> decode_xsrf_token(std::string_view value, double now);

/// encode_xsrf_token writes `token` as a page carries it: version 1 is the token in hex,
/// version 2 `2|<hex mask>|<hex of token XOR mask>|<timestamp>`. `mask` must be 4 bytes
/// (new random bytes per request). Other versions throw std::invalid_argument.
std::string encode_xsrf_token(std::string_view token, std::int64_t timestamp, int version,
                              std::string_view mask);

/// xsrf_form_html is `<input type="hidden" name="_xsrf" value="ESCAPED TOKEN"/>`.
std::string xsrf_form_html(std::string_view encoded_token);

/// check_xsrf returns why a submitted token (the `_xsrf` argument or the X-Xsrftoken /
/// X-Csrftoken header, empty when absent) does not prove the request came from a page of
/// this site whose raw token is `expected` (Tornado's 403 reasons: "'_xsrf' argument
/// missing from POST", "'_xsrf' argument has invalid format", "XSRF cookie does not match
/// POST argument"), or nullopt when it does. Tokens are compared in constant time.
std::optional<std::string> check_xsrf(std::string_view submitted, std::string_view expected,
                                      double now);

}  // namespace squall::web
