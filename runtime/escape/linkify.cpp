#include <algorithm>
#include <optional>

#include "escape/linkify_regex.hpp"
#include "squall/detail/unicode.hpp"
#include "squall/escape.hpp"

namespace squall {
namespace {

using detail::code_point_count;

constexpr std::size_t kMaxLen = 30;  // Tornado's max_len: "just an approximation"

// prefix_code_points returns the first `n` code points of `text` (Python's `text[:n]`).
std::string_view prefix_code_points(std::string_view text, std::size_t n) {
  std::size_t pos = 0;
  for (std::size_t count = 0; pos < text.size(); ++pos) {
    if ((static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) continue;
    if (count++ == n) break;
  }
  return text.substr(0, pos);
}

// before_first cuts `text` at the first `c` (Python's `text.split(c)[0]`).
std::string_view before_first(std::string_view text, char c) {
  return text.substr(0, text.find(c));
}

// shortened_length is Tornado's "host plus the first bit of the path" step. The result is
// always a prefix of the URL, so it is returned as a length in bytes.
std::size_t shortened_length(std::string_view url, std::size_t proto_bytes) {
  const std::string_view rest = url.substr(proto_bytes);
  const std::size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return url.size();
  std::string_view part1 = before_first(rest.substr(slash + 1), '/');
  part1 = before_first(before_first(prefix_code_points(part1, 8), '?'), '.');
  return proto_bytes + slash + 1 + part1.size();
}

// shorten_display is the `shorten` branch of make_link for a URL longer than kMaxLen. The
// display is always a prefix of the URL plus "..."; it returns that prefix's length, or
// nullopt when Tornado displays the whole URL (and adds no title).
std::optional<std::size_t> shorten_display(const detail::UrlMatch& m) {
  const std::size_t proto_bytes =
      m.protocol.data() != nullptr ? m.protocol.size() + 1 + m.slashes.size() : 0;
  std::string_view url = m.url.substr(0, shortened_length(m.url, proto_bytes));
  if (code_point_count(url) > kMaxLen * 3 / 2) url = prefix_code_points(url, kMaxLen);
  if (url.size() == m.url.size()) return std::nullopt;
  const std::size_t amp = url.rfind('&');
  // Avoid splitting an entity; Python compares the index in code points.
  if (amp != std::string_view::npos && code_point_count(url.substr(0, amp)) > kMaxLen - 5) {
    url = url.substr(0, amp);
  }
  if (code_point_count(url) + 3 >= code_point_count(m.url)) return std::nullopt;
  return url.size();
}

std::string link_params(const LinkifyParams& extra, const std::string& href) {
  if (const auto* text = std::get_if<std::string>(&extra)) {
    if (text->empty()) return {};
    return " " + std::string(detail::python_strip(*text));
  }
  const auto& callback = std::get<1>(extra);
  if (!callback) return {};  // an empty std::function stands for "no callback"
  return " " + std::string(detail::python_strip(callback(href)));
}

// Text is the escaped text twice: `source` is what the output copies from and `matchable`
// what the regex and the length rules see. They differ only where `source` has bytes that
// are not UTF-8, which `matchable` replaces one for one with U+007F: like Python's
// surrogate escapes, DEL is neither `\w`, `\s` nor punctuation, and counts as one character.
struct Text {
  std::string_view source;
  std::string_view matchable;

  std::string_view original(std::string_view part) const {
    return source.substr(static_cast<std::size_t>(part.data() - matchable.data()), part.size());
  }
};

bool is_linked(const detail::UrlMatch& m, const LinkifyOptions& options) {
  const bool has_protocol = m.protocol.data() != nullptr;
  if (options.require_protocol && !has_protocol) return false;
  const auto& permitted = options.permitted_protocols;
  return !has_protocol ||
         std::find(permitted.begin(), permitted.end(), m.protocol) != permitted.end();
}

void append_link(std::string& out, const Text& text, const detail::UrlMatch& m,
                 const LinkifyOptions& options) {
  const std::string_view url = text.original(m.url);
  if (!is_linked(m, options)) {
    out += url;
    return;
  }
  const std::string href = (m.protocol.data() != nullptr ? "" : "http://") + std::string(url);
  std::string params = link_params(options.extra_params, href);
  std::string_view display = url;
  std::string_view ellipsis;
  if (options.shorten && code_point_count(m.url) > kMaxLen) {
    if (const auto length = shorten_display(m)) {
      display = url.substr(0, *length);
      ellipsis = "...";
      params += " title=\"" + href + "\"";
    }
  }
  out += "<a href=\"";
  out += href;
  out += '"';
  out += params;
  out += '>';
  out += display;
  out += ellipsis;
  out += "</a>";
}

// matchable_copy returns `text` with every byte that is not part of valid UTF-8 replaced by
// U+007F (see Text).
std::string matchable_copy(std::string_view text) {
  std::string copy(text);
  std::size_t pos = 0;
  while (pos < copy.size()) {
    if (static_cast<unsigned char>(copy[pos]) < 0x80) {
      ++pos;
    } else if (const auto c = detail::decode_utf8(copy, pos)) {
      pos += c->length;
    } else {
      copy[pos++] = '\x7F';
    }
  }
  return copy;
}

}  // namespace

std::string linkify(std::string_view input, const LinkifyOptions& options) {
  const std::string escaped = xhtml_escape(input, options.quote);
  std::string sanitized;
  if (detail::first_invalid_utf8(escaped)) sanitized = matchable_copy(escaped);
  const Text text{escaped, sanitized.empty() ? std::string_view(escaped) : sanitized};
  std::string out;
  out.reserve(escaped.size());
  std::size_t copied = 0;
  detail::UrlMatch m;
  while (copied < escaped.size() && detail::find_url(text.matchable, copied, m)) {
    const auto begin = static_cast<std::size_t>(m.url.data() - text.matchable.data());
    out.append(escaped, copied, begin - copied);
    append_link(out, text, m, options);
    copied = begin + m.url.size();
  }
  out.append(escaped, copied);
  return out;
}

}  // namespace squall
