#include <algorithm>

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

// shorten_path is Tornado's "host plus the first bit of the path" step.
std::string shorten_path(std::string_view url, std::size_t proto_bytes) {
  const std::string_view rest = url.substr(proto_bytes);
  const std::size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return std::string(url);
  std::string_view part1 = rest.substr(slash + 1);
  part1 = before_first(part1, '/');
  part1 = before_first(before_first(prefix_code_points(part1, 8), '?'), '.');
  std::string shortened(url.substr(0, proto_bytes + slash + 1));
  shortened += part1;
  return shortened;
}

// shorten_display is the `shorten` branch of make_link: it returns the text to display and
// whether it differs from the URL (then the caller adds a title with the full href).
std::pair<std::string, bool> shorten_display(const detail::UrlMatch& m) {
  const std::size_t proto_bytes =
      m.protocol.data() != nullptr ? m.protocol.size() + 1 + m.slashes.size() : 0;
  std::string url = shorten_path(m.url, proto_bytes);
  if (code_point_count(url) > kMaxLen * 3 / 2) url = std::string(prefix_code_points(url, kMaxLen));
  if (url == m.url) return {url, false};
  const std::size_t amp = url.rfind('&');
  // Avoid splitting an entity; Python compares the index in code points.
  if (amp != std::string::npos &&
      code_point_count(std::string_view(url).substr(0, amp)) > kMaxLen - 5) {
    url.resize(amp);
  }
  url += "...";
  if (code_point_count(url) >= code_point_count(m.url)) return {std::string(m.url), false};
  return {url, true};
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

void append_link(std::string& out, const detail::UrlMatch& m, const LinkifyOptions& options) {
  const bool has_protocol = m.protocol.data() != nullptr;
  const auto& permitted = options.permitted_protocols;
  if ((options.require_protocol && !has_protocol) ||
      (has_protocol &&
       std::find(permitted.begin(), permitted.end(), m.protocol) == permitted.end())) {
    out += m.url;
    return;
  }
  std::string href = has_protocol ? std::string(m.url) : "http://" + std::string(m.url);
  std::string params = link_params(options.extra_params, href);
  std::string display(m.url);
  if (options.shorten && code_point_count(m.url) > kMaxLen) {
    auto [shortened, changed] = shorten_display(m);
    display = std::move(shortened);
    if (changed) params += " title=\"" + href + "\"";
  }
  out += "<a href=\"";
  out += href;
  out += '"';
  out += params;
  out += '>';
  out += display;
  out += "</a>";
}

}  // namespace

std::string linkify(std::string_view text, const LinkifyOptions& options) {
  const std::string escaped = xhtml_escape(text, options.quote);
  std::string out;
  out.reserve(escaped.size());
  std::size_t copied = 0;
  detail::UrlMatch m;
  while (copied < escaped.size() && detail::find_url(escaped, copied, m)) {
    const auto begin = static_cast<std::size_t>(m.url.data() - escaped.data());
    out.append(escaped, copied, begin - copied);
    append_link(out, m, options);
    copied = begin + m.url.size();
  }
  out.append(escaped, copied);
  return out;
}

}  // namespace squall
