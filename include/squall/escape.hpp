// Tornado 6.2's tornado.escape functions on UTF-8 strings, byte for byte.
//
// Every function takes and returns UTF-8 text (Python `str`). Tornado's bytes-or-str inputs
// are the Value layer's business: it converts and validates before calling here (see
// docs/escaping.md, "Values and bytes"). Inputs that are not valid UTF-8 never crash and
// never throw; each function's comment says what it does with them.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "squall/quote_entity.hpp"

namespace squall {

/// append_xhtml_escape appends `text` to `out` with `& < > " '` replaced by `&amp; &lt; &gt;
/// &quot;` and the QuoteEntity. Every other byte, invalid UTF-8 included, is copied as is.
/// This is the autoescape hot path: runs of safe bytes are copied in one append.
///
/// **Example**: `append_xhtml_escape(out, "a<b")` appends `a&lt;b`.
void append_xhtml_escape(std::string& out, std::string_view text,
                         QuoteEntity quote = QuoteEntity::Decimal);

/// xhtml_escape returns `text` escaped as append_xhtml_escape does.
std::string xhtml_escape(std::string_view text, QuoteEntity quote = QuoteEntity::Decimal);

/// xhtml_unescape is Tornado 6.2's `xhtml_unescape`: every match of `&(#?)(\w+?);` (Python's
/// Unicode `\w`) is replaced. `&name;` uses `html.entities.name2codepoint` (case-sensitive, no
/// HTML5 names such as `&apos;`); `&#N;` and `&#xN;` go through Python's `int()` (so `_`
/// separators, a `0x` prefix after `x`, and Unicode decimal digits are accepted) and `chr()`.
/// Anything that does not convert is left as is. Invalid UTF-8 is copied as is.
///
/// Throws squall::Error (error.hpp) where Python raises: `OverflowError` for a number of 2**31 or
/// more, and `UnicodeEncodeError` for a surrogate (`&#xD800;`), which Python can hold in a `str`
/// but a template can never write out.
std::string xhtml_unescape(std::string_view text);

/// append_url_escape appends `text` percent-encoded as `urllib.parse.quote_plus` (plus=true)
/// or `quote` (plus=false) encodes its UTF-8 bytes: ASCII letters, digits and `_.-~` stay;
/// with `plus`, space becomes `+` and `/` becomes `%2F`; without, space is `%20` and `/`
/// stays. Every other byte (invalid UTF-8 included) becomes `%XX` in upper-case hex.
void append_url_escape(std::string& out, std::string_view text, bool plus = true);

/// url_escape returns `text` escaped as append_url_escape does.
std::string url_escape(std::string_view text, bool plus = true);

/// url_unescape is Tornado 6.2's `url_unescape(value, encoding="utf-8", plus=plus)`: with
/// `plus`, `+` becomes a space first; then `%XX` (any hex case) becomes that byte and a `%`
/// not followed by two hex digits stays. As in `urllib.parse.unquote`, each run of ASCII
/// characters is decoded on its own with `errors="replace"`: a byte sequence that is not
/// UTF-8 becomes U+FFFD per maximal invalid subpart, exactly as CPython's decoder does.
/// Non-ASCII bytes in the input (valid or not) are copied as is.
std::string url_unescape(std::string_view text, bool plus = true);

/// squeeze is Tornado's `squeeze`: every run of U+0000..U+0020 becomes one space, then
/// Python's `str.strip()` removes Unicode whitespace (U+00A0, U+3000, U+0085, ...) at both
/// ends. Interior non-ASCII whitespace is kept. Invalid UTF-8 is copied as is.
std::string squeeze(std::string_view text);

/// append_json_string appends `text` as a JSON string literal, quotes included, exactly as
/// Tornado's `json_encode` writes a `str`: Python's `json.dumps` (ensure_ascii=True) writes
/// `\"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f`; other characters below U+0020 and U+007F..U+FFFF
/// as `\u00XX`/`\uXXXX` in lower-case hex; characters beyond the BMP as a surrogate pair
/// (`\ud83d\ude00`). The output is pure ASCII. Invalid UTF-8 becomes `\ufffd`, one per
/// maximal invalid subpart.
///
/// With `escape_script_close` (the default), `</` is written `<\/`. Tornado applies
/// `.replace("</", "<\\/")` to the whole `json.dumps` output; in that output a `<` only ever
/// occurs inside a string literal and the character after it belongs to the same literal,
/// so doing it per string gives the same bytes. json_encode therefore needs no second pass:
/// it calls this for every string (dict keys included) and writes numbers, `null`, `true`,
/// `false`, `NaN`, `Infinity`, brackets and the `", "` / `": "` separators itself.
void append_json_string(std::string& out, std::string_view text, bool escape_script_close = true);

/// LinkifyParams is Tornado's `extra_params`: a fixed string (used as `" " + s.strip()`
/// when not empty) or a function of the link's href whose result is used as
/// `" " + f(href).strip()` for every link, even when empty.
using LinkifyParams = std::variant<std::string, std::function<std::string(std::string_view)>>;

/// LinkifyOptions are `linkify`'s keyword arguments with Tornado's defaults.
struct LinkifyOptions {
  bool shorten = false;                        ///< shorten long link texts, as Tornado does
  LinkifyParams extra_params = std::string();  ///< attributes added to every `<a>` tag
  bool require_protocol = false;               ///< link only URLs with a protocol
  /// permitted_protocols are compared exactly (case-sensitive), as Python's `in` does.
  std::vector<std::string> permitted_protocols = {"http", "https"};
  /// quote is the entity the initial xhtml_escape writes for `'`.
  QuoteEntity quote = QuoteEntity::Decimal;
};

/// linkify is Tornado 6.2's `linkify`: it xhtml-escapes `text`, then replaces each URL its
/// regex finds (Python's Unicode `\w`, `\s` and `\b`) with `<a href="...">...</a>`, with
/// `shorten`, `extra_params`, `require_protocol` and `permitted_protocols` applied as in
/// Tornado. A callback's exception propagates. Bytes that are not valid UTF-8 never belong
/// to a URL and are otherwise copied as is.
///
/// **Example**: `linkify("see http://x.com!")` is `see <a href="http://x.com">http://x.com</a>!`.
std::string linkify(std::string_view text, const LinkifyOptions& options = {});

}  // namespace squall
