// Fuzzes the escape functions on any bytes (valid UTF-8 or not), and checks the one
// property escaping must hold: xhtml_escape's output has no raw `<`, `>`, `"`, `'`, and
// every `&` starts an entity.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "squall/escape.hpp"

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
  (void)xhtml_unescape(text);
  (void)url_escape(text);
  (void)url_escape(text, false);
  (void)url_unescape(text);
  (void)url_unescape(text, false);
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
