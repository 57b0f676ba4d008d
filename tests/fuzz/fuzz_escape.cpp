// Fuzzes the escape functions on any bytes (valid UTF-8 or not), and checks the one
// property escaping must hold: xhtml_escape's output has no raw `<`, `>`, `"`, `'`, and
// every `&` starts an entity. A Python exception (squall::Error) is a defined result:
// xhtml_unescape raises Tornado's OverflowError for `&#2147483648;` and UnicodeEncodeError
// for a surrogate entity, url_unescape UnicodeDecodeError for bad UTF-8; any other exception
// or a crash is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "squall/error.hpp"
#include "squall/escape.hpp"

namespace {

// python_errors_allowed runs `f`, for which a squall::Error is an answer, not a finding.
template <class F>
void python_errors_allowed(F f) {
  try {
    (void)f();
  } catch (const squall::Error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace squall;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string escaped = xhtml_escape(text);
  for (std::size_t i = 0; i < escaped.size(); ++i) {
    const char c = escaped[i];
    if (c == '<' || c == '>' || c == '"' || c == '\'') std::abort();
    if (c == '&' && escaped.find(';', i) == std::string::npos) std::abort();
  }
  (void)xhtml_escape(text, QuoteEntity::Hex);
  python_errors_allowed([&] { return xhtml_unescape(text); });
  (void)url_escape(text);
  (void)url_escape(text, false);
  python_errors_allowed([&] { return url_unescape(text); });
  python_errors_allowed([&] { return url_unescape(text, false); });
  (void)squeeze(text);
  std::string json;
  append_json_string(json, text);
  if (json.find("</") != std::string::npos) std::abort();
  (void)linkify(text);
  LinkifyOptions options;
  options.shorten = true;
  options.require_protocol = true;
  (void)linkify(text, options);
  return 0;
}
