// Tornado 6.2's XSRF token handling (tornado/web.py: xsrf_token, _decode_xsrf_token,
// check_xsrf_cookie).
#include "squall/web/xsrf.hpp"

#include <charconv>
#include <stdexcept>

#include "crypto.hpp"
#include "squall/escape.hpp"

namespace squall::web {
namespace {

// mask_bytes is Tornado's _websocket_mask: `data` XOR the 4-byte `mask` repeated. A shorter
// mask (only in a forged cookie) counts as zero-padded, which is what Tornado's C speedup
// gives.
std::string mask_bytes(std::string_view mask, std::string_view data) {
  std::string out(data);
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (i % 4 < mask.size()) out[i] = static_cast<char>(out[i] ^ mask[i % 4]);
  }
  return out;
}

std::optional<XsrfToken> decode_v2(std::string_view value) {
  std::string_view parts[4];
  std::size_t count = 0, start = 0;
  for (;;) {
    const std::size_t bar = value.find('|', start);
    if (count == 4) return std::nullopt;
    parts[count++] = value.substr(start, bar - start);
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  if (count != 4) return std::nullopt;
  const auto mask = crypto::hex_decode(parts[1]);
  const auto masked = crypto::hex_decode(parts[2]);
  if (!mask || !masked) return std::nullopt;
  std::int64_t timestamp = 0;
  const std::string_view t = parts[3];
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), timestamp);
  if (t.empty() || ec != std::errc() || end != t.data() + t.size()) return std::nullopt;
  return XsrfToken{2, mask_bytes(*mask, *masked), timestamp};
}

}  // namespace

std::optional<XsrfToken> decode_xsrf_token(std::string_view value, double now) {
  if (value.empty()) return std::nullopt;
  // `^([1-9][0-9]*)\|`: a version prefix; only version 2 is known.
  std::size_t digits = 0;
  while (digits < value.size() && value[digits] >= '0' && value[digits] <= '9') ++digits;
  if (digits > 0 && value[0] != '0' && digits < value.size() && value[digits] == '|') {
    if (value.substr(0, digits) != "2") return std::nullopt;
    return decode_v2(value);
  }
  auto token = crypto::hex_decode(value);
  return XsrfToken{1, token ? std::move(*token) : std::string(value),
                   static_cast<std::int64_t>(now)};
}

std::string encode_xsrf_token(std::string_view token, std::int64_t timestamp, int version,
                              std::string_view mask) {
  if (version == 1) return crypto::hex_encode(token);
  if (version != 2) {
    throw std::invalid_argument("unknown xsrf cookie version " + std::to_string(version));
  }
  if (mask.size() != 4) throw std::invalid_argument("an xsrf mask is 4 bytes");
  return "2|" + crypto::hex_encode(mask) + "|" + crypto::hex_encode(mask_bytes(mask, token)) + "|" +
         std::to_string(timestamp);
}

std::string xsrf_form_html(std::string_view encoded_token) {
  return "<input type=\"hidden\" name=\"_xsrf\" value=\"" + xhtml_escape(encoded_token) + "\"/>";
}

std::optional<std::string> check_xsrf(std::string_view submitted, std::string_view expected,
                                      double now) {
  if (submitted.empty()) return "'_xsrf' argument missing from POST";
  const auto token = decode_xsrf_token(submitted, now);
  if (!token || token->token.empty()) return "'_xsrf' argument has invalid format";
  if (!crypto::equal(token->token, expected)) return "XSRF cookie does not match POST argument";
  return std::nullopt;
}

}  // namespace squall::web
